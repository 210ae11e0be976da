"""Workbooks as organizers keep them, a fifteenth round (built here with openpyxl, and
OpenDocument files written as LibreOffice Calc writes them): an "Instructions", "Vorlage" or
"Mall" sheet before the sheet of events, cells whose words ("Zapisz się", "Anmelden") link to
the signup page, a HYPERLINK formula as Google Sheets writes one, formulas whose saved result
is empty text, formatting that reaches thousands of rows below the last event, a header
merged over two rows in Japanese, dates as serial numbers typed into text cells and times as
fractions of a day, a status of ✅ ❌ ⏳ with the venue and its address on two lines of one
cell; then the import command on such a workbook.

What a coordinator would import: the events sheet's rows, with their signup links, venues and
local times; the sheets not read named; nothing refused that Excel showed as it should."""

import io
import re
import time as clock
import zipfile
from datetime import date, time

import pytest
from django.core.management import call_command

from turnout.campaigns.models import LocalEvent
from turnout.importers.spreadsheets import read_event_rows
from turnout.web.workbooks import WorkbookRefused, read_workbook, workbook_notices

from .sheet_rounds import at, read_sheet, when

pytestmark = pytest.mark.django_db


def workbook(build, *, results: dict[str, str] | None = None) -> bytes:
    """An .xlsx file `build(book)` fills; each formula cell of `results` ("E3": "Anmelden")
    saved with that text as its result, as Excel and Google Sheets save one (t="str")."""
    from openpyxl import Workbook

    book = Workbook()
    build(book)
    out = io.BytesIO()
    book.save(out)
    data = out.getvalue()
    if not results:
        return data
    source, saved = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(saved, "w") as target:
        for item in source.infolist():
            body = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                for ref, result in results.items():
                    body = _saved_result(body, ref, result)
            target.writestr(item, body)
    return saved.getvalue()


def _saved_result(body: bytes, ref: str, result: str) -> bytes:
    """The sheet's XML with the formula of cell `ref` keeping `result` as Excel keeps text."""
    cell = re.compile(rf'<c r="{ref}">(<f>.*?</f>)<v\s*/>|<c r="{ref}">(<f>.*?</f>)<v></v>')
    body, count = cell.subn(
        lambda m: f'<c r="{ref}" t="str">{m[1] or m[2]}<v>{result}</v>', body.decode()
    )
    assert count == 1, ref
    return body.encode()


def read(data: bytes, language: str | None = None):
    return read_sheet(read_workbook(data).text, source="akce.xlsx", language=language)


# --- a guide before the sheet of events ---------------------------------------------------------

# The guide sheet, the events sheet, the template sheet, the header, a city and its country.
GUIDES = {
    "sv": ("Instruktioner", "Aktioner", "Mall", "Stad Land Datum Tid", "Uppsala", "SE"),
    "de": ("Anleitung", "Aktionen", "Vorlage", "Stadt Land Datum Beginn", "Kassel", "DE"),
    "ja": ("説明", "イベント", "テンプレート", "都市 国 日付 開始時間", "神戸", "JP"),
    "pt": ("Instruções", "Eventos", "Modelo", "Cidade País Data Hora", "Braga", "PT"),
    "pl": ("Instrukcja", "Wydarzenia", "Szablon", "Miasto Kraj Data Godzina", "Opole", "PL"),
    "tr": ("Talimatlar", "Etkinlikler", "Şablon", "Şehir Ülke Tarih Saat", "Bursa", "TR"),
}


