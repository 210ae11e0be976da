"""Events sheets as chapters beyond western Europe keep them (fixtures/sheets3/, written here):
headers in Turkish, Greek, Ukrainian, Czech, Lithuanian, Japanese, Korean, Chinese, Hebrew,
Polish, Finnish, Hungarian and Indonesian; Excel's "CSV" saved on Windows in each locale's
code page (1254, 1253, 1251, 1250, 1257, 932, 949, GB18030, 1255); a US sheet whose "State"
is the state, not the event's status, and a Brazilian one whose "Estado" is either; clocks as
"klo 14", "오후 2시", "下午2点", "午後1時", "14–16", "14 h 30", "12 noon" and "TBA"; and the
Hungarian "2031. június 14."."""

import io
from datetime import time
from pathlib import Path

import pytest
from django.core.management import call_command
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.sheet_cells import cell_clock_range, cell_day
from turnout.importers.sheet_columns import EVENT_ALIASES, column_for, header_key
from turnout.importers.sheet_header_words import MORE_EVENT_HEADERS
from turnout.importers.spreadsheets import (
    EVENT_COLUMNS,
    event_header_names_known,
    read_event_rows,
)
from turnout.web.spreadsheets import LEGACY_CODE_PAGES, decode_sheet

pytestmark = pytest.mark.django_db

SHEETS = Path(__file__).parent / "fixtures" / "sheets3"
# Each file saved as Excel saves "CSV" in that locale: its code page.
CODE_PAGES = {
    "tr-excel-windows.csv": "cp1254",
    "el-excel-windows.csv": "cp1253",
    "uk-excel-windows.csv": "cp1251",
    "cs-excel-windows.csv": "cp1250",
    "lt-excel-windows.csv": "cp1257",
    "ja-excel-windows.csv": "cp932",
    "ko-excel-windows.csv": "cp949",
    "zh-excel-windows.csv": "gb18030",
    "he-excel-windows.csv": "cp1255",
}
# (city, country, local start, local end, venue) of every row, as a careful person imports it.
EXPECTED = {
    "tr-excel-windows.csv": [
        ("Istanbul", "TR", "14:00", "16:00", "Kadıköy İskelesi"),
        ("İzmir", "TR", "15:00", "17:00", "Gündoğdu Meydanı"),
    ],
    "el-excel-windows.csv": [
        ("Athens", "GR", "14:00", "16:00", "Πλατεία Συντάγματος"),
        ("Thessaloniki", "GR", "18:00", "20:00", "Λευκός Πύργος"),
    ],
    "uk-excel-windows.csv": [
        ("Kyiv", "UA", "14:00", "16:00", "Майдан Незалежності"),
        ("Lviv", "UA", "14:00", "16:00", "площа Ринок"),
    ],
    "cs-excel-windows.csv": [
        ("Prague", "CZ", "14:00", "16:00", "Václavské náměstí"),
        ("Brno", "CZ", "14:00", "16:00", "náměstí Svobody"),
    ],
    "lt-excel-windows.csv": [
        ("Vilnius", "LT", "14:00", "16:00", "Katedros aikštė"),
        ("Kaunas", "LT", "15:00", "17:00", "Rotušės aikštė"),
    ],
    "ja-excel-windows.csv": [
        ("Tokyo", "JP", "14:00", "16:00", "新宿駅南口"),
        ("Osaka", "JP", "13:00", "15:00", "梅田"),
    ],
    "ko-excel-windows.csv": [
        ("Seoul", "KR", "14:00", "16:00", "광화문광장"),
        ("Busan", "KR", "14:00", "16:00", "서면"),
    ],
    "zh-excel-windows.csv": [
        ("Taipei", "TW", "14:00", "16:00", "自由广场"),
        ("Hong Kong", "HK", "14:00", "16:00", "添马公园"),
    ],
    "he-excel-windows.csv": [
        ("Tel Aviv", "IL", "14:00", "16:00", "כיכר הבימה"),
        ("Haifa", "IL", "18:00", "20:00", "גן הזיכרון"),
    ],
    "pl-libreoffice.csv": [
        ("Warsaw", "PL", "14:00", "16:00", "Plac Zamkowy"),
        ("Kraków", "PL", "12:00", "14:00", "Rynek Główny"),
    ],
    "fi-google.csv": [
        ("Helsinki", "FI", "14:00", "16:00", "Senaatintori"),
        ("Tampere", "FI", "12:00", "14:00", "Keskustori"),  # the end "TBA": the usual length
    ],
    "hu-numbers.csv": [
        ("Budapest", "HU", "14:00", "16:00", "Kossuth tér"),
        ("Szeged", "HU", "14:30", "16:30", "Dóm tér"),
    ],
    "id-sheets.csv": [("Jakarta", "ID", "14:00", "16:00", "Bundaran HI")],
    "us-airtable-state.csv": [
        ("San Francisco", "US", "14:00", "16:00", ""),
        ("Portland", "US", "12:00", "14:00", ""),
    ],
    "pt-br-estado.csv": [
        ("São Paulo", "BR", "14:00", "16:00", "Avenida Paulista"),
        ("Rio de Janeiro", "BR", "14:30", "16:30", "Cinelândia"),
    ],
}


