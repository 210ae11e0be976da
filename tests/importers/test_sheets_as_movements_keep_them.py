"""Spreadsheets as movements keep them by hand: headers in the team's language, the file saved
by whatever program they use, times written as ranges, dates in the local style.

The sheets below are written here, in the shapes such sheets take; each would have been
refused or misread before (the documented English column names only, UTF-8 only)."""

import io
from datetime import date, datetime, time

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.groups.models import Group
from turnout.importers.group_sheets import read_group_rows
from turnout.importers.sheet_columns import EVENT_ALIASES, header_key
from turnout.importers.spreadsheets import EVENT_COLUMNS, read_event_rows
from turnout.web.spreadsheets import decode_sheet

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import", "csv", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def local(event: LocalEvent) -> tuple[date, time, time]:
    return event.local_starts_at.date(), event.local_starts_at.time(), event.local_ends_at.time()


def test_a_dutch_sheet_saved_by_excel_on_windows(tmp_path):
    """Semicolons, Windows-1252 (é, ë, €), Dutch headers, day-first dates with dashes, '14u'."""
    sheet = (
        "Actie;Stad;Land;Datum;Tijd;Eindtijd;Verzamelpunt;Aanmeldlink (lu.ma);Opmerkingen\r\n"
        "Stilte-actie;Utrecht;Nederland;13-05-2031;14u;16u;Domplein, bij de kathedraal;"
        "https://lu.ma/utrecht-mei;Café Ré open\r\n"
        "Demonstratie;Den Haag;Nederland;13-05-2031;12.30;;Malieveld;;€5 voor spandoeken\r\n"
    ).encode("cp1252")
    path = tmp_path / "acties.csv"
    path.write_bytes(sheet)
    out, err = run("events", str(path))
    assert "events created: 2" in out
    utrecht = LocalEvent.objects.get(city="Utrecht")
    assert local(utrecht) == (date(2031, 5, 13), time(14), time(16))
    assert (utrecht.title, utrecht.venue) == ("Stilte-actie", "Domplein, bij de kathedraal")
    assert utrecht.signup_url == "https://lu.ma/utrecht-mei" and utrecht.signup_platform == "luma"
    assert utrecht.description == "Café Ré open"
    hague = LocalEvent.objects.get(city="The Hague")
    assert local(hague)[:2] == (date(2031, 5, 13), time(12, 30))
    assert hague.description == "€5 voor spandoeken"
    assert err == ""  # every column was understood


def test_a_german_sheet_saved_as_unicode_text(tmp_path):
    """Excel's "Unicode text": UTF-16 with a byte order mark, tab separated."""
    sheet = (
        "Ort\tLand\tDatum\tUhrzeit\tTreffpunkt\tAnmeldung\n"
        "München\tDeutschland\t13.05.2031\t14:00–16:00 Uhr\tKönigsplatz\thttps://example.org/muc\n"
        "Köln\tDeutschland\t13.05.2031\t15 Uhr\tRoncalliplatz\t\n"
    ).encode("utf-16")
    path = tmp_path / "demos.txt"
    path.write_bytes(sheet)
    out, _ = run("events", str(path))
    assert "events created: 2" in out
    munich = LocalEvent.objects.get(venue="Königsplatz")
    assert local(munich) == (date(2031, 5, 13), time(14), time(16))
    assert LocalEvent.objects.get(venue="Roncalliplatz").local_starts_at.time() == time(15)


@pytest.mark.parametrize(
    ("header", "row", "city", "starts", "ends"),
    [
        (
            "Ville,Pays,Date,Heure de début,Heure de fin,Lieu,Lien d'inscription",
            "Lyon,France,13/05/2031,14h00,16h30,Place Bellecour,https://example.org/lyon",
            "Lyon",
            time(14),
            time(16, 30),
        ),
        (
            "Ciudad,País,Fecha,Hora,Lugar,Inscripción",
            "Sevilla,España,13/05/2031,18:00 - 20:00,Plaza de España,",
            "Seville",
            time(18),
            time(20),
        ),
        (
            "Città;Paese;Data;Ora;Luogo;Iscrizione",
            "Milano;Italia;13/05/2031;ore 15:00;Piazza del Duomo;",
            "Milan",
            time(15),
            time(17),
        ),
        (
            "Miasto,Kraj,Data,Godzina,Miejsce zbiórki,Zapisy",
            "Kraków,Polska,13.05.2031,godz. 17:00,Rynek Główny,",
            "Kraków",
            time(17),
            time(19),
        ),
        (
            "City (where),Country,Date & time,Location / meeting point,Sign-up link",
            'Boston,US,05-13-2031 4:30 PM,"Boston Common, Park St",https://example.org/bos',
            "Boston",
            time(16, 30),
            time(18, 30),
        ),
    ],
    ids=["fr", "es", "it", "pl", "en-us"],
)
def test_headers_in_the_teams_language(header, row, city, starts, ends):
    reading = read_event_rows(f"{header}\n{row}\n", source="sheet.csv")
    assert reading.rejected == [] and reading.warnings == [], (reading.rejected, reading.warnings)
    (event_row,) = reading.rows
    record = event_row.record
    assert record.city == city
    zone = record.starts_at.tzinfo
    assert record.starts_at.date() == date(2031, 5, 13)
    assert (record.starts_at.time(), record.ends_at.astimezone(zone).time()) == (starts, ends)
    assert event_row.record.venue