@pytest.mark.parametrize("language", sorted(GUIDES))
def test_the_events_sheet_is_read_past_the_guide_before_it(language):
    guide, events, template, names, city, country = GUIDES[language]
    header = names.split()

    def build(book):
        book.active.title = guide
        book.active.append(["One row per action; the date as 2027-05-15."])
        sheet = book.create_sheet(events)
        sheet.append(header)
        sheet.append([city, country, date(2027, 5, 15), time(14)])
        book.create_sheet(template).append(header)

    read = read_workbook(workbook(build))
    assert (read.title, read.unread) == (events, (guide, template))
    assert workbook_notices(read) == [
        f"read the sheet “{events}”; not read: “{guide}”, “{template}” (choose another with "
        "--sheet)"
    ]
    reading = read_event_rows(read.text, source="x.xlsx", language=language)
    assert reading.rejected == []
    assert [(row.record.country, row.record.starts_at.hour) for row in reading.rows] == [
        (country, 14)
    ]


def test_a_guide_sheet_is_still_read_when_asked_for_by_name():
    def build(book):
        book.active.title = "Vorlage"
        book.active.append(["Stadt", "Land", "Datum", "Beginn"])
        book.create_sheet("Aktionen").append(["Stadt", "Land", "Datum", "Beginn"])

    assert read_workbook(workbook(build), sheet="Vorlage").title == "Vorlage"


def test_a_workbook_of_nothing_but_a_template_reads_the_template():
    def build(book):
        book.active.title = "Template"
        book.active.append(["City", "Country", "Date", "Time"])
        book.active.append(["Leeds", "GB", date(2027, 5, 15), time(14)])

    rows, rejected, _ = read(workbook(build))
    assert (rejected, [row.record.city for row in rows]) == ({}, ["Leeds"])


# --- links -------------------------------------------------------------------------------------


def test_words_linked_to_the_signup_page_give_its_address():
    def build(book):
        sheet = book.active
        sheet.append(["Miasto", "Kraj", "Data", "Godzina", "Miejsce", "Zapisy"])
        sheet.append(["Łódź", "PL", date(2027, 5, 15), time(14), "Plac Wolności", "Zapisz się"])
        sheet["F2"].hyperlink = "https://lu.ma/lodz-maj"
        sheet.append(["Lublin", "PL", date(2027, 5, 15), time(15), "Plac Litewski",
                      '=HYPERLINK("https://lu.ma/lublin-maj","Zapisz się")'])  # fmt: skip
        sheet.append(["Toruń", "PL", date(2027, 5, 15), time(16), "Rynek Staromiejski",
                      "https://lu.ma/torun-maj"])  # fmt: skip
        sheet["E4"].hyperlink = "https://maps.example.org/?q=Rynek+Staromiejski"
        sheet["F4"].hyperlink = "https://lu.ma/torun-maj"
        sheet.append(["Opole", "PL", date(2027, 5, 15), time(17), "Rynek", "Napisz do nas"])
        sheet["F5"].hyperlink = "mailto:opole@example.org"

    rows, rejected, _ = read(workbook(build, results={"F3": "Zapisz się"}), "pl")
    assert [(row.record.city, row.record.venue, row.record.signup_url) for row in rows] == [
        ("Łódź", "Plac Wolności", "https://lu.ma/lodz-maj"),
        ("Lublin", "Plac Litewski", "https://lu.ma/lublin-maj"),
        ("Toruń", "Rynek Staromiejski", "https://lu.ma/torun-maj"),  # the venue's words
    ]
    assert [row.record.platform for row in rows] == ["luma"] * 3
    assert rejected == {5: "the signup link is not a web address"}  # an e-mail address


def test_an_opendocument_cell_linked_to_the_signup_page_gives_its_address():
    link = (
        '<table:table-cell office:value-type="string"><text:p><text:a '
        'xlink:href="https://www.mobilize.us/example/event/7/">Anmelden</text:a></text:p>'
        "</table:table-cell>"
    )
    data = ods(
        ods_row("Stadt", "Land", "Datum", "Beginn", "Anmeldung")
        + ods_row("Kassel", "DE", "2027-05-15", "14:00").replace("</table:table-row>", link)
        + "</table:table-row>"
    )
    reading = read_event_rows(read_workbook(data).text, source="x.ods", language="de")
    assert reading.rejected == []
    assert [row.record.signup_url for row in reading.rows] == [
        "https://www.mobilize.us/example/event/7/"
    ]


