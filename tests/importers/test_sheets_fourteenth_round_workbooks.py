"""Workbooks as organizers keep them, a fourteenth round (built here with openpyxl, and an
OpenDocument file written as LibreOffice Calc writes it): formulas whose saved results are the
dates, a header below a merged title and a "don't edit above this line" note, a country and a
date merged down over their cities, a section label merged across a row, a group header merged
over two header rows, days without their year under the title's year, a total row; then the
import command: one refused row writes nothing, and with --skip-rejected the rest is written,
a row of several days as one event for each, a row marked cancelled as cancelled.

What the workbook readers (`web.workbooks`, `web.opendocument`) make of what a sheet shows
beside its values: a row the organizer hid is not read (and the import says which), a row
crossed out by its font is read as cancelled, as "~~York~~" would be."""

import io
import re
import zipfile
from datetime import date, time

import pytest
from django.core.management import CommandError, call_command

from turnout.campaigns.models import LocalEvent
from turnout.groups.models import Group
from turnout.importers.group_sheets import read_group_rows
from turnout.importers.spreadsheets import read_event_rows
from turnout.web.workbooks import read_workbook, workbook_as_csv

from .sheet_rounds import at, read_sheet, when

pytestmark = pytest.mark.django_db


def workbook(build, *, results: dict[str, str] | None = None) -> bytes:
    """An .xlsx file `build(sheet)` fills; each formula of `results` saved with its result,
    as Excel or LibreOffice saves it (openpyxl alone keeps none)."""
    from openpyxl import Workbook

    book = Workbook()
    build(book.active)
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    if not results:
        return data
    source, saved = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(saved, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                for formula, result in results.items():
                    body = body.replace(
                        f"<f>{formula}</f><v></v>".encode(),
                        f"<f>{formula}</f><v>{result}</v>".encode(),
                    )
            target.writestr(item, body)
    return saved.getvalue()


def read(data: bytes, language: str | None = None):
    return read_sheet(workbook_as_csv(data), source="acties.xlsx", language=language)


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", "csv", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_formulas_whose_saved_results_are_the_dates_and_times():
    def build(sheet):
        sheet.append(["City", "Country", "Date", "Start", "End"])
        sheet.append(["Leeds", "GB", date(2027, 5, 15), time(14), time(16)])
        sheet.append(["Leeds", "GB", "=C2+7", "=D2", "=E2+1/24"])  # a week later, an hour longer
        sheet["C3"].number_format = "dd/mm/yyyy"
        sheet["D3"].number_format = sheet["E3"].number_format = "hh:mm"

    data = workbook(
        build, results={"C2+7": "46529", "D2": "0.583333333333333", "E2+1/24": "0.708333333333333"}
    )
    rows, rejected, warnings = read(data)
    assert (rejected, warnings) == ({}, [])
    assert when(rows) == [("Leeds", at(15, 14), at(15, 16)), ("Leeds", at(22, 14), at(22, 17))]


def test_a_header_below_a_merged_title_and_note_with_cells_merged_down_and_across():
    def build(sheet):
        sheet.append(["Klimastreik Mai 2027"])
        sheet.append(["Bitte oberhalb dieser Zeile nichts ändern!"])
        sheet.append([])
        sheet.append(["Land", "Stadt", "Datum", "Beginn", "Treffpunkt"])
        sheet.append(["Deutschland", "Berlin", date(2027, 5, 15), time(12), "Invalidenpark"])
        sheet.append([None, "Hamburg", None, time(13), "Jungfernstieg"])
        sheet.append(["Schweiz"])  # a section label, merged across the row
        sheet.append(["Schweiz", "Zürich", date(2027, 5, 15), time(14), "Helvetiaplatz"])
        sheet.append(["Summe", "3"])
        for merged in ("A1:E1", "A2:E2", "A5:A6", "C5:C6", "A7:E7"):
            sheet.merge_cells(merged)

    rows, rejected, warnings = read(workbook(build), "de")
    assert rejected == {}
    assert when(rows) == [
        ("Berlin", at(15, 12), at(15, 14)),
        ("Hamburg", at(15, 13), at(15, 15)),  # the country and day merged over it
        ("Zürich", at(15, 14), at(15, 16)),
    ]
    assert [row.record.country for row in rows] == ["DE", "DE", "CH"]
    assert warnings == [
        "1: row 1 is above the header and is not read: “Klimastreik Mai 2027”",  # once, not 5 times
        "2: row 2 is above the header and is not read: “Bitte oberhalb dieser Zeile nichts "
        "ändern!”",
        "7: row 7 holds only “Schweiz”; it is read as a note, not an event",
        "9: row 9 is a total (“Summe”, “3”), not an event",
    ]


def test_a_group_header_merged_over_two_header_rows():
    def build(sheet):
        sheet.append(["Where", None, "When", None, None])
        sheet.append(["City", "Country", "Date", "Start", "End"])
        sheet.append(["Porto", "Portugal", date(2027, 5, 15), time(15), time(17, 30)])
        sheet.merge_cells("A1:B1")
        sheet.merge_cells("C1:E1")

    rows, rejected, warnings = read(workbook(build))
    assert rejected == {}
    assert when(rows) == [("Porto", at(15, 15), at(15, 17, 30))]
    assert warnings == ["1: row 1 is above the header and is not read: “Where”, “When”"]


def test_days_typed_without_their_year_under_a_merged_title_that_names_it():
    def build(sheet):
        sheet.append(["Mahnwachen im Mai 2027"])
        sheet.merge_cells("A1:D1")
        sheet.append(["Stadt", "Land", "Termine", "Uhrzeit"])
        sheet.append(["Leipzig", "DE", "15.05.", "18 Uhr"])
        sheet.append(["Dresden", "DE", "Sa 15.5., Sa 22.5.", "18:30"])
        sheet.append(["Jena", "DE", "Fr 15.5.", "18:30"])  # 15 May 2027 is a Saturday

    rows, rejected, warnings = read(workbook(build), "de")
    assert when(rows) == [
        ("Leipzig", at(15, 18), at(15, 20)),
        ("Dresden", at(15, 18, 30), at(15, 20, 30)),
        ("Dresden", at(22, 18, 30), at(22, 20, 30)),
    ]
    assert rejected == {
        5: "“Fr 15.5.” says Friday, but 2027-05-15 is a Saturday; correct the day or the date"
    }
    assert "3: “15.05.” gives no year; it is read in 2027, the year above the header" in warnings
    assert "4: “Sa 15.5., Sa 22.5.” names 2 days: one event is imported for each" in warnings


# --- OpenDocument ---------------------------------------------------------------------------

_ODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">
<office:body><office:spreadsheet><table:table table:name="Tapahtumat">
"""
_ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"


def ods_row(*cells: str, collapsed: bool = False) -> str:
    """A row of cells: "t:text" a string, "d:2027-05-15" a date, "h:PT14H00M00S" a time,
    "f:3" a number, "" an empty cell; `collapsed` as Calc writes a hidden row."""
    kinds = {
        "t": '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>',
        "d": '<table:table-cell office:value-type="date" office:date-value="{}"/>',
        "h": '<table:table-cell office:value-type="time" office:time-value="{}"/>',
        "f": '<table:table-cell office:value-type="float" office:value="{}"/>',
    }
    body = "".join(
        kinds[cell[0]].format(cell[2:]) if cell else "<table:table-cell/>" for cell in cells
    )
    visibility = ' table:visibility="collapsed"' if collapsed else ""
    return f"<table:table-row{visibility}>{body}</table:table-row>"


def ods(*rows: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", _ODS_HEAD + "".join(rows) + _ODS_TAIL)
    return buffer.getvalue()


def test_a_finnish_calc_sheet_with_a_title_a_cancelled_row_and_a_total():
    data = ods(
        ods_row("t:Ilmastomarssi toukokuu 2027"),
        ods_row(),
        ods_row("t:Kaupunki", "t:Maa", "t:Päivämäärä", "t:Alkaa", "t:Paikka"),
        ods_row("t:Helsinki", "t:Suomi", "d:2027-05-15", "h:PT14H00M00S", "t:Senaatintori"),
        ods_row("t:Tampere (peruttu)", "t:Suomi", "d:2027-05-15", "h:PT13H00M00S", "t:Keskustori"),
        ods_row("t:Turku", "t:Suomi", "t:la 15.5.", "t:klo 12", "t:Kauppatori"),
        ods_row("t:Yhteensä", "f:3"),
    )
    reading = read_event_rows(read_workbook(data).text, source="marssit.ods", language="fi")
    assert reading.rejected == []
    assert [(row.record.city, row.status) for row in reading.rows] == [
        ("Helsinki", LocalEvent.Status.APPROVED),
        ("Tampere", LocalEvent.Status.CANCELLED),
        ("Turku", LocalEvent.Status.APPROVED),
    ]
    assert when(reading.rows)[2] == ("Turku", at(15, 12), at(15, 14))
    assert sorted(notice.line for notice in reading.warnings) == [1, 5, 6, 7]


# --- the import command -----------------------------------------------------------------------


def _protest_day(sheet, *, with_a_bad_row: bool):
    sheet.append(["Protest day 2027"])
    sheet.merge_cells("A1:E1")
    sheet.append(["City", "Country", "Date", "Time", "Notes"])
    sheet.append(["Leeds", "GB", "15/05, 22/05", "2pm-4pm", "Two vigils"])
    sheet.append(["CANCELLED – York", "GB", "15/05", "14:00", None])
    sheet.append(["Hull", "GB", "15/05", "14:00", None])
    if with_a_bad_row:
        sheet.append(["Bath", "GB", "31/02", "14:00", None])  # no such day
    sheet.append(["Total: 3 cities"])


def test_a_refused_row_writes_nothing_and_skipping_it_writes_the_rest(tmp_path):
    path = tmp_path / "protest-day.xlsx"
    path.write_bytes(workbook(lambda sheet: _protest_day(sheet, with_a_bad_row=True)))
    with pytest.raises(CommandError, match="nothing imported: 1 rows? (is|are) rejected"):
        run("events", str(path))
    assert LocalEvent.objects.count() == 0
    out = run("events", str(path), "--skip-rejected")
    assert "rejected: protest-day.xlsx:6: “31/02” is not a date such as 2025-05-13" in out
    assert sorted(
        (event.city, event.local_starts_at.date(), event.local_starts_at.hour, event.status)
        for event in LocalEvent.objects.all()
    ) == [
        ("Kingston upon Hull", date(2027, 5, 15), 14, "approved"),
        ("Leeds", date(2027, 5, 15), 14, "approved"),
        ("Leeds", date(2027, 5, 22), 14, "approved"),
        ("York", date(2027, 5, 15), 14, "cancelled"),
    ]


def test_importing_the_same_workbook_again_changes_nothing(tmp_path):
    path = tmp_path / "protest-day.xlsx"
    path.write_bytes(workbook(lambda sheet: _protest_day(sheet, with_a_bad_row=False)))
    run("events", str(path))
    first = sorted(LocalEvent.objects.values_list("pk", "city", "starts_at", "status"))
    run("events", str(path))
    assert sorted(LocalEvent.objects.values_list("pk", "city", "starts_at", "status")) == first
    assert len(first) == 4


def test_a_groups_sheet_with_lower_case_codes_and_a_total_row():
    reading = read_group_rows(
        "Name,Kind,Country,City\n"
        "Beweging Nederland,national,nl,\n"
        "Beweging Utrecht,local,nl,Utrecht\n"
        "Total,2,,\n",
        source="groepen.csv",
    )
    assert [(row.name, row.kind, row.country) for row in reading.rows] == [
        ("Beweging Nederland", Group.Kind.NATIONAL, "NL"),
        ("Beweging Utrecht", Group.Kind.LOCAL, "NL"),
    ]
    assert reading.rejected == []
    assert [notice.message for notice in reading.warnings] == [
        "row 4 is a total (“Total”, “2”), not an event"
    ]


# --- what the workbook readers see beside the values ----------------------------------------


def test_a_hidden_row_of_a_workbook_is_not_imported():
    def build(sheet):
        sheet.append(["City", "Country", "Date", "Start"])
        sheet.append(["Leeds", "GB", date(2027, 5, 15), time(14)])
        sheet.append(["York", "GB", date(2027, 5, 15), time(14)])
        sheet.row_dimensions[3].hidden = True

    rows, _rejected, _warnings = read(workbook(build))
    assert [row.record.city for row in rows] == ["Leeds"]


def test_a_struck_through_row_of_a_workbook_is_imported_as_cancelled():
    from openpyxl.styles import Font

    def build(sheet):
        sheet.append(["City", "Country", "Date", "Start"])
        sheet.append(["York", "GB", date(2027, 5, 15), time(14)])
        for cell in sheet[2]:
            cell.font = Font(strike=True)

    rows, _rejected, _warnings = read(workbook(build))
    assert [(row.record.city, row.status) for row in rows] == [("York", "cancelled")]


def test_a_hidden_row_of_an_opendocument_sheet_is_not_imported():
    data = ods(
        ods_row("t:City", "t:Country", "t:Date", "t:Start"),
        ods_row("t:Leeds", "t:GB", "d:2027-05-15", "h:PT14H00M00S"),
        ods_row("t:York", "t:GB", "d:2027-05-15", "h:PT14H00M00S", collapsed=True),
    )
    reading = read_event_rows(read_workbook(data).text, source="s.ods")
    assert [row.record.city for row in reading.rows] == ["Leeds"]


def test_the_struck_rows_mark_is_read_when_the_cell_carries_it():
    """The mark the workbook reader writes for a struck cell, as a CSV file carries it."""
    reading = read_event_rows(
        "City,Country,Date,Start\n~~York~~,GB,2027-05-15,14:00\n", source="s.csv"
    )
    assert [(row.record.city, row.status) for row in reading.rows] == [("York", "cancelled")]
    assert re.search("marked “~~York~~”", reading.warnings[0].message)


def test_the_hidden_rows_are_named_and_the_rows_after_them_keep_their_numbers():
    from turnout.web.workbooks import workbook_notices

    def build(sheet):
        sheet.append(["City", "Country", "Date", "Start"])
        sheet.append(["York", "GB", date(2027, 5, 15), time(14)])
        sheet.append(["Leeds", "GB", date(2027, 5, 15), time(14)])
        sheet.append(["Hull", "GB", date(2027, 5, 32 - 17), "not a time"])
        sheet.row_dimensions[2].hidden = True

    read = read_workbook(workbook(build))
    assert read.hidden_rows == (2,)
    assert workbook_notices(read) == ["rows hidden in the sheet are not read: 2"]
    reading = read_event_rows(read.text, source="s.xlsx")
    assert [row.record.city for row in reading.rows] == ["Leeds"]
    assert [rejected.line for rejected in reading.rejected] == [4]  # Hull, on the sheet's row 4
