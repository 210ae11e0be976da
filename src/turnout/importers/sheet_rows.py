"""Reading a sheet of rows (CSV from any spreadsheet program) for the event and group
imports: its columns by the names the README documents (any case and spacing, aliases in
`sheet_columns`), each cell on one line but a description, and a row refused with its reason."""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from turnout.web.numbers import NumberRefused, decimal_number
from turnout.web.text import single_line

from .records import Notice
from .sheet_columns import column_for

MULTI_LINE_COLUMNS = {"description"}
YES, NO = {"yes", "y", "true", "1", "ja", "j"}, {"no", "n", "false", "0", "nee"}


class RowRejected(ValueError):
    """One row cannot be imported; the message says why, in words a person understands."""


@dataclass
class SheetReading:
    rows: list = field(default_factory=list)
    rejected: list[Notice] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)


def read_rows(
    text: str, *, source: str, columns, required, aliases, parse_row, key
) -> tuple[SheetReading, list]:
    """Every row of a sheet read by `parse_row(number, cells)`: a row it refuses, or whose
    `key(parsed)` repeats an earlier row's, is listed with its reason, not raised. Returns the
    reading (its `rows` empty, for the caller to fill) and the parsed rows in sheet order."""
    reading = SheetReading()
    try:
        rows, reading.warnings = read_table(
            text, source=source, columns=columns, required=required, aliases=aliases
        )
    except RowRejected as error:
        reading.rejected.append(Notice(source, 1, str(error)))
        return reading, []
    parsed = []
    first_rows: dict = {}
    for number, cells in rows:
        if not any(cells.values()):
            continue
        try:
            row = parse_row(number, cells)
            if (row_key := key(row)) in first_rows:
                raise RowRejected(_("it repeats row %(row)s") % {"row": first_rows[row_key]})
            first_rows[row_key] = number
        except RowRejected as error:
            reading.rejected.append(Notice(source, number, str(error)))
            continue
        parsed.append(row)
    return reading, parsed


def read_table(
    text: str, *, source: str, columns: tuple[str, ...], required: tuple[str, ...], aliases
):
    """The sheet's rows as (row number, {column: cell}), and warnings about its header."""
    # NUL is never part of a cell a person typed, and PostgreSQL cannot store it in text.
    text = text.removeprefix("\ufeff").replace("\x00", "")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        return _rows(reader, source=source, columns=columns, required=required, aliases=aliases)
    except csv.Error as error:  # for example a line break inside an unquoted cell
        raise RowRejected(
            _("the sheet cannot be read as CSV (%(error)s)") % {"error": error}
        ) from error


def _rows(reader: csv.DictReader, *, source: str, columns, required, aliases):
    names: dict[str, str] = {}  # header as written -> the documented column it fills
    warnings = []
    for raw in reader.fieldnames or []:
        column = column_for(raw or "", columns, aliases)
        if not (raw or "").strip():
            continue  # a column without a header: a trailing separator, a spacer
        if column is None:
            message = _("column “%(name)s” is not one the importer reads") % {"name": raw}
            warnings.append(Notice(source, 1, message))
        elif column in names.values():
            first = next(header for header, known in names.items() if known == column)
            message = _("column “%(name)s” says what “%(first)s” says; only “%(first)s” is read")
            warnings.append(Notice(source, 1, message % {"name": raw, "first": first}))
        else:
            names[raw] = column
    missing = [c for c in required if c not in names.values()]
    if missing:
        raise RowRejected(_("the sheet has no column %(names)s") % {"names": ", ".join(missing)})
    rows = []
    for number, raw_row in enumerate(reader, start=2):
        cells = {names[k]: _cell(names[k], v) for k, v in raw_row.items() if k in names}
        rows.append((number, cells))
    return rows, warnings


def _cell(column: str, value: str | None) -> str:
    # A quoted cell may hold line breaks; only a description may keep them.
    value = (value or "").strip()
    return value if column in MULTI_LINE_COLUMNS else single_line(value)


def coordinate(row: dict, name: str, limit: int) -> float | None:
    text = row.get(name, "")
    if not text:
        return None
    label = {"latitude": _("latitude"), "longitude": _("longitude")}[name]
    try:
        return decimal_number(text, minimum=-limit, maximum=limit, name=label)
    except NumberRefused as error:
        raise RowRejected(str(error)) from error
