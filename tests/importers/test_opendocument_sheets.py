"""OpenDocument spreadsheets (.ods), as LibreOffice Calc saves them by default: typed date,
time and number cells, a date merged down over the cities of one day, a link as the cell's
text, spaces written as <text:s/>, a hidden sheet of lookups and a second visible sheet, and
the rest of the sheet as one empty row repeated a million times. Each is read as the CSV the
sheet shows, then imported like any events sheet; damaged archives are refused in words."""

import csv
import io
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.spreadsheets import read_event_rows
from turnout.web.opendocument import is_opendocument, read_opendocument
from turnout.web.workbooks import MAX_ROWS, WorkbookRefused, read_workbook

pytestmark = pytest.mark.django_db

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content
 xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3">
<office:automatic-styles>
 <style:style style:name="ta1" style:family="table" style:master-page-name="Default">
  <style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>
 <style:style style:name="ta2" style:family="table" style:master-page-name="Default">
  <style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style>
</office:automatic-styles>
<office:body><office:spreadsheet>
"""
_TAIL = "</office:spreadsheet></office:body></office:document-content>"

# LibreOffice Calc 24.2's shape: a lookup sheet first but hidden, the events, an archive.
CALC_CONTENT = (
    _HEAD
    + """
<table:table table:name="Lijsten" table:style-name="ta2">
 <table:table-row><table:table-cell office:value-type="string"><text:p>NL</text:p>
 </table:table-cell></table:table-row>
</table:table>
<table:table table:name="Acties" table:style-name="ta1">
 <table:table-column table:number-columns-repeated="7"/>
 <table:table-header-rows><table:table-row>
  <table:table-cell office:value-type="string"><text:p>Stad</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Land</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Datum</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Aanvang</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Verzamelpunt</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Plaatsen</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Aanmeldlink</text:p></table:table-cell>
 </table:table-row></table:table-header-rows>
 <table:table-row>
  <table:table-cell office:value-type="string"><text:p>Utrecht</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>NL</text:p></table:table-cell>
  <table:table-cell office:value-type="date" office:date-value="2031-06-14"
    table:number-rows-spanned="2"><text:p>za 14 jun 2031</text:p></table:table-cell>
  <table:table-cell office:value-type="time" office:time-value="PT14H00M00S">
    <text:p>14:00</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Jaarbeursplein<text:s/>bij<text:s
    text:c="2"/>de fontein</text:p></table:table-cell>
  <table:table-cell office:value-type="float" office:value="80"><text:p>80</text:p>
  </table:table-cell>
  <table:table-cell office:value-type="string"><text:p><text:a
    xlink:href="https://example.org/utrecht">https://example.org/utrecht</text:a></text:p>
  </table:table-cell>
 </table:table-row>
 <table:table-row>
  <table:table-cell office:value-type="string"><text:p>Groningen</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>NL</text:p></table:table-cell>
  <table:covered-table-cell/>
  <table:table-cell office:value-type="time" office:time-value="PT13H30M00S">
    <text:p>13:30</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>Vismarkt</text:p></table:table-cell>
  <table:table-cell/>
  <table:table-cell office:value-type="string"><text:p>https://example.org/groningen</text:p>
  </table:table-cell>
 </table:table-row>
 <table:table-row table:number-rows-repeated="2">
  <table:table-cell table:number-columns-repeated="7"/></table:table-row>
 <table:table-row>
  <table:table-cell office:value-type="string"><text:p>Gent</text:p></table:table-cell>
  <table:table-cell office:value-type="string"><text:p>BE</text:p></table:table-cell>
  <table:table-cell office:value-type="date" office:date-value="2031-06-15T11:00:00">
    <text:p>15-06-31 11:00</text:p></table:table-cell>
  <table:table-cell/>
  <table:table-cell office:value-type="string"><text:p>Sint-Baafsplein</text:p>
  </table:table-cell>
  <table:table-cell table:number-columns-repeated="1019"/>
 </table:table-row>
 <table:table-row table:number-rows-repeated="1048570">
  <table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table>
