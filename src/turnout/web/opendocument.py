"""OpenDocument spreadsheets (.ods, LibreOffice's and Collabora's own format, and what Google
Sheets and Excel write when asked for it) read as the CSV sheets they hold, as `workbooks`
reads .xlsx: the first visible sheet or the one named, the other visible sheets named, cells
written as a person would type them, a merged cell's value in every cell it covers.

The format is a zip archive whose content.xml holds every sheet, or one XML file of the whole
document (.fods, "Flat XML ODF Spreadsheet"); either is parsed by defusedxml
(no entities, no DTD) after its unpacked size is checked. A row or cell the format marks as
repeated ("this empty row, a million times", as LibreOffice writes the rest of a sheet) is
repeated only while something follows it, so a sheet never grows past what it shows.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from defusedxml import ElementTree  # type: ignore[import-untyped]
from django.utils.translation import gettext as _

from .workbooks import (
    MAX_COLUMNS,
    MAX_MERGED_CELLS,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    WorkbookRefused,
    WorkbookSheet,
    first_sheet_of_rows,
    is_link_text,
    sheet_names,
)

MIME_TYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
}


def _name(prefix: str, local: str) -> str:
    return f"{{{_NS[prefix]}}}{local}"


_TABLE, _ROW, _CELL = (
    _name("table", "table"),
    _name("table", "table-row"),
    _name("table", "table-cell"),
)
_COVERED = _name("table", "covered-table-cell")
_REPEATED_ROWS = _name("table", "number-rows-repeated")
_REPEATED_COLUMNS = _name("table", "number-columns-repeated")
_SPANNED_ROWS = _name("table", "number-rows-spanned")
_SPANNED_COLUMNS = _name("table", "number-columns-spanned")
_VALUE_TYPE = _name("office", "value-type")
_VISIBILITY = _name("table", "visibility")
_LINK, _HREF = _name("text", "a"), "{http://www.w3.org/1999/xlink}href"


def is_opendocument(data: bytes) -> bool:
    """Whether `data` is an OpenDocument spreadsheet: its first member names its type."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "mimetype" in archive.namelist() and archive.read("mimetype") == MIME_TYPE
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False


_FLAT_MIME_TYPE = b'office:mimetype="' + MIME_TYPE + b'"'