def test_a_column_said_twice_is_read_once_and_named():
    sheet = "City,Stad,Country,Date,Time,Start\nUtrecht,Amersfoort,NL,2031-05-13,14:00,18:00\n"
    reading = read_event_rows(sheet, source="sheet.csv")
    (row,) = reading.rows
    assert row.record.city == "Utrecht" and row.record.starts_at.hour == 14
    messages = [str(notice) for notice in reading.warnings]
    assert any("“Stad” says what “City” says" in m for m in messages)
    assert any("“Start” says what “Time” says" in m for m in messages)


def test_columns_nobody_documented_are_still_named_as_not_read():
    sheet = "Stad,Land,Datum,Kleur\nUtrecht,NL,2031-05-13 14:00,rood\n"
    reading = read_event_rows(sheet, source="s")
    assert len(reading.rows) == 1
    assert [str(n) for n in reading.warnings] == [
        "s:1: column “Kleur” is not one the importer reads"
    ]


def test_a_groups_sheet_in_dutch(tmp_path):
    sheet = (
        "Groep;Soort;Land;Stad;Discord;Actief\n"
        "Beweging Nederland;national;NL;;https://discord.gg/abcdef;ja\n"
        "Beweging Utrecht;local;NL;Utrecht;;ja\n"
        "Beweging Zwolle;local;NL;Zwolle;;nee\n"
    )
    reading = read_group_rows(sheet, source="groepen.csv")
    assert reading.rejected == [] and reading.warnings == []
    assert [row.name for row in reading.rows] == [
        "Beweging Nederland", "Beweging Utrecht", "Beweging Zwolle",
    ]  # fmt: skip
    assert [row.is_active for row in reading.rows] == [True, True, False]
    assert Group.objects.count() == 0  # reading writes nothing


def test_impossible_local_dates_are_refused_with_the_cell():
    reading = read_event_rows("Stad,Land,Datum\nUtrecht,NL,31-02-2031\n", source="s")
    assert reading.rows == []
    assert "“31-02-2031” is not a date" in str(reading.rejected[0])


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_every_saved_form_of_a_sheet_reads_back_the_same(encoding):
    text = "Stad;Land;Datum\r\nSão Paulo;Brasil;13/05/2031\r\nZürich;Schweiz;13.05.2031\r\n"
    if encoding == "cp1252":
        text = text.replace("ã", "a")  # cp1252 has ã; keep one case plainly Latin-1 either way
    assert decode_sheet(text.encode(encoding)) == text


def test_bytes_that_are_no_known_encoding_are_kept_not_refused():
    # Undefined in Windows-1252; some code page reads them, and the sheet is kept whole.
    text = decode_sheet(b"Stad\n\x81\x8d\n")
    assert text.splitlines()[0] == "Stad" and len(text.splitlines()) == 2
    assert decode_sheet(b"\x98\x81\x8d\x8f\x90\x9d\xfe\xff\xfe")  # never refused


@pytest.mark.parametrize("kind", ["events", "groups"])
def test_aliases_do_not_overlap(kind):
    """One header means one column: an alias under two columns would be read as the first."""
    from turnout.importers.group_sheets import GROUP_COLUMNS
    from turnout.importers.sheet_group_columns import GROUP_ALIASES

    aliases, columns = (
        (EVENT_ALIASES, EVENT_COLUMNS) if kind == "events" else (GROUP_ALIASES, GROUP_COLUMNS)
    )
    seen: dict[str, str] = {}
    for column, names in aliases.items():
        assert column in columns
        for name in names:
            assert name == header_key(name), name
            assert name not in columns, name
            assert seen.setdefault(name, column) == column, (name, seen[name], column)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headers=st.lists(
        st.sampled_from([*EVENT_COLUMNS, "Stad", "Uhrzeit", "Ville", "Godzina", "Kleur"])
        | st.text(max_size=12),
        min_size=1,
        max_size=8,
    ),
    cells=st.lists(st.text(max_size=20), max_size=8),
    separator=st.sampled_from([",", ";", "\t"]),
)
def test_no_sheet_crashes_the_reader(headers, cells, separator):
    text = separator.join(headers) + "\n" + separator.join(cells) + "\n"
    reading = read_event_rows(text, source="s.csv")
    assert len(reading.rows) + len(reading.rejected) <= 1 + 1


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_no_bytes_crash_the_decoding(data):
    assert isinstance(decode_sheet(data), str)


