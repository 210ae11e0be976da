"""Excel workbooks (.xlsx, as Excel, LibreOffice and Google Sheets' "Download as" write them)
read as the CSV sheets they hold, for the importers' sheets and the door's sign-in sheets
(openpyxl: the sheets' XML is parsed by defusedxml, which Turnout installs, and its other
parts by lxml with entities off, so no entity a workbook defines is ever expanded or fetched;
tests/security/test_attacker_tenth_sheets.py pins both).

The first visible sheet is read (a hidden one holds lookups, not events), past a guide before
it ("Instructions", "Vorlage"), or the sheet named; the other visible sheets are named beside
what is read, so nobody believes them imported. The cells are written as a person would type
them: a date as 2031-05-13, a time as 14:00, a whole number without ".0"; words linked to a web
page as "[Sign up](https://…)", which the importers read. A merged cell gives its value to every
cell it covers, as it shows. A formula is read as the result the program saved with it (empty
text too); a workbook whose formulas have no saved result (written by a script, never opened)
is refused, not read with empty cells. Empty rows below the last one are no rows, however far
formatting reaches. A workbook is a zip archive, so its size once unpacked is checked before
anything is parsed.
OpenDocument spreadsheets (.ods) are zip archives too; `opendocument` reads them alike, and
their flat XML form (.fods). An old binary Excel workbook (.xls) or an Apple Numbers file is
refused with what to save it as instead, not read as CSV text of its bytes.
"""

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils.translation import gettext as _

WORKBOOK_SIGNATURE = b"PK\x03\x04"
OLD_EXCEL_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls: a Compound File of Office 97
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 60


class WorkbookRefused(ValueError):
    """The file is not a workbook Turnout reads; the message says why."""


def is_workbook(data: bytes) -> bool:
    """Whether `data` is a workbook file (read, or refused with a reason), not CSV text."""
    from .opendocument import is_flat_opendocument

    return data.startswith((WORKBOOK_SIGNATURE, OLD_EXCEL_SIGNATURE)) or is_flat_opendocument(data)


@dataclass(frozen=True)
class WorkbookSheet:
    """One sheet of a workbook as CSV text, with the visible sheets that were not read and the
    rows the sheet hides (from 1; each an empty row of the text, so rows keep their numbers)."""

    text: str
    title: str
    unread: tuple[str, ...]
    hidden_rows: tuple[int, ...] = ()


def workbook_as_csv(data: bytes) -> str:
    """The first visible sheet of an .xlsx workbook as CSV text."""
    return read_workbook(data).text


def _other_program(kind: str) -> WorkbookRefused:
    message = _("this is %(kind)s, which Turnout does not read; save it as Excel (.xlsx), "
                "OpenDocument (.ods) or CSV and import that")  # fmt: skip
    return WorkbookRefused(message % {"kind": kind})


def read_workbook(data: bytes, *, sheet: str | None = None) -> WorkbookSheet:
    """The sheet named `sheet` (hidden or not), else the first visible one, as CSV text."""
    from openpyxl import load_workbook  # imported when a workbook comes: a second to load

    from .opendocument import is_flat_opendocument, is_opendocument, read_opendocument

    if is_opendocument(data) or is_flat_opendocument(data):
        return read_opendocument(data, sheet=sheet)
    if data.startswith(OLD_EXCEL_SIGNATURE):
        raise _other_program(_("an Excel 97–2003 workbook (.xls)"))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
            if any(name.startswith("Index/") for name in archive.namelist()):  # Apple's parts
                raise _other_program(_("an Apple Numbers file (.numbers)"))
        if unpacked > MAX_UNPACKED_BYTES:
            raise WorkbookRefused(_("the workbook is too large once unpacked"))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            chosen = _chosen_sheet(workbook, sheet)
            unread = tuple(
                ws.title
                for ws in workbook.worksheets
                if ws.sheet_state == "visible" and ws.title != chosen.title
            )
            text, hidden = _sheet_as_csv(data, chosen)
            return WorkbookSheet(text, chosen.title, unread, hidden)
        finally:
            workbook.close()
    except WorkbookRefused:
        raise
    except Exception as error:  # openpyxl raises whatever its zip and XML readers raise
        raise WorkbookRefused(
            _("the file cannot be read as an Excel workbook (.xlsx): %(error)s")
            % {"error": _root_cause(error)}
        ) from error