<table:table table:name="Archief" table:style-name="ta1">
 <table:table-row><table:table-cell office:value-type="string"><text:p>2030</text:p>
 </table:table-cell></table:table-row>
</table:table>
"""
    + _TAIL
)


def ods(content: str, *, mimetype: bytes = b"application/vnd.oasis.opendocument.spreadsheet"):
    """The archive as Calc writes it: the type first and stored, then the XML parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return buffer.getvalue()


def test_the_first_visible_sheet_is_read_as_the_sheet_shows_it():
    read = read_opendocument(ods(CALC_CONTENT))
    assert read.title == "Acties"
    assert read.unread == ("Archief",)  # the hidden "Lijsten" is never named
    assert read.text.splitlines() == [
        "Stad,Land,Datum,Aanvang,Verzamelpunt,Plaatsen,Aanmeldlink",
        "Utrecht,NL,2031-06-14,14:00,Jaarbeursplein bij  de fontein,80,https://example.org/utrecht",
        "Groningen,NL,2031-06-14,13:30,Vismarkt,,https://example.org/groningen",
        "",
        "",
        "Gent,BE,2031-06-15 11:00,,Sint-Baafsplein",
    ]


def test_a_sheet_is_chosen_by_name_even_a_hidden_one_and_a_wrong_name_is_refused():
    assert read_opendocument(ods(CALC_CONTENT), sheet="Lijsten").text.strip() == "NL"
    with pytest.raises(WorkbookRefused, match="“Acties”, “Archief”"):
        read_opendocument(ods(CALC_CONTENT), sheet="Zomer")


def test_an_ods_file_is_read_where_a_workbook_is_and_its_events_imported(tmp_path):
    data = ods(CALC_CONTENT)
    assert is_opendocument(data)
    assert read_workbook(data).title == "Acties"
    reading = read_event_rows(read_workbook(data).text, source="acties.ods")
    assert reading.rejected == []
    assert [(r.record.city, f"{r.record.starts_at:%d %H:%M}") for r in reading.rows] == [
        ("Utrecht", "14 14:00"),
        ("Groningen", "14 13:30"),
        ("Ghent", "15 11:00"),
    ]
    path = tmp_path / "acties.ods"
    path.write_bytes(data)
    err = io.StringIO()
    call_command("import", "csv", "events", str(path), stdout=io.StringIO(), stderr=err)
    assert "“Archief”" in err.getvalue()
    utrecht = LocalEvent.objects.get(city="Utrecht")
    assert (utrecht.capacity, utrecht.signup_url) == (80, "https://example.org/utrecht")
    assert LocalEvent.objects.count() == 3


def test_rows_past_the_limit_are_refused_but_a_repeated_empty_tail_is_not_a_row():
    many = CALC_CONTENT.replace(
        'table:number-rows-repeated="2"', f'table:number-rows-repeated="{MAX_ROWS}"'
    )
    with pytest.raises(WorkbookRefused, match="more than"):
        read_opendocument(ods(many))
    assert len(read_opendocument(ods(CALC_CONTENT)).text.splitlines()) == 6