def workbook(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_workbook_is_read_with_its_dates_and_times_as_cells(tmp_path):
    """Typed cells, as Excel keeps them: a date, a time, a date with its time, whole numbers."""
    path = tmp_path / "Acties mei.xlsx"
    path.write_bytes(
        workbook(
            [
                ["Stad", "Land", "Datum", "Tijd", "Eindtijd", "Capaciteit", "Verzamelpunt"],
                ["Groningen", "NL", date(2031, 5, 13), time(14, 0), time(16, 30), 80.0, "Vismarkt"],
                ["Zwolle", "NL", datetime(2031, 5, 13, 15, 0), None, None, None, "Grote Markt"],
                [None, None, None, None, None, None, None],
            ]
        )
    )
    out, err = run("events", str(path))
    assert "events created: 2" in out and err == ""
    groningen = LocalEvent.objects.get(city="Groningen")
    assert local(groningen) == (date(2031, 5, 13), time(14), time(16, 30))
    assert groningen.capacity == 80
    assert LocalEvent.objects.get(city="Zwolle").local_starts_at.time() == time(15)


def test_a_file_that_only_looks_like_a_workbook_is_refused_clearly(tmp_path):
    path = tmp_path / "events.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a zip archive at all")
    with pytest.raises(CommandError, match="cannot be read as an Excel workbook"):
        run("events", str(path))


def test_a_workbook_that_unpacks_to_a_flood_is_refused_before_parsing(tmp_path, monkeypatch):
    from turnout.web import workbooks

    monkeypatch.setattr(workbooks, "MAX_UNPACKED_BYTES", 1000)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(workbook([["city", "country", "date"], ["x" * 5000, "NL", "2031-05-13"]]))
    with pytest.raises(CommandError, match="too large once unpacked"):
        run("events", str(path))


def test_a_workbook_may_not_define_entities(tmp_path):
    """A billion-laughs sheet: defusedxml refuses the DTD; the import says so, unharmed."""
    import zipfile

    original = workbook([["city", "country", "date"], ["Utrecht", "NL", "2031-05-13"]])
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    )
    source, target = io.BytesIO(original), io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for member in old.infolist():
            data = old.read(member.filename)
            if b"Utrecht" in data:  # the sheet, or its shared strings
                body = data.split(b"?>", 1)[-1].replace(b"Utrecht", b"&lol2;")
                data = laughs.encode() + body
            new.writestr(member, data)
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(target.getvalue())
    with pytest.raises(CommandError, match="cannot be read as an Excel workbook.*(DTD|Entit)"):
        run("events", str(path))
    assert LocalEvent.objects.count() == 0


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_no_bytes_crash_the_workbook_reader(data):
    from turnout.web.workbooks import WorkbookRefused, workbook_as_csv

    try:
        workbook_as_csv(b"PK\x03\x04" + data)
    except WorkbookRefused as refused:
        assert "Excel workbook" in str(refused) or "too large" in str(refused)


def test_a_groups_sheet_with_channel_columns_as_teams_name_them():
    sheet = (
        "Group name,Type,Country,City,WhatsApp group,Instagram handle,Twitter,Contact email,Site\n"
        "Beweging Nederland,national,NL,,,@beweging_nl,@BewegingNL,info@example.org,example.org\n"
        "Beweging Utrecht,local,NL,Utrecht,https://chat.whatsapp.com/AbCdEfGhIjK123,,,,\n"
    )
    reading = read_group_rows(sheet, source="groups.csv")
    assert reading.rejected == [] and reading.warnings == []
    national, utrecht = reading.rows
    assert {c.kind: c.address for c in national.channels} == {
        "instagram": "https://www.instagram.com/beweging_nl",
        "x": "https://x.com/BewegingNL",
        "email": "info@example.org",
        "website": "https://example.org",
    }
    assert [c.kind for c in utrecht.channels] == ["whatsapp"]
