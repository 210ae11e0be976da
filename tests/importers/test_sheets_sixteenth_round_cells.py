"""Events sheets as organizers keep them, a sixteenth round (all written here): a time cell
that names its zone ("14:00 CET", "2pm ET", "17:00 IST"), a time that runs past midnight
("22:00–02:00", "22h–1h"), years of the Thai Buddhist era (2570) and the Persian calendar
(1406), Japanese era years written short ("R9.5.15") and full-width digits ("２０２７年５月１５日"),
a file whose UTF-8 was read as Windows-1252 and saved again ("KrakÃ³w"), a block of totals
beside the table, a title block of several rows above the header, and layouts the importer
does not read: a "week of" column with a column for each weekday, cities as columns.

What a coordinator would import: each event at its place's own clock time on its day of the
common era; a row that cannot be read so is refused with its reason, never moved silently."""

import pytest

from turnout.web.spreadsheets import decode_sheet

from .sheet_rounds import at, when
from .sheet_rounds import read_sheet as read

pytestmark = pytest.mark.django_db


# --- a time cell that names its zone --------------------------------------------------------------


def test_a_zone_written_after_the_time_that_is_the_places_own_is_read():
    rows, rejected, _ = read(
        "City,Country,Date,Start,End\n"
        "Boston,US,5/15/2027,2pm ET,4pm ET\n"
        "Denver,US,5/15/2027,11am MT,\n"
        "Leeds,GB,15/05/2027,14:00 BST,\n"
        "Berlin,DE,15/05/2027,14:00 CET,16:00 CET\n"  # CET, as people write it in summer too
    )
    assert rejected == {}
    assert when(rows) == [
        ("Boston", at(15, 14), at(15, 16)),
        ("Denver", at(15, 11), at(15, 13)),
        ("Leeds", at(15, 14), at(15, 16)),
        ("Berlin", at(15, 14), at(15, 16)),
    ]


@pytest.mark.parametrize(
    ("language", "sheet", "city", "starts"),
    [
        ("hi", "शहर,देश,तारीख,समय\nपुणे,IN,15/05/2027,17:00 IST\n", "Pune", at(15, 17)),
        ("ja", "都市,国,日付,開始時間\n広島,JP,2027/05/15,14:00 JST\n", "Hiroshima", at(15, 14)),
        (
            "pl",
            "Miasto,Kraj,Data,Godzina\nWrocław,PL,15.05.2027,14:00 CEST\n",
            "Wrocław",
            at(15, 14),
        ),
    ],
)
def test_the_places_own_zone_after_the_time_in_other_languages(language, sheet, city, starts):
    rows, rejected, _ = read(sheet, language)
    assert rejected == {}
    assert [(row.record.city, row.record.starts_at.replace(tzinfo=None)) for row in rows] == [
        (city, starts)
    ]


def test_a_zone_after_the_time_that_is_not_the_places_is_refused_not_moved():
    rows, rejected, _ = read(
        "Cidade,País,Data,Hora\n"
        "Lisboa,PT,15/05/2027,14:00 CET\n"  # Lisbon keeps Western European time
        "Porto,PT,15/05/2027,14:00 WEST\n",
        "pt",
    )
    assert [row.record.city for row in rows] == ["Porto"]
    assert list(rejected) == [2]
    assert rejected[2] == (
        "the time is written in CET, but Lisbon then keeps WEST; write the time as the clock in "
        "Lisbon shows it, or the zone in a “timezone” column"
    )

    rows, rejected, _ = read("City,Country,Date,Time\nDenver,US,5/15/2027,2pm ET\n")
    assert rows == [] and "Denver" in rejected[2]


# --- past midnight --------------------------------------------------------------------------------


def test_a_time_range_past_midnight_ends_on_the_next_day():
    rows, rejected, warnings = read(
        "Miasto,Kraj,Data,Godzina\n"
        "Kraków,PL,15.05.2027,22:00–02:00\n"
        "Poznań,PL,15.05.2027,23:30-1:00\n",
        "pl",
    )
    assert rejected == {}
    assert when(rows) == [
        ("Kraków", at(15, 22), at(16, 2)),
        ("Poznań", at(15, 23, 30), at(16, 1)),
    ]
    assert any(line.startswith("2: ") and "2027-05-16" in line for line in warnings)


def test_an_end_column_past_midnight_ends_on_the_next_day():
    rows, rejected, _ = read(
        "Cidade,País,Data,Início,Fim\n"
        "Recife,BR,15/05/2027,22h,1h\n"
        "Natal,BR,15/05/2027,das 21h às 0h30,\n",
        "pt",
    )
    assert rejected == {}
    assert when(rows) == [("Recife", at(15, 22), at(16, 1)), ("Natal", at(15, 21), at(16, 0, 30))]


