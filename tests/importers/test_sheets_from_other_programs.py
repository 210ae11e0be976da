"""Sheets as other programs and people export them (fixtures/sheets2/, written here): Excel in a
Dutch or German locale, Google Sheets, LibreOffice, Apple Numbers, Airtable, Notion, Eventbrite,
Meetup and lu.ma, and Excel workbooks with typed cells, formulas, hidden and merged cells.

For each: what is imported, what is refused and why (per row, in words a person understands),
which columns are not read, and that a sheet with a refused row writes nothing unless told to
skip it."""

import io
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from turnout.campaigns.models import LocalEvent
from turnout.groups.models import Group
from turnout.importers.group_sheets import read_group_rows
from turnout.importers.spreadsheets import read_event_rows
from turnout.web.spreadsheets import decode_sheet
from turnout.web.workbooks import WorkbookRefused, workbook_as_csv

pytestmark = pytest.mark.django_db

SHEETS = Path(__file__).parent / "fixtures" / "sheets2"


def read(name: str):
    reading = read_event_rows(decode_sheet((SHEETS / name).read_bytes()), source=name)
    rejected = {notice.line: notice.message for notice in reading.rejected}
    warnings = [f"{notice.line}: {notice.message}" for notice in reading.warnings]
    return reading.rows, rejected, warnings


def moments(rows) -> dict[str, tuple[datetime, datetime]]:
    return {
        row.record.city: (row.record.starts_at.replace(tzinfo=None), row.record.ends_at.time())
        for row in rows
    }


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import", "csv", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_excel_in_a_dutch_locale_semicolons_decimal_commas_and_windows_1252():
    rows, rejected, warnings = read("excel_nl_puntkomma.csv")
    assert moments(rows) == {
        "Utrecht": (datetime(2027, 5, 13, 14), time(16)),  # 13-5-2027, 14.00 to 16.00
        "Groningen": (datetime(2027, 5, 13, 13, 30), time(15, 30)),
    }
    utrecht = rows[0]
    assert (utrecht.record.latitude, utrecht.record.longitude) == (52.0935, 5.1214)  # "52,0935"
    assert utrecht.description == "Koffie bij Café Olivier"  # é from Windows-1252
    assert rejected == {
        4: "“31-2-2027” is not a date such as 2025-05-13",
        5: "the latitude “52,98,1” is not a number",
    }
    assert warnings == []


def test_nothing_is_half_written_from_a_sheet_with_refused_rows(tmp_path):
    path = tmp_path / "acties.csv"
    path.write_bytes((SHEETS / "excel_nl_puntkomma.csv").read_bytes())
    with pytest.raises(CommandError, match="nothing imported: 2 rows are rejected"):
        run("events", str(path))
    assert LocalEvent.objects.count() == 0
    out, _ = run("events", str(path), "--skip-rejected")
    assert "rejected: acties.csv:4: “31-2-2027” is not a date" in out
    assert sorted(LocalEvent.objects.values_list("city", flat=True)) == ["Groningen", "Utrecht"]


def test_excel_in_a_german_locale_with_sharp_s_and_an_end_before_the_start():
    rows, rejected, _ = read("excel_de_semikolon.csv")
    assert moments(rows) == {
        "Munich": (datetime(2027, 5, 13, 14), time(16)),  # 13.05.2027, 14.00
        "Cologne": (datetime(2027, 5, 13, 15), time(17)),
    }
    assert rows[0].description == "Große Kundgebung, Bühne"
    assert rows[1].address == "Straße am Dom"
    assert rejected == {4: "the event ends before it starts"}


def test_excel_unicode_text_is_utf16_with_tabs_and_a_time_in_words_is_refused():
    rows, rejected, _ = read("excel_de_unicode_text.txt")
    assert moments(rows)["Berlin"] == (datetime(2027, 5, 13, 14), time(16))
    assert (rows[0].record.latitude, rows[0].record.longitude) == (52.5163, 13.3777)
    assert rejected == {4: "“nachmittags” is not a time such as 14:00"}