def is_flat_opendocument(data: bytes) -> bool:
    """Whether `data` is a flat OpenDocument spreadsheet (.fods): its root names its type."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") and _FLAT_MIME_TYPE in data[:4096]


def read_opendocument(data: bytes, *, sheet: str | None = None) -> WorkbookSheet:
    """The sheet named `sheet` (hidden or not), else the first visible one, as CSV text."""
    try:
        if is_flat_opendocument(data):
            if len(data) > MAX_UNPACKED_BYTES:
                raise WorkbookRefused(_("the workbook is too large once unpacked"))
            content = ElementTree.fromstring(data)
        else:
            content = _packed_content(data)
    except WorkbookRefused:
        raise
    except Exception as error:  # a damaged archive, XML that is not, entities refused
        raise WorkbookRefused(
            _("the file cannot be read as an OpenDocument spreadsheet (.ods): %(error)s")
            % {"error": f"{type(error).__name__}: {error}"}
        ) from error
    tables = content.findall(f".//{_TABLE}")
    hidden = _hidden_table_styles(content)
    visible = [t for t in tables if t.get(_name("table", "style-name")) not in hidden]
    chosen = _chosen(tables, visible, sheet)
    title = chosen.get(_name("table", "name"), "")
    unread = tuple(name for t in visible if (name := t.get(_name("table", "name"), "")) != title)
    text, hidden_rows = _table_as_csv(chosen)
    return WorkbookSheet(text, title, unread, hidden_rows)


def _packed_content(data: bytes) -> Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(member.file_size for member in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise WorkbookRefused(_("the workbook is too large once unpacked"))
        return ElementTree.fromstring(archive.read("content.xml"))


def _hidden_table_styles(content: Element) -> set[str]:
    """The table styles that hide a sheet (LibreOffice: table:display="false")."""
    hidden = set()
    for style in content.iter(_name("style", "style")):
        properties = style.find(_name("style", "table-properties"))
        if properties is not None and properties.get(_name("table", "display")) == "false":
            hidden.add(style.get(_name("style", "name"), ""))
    return hidden


def _chosen(tables: list[Element], visible: list[Element], title: str | None) -> Element:
    names = [t.get(_name("table", "name"), "") for t in tables]
    if title is not None:
        for table, name in zip(tables, names, strict=True):
            if name == title.strip():
                return table
        raise WorkbookRefused(
            _("the workbook has no sheet named “%(sheet)s”; its sheets: %(sheets)s")
            % {"sheet": title, "sheets": sheet_names(names)}
        )
    if not visible:
        raise WorkbookRefused(_("the workbook has no visible sheet"))
    return first_sheet_of_rows(visible, lambda table: table.get(_name("table", "name"), ""))


@dataclass
class _Grid:
    """Rows being read, the values merged ranges show in the cells they cover, and the empty
    rows held back until something follows them."""

    rows: list[list[str]] = field(default_factory=list)
    merged: dict[tuple[int, int], str] = field(default_factory=dict)
    empty_rows_held: int = 0

    @property
    def next_row(self) -> int:
        return len(self.rows) + self.empty_rows_held

    def add(self, cells: list[str], times: int) -> None:
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            self.empty_rows_held += times
            return
        self._append([], self.empty_rows_held)
        self.empty_rows_held = 0
        self._append(cells, times)

    def _append(self, cells: list[str], times: int) -> None:
        if len(self.rows) + times > MAX_ROWS:
            raise WorkbookRefused(
                _("the workbook has more than %(rows)s rows") % {"rows": MAX_ROWS}
            )
        self.rows.extend(list(cells) for _ in range(times))


def _table_as_csv(table: Element) -> tuple[str, tuple[int, ...]]:
    """The table as CSV text, and the rows it hides (from 1): a row hidden or filtered out
    in Calc (table:visibility) is an empty row of the text, as `workbooks` writes one."""
    grid = _Grid()
    hidden: list[int] = []
    for row in table.iter(_ROW):
        if row.get(_VISIBILITY, "visible") in ("collapsed", "filter"):
            times = _count(row.get(_REPEATED_ROWS))
            if any(cell.tag == _CELL and _cell_text(cell) for cell in row):
                hidden += range(grid.next_row + 1, grid.next_row + 1 + min(times, 100))
            grid.add([], times)
            continue
        cells: list[str] = []
        for cell in row:
            if cell.tag not in (_CELL, _COVERED) or len(cells) >= MAX_COLUMNS:
                continue
            if cell.tag == _COVERED:
                value = grid.merged.pop((grid.next_row, len(cells)), "")
            else:
                value = _cell_text(cell)
                _note_merge(grid, cell, value, row=grid.next_row, column=len(cells))
            repeated = min(_count(cell.get(_REPEATED_COLUMNS)), MAX_COLUMNS - len(cells))
            cells.extend([value] * repeated)
        grid.add(cells, _count(row.get(_REPEATED_ROWS)))
    out = io.StringIO()
    csv.writer(out).writerows(grid.rows)
    return out.getvalue(), tuple(hidden)


def _note_merge(grid: _Grid, cell: Element, value: str, *, row: int, column: int) -> None:
    """A cell spanning others gives them its value, as the sheet shows it."""
    rows, columns = _count(cell.get(_SPANNED_ROWS)), _count(cell.get(_SPANNED_COLUMNS))
    if not value or rows * columns == 1:
        return
    covered = (
        range(row, min(row + rows, MAX_ROWS)),
        range(column, min(column + columns, MAX_COLUMNS)),
    )
    if len(grid.merged) + len(covered[0]) * len(covered[1]) > MAX_MERGED_CELLS:
        raise WorkbookRefused(_("the workbook merges too many cells"))
    for r in covered[0]:
        for c in covered[1]:
            if (r, c) != (row, column):
                grid.merged[(r, c)] = value


def _count(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 1


_DURATION = re.compile(r"-?PT?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?", re.I)


def _cell_text(cell: Element) -> str:
    """What the cell holds as a person would type it: 2031-05-13, 14:00, 25, yes."""
    kind = cell.get(_VALUE_TYPE, "")
    if kind == "date":
        value = cell.get(_name("office", "date-value"), "")
        day, _t, clock = value.partition("T")
        return day + (f" {clock[:5]}" if clock and clock[:5] != "00:00" else "")
    if kind == "time":
        match = _DURATION.fullmatch(cell.get(_name("office", "time-value"), ""))
        if match:
            return f"{int(match[1] or 0) % 24:02d}:{int(match[2] or 0):02d}"
    if kind == "float":
        number = cell.get(_name("office", "value"), "")
        try:
            amount = float(number)
        except ValueError:
            return _shown_text(cell)
        return str(int(amount)) if amount.is_integer() else number
    if kind == "boolean":
        return "yes" if cell.get(_name("office", "boolean-value")) == "true" else "no"
    return _shown_text(cell)


def _shown_text(cell: Element) -> str:
    """The cell's paragraphs, one per line, with the spaces text:s stands for; a cell whose
    words link to a web page as `workbooks` writes one: "[Anmelden](https://…)"."""
    paragraphs = cell.findall(_name("text", "p"))
    text = "\n".join(_paragraph(p) for p in paragraphs)
    links = [link for p in paragraphs for link in p.iter(_LINK)]
    if len(links) == 1 and _paragraph(links[0]).strip() == text.strip() and text.strip():
        target = links[0].get(_HREF, "")
        if target.startswith(("http://", "https://")) and not is_link_text(text.strip()):
            return f"[{text.strip()}]({target})"
    return text


def _paragraph(element: Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == _name("text", "s"):
            parts.append(" " * min(_count(child.get(_name("text", "c"))), 100))
        elif child.tag == _name("text", "tab"):
            parts.append("\t")
        elif child.tag == _name("text", "line-break"):
            parts.append("\n")
        else:
            parts.append(_paragraph(child))
        parts.append(child.tail or "")
    return "".join(parts)