@pytest.mark.parametrize(
    "damage",
    [
        lambda xml: xml[: len(xml) // 2],  # cut off
        lambda xml: xml.replace("<?xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><?xml'),
        lambda xml: '<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>' + xml[xml.index("<office:") :],
        lambda xml: "not xml at all",
    ],
)
def test_a_damaged_spreadsheet_is_refused_in_words(damage):
    with pytest.raises(WorkbookRefused, match="OpenDocument spreadsheet"):
        read_opendocument(ods(damage(CALC_CONTENT)))


def test_the_import_command_says_what_is_wrong_with_a_damaged_file(tmp_path):
    path = tmp_path / "kapot.ods"
    path.write_bytes(ods("<office:document-content"))
    with pytest.raises(CommandError, match="OpenDocument spreadsheet"):
        call_command("import", "csv", "events", str(path), stdout=io.StringIO())


def test_a_text_document_is_no_spreadsheet():
    assert not is_opendocument(
        ods(CALC_CONTENT, mimetype=b"application/vnd.oasis.opendocument.text")
    )
    assert not is_opendocument(b"PK\x03\x04 not a zip")


_CELL = st.one_of(
    st.builds(
        lambda t: (
            f'<table:table-cell office:value-type="string"><text:p>{t}</text:p></table:table-cell>'
        ),
        st.text("abcxyz ,;\"'é日", max_size=8),
    ),
    st.builds(
        lambda v: f'<table:table-cell office:value-type="float" office:value="{v}"/>',
        st.text("0123456789.-eE", max_size=6),
    ),
    st.builds(
        lambda v: f'<table:table-cell office:value-type="time" office:time-value="{v}"/>',
        st.text("PTHMS0123456789.", max_size=10),
    ),
    st.builds(
        lambda v: f'<table:table-cell office:value-type="date" office:date-value="{v}"/>',
        st.text("0123456789-T:", max_size=19),
    ),
    st.builds(
        lambda n, m: (
            f'<table:table-cell table:number-columns-repeated="{n}" '
            f'table:number-rows-spanned="{m}" office:value-type="string"><text:p>x</text:p>'
            "</table:table-cell>"
        ),
        st.integers(0, 10**7),
        st.integers(0, 10**7),
    ),
    st.just("<table:covered-table-cell/>"),
)


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.lists(_CELL, max_size=6), st.integers(1, 10**7)), max_size=6))
def test_no_sheet_of_cells_crashes_the_reader_or_grows_past_the_limits(rows):
    body = "".join(
        f'<table:table-row table:number-rows-repeated="{times}">{"".join(cells)}</table:table-row>'
        for cells, times in rows
    )
    content = (
        _HEAD + f'<table:table table:name="S" table:style-name="ta1">{body}</table:table>' + _TAIL
    )
    try:
        text = read_opendocument(ods(content)).text
    except WorkbookRefused:
        return
    assert len(text.splitlines()) <= MAX_ROWS


def test_a_file_libreoffice_calc_wrote_is_read_as_calc_shows_it():
    # Written by LibreOffice Calc 7.4 (Debian 12) from a workbook with a hidden first sheet, a
    # date merged down over two cities, typed times, a cell with a line break, and a sheet of
    # formulas whose results Calc saved.
    data = (Path(__file__).parent / "fixtures/sheets3/libreoffice-calc-7.4-acties.ods").read_bytes()
    read = read_workbook(data)
    assert (read.title, read.unread) == ("Acties", ("Archief", "Formules"))
    rows = list(csv.reader(io.StringIO(read.text)))
    assert rows == [
        ["Stad", "Land", "Datum", "Aanvang", "Einde", "Verzamelpunt", "Plaatsen", "Aanmeldlink"],
        ["Utrecht", "NL", "2031-06-14", "14:00", "16:00", "Jaarbeursplein  bij de fontein", "80",
         "https://example.org/utrecht"],
        ["Groningen", "NL", "2031-06-14", "13:30", "15:00", "Vismarkt", "",
         "https://example.org/groningen"],
        [],
        ["Gent", "BE", "2031-06-15 11:00", "", "", "Sint-Baafsplein\nbij het belfort", "1200"],
    ]  # fmt: skip
    assert read_workbook(data, sheet="Formules").text.split() == ["2", "80"]
    reading = read_event_rows(read.text, source="acties.ods")
    assert [(r.record.city, r.capacity) for r in reading.rows] == [
        ("Utrecht", 80),
        ("Groningen", None),
        ("Ghent", 1200),
    ]