def test_google_sheets_title_rows_group_labels_a_repeated_header_and_a_note():
    rows, rejected, warnings = read("google_sheets_export.csv")
    assert [(row.number, row.record.city) for row in rows] == [
        (5, "Leeds"), (6, "Bristol"), (8, "Glasgow")
    ]  # fmt: skip
    assert rows[0].record.signup_url == "https://lu.ma/leeds"
    assert rejected == {}  # the header said again on row 7 is no event and no error
    assert warnings == [
        "1: row 1 is above the header and is not read: “Protest calendar 2027”",
        "3: row 3 is above the header and is not read: “When”, “Where”",
        "10: row 10 holds only “Last updated: 1 May 2027 by the events team”; it is read as a "
        "note, not an event",
    ]


def test_a_header_in_two_rows_as_merged_header_cells_are_saved():
    rows, rejected, warnings = read("google_sheets_merged_header.csv")
    assert moments(rows) == {
        "Leeds": (datetime(2027, 5, 13, 18), time(19, 30)),  # "Time" over "Start" and "End"
        "York": (datetime(2027, 5, 13, 18, 30), time(20)),
        "Kingston upon Hull": (datetime(2027, 5, 14, 19), time(20)),
    }
    assert rejected == {}  # the two header rows said again are skipped
    assert warnings == ["1: row 1 is above the header and is not read: “Vigils in May”"]


@pytest.mark.parametrize(
    ("date_cell", "time_cell", "starts"),
    [
        ("13-5-27", "14u30", datetime(2027, 5, 13, 14, 30)),  # Dutch short date, "14u30"
        ("13-May-2027", "14", datetime(2027, 5, 13, 14)),  # Excel's d-mmm-yyyy, a bare hour
        ("13-mei-27 9.15", "", datetime(2027, 5, 13, 9, 15)),
        ("Donnerstag, 13. Mai 2027", "14.00 Uhr", datetime(2027, 5, 13, 14)),
        ("13 maja 2027", "0,5833333", datetime(2027, 5, 13, 14)),  # Excel's time as a fraction
        ("2027-05-13T14:00:00", "", datetime(2027, 5, 13, 14)),
    ],
)
def test_dates_and_times_as_cells_hold_them(date_cell, time_cell, starts):
    sheet = f'Stad;Land;Datum;Tijd\nUtrecht;NL;"{date_cell}";"{time_cell}"\n'
    reading = read_event_rows(sheet, source="s")
    assert (reading.rejected, reading.warnings) == ([], [])
    assert reading.rows[0].record.starts_at.replace(tzinfo=None) == starts


def test_libreoffice_quotes_everything_and_groups_thousands():
    rows, rejected, _ = read("libreoffice_quoted.csv")
    assert [(r.record.city, r.capacity, r.status) for r in rows] == [
        ("Lisbon", 250, "approved"),
        ("Porto", 1200, "tba"),  # "1.200"
    ]
    assert rejected == {4: "the capacity “lots” is not a whole number"}


def test_apple_numbers_puts_the_table_name_above_the_header():
    rows, rejected, warnings = read("numbers_export.csv")
    assert moments(rows) == {
        "Melbourne": (datetime(2027, 5, 13, 12, 30), time(14, 30)),
        "Sydney": (datetime(2027, 5, 13, 11), time(13)),
    }
    assert rows[0].record.venue == "State Library"
    assert (rejected, warnings) == (
        {},
        ["1: row 1 is above the header and is not read: “Events 2027”"],
    )


def test_airtable_dates_with_12_hour_times_and_its_status_words():
    rows, rejected, warnings = read("airtable_grid.csv")
    assert [(r.title, r.record.starts_at.replace(tzinfo=None), r.status) for r in rows] == [
        ("Vigil for the future", datetime(2027, 5, 13, 14), "approved"),  # Confirmed
        ("March on parliament", datetime(2027, 5, 14, 11, 30), "cancelled"),
        ("Teach-in", datetime(2027, 5, 15, 12), "proposed"),  # Idea
    ]
    assert rows[0].record.venue == "Nathan Phillips Square"  # "Location"
    assert rejected == {}
    assert warnings == [
        "1: column “Tags” is not one the importer reads",
        "1: column “Organiser email” is not one the importer reads",
        "4: no start time is given; the event is set at 12:00",  # said, not silently invented
    ]