def test_an_end_long_before_the_start_is_still_refused():
    # 16:00 to 10:00 would be eighteen hours: more likely two cells swapped than a night vigil.
    rows, rejected, _ = read("Stad,Land,Datum,Start,Slut\nLund,SE,2027-05-15,16:00,10:00\n", "sv")
    assert rows == []
    assert rejected == {2: "the event ends before it starts"}


# --- other calendars ------------------------------------------------------------------------------


def test_a_thai_buddhist_era_year_is_read_as_its_year_of_the_common_era():
    rows, rejected, warnings = read(
        "เมือง,ประเทศ,วันที่,เวลา\nเชียงใหม่,TH,15/05/2570,16:00\nภูเก็ต,TH,2570-05-15,17:00\n",
        "th",
    )
    assert rejected == {}
    assert when(rows) == [
        ("Chiang Mai", at(15, 16), at(15, 18)),
        ("Phuket", at(15, 17), at(15, 19)),
    ]
    assert any("2570" in line and "2027" in line for line in warnings)


def test_a_persian_calendar_date_in_iran_is_read_as_its_day_of_the_common_era():
    rows, rejected, warnings = read(
        "شهر,کشور,تاریخ,ساعت\nتهران,IR,۱۴۰۶/۰۲/۲۵,۱۶:۰۰\nشیراز,IR,1406/02/26,۱۷:۰۰\n", "fa"
    )
    assert rejected == {}
    assert when(rows) == [("Tehran", at(15, 16), at(15, 18)), ("Shiraz", at(16, 17), at(16, 19))]
    assert any("it is read as 2027-05-15" in line for line in warnings)


def test_a_year_of_no_calendar_the_importer_knows_is_refused_not_kept():
    rows, rejected, _ = read(
        "Cidade,País,Data,Hora\nBraga,PT,15/05/1406,14:00\nFaro,PT,15/05/2570,14:00\n", "pt"
    )
    assert rows == []
    assert rejected == {
        2: "“15/05/1406” falls in the year 1406; write the day of the common era, such as "
        "2027-05-15",
        3: "“15/05/2570” falls in the year 2570; write the day of the common era, such as "
        "2027-05-15",
    }


def test_a_hebrew_calendar_date_is_refused_not_guessed():
    rows, rejected, _ = read("עיר,מדינה,תאריך,שעה\nירושלים,IL,ח׳ באייר תשפ״ז,18:00\n", "he")
    assert rows == []
    assert rejected == {2: "“ח׳ באייר תשפ״ז” is not a date such as 2025-05-13"}


def test_japanese_era_years_and_full_width_digits():
    rows, rejected, _ = read(
        "都市,国,日付,開始時間\n"
        "札幌,JP,令和9年5月15日,14:00\n"
        "仙台,JP,２０２７年５月１５日,１４：００\n"
        "福岡,JP,R9.5.15,14時30分\n"  # Reiwa 9, as forms in Japan shorten it
        "横浜,JP,R9/5/15,１５時\n",
        "ja",
    )
    assert rejected == {}
    assert when(rows) == [
        ("Sapporo", at(15, 14), at(15, 16)),
        ("Sendai", at(15, 14), at(15, 16)),
        ("Fukuoka", at(15, 14, 30), at(15, 16, 30)),
        ("Yokohama", at(15, 15), at(15, 17)),
    ]


# --- a city named like a country ----------------------------------------------------------------


def test_a_city_named_like_a_country_is_the_city_of_the_country_column():
    # "Salvador" is also El Salvador's short name; the country column says which is meant.
    rows, rejected, _ = read(
        "Cidade,País,Data,Hora\nSalvador,BR,15/05/2027,14h00\nSalvador,Brasil,22/05/2027,15h\n",
        "pt",
    )
    assert rejected == {}
    assert [(row.record.city, row.record.country, row.record.timezone) for row in rows] == [
        ("Salvador", "BR", "America/Bahia")
    ] * 2


# --- text saved twice -----------------------------------------------------------------------------