# --- formulas -----------------------------------------------------------------------------------


def test_a_formula_whose_saved_result_is_empty_text_is_an_empty_cell():
    def build(book):
        sheet = book.active
        sheet.append(["Město", "Země", "Datum", "Začátek", "Poznámky"])
        sheet.append(["Praha", "CZ", date(2027, 5, 15), time(14), '=IF(F2="","",F2)'])
        sheet.append(["Brno", "CZ", date(2027, 5, 15), time(15), '=IF(F3="","",F3)'])

    rows, rejected, _ = read(workbook(build, results={"E2": "", "E3": "Vezměte deštník"}), "cs")
    assert rejected == {}
    assert [(row.record.city, row.description) for row in rows] == [
        ("Prague", ""),
        ("Brno", "Vezměte deštník"),
    ]


def test_a_formula_never_computed_is_still_refused():
    def build(book):
        book.active.append(["Město", "Země", "Datum", "Začátek"])
        book.active.append(["Praha", "CZ", "=DATE(2027,5,15)", time(14)])

    with pytest.raises(WorkbookRefused, match="cell C2 .* holds a formula"):
        read_workbook(workbook(build))


# --- the shape of the sheet -----------------------------------------------------------------------


def test_formatting_that_reaches_far_below_the_events_is_not_rows():
    from openpyxl.styles import Font

    def build(book):
        sheet = book.active
        sheet.append(["Şehir", "Ülke", "Tarih", "Saat"])
        sheet.append(["Eskişehir", "Türkiye", date(2027, 5, 15), time(14)])
        for row in range(3, 25_003):  # a column made bold to its end, as a person does it
            sheet.cell(row=row, column=1).font = Font(bold=True)

    data = workbook(build)
    started = clock.monotonic()
    read = read_workbook(data)
    assert clock.monotonic() - started < 60
    assert read.text.count("\n") == 2
    reading = read_event_rows(read.text, source="x.xlsx", language="tr")
    assert (reading.rejected, reading.warnings) == ([], [])
    assert [row.record.city for row in reading.rows] == ["Eskişehir"]


def test_a_row_past_the_limit_is_still_refused():
    from turnout.web.workbooks import MAX_ROWS

    def build(book):
        book.active.append(["City", "Country", "Date", "Time"])
        book.active.cell(row=MAX_ROWS + 2, column=1, value="Leeds")

    with pytest.raises(WorkbookRefused, match="more than"):
        read_workbook(workbook(build))


def test_a_japanese_header_merged_over_two_rows():
    def build(book):
        sheet = book.active
        sheet.append(["都市", "国", "日付", "時間", None, "集合場所"])
        sheet.append([None, None, None, "開始", "終了", None])
        sheet.append(["名古屋", "日本", date(2027, 5, 15), time(13), time(15), "栄広場"])
        for merged in ("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2"):
            sheet.merge_cells(merged)

    rows, rejected, warnings = read(workbook(build), "ja")
    assert (rejected, warnings) == ({}, [])
    assert when(rows) == [("Nagoya", at(15, 13), at(15, 15))]
    assert rows[0].record.venue == "栄広場"


def test_serial_numbers_typed_as_text_and_times_kept_as_fractions():
    def build(book):
        sheet = book.active
        sheet.append(["Cidade", "País", "Data", "Início", "Fim"])
        sheet.append(["Aveiro", "Portugal", "46522", 0.5833333333333334, 0.6875])
        sheet.append(["Évora", "Portugal", "46522", "0,625", "0,75"])

    rows, rejected, _ = read(workbook(build), "pt")
    assert rejected == {}
    assert when(rows) == [("Aveiro", at(15, 14), at(15, 16, 30)), ("Évora", at(15, 15), at(15, 18))]