def reading(name: str):
    text = decode_sheet((SHEETS / name).read_bytes(), judge=event_header_names_known)
    return read_event_rows(text, source=name)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_row_of_a_sheet_in_another_language_is_read_as_a_person_reads_it(name):
    result = reading(name)
    assert result.rejected == []
    assert [
        (
            row.record.city,
            row.record.country,
            f"{row.record.starts_at:%H:%M}",
            f"{row.record.ends_at:%H:%M}",
            row.record.venue,
        )
        for row in result.rows
    ] == EXPECTED[name]
    assert {row.record.starts_at.date().isoformat() for row in result.rows} == {"2031-06-14"}
    unread = [w for w in result.warnings if "is not one the importer reads" in w.message]
    assert unread == []  # every column of these sheets is understood


@pytest.mark.parametrize("name", sorted(CODE_PAGES))
def test_a_sheet_saved_in_its_locales_code_page_is_decoded_to_the_text_that_was_typed(name):
    data = (SHEETS / name).read_bytes()
    typed = data.decode(CODE_PAGES[name])
    assert decode_sheet(data, judge=event_header_names_known) == typed


def test_the_header_decides_between_code_pages_that_both_decode_the_bytes():
    # Turkish and Central European Excel give "Ş" and "Ţ" the same byte: "Ţehir" is no header.
    data = (SHEETS / "tr-excel-windows.csv").read_bytes()
    assert data.decode("cp1250").startswith("Etkinlik;Ţehir")
    text = decode_sheet(data, judge=event_header_names_known)
    assert text.startswith("Etkinlik;Şehir;Ülke;Tarih;Başlangıç saati")


def test_the_import_command_reads_a_turkish_excel_file_and_writes_its_events(tmp_path):
    path = tmp_path / "etkinlikler.csv"
    path.write_bytes((SHEETS / "tr-excel-windows.csv").read_bytes())
    out, err = io.StringIO(), io.StringIO()
    call_command("import", "csv", "events", str(path), stdout=out, stderr=err)
    events = LocalEvent.objects.order_by("city")
    assert [(e.city, e.venue, e.signup_url) for e in events] == [
        ("Istanbul", "Kadıköy İskelesi", "https://example.org/istanbul"),
        ("İzmir", "Gündoğdu Meydanı", "https://example.org/izmir"),
    ]
    assert {e.title for e in events} == {"Yapay Zekâ Eylemi"}


def test_a_state_column_is_the_state_and_an_estado_column_either_as_its_cells_say():
    us = reading("us-airtable-state.csv")
    assert [row.status for row in us.rows] == ["approved", "approved"]
    assert us.rows[1].record.timezone == "America/New_York"  # Portland, Maine; not Oregon
    brazil = reading("pt-br-estado.csv")
    assert [row.status for row in brazil.rows] == ["approved", "approved"]  # "SP", "Confirmado"
    cancelled = "Cidade,Estado,País,Data\nRecife,Cancelado,BR,14/06/2031\n"
    assert [row.status for row in read_event_rows(cancelled, source="x").rows] == ["cancelled"]
    typo = "Cidade,Estado,País,Data\nRecife,Confrimado,BR,14/06/2031\n"
    assert "Confrimado" in read_event_rows(typo, source="x").rejected[0].message


def test_a_time_to_be_announced_is_the_row_without_a_time_and_said_so():
    result = read_event_rows(
        "City,Country,Date,Start\nTampere,FI,2031-06-14,TBA\nOulu,FI,2031-06-14,未定\n",
        source="s.csv",
    )
    assert [f"{row.record.starts_at:%H:%M}" for row in result.rows] == ["12:00", "12:00"]
    assert sum("12:00" in w.message for w in result.warnings) == 2


@pytest.mark.parametrize(
    "cell, expected",
    [
        ("klo 14", (time(14), None)),
        ("kl. 14", (time(14), None)),
        ("om 14u", (time(14), None)),
        ("오후 2시", (time(14), None)),
        ("14시", (time(14), None)),
        ("下午2点", (time(14), None)),
        ("午後1時", (time(13), None)),
        ("14時", (time(14), None)),
        ("12 noon", (time(12), None)),
        ("14 h 30", (time(14, 30), None)),
        ("14–16", (time(14), time(16))),
        ("2–4pm", (time(14), time(16))),
        ("14:00〜16:00", (time(14), time(16))),
        ("14.00–16.00", (time(14), time(16))),
        ("TBA", (None, None)),
    ],
)
def test_a_time_cell_is_read_as_the_team_wrote_it(cell, expected):
    assert cell_clock_range(cell) == expected