def _chosen_sheet(workbook, title: str | None):
    if title is not None:
        named = next((ws for ws in workbook.worksheets if ws.title == title.strip()), None)
        if named is None:
            raise WorkbookRefused(
                _("the workbook has no sheet named “%(sheet)s”; its sheets: %(sheets)s")
                % {"sheet": title, "sheets": sheet_names(ws.title for ws in workbook.worksheets)}
            )
        return named
    visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
    if not visible:
        raise WorkbookRefused(_("the workbook has no visible sheet"))
    return first_sheet_of_rows(visible, lambda ws: ws.title)


# Sheets that explain a workbook or hold a blank row to copy, which teams put before the sheet
# of rows ("Instructions", "Vorlage", "Mall"); compared as `guide_key` writes them.
_GUIDE_TITLES = (
    "instructions", "instruction", "how to", "how to use", "read me", "readme", "read me first",
    "template", "example", "examples", "help", "info", "guide", "guidelines", "explanation",
    "vorlage", "anleitung", "hinweise", "beispiel", "lies mich", "ausfullhilfe",
    "instructies", "uitleg", "sjabloon", "voorbeeld", "handleiding", "lees mij",
    "instrucciones", "plantilla", "ejemplo", "mode d emploi", "modele", "exemple", "consignes",
    "istruzioni", "modello", "esempio", "instrukcja", "instrukcje", "szablon", "przyklad",
    "instrucoes", "modelo", "exemplo", "leia me", "instruktioner", "mall", "exempel",
    "lasmig", "las mig", "navod", "pokyny", "sablona", "vzor", "priklad", "talimatlar",
    "sablon", "ornek", "aciklamalar", "kullanim", "説明", "使い方", "テンプレート", "記入例",
    "निर्देश", "टेम्पलेट", "उदाहरण", "petunjuk", "panduan", "templat", "contoh", "تعليمات",
    "قالب", "مثال", "ohjeet", "malli", "esimerkki", "οδηγιες", "προτυπο", "інструкція",
    "шаблон", "инструкция", "使用说明", "说明", "模板", "示例", "안내", "설명", "템플릿", "예시",
)  # fmt: skip


def guide_key(title: str) -> str:
    """A sheet's title as compared with GUIDE_SHEETS: lower case, no accents or punctuation."""
    folded = unicodedata.normalize("NFKD", title.casefold())
    folded = "".join(c for c in folded if not unicodedata.category(c).startswith("M"))
    return " ".join(re.findall(r"\w+", folded.replace("ı", "i")))


GUIDE_SHEETS = frozenset(map(guide_key, _GUIDE_TITLES))


def first_sheet_of_rows(visible: list, title_of):
    """The first visible sheet that is not a guide to the others ("Instructions", "Vorlage"),
    else the first visible sheet."""
    return next((s for s in visible if guide_key(title_of(s)) not in GUIDE_SHEETS), visible[0])


def workbook_notices(read: WorkbookSheet) -> list[str]:
    """What a person must be told of what was left unread: other visible sheets, hidden rows."""
    notices = [notice] if (notice := unread_sheets_notice(read)) else []
    if read.hidden_rows:
        rows = ", ".join(str(row) for row in read.hidden_rows[:20])
        more = "…" if len(read.hidden_rows) > 20 else ""
        notices.append(_("rows hidden in the sheet are not read: %(rows)s") % {"rows": rows + more})
    return notices


def unread_sheets_notice(read: WorkbookSheet) -> str:
    """What a person must be told of the visible sheets left unread ("" when there are none)."""
    if not read.unread:
        return ""
    return _("read the sheet “%(sheet)s”; not read: %(others)s (choose another with --sheet)") % {
        "sheet": read.title,
        "others": sheet_names(read.unread),
    }


def sheet_names(titles) -> str:
    return ", ".join(f"“{title}”" for title in titles)