def test_a_status_of_signs_and_a_venue_with_its_address_on_a_second_line():
    def build(book):
        sheet = book.active
        sheet.append(["Kota", "Negara", "Tanggal", "Jam", "Lokasi", "Status"])
        sheet.append(["Surabaya", "Indonesia", date(2027, 5, 15), time(15),
                      "Taman Bungkul\nJl. Taman Bungkul, Darmo", "✅"])  # fmt: skip
        sheet.append(["Denpasar", "Indonesia", date(2027, 5, 15), time(16),
                      "Lapangan Renon", "❌ dibatalkan"])  # fmt: skip
        sheet["E2"].alignment = sheet["E2"].alignment.copy(wrap_text=True)

    rows, rejected, _ = read(workbook(build), "id")
    assert rejected == {}
    assert [(row.record.city, row.record.venue, row.address, row.status) for row in rows] == [
        ("Surabaya", "Taman Bungkul", "Jl. Taman Bungkul, Darmo", LocalEvent.Status.APPROVED),
        ("Denpasar", "Lapangan Renon", "", LocalEvent.Status.CANCELLED),
    ]


# --- the import command ---------------------------------------------------------------------------


def test_the_import_command_reads_past_the_guide_and_keeps_the_links(tmp_path):
    def build(book):
        book.active.title = "Instruktioner"
        book.active.append(["En rad per aktion. Länken till anmälan i sista kolumnen."])
        sheet = book.create_sheet("Aktioner")
        sheet.append(["Stad", "Land", "Datum", "Tid", "Plats", "Status", "Anmälan"])
        sheet.append(["Västerås", "SE", date(2027, 5, 15), time(14), "Stora torget", "✅",
                      "Anmäl dig"])  # fmt: skip
        sheet["G2"].hyperlink = "https://www.facebook.com/events/700000000000001/"
        sheet.append(["Örebro", "SE", date(2027, 5, 15), time(13), "Stortorget", "❌", None])
        book.create_sheet("Mall").append(["Stad", "Land", "Datum", "Tid", "Plats", "Status"])

    path = tmp_path / "aktioner.xlsx"
    path.write_bytes(workbook(build))
    told = io.StringIO()
    call_command("import", "csv", "events", str(path), stdout=io.StringIO(), stderr=told)
    assert "not read: “Instruktioner”, “Mall”" in told.getvalue()
    assert sorted(
        (event.city, event.local_starts_at.hour, event.status, event.signup_url, event.venue)
        for event in LocalEvent.objects.all()
    ) == [
        ("Västerås", 14, "approved", "https://www.facebook.com/events/700000000000001/",
         "Stora torget"),
        ("Örebro", 13, "cancelled", "", "Stortorget"),
    ]  # fmt: skip


# --- OpenDocument ---------------------------------------------------------------------------------

_ODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">
<office:body><office:spreadsheet>"""
_ODS_TAIL = "</office:spreadsheet></office:body></office:document-content>"


def ods(*tables: str, names: tuple[str, ...] = ("Aktionen",)) -> bytes:
    """A .ods file of tables (each its rows' XML), named `names`, as Calc writes one."""
    body = "".join(
        f'<table:table table:name="{name}">{rows}</table:table>'
        for name, rows in zip(names, tables, strict=True)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", _ODS_HEAD + body + _ODS_TAIL)
    return buffer.getvalue()


def ods_row(*cells: str) -> str:
    """A row of text cells, as Calc writes one."""
    body = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>'
        for cell in cells
    )
    return f"<table:table-row>{body}</table:table-row>"


def test_an_opendocument_guide_sheet_is_passed_over():
    guide = ods_row("Eine Zeile pro Aktion.")
    events = ods_row("Stadt", "Land", "Datum", "Beginn") + ods_row(
        "Jena", "DE", "2027-05-15", "14:00"
    )
    read = read_workbook(ods(guide, events, names=("Hinweise", "Aktionen")))
    assert (read.title, read.unread) == ("Aktionen", ("Hinweise",))
    reading = read_event_rows(read.text, source="x.ods", language="de")
    assert [row.record.city for row in reading.rows] == ["Jena"]