MOJIBAKE = {
    "pl": (
        "Miasto,Kraj,Data,Godzina,Miejsce\nKrakÃ³w,PL,15.05.2027,14:00,Rynek GÅ‚Ã³wny\n",
        ("Kraków", "Rynek Główny"),
    ),
    "sv": (
        "Stad,Land,Datum,Tid,Plats\nMalmÃ¶,SE,2027-05-15,15:00,MÃ¶llevÃ¥ngstorget\n",
        ("Malmö", "Möllevångstorget"),
    ),
    "cs": (
        "MÄ›sto,ZemÄ›,Datum,ZaÄ\x8dÃ¡tek,MÃ\xadsto\nPlzeÅˆ,CZ,15.05.2027,14:00,nÃ¡mÄ›stÃ\xad "
        "Republiky\n",
        ("Pilsen", "náměstí Republiky"),
    ),
    "tr": (
        "Åžehir,Ãœlke,Tarih,Saat,Yer\nÄ°zmir,TR,15.05.2027,14:00,GÃ¼ndoÄŸdu MeydanÄ±\n",
        ("İzmir", "Gündoğdu Meydanı"),
    ),
}


@pytest.mark.parametrize("language", sorted(MOJIBAKE))
def test_utf8_saved_again_as_windows_1252_is_read_as_it_was_written(language):
    sheet, (city, venue) = MOJIBAKE[language]
    rows, rejected, warnings = read(decode_sheet(sheet.encode("utf-8")), language)
    assert rejected == {}
    assert [(row.record.city, row.record.venue) for row in rows] == [(city, venue)]
    assert any("encoding" in line for line in warnings)


def test_a_sheet_that_means_its_accented_capitals_is_left_as_it_is():
    # "Ã" is a letter in Portuguese; "SÃO PAULO" is not text saved twice.
    rows, rejected, warnings = read(
        "Cidade,País,Data,Hora,Local\nSÃO PAULO,BR,15/05/2027,14:00,MASP — AV. PAULISTA\n", "pt"
    )
    assert rejected == {}
    assert [row.record.venue for row in rows] == ["MASP — AV. PAULISTA"]
    assert not any("encoding" in line for line in warnings)


# --- what sits around the table -------------------------------------------------------------------


def test_a_block_of_totals_beside_the_table_is_not_events():
    rows, rejected, warnings = read(
        "Şehir,Ülke,Tarih,Saat,,Özet,\n"
        "İzmir,TR,15.05.2027,14:00,,Toplam etkinlik,2\n"
        "Bursa,TR,15.05.2027,15:00,,Onaylanan,1\n"
        ",,,,,Bekleyen,1\n",
        "tr",
    )
    assert rejected == {}
    assert when(rows) == [("İzmir", at(15, 14), at(15, 16)), ("Bursa", at(15, 15), at(15, 17))]
    assert warnings == ["1: column “Özet” is not one the importer reads"]


def test_a_title_block_of_several_rows_above_the_header():
    rows, rejected, warnings = read(
        "Aksi Iklim 2027\nDaftar aksi per kota\nDiperbarui 1 Mei 2027\n\n"
        "Kota,Negara,Tanggal,Jam,Tempat\n"
        "Bandung,ID,15/05/2027,14.00,Gedung Sate\n"
        "Makassar,ID,15/05/2027,15.00,Pantai Losari\n",
        "id",
    )
    assert rejected == {}
    assert when(rows) == [("Bandung", at(15, 14), at(15, 16)), ("Makassar", at(15, 15), at(15, 17))]
    assert [row.record.venue for row in rows] == ["Gedung Sate", "Pantai Losari"]
    # The sheet's "last updated" day is the sheet's, not the events': it fills no date.
    assert not any("2027-05-01" in line for line in warnings)


# --- layouts the importer does not read -----------------------------------------------------------


@pytest.mark.xfail(strict=True, reason="a 'week of' column with a column per weekday is not read")
def test_a_week_of_column_with_a_column_for_each_weekday():
    rows, rejected, _ = read(
        "Woche ab,Stadt,Land,Mo,Di,Mi,Do,Fr,Sa,So\n"
        "10.05.2027,Kassel,DE,,,,,,14:00,\n"
        "10.05.2027,Jena,DE,18:00,,,,,,\n",
        "de",
    )
    assert rejected == {}
    assert [(row.record.city, row.record.starts_at.replace(tzinfo=None)) for row in rows] == [
        ("Kassel", at(15, 14)),
        ("Jena", at(10, 18)),
    ]


def test_cities_as_columns_are_refused_with_the_missing_column_named():
    rows, rejected, _ = read(
        "Datum,Praha,Brno,Ostrava\n15.05.2027,14:00,15:00,\n22.05.2027,,14:00,16:00\n", "cs"
    )
    assert rows == []
    assert rejected == {1: "the sheet has no column city"}