def test_notion_spans_zone_notes_and_a_zone_that_is_not_the_places():
    rows, rejected, warnings = read("notion_database.csv")
    assert moments(rows) == {
        "Amsterdam": (datetime(2027, 5, 13, 14), time(16)),  # 13/05/2027 14:00 (CEST)
        "Rotterdam": (datetime(2027, 5, 14, 10), time(13)),  # 10:00 AM → 1:00 PM
        "Delft": (datetime(2027, 5, 15, 12), time(14)),
    }
    assert [r.status for r in rows] == ["approved", "approved", "completed"]  # Gepland, Done
    assert rejected == {
        5: "the date says EST, but in Leiden the clock then shows CEST; give the time zone in a "
        "“timezone” column"
    }
    assert "1: column “Tags” is not one the importer reads" in warnings


def test_an_eventbrite_event_report_names_the_columns_it_leaves():
    rows, rejected, warnings = read("eventbrite_events.csv")
    assert [(r.title, r.record.city, r.record.venue, r.record.signup_url) for r in rows] == [
        ("Climate teach-in", "Manchester", "Central Library",
         "https://www.eventbrite.co.uk/e/123456789"),
        ("Vigil", "Sheffield", "Peace Gardens", "https://www.eventbrite.co.uk/e/123456790"),
    ]  # fmt: skip
    assert moments(rows)["Sheffield"] == (datetime(2027, 5, 14, 19), time(20))
    assert rejected == {}
    assert warnings == [
        f"1: column “{name}” is not one the importer reads"
        for name in ("Event ID", "Tickets Sold", "Gross Sales")
    ]


def test_a_meetup_export_is_read_and_its_rsvp_counts_are_left():
    rows, rejected, warnings = read("meetup_events.csv")
    assert [(r.title, r.address, r.record.platform) for r in rows] == [
        ("Monthly meetup", "Haarlemmerweg 10c", "meetup")
    ]
    assert warnings == [
        "1: column “RSVPs” is not one the importer reads",
        "1: column “Waitlist” is not one the importer reads",
    ]


def test_a_guest_list_is_refused_as_a_list_of_people(tmp_path):
    rows, rejected, _ = read("luma_guests.csv")
    assert rows == []
    assert "it looks like a list of people" in rejected[1]
    path = tmp_path / "guests.csv"
    path.write_bytes((SHEETS / "luma_guests.csv").read_bytes())
    out, _ = run("events", str(path), "--skip-rejected")
    assert "rejected: guests.csv:1: the sheet has no column city, date" in out
    assert LocalEvent.objects.count() == 0


def test_a_date_excel_wrote_as_its_serial_number():
    rows, rejected, _ = read("excel_serial_dates.csv")
    assert moments(rows) == {
        "Dublin": (datetime(2025, 5, 13, 14), time(16)),  # 45790
        "Cork": (datetime(2025, 5, 13, 15), time(17)),  # 45790.625: 15:00
    }
    assert rejected == {4: "“123” is not a date such as 2025-05-13"}


@pytest.mark.parametrize(
    ("name", "cities", "refused"),
    [
        ("polski.csv", ["Kraków", "Gdańsk"], {}),  # Miasto, Data, Godzina, Link do zapisów
        ("espanol.csv", ["Madrid"], {3: "the signup link is not a web address"}),
        ("portugues.csv", ["Coimbra"], {}),  # Windows-1252, "Link de inscrição"
        ("francais.csv", ["Lyon", "Nantes"], {}),
    ],
)
def test_headers_in_polish_spanish_portuguese_and_french(name, cities, refused):
    rows, rejected, warnings = read(name)
    assert [row.record.city for row in rows] == cities
    assert all(row.record.signup_url.startswith("https://example.org/") for row in rows[:1])
    assert rows[0].record.venue and rows[0].record.starts_at.hour >= 14
    assert (rejected, warnings) == (refused, [])


def test_a_groups_sheet_with_a_title_row_and_a_note():
    sheet = (
        "Onze groepen (bijgewerkt april)\n"
        "\n"
        "Naam;Soort;Land;Stad;WhatsApp groep\n"
        "Beweging Nederland;national;NL;;\n"
        "Beweging Utrecht;local;NL;Utrecht;https://chat.whatsapp.com/AbCdEfGhIjKlMnOpQrStUv\n"
        "Vraag Anna om de links;;;;\n"
    )
    reading = read_group_rows(sheet, source="groepen.csv")
    assert [(row.name, row.kind) for row in reading.rows] == [
        ("Beweging Nederland", Group.Kind.NATIONAL),
        ("Beweging Utrecht", Group.Kind.LOCAL),
    ]
    assert reading.rejected == []
    assert [notice.line for notice in reading.warnings] == [1, 6]