def _sheet_as_csv(data: bytes, sheet) -> tuple[str, tuple[int, ...]]:
    """The sheet as CSV text, and the rows it hides (from 1). A hidden row is an empty row of
    the text (the organizer hid it: not an event to import), so the rows after it keep their
    numbers; a text cell struck through is written "~~as such~~", as the importers read a
    row crossed out."""
    path = getattr(sheet, "_worksheet_path", "")
    xml = _sheet_xml(data, path)
    merged = _merged_cells(xml)
    hidden = _hidden_rows(xml)
    formulas = _formulas(data, sheet.title)
    texts = _text_results(xml)
    links = sheet_links(data, path, xml) | _formula_links(formulas)
    shown: dict[tuple[int, int], object] = {}  # the values merged ranges show, by their corner
    out = io.StringIO()
    writer = csv.writer(out)
    empty_rows_held = 0  # written only when a row follows: formatting reaches far below a sheet
    for number, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS)):
        cells = (
            []
            if number in hidden
            else _row_cells(sheet, row, number, merged, shown, formulas, texts, links)
        )
        if not cells:
            empty_rows_held += 1
            continue
        if number >= MAX_ROWS:
            raise WorkbookRefused(
                _("the workbook has more than %(rows)s rows") % {"rows": MAX_ROWS}
            )
        writer.writerows([[]] * empty_rows_held + [cells])
        empty_rows_held = 0
    return out.getvalue(), tuple(row + 1 for row in sorted(hidden))


def _row_cells(sheet, row, number, merged, shown, formulas, texts, links) -> list[str]:
    """A row's cells as text, without the empty ones at its end."""
    cells = []
    for column, cell in enumerate(row):
        value, where = getattr(cell, "value", None), (number, column)
        if value is None and where in formulas and where not in texts:
            raise WorkbookRefused(_unsaved_formula(sheet.title, where, formulas[where]))
        if where in merged:  # the corner comes first, rows and cells being read in order
            value = shown.setdefault(merged[where], value)
        text = _cell_text(value)
        if text and where in links and not is_link_text(text):
            text = f"[{text}]({links[where]})"
        if (
            text
            and isinstance(value, str)
            and getattr(getattr(cell, "font", None), "strike", False)
        ):
            text = f"~~{text}~~"
        cells.append(text)
    while cells and not cells[-1]:
        cells.pop()  # read_only sheets pad every row to the widest one asked for
    return cells


# A formula whose result is text keeps it with t="str", "" included (=IF(B2="";"";B2) on an
# empty row); a formula never computed keeps no type and no result.
_TEXT_RESULT = re.compile(rb'<(?:\w+:)?c\b(?=[^>]*\bt="str")[^>]*?\br="([A-Z]{1,3})(\d{1,7})"')


def _text_results(xml: bytes) -> set[tuple[int, int]]:
    from openpyxl.utils.cell import column_index_from_string

    return {
        (int(row) - 1, column_index_from_string(letters.decode()) - 1)
        for letters, row in _TEXT_RESULT.findall(xml)
    }


# A cell linked to a web page shows words ("Sign up", "Anmelden") and keeps the address in the
# sheet's relationships, or in a HYPERLINK formula (as Google Sheets writes one).
_HYPERLINK = re.compile(rb"<(?:\w+:)?hyperlink\b[^>]*>")
_HYPERLINK_FORMULA = re.compile(r'=\s*HYPERLINK\(\s*"(https?://[^"\s]+)"', re.IGNORECASE)
MAX_LINKED_CELLS = 10_000


def sheet_links(data: bytes, path: str, xml: bytes) -> dict[tuple[int, int], str]:
    """{(row, column) from 0: the web address the cell links to}."""
    from defusedxml import ElementTree  # type: ignore[import-untyped]
    from openpyxl.utils.cell import range_boundaries

    folder, _slash, name = path.rpartition("/")
    relations = _sheet_xml(data, f"{folder}/_rels/{name}.rels") if path else b""
    if not relations or not _HYPERLINK.search(xml):
        return {}
    targets = {
        element.get("Id"): element.get("Target", "")
        for element in ElementTree.fromstring(relations)
        if element.get("Type", "").endswith("/hyperlink")
    }
    links: dict[tuple[int, int], str] = {}
    for tag in _HYPERLINK.findall(xml):
        ref = re.search(rb'\bref="([A-Z]{1,3}\d{1,7}(?::[A-Z]{1,3}\d{1,7})?)"', tag)
        rid = re.search(rb'\b\w+:id="([^"]+)"', tag)
        target = targets.get(rid[1].decode()) if rid else None
        if ref is None or not target or not target.startswith(("http://", "https://")):
            continue  # a link to another cell, or to an e-mail address
        left, top, right, bottom = range_boundaries(ref[1].decode())
        for row in range(top - 1, min(bottom, MAX_ROWS)):
            for column in range(left - 1, min(right, MAX_COLUMNS)):
                links[(row, column)] = target
                if len(links) >= MAX_LINKED_CELLS:
                    return links  # more are no signup links a person typed
    return links