@pytest.mark.parametrize(
    "cell",
    ["2031. június 14.", "14 Haziran 2031", "14 Ιουνίου 2031", "14 июня 2031", "2031년 6월 14일",
     "sobota 14. června 2031", "ngày 14 tháng 6 năm 2031", "14 มิถุนายน 2574"],
)  # fmt: skip
def test_a_date_cell_in_another_language_is_read(cell):
    assert cell_day(cell, None).isoformat() == "2031-06-14"


def test_every_header_word_names_one_documented_column():
    for column, words in MORE_EVENT_HEADERS.items():
        assert column in EVENT_COLUMNS
        for word in words:
            assert column_for(word, EVENT_COLUMNS, EVENT_ALIASES) == column, word


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_a_header_compares_as_itself_after_comparing(header):
    key = header_key(header)
    assert header_key(key) == key
    assert not key.startswith("_") and not key.endswith("_")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_no_bytes_fail_to_decode(data):
    assert isinstance(decode_sheet(data, judge=event_header_names_known), str)
    assert isinstance(decode_sheet(data), str)


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"]), max_size=200))
def test_utf8_comes_back_as_written(text):
    assert decode_sheet(text.encode("utf-8")) == text.removeprefix("\ufeff")


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(LEGACY_CODE_PAGES), st.text(max_size=60), st.binary(max_size=20))
def test_bytes_in_a_code_page_are_decoded_and_their_ascii_kept(page, text, noise):
    data = text.encode(page, errors="ignore") + noise
    decoded = decode_sheet(data, judge=event_header_names_known)
    if data.isascii():
        assert decoded == data.decode("ascii")
    assert isinstance(decoded, str)


def test_a_groups_sheet_names_its_kinds_as_the_team_does():
    from turnout.importers.group_sheets import read_group_rows

    text = (
        "Grup,Tür,Ülke,Şehir,Açıklama\n"
        "Güvenli YZ Türkiye,ulusal,Türkiye,,Ülke grubu\n"
        "Güvenli YZ İstanbul,yerel,TR,İstanbul,Şehir grubu\n"
        "Sicheres KI Deutschland,bundesweit,DE,,\n"
        "Sicheres KI Berlin,Ortsgruppe,DE,Berlin,\n"
        "Safe AI Portugal,Nacional,PT,,\n"
        "Safe AI Lisboa,Chapter,PT,Lisboa,\n"
    )
    result = read_group_rows(text, source="gruplar.csv")
    assert result.rejected == []
    assert [(row.name, row.kind, row.country) for row in result.rows] == [
        ("Güvenli YZ Türkiye", "national", "TR"),
        ("Güvenli YZ İstanbul", "local", "TR"),
        ("Sicheres KI Deutschland", "national", "DE"),
        ("Sicheres KI Berlin", "local", "DE"),
        ("Safe AI Portugal", "national", "PT"),
        ("Safe AI Lisboa", "local", "PT"),
    ]
    wrong = read_group_rows("Name,Kind,Country\nX,galaxy,NL\n", source="g.csv")
    assert "national" in wrong.rejected[0].message


@pytest.mark.parametrize(
    "cell",
    ["Sa., 14. Juni 2031, 14:00–16:00 Uhr", "samedi 14 juin 2031 de 14h à 16h",
     "14 czerwca 2031, godz. 14:00", "sábado, 14 de junio de 2031, 14:00 h",
     "2031年6月14日(土) 14:00〜16:00", "14.6.2031 klo 14–16", "2031/6/14 午後2時",
     "Saturday 14 June 2031 from 2 to 4 pm", "14-06-2031 14u-16u",
     "Sat Jun 14 2031 14:00:00 GMT+0200 (Central European Summer Time)"],
)  # fmt: skip
def test_a_date_cell_with_its_time_in_another_language_gives_both(cell):
    result = read_event_rows(f'City,Country,When\nBerlin,DE,"{cell}"\n', source="s.csv")
    assert [f"{row.record.starts_at:%Y-%m-%d %H:%M}" for row in result.rows] == ["2031-06-14 14:00"]


def test_a_script_written_date_whose_offset_is_not_the_places_is_refused():
    cell = "Sat Jun 14 2031 14:00:00 GMT+0900 (Japan Standard Time)"
    result = read_event_rows(f'City,Country,When\nBerlin,DE,"{cell}"\n', source="s.csv")
    assert "GMT+0900" in result.rejected[0].message