# --- Excel workbooks ------------------------------------------------------------------------


def workbook(build) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    build(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_saved_result(data: bytes, formula: str, result: str) -> bytes:
    """The workbook as Excel saves it: each formula with the value it last computed."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                body = body.replace(
                    f"<f>{formula}</f><v></v>".encode(), f"<f>{formula}</f><v>{result}</v>".encode()
                )
            target.writestr(item, body)
    return out.getvalue()


HEADER = ["City", "Country", "Date", "Start time", "Venue", "Capacity", "Notes"]


def test_a_workbook_with_typed_cells_a_hidden_sheet_several_sheets_and_merged_cells(tmp_path):
    def build(book):
        lookup = book.active
        lookup.title = "Lists"
        lookup.append(["Country codes"])
        lookup.sheet_state = "hidden"  # first, but hidden: not read
        events = book.create_sheet("Events")
        events.append(HEADER)
        events.append(["Utrecht", "NL", date(2027, 5, 13), time(14), "Neude", "=100+20", "a\nb"])
        events.append(["Amersfoort", "NL", None, time(15, 30), "Lieve Vrouwekerkhof", "80"])
        events.append(["Zwolle", "NL", datetime(2027, 5, 14, 13, 0), None, "Grote Markt"])
        events.merge_cells("C2:C3")  # one date for the first two cities
        book.create_sheet("Archive").append(HEADER)  # after the one read: left alone

    data = with_saved_result(workbook(build), "100+20", "120")
    text = workbook_as_csv(data)
    reading = read_event_rows(text, source="acties.xlsx")
    assert reading.rejected == []
    assert moments(reading.rows) == {
        "Utrecht": (datetime(2027, 5, 13, 14), time(16)),
        "Amersfoort": (datetime(2027, 5, 13, 15, 30), time(17, 30)),  # the merged date
        "Zwolle": (datetime(2027, 5, 14, 13), time(15)),  # a date and time in one cell
    }
    utrecht = reading.rows[0]
    assert (utrecht.capacity, utrecht.description) == (120, "a\nb")  # formula result, line break
    assert reading.rows[1].capacity == 80  # a number stored as text
    path = tmp_path / "acties.xlsx"
    path.write_bytes(data)
    out, _ = run("events", str(path))
    assert "events created: 3" in out


def test_a_workbook_with_a_merged_header_cell_over_two_columns():
    def build(book):
        sheet = book.active
        sheet.append(["City", "Country", "Date", "Time", None])
        sheet.append([None, None, None, "Start", "End"])
        sheet.append(["Utrecht", "NL", date(2027, 5, 13), time(14), time(15, 30)])
        sheet.merge_cells("D1:E1")
        for column in "ABC":
            sheet.merge_cells(f"{column}1:{column}2")

    reading = read_event_rows(workbook_as_csv(workbook(build)), source="acties.xlsx")
    assert reading.rejected == []
    assert moments(reading.rows) == {"Utrecht": (datetime(2027, 5, 13, 14), time(15, 30))}


def test_a_workbook_whose_formulas_were_never_computed_is_refused_whole(tmp_path):
    def build(book):
        book.active.append(HEADER)
        book.active.append(["Utrecht", "NL", date(2027, 5, 13), time(14), "Neude", "=100+20"])

    path = tmp_path / "generated.xlsx"
    path.write_bytes(workbook(build))
    with pytest.raises(CommandError, match=re.escape("cell F2 of sheet “Sheet” holds a formula")):
        run("events", str(path), "--skip-rejected")
    assert LocalEvent.objects.count() == 0


def test_a_workbook_with_only_hidden_sheets_is_refused():
    def build(book):
        book.active.append(HEADER)

    source, out = zipfile.ZipFile(io.BytesIO(workbook(build))), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename == "xl/workbook.xml":
                body = body.replace(b'state="visible"', b'state="hidden"')
            target.writestr(item, body)
    with pytest.raises(WorkbookRefused, match="no visible sheet"):
        workbook_as_csv(out.getvalue())