def _formula_links(formulas: dict[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    return {
        where: match[1]
        for where, formula in formulas.items()
        if (match := _HYPERLINK_FORMULA.match(formula))
    }


_LINK_MARK = re.compile(r"\[([^\[\]]+)\]\(https?://[^\s()]+\)")


def without_link_marks(text: str) -> str:
    """`text` with every "[words](https://…)" a linked cell was written as back to its words,
    for readers that want what the cell shows (the door's sign-in sheets: a name, not a link)."""
    return _LINK_MARK.sub(r"\1", text)


def is_link_text(text: str) -> bool:
    """Whether a linked cell shows an address, which needs no mark, or brackets,
    which the mark could not hold."""
    return text.startswith(("http://", "https://", "www.")) or bool(set(text) & set("[]()"))


def _sheet_xml(data: bytes, path: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(path) if path in archive.namelist() else b""


_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b(?=[^>]*\bhidden="(?:1|true)")[^>]*?\br="(\d{1,7})"')


def _hidden_rows(xml: bytes) -> set[int]:
    """The rows (from 0) the sheet's XML marks hidden: read_only sheets do not say."""
    return {int(row) - 1 for row in _HIDDEN_ROW.findall(xml) if 0 < int(row) <= MAX_ROWS}


_MERGED_RANGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3}\d+:[A-Z]{1,3}\d+)"')
MAX_MERGED_CELLS = 200_000


def _merged_cells(xml: bytes) -> dict[tuple[int, int], tuple[int, int]]:
    """{(row, column) from 0: the corner of the merged range covering it}: a date merged down
    over three cities is each city's date, as the sheet shows it. read_only sheets do not list
    merged ranges, so they are read from the sheet's own XML."""
    from openpyxl.utils.cell import range_boundaries

    covered: dict[tuple[int, int], tuple[int, int]] = {}
    for ref in _MERGED_RANGE.findall(xml):
        left, top, right, bottom = range_boundaries(ref.decode())
        rows, columns = (
            range(top - 1, min(bottom, MAX_ROWS)),
            range(left - 1, min(right, MAX_COLUMNS)),
        )
        if len(covered) + len(rows) * len(columns) > MAX_MERGED_CELLS:
            raise WorkbookRefused(_("the workbook merges too many cells"))
        covered |= {(row, column): (top - 1, left - 1) for row in rows for column in columns}
    return covered


def _formulas(data: bytes, title: str) -> dict[tuple[int, int], str]:
    """{(row, column) from 0: formula} of the sheet's formula cells."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        rows = workbook[title].iter_rows(values_only=True, max_col=MAX_COLUMNS, max_row=MAX_ROWS)
        return {
            (number, column): value
            for number, row in enumerate(rows)
            for column, value in enumerate(row)
            if isinstance(value, str) and value.startswith("=")
        }
    finally:
        workbook.close()


def _unsaved_formula(title: str, where: tuple[int, int], formula: str) -> str:
    from openpyxl.utils.cell import get_column_letter

    cell = f"{get_column_letter(where[1] + 1)}{where[0] + 1}"
    return _(
        "cell %(cell)s of sheet “%(sheet)s” holds a formula (%(formula)s) whose result the file"
        " does not keep; open the workbook in a spreadsheet program and save it again"
    ) % {"cell": cell, "sheet": title, "formula": formula[:60]}


def _root_cause(error: BaseException) -> str:
    """What went wrong first: openpyxl wraps the XML parser's refusal in a vaguer error."""
    while (inner := error.__cause__ or error.__context__) is not None:
        error = inner
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        clock = value.time()
        return value.date().isoformat() + (f" {clock:%H:%M}" if clock != time(0) else "")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