@pytest.mark.parametrize(
    "header, row",
    [
        ("City,Country,Start,End", "Berlin,DE,6/14/2031 2:00pm,6/14/2031 4:00pm"),  # Airtable
        ("Name,City,Country,Start Date/Time,End Date/Time",
         "Demo,Berlin,DE,2031-06-14 14:00,2031-06-14 16:00"),
        ("City,Country,Starts at,Ends at",
         "Berlin,DE,2031-06-14T14:00:00+02:00,2031-06-14T16:00:00+02:00"),
        ("City,Country,Start,End", "Berlin,DE,2031-06-14T12:00:00Z,2031-06-14T14:00:00Z"),
        ("Stadt,Land,Datum,Beginn,Ende", "Berlin,DE,2031-06-14T12:00:00Z,,2031-06-14T14:00:00Z"),
    ],
)  # fmt: skip
def test_a_sheet_that_gives_each_start_as_a_moment_needs_no_date_column(header, row):
    result = read_event_rows(f"{header}\n{row}\n", source="s.csv")
    assert result.rejected == []
    (event,) = result.rows
    assert (event.record.starts_at.isoformat(), event.record.ends_at.isoformat()) == (
        "2031-06-14T14:00:00+02:00",
        "2031-06-14T16:00:00+02:00",
    )


def test_an_end_on_another_day_makes_a_camp_of_several_days():
    text = "City,Country,Start,End date\nBerlin,DE,2031-06-14 10:00,2031-06-16\n"
    (event,) = read_event_rows(text, source="s.csv").rows
    assert (f"{event.record.starts_at:%d %H:%M}", f"{event.record.ends_at:%d %H:%M}") == (
        "14 10:00",
        "16 23:59",
    )


def test_a_sheet_with_neither_a_date_nor_a_start_column_says_it_lacks_the_date():
    result = read_event_rows("City,Country,Venue\nBerlin,DE,Brandenburger Tor\n", source="s")
    assert result.rejected[0].message == "the sheet has no column date"
    result = read_event_rows("City,Country,Start\nBerlin,DE,14:00\n", source="s")
    assert "the date is empty" in result.rejected[0].message


# Event lists as the platforms export them (column names as they write them).
PROGRAM_EXPORTS = {
    "eventbrite": (
        "Event Name,Event ID,Event Start Date,Event Start Time,Event End Date,Event End Time,"
        "Venue Name,Venue Address 1,Venue City,Venue State,Venue Country,Event URL\n"
        "Pause SF,123,2031-06-14,14:00,2031-06-15,11:00,City Hall,1 Carlton B Goodlett Pl,"
        "San Francisco,CA,US,https://www.eventbrite.com/e/123\n",
        ("San Francisco", "2031-06-14T14:00:00-07:00", "2031-06-15T11:00:00-07:00"),
    ),
    "luma": (
        "name,start_at,end_at,timezone,city,country,url\n"
        "Pause Tokyo,2031-06-14T05:00:00.000Z,2031-06-14T07:00:00.000Z,Asia/Tokyo,Tokyo,Japan,"
        "https://lu.ma/x\n",
        ("Tokyo", "2031-06-14T14:00:00+09:00", "2031-06-14T16:00:00+09:00"),
    ),
    "mobilizon": (
        "title,beginsOn,endsOn,physicalAddress.locality,physicalAddress.country,url\n"
        "Marche,2031-06-14T12:00:00Z,2031-06-14T14:00:00Z,Lyon,FR,https://mobilizon.fr/e/x\n",
        ("Lyon", "2031-06-14T14:00:00+02:00", "2031-06-14T16:00:00+02:00"),
    ),
    "facebook": (
        "Name,Start Time,End Time,Location,City,Country,Event Link\n"
        "Pause Berlin,2031-06-14T14:00:00+0200,2031-06-14T16:00:00+0200,Brandenburger Tor,"
        "Berlin,Germany,https://facebook.com/events/1\n",
        ("Berlin", "2031-06-14T14:00:00+02:00", "2031-06-14T16:00:00+02:00"),
    ),
}


@pytest.mark.parametrize("program", sorted(PROGRAM_EXPORTS))
def test_a_platforms_event_export_is_read_whole(program):
    text, (city, starts, ends) = PROGRAM_EXPORTS[program]
    result = read_event_rows(text, source=f"{program}.csv")
    assert result.rejected == []
    (row,) = result.rows
    assert (row.record.city, row.record.starts_at.isoformat(), row.record.ends_at.isoformat()) == (
        city,
        starts,
        ends,
    )
    read = {w.message for w in result.warnings}
    assert not any("Venue" in m or "End" in m or "At" in m for m in read), read
