"""Reading a sheet of rows (CSV from any spreadsheet program) for the event and group
imports: its columns by the names the README documents (any case and spacing, aliases in
`sheet_columns`), each cell on one line but a description, and a row refused with its reason.

The header need not be the first row: a title, a note or group labels above it are named in a
warning and not read, a header in two rows (merged header cells) is read as one, the header
said again further down is skipped, and a row of one cell is a note, a total row ("Total: 14
cities") a total, each said so, not an event. Excel's "sep=;" line names the separator."""

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import zip_longest

from django.utils.translation import gettext as _

from turnout.groups.channels import ChannelKind
from turnout.web.numbers import NumberRefused, decimal_number
from turnout.web.text import single_line

from .records import Notice
from .sheet_columns import column_for, header_key
from .sheet_header_words import PEOPLE_COLUMNS
from .sheet_marks import is_total_row
from .sheet_questions import form_filling_columns

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
    text: str, *, source: str, columns, required, aliases, parse_row, key, from_title=None
) -> tuple[SheetReading, list]:
    """Every row of a sheet read by `parse_row(number, cells)`: a row it refuses, or whose
    `key(parsed)` repeats an earlier row's, is listed with its reason, not raised. Returns the
    reading (its `rows` empty, for the caller to fill) and the parsed rows in sheet order.
    `from_title` is as `read_table` takes it."""
    reading = SheetReading()
    try:
        rows, reading.warnings = read_table(
            text, source=source, columns=columns, required=required, aliases=aliases,
            from_title=from_title,
        )  # fmt: skip
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
            # A row may give several events ("15 May, 22 May"): all are read, or none.
            read = row if isinstance(row, list) else [row]
            for row_key in (keys := [key(one) for one in read]):
                if row_key in first_rows:
                    raise RowRejected(_("it repeats row %(row)s") % {"row": first_rows[row_key]})
            first_rows |= dict.fromkeys(keys, number)
        except RowRejected as error:
            reading.rejected.append(Notice(source, number, str(error)))
            continue
        parsed.extend(read)
    return reading, parsed


def read_table(
    text: str,
    *,
    source: str,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    aliases,
    from_title: Callable[[list[str]], dict[str, str]] | None = None,
):
    """The sheet's rows as (row number, {column: cell}), and warnings about its header and
    about rows that hold no event (notes, a repeated header). `from_title(texts)` may give,
    from the rows above the header ("Protest day, Saturday 15 May 2027"), a cell for every
    row that leaves its own empty or has no such column."""
    # NUL is never part of a cell a person typed, and PostgreSQL cannot store it in text.
    text = text.removeprefix("\ufeff").replace("\x00", "")
    # Excel's "sep=;" line names the separator; it is no row of the sheet (Excel hides it), so
    # it is left empty and the rows after it keep the numbers a text editor shows.
    separator = _SEPARATOR_LINE.match(text)
    if separator:
        text = text[separator.end() - 1 :] if separator[0].endswith("\n") else ""
    records = _records(text, columns, aliases, required, separator[1] if separator else None)
    start = _header_index(records, columns, aliases, required)
    above = _("row %(row)s is above the header and is not read: %(text)s")
    warnings = [
        Notice(source, number, above % {"row": number, "text": _quoted(record)})
        for number, record in enumerate(records[:start], start=1)
        if any(cell.strip() for cell in record)
    ]
    header_rows = records[start : start + 1]
    if _is_header(records[start + 1 : start + 2], columns, aliases):
        # A header in two rows, as merged header cells are saved: "Time" over "Start", "End".
        header_rows = records[start : start + 2]
    header = [
        next((cell for cell in reversed(stacked) if cell.strip()), "")  # the lower name
        for stacked in zip_longest(*header_rows, fillvalue="")
    ]
    titles = [_quoted(record) for record in records[:start] if any(c.strip() for c in record)]
    shared = from_title(titles) if from_title and titles else {}
    names, header_warnings = _header(
        header, source, start + 1, columns=columns, required=required, aliases=aliases,
        given=set(shared),
    )  # fmt: skip
    for column, value in shared.items():
        message = _("the %(column)s above the header, %(value)s, is that of every row giving none")
        warnings.append(Notice(source, start + 1, message % {"column": column, "value": value}))
    rows = []
    first = start + len(header_rows)
    repeated = [_header_keys(row) for row in header_rows]
    grouped, filled_down = _grouping_columns(names), set()
    carried: dict[str, str] = {}
    for number, record in enumerate(records[first:], start=first + 1):
        filled = [cell.strip() for cell in record if cell.strip()]
        if _header_keys(record) in repeated:
            continue  # the header again ("CITY ", "Country"), as a sheet is printed or pasted
        if is_total_row(filled):  # "Total: 14 cities", "14", as a sheet sums its rows up
            message = _("row %(row)s is a total (%(text)s), not an event")
            warnings.append(
                Notice(source, number, message % {"row": number, "text": _quoted(filled)})
            )
            continue
        if len(set(filled)) == 1:
            # One cell can never be an event (three columns are required): a note such as
            # "Last updated: 1 May", said so rather than refused; a workbook's merged cell
            # ("North", across the row) gives its text to each cell it covers.
            message = _("row %(row)s holds only %(text)s; it is read as a note, not an event")
            warnings.append(
                Notice(source, number, message % {"row": number, "text": _quoted(filled)})
            )
            continue
        cells = {
            column: _cell(column, record[index])
            for index, column in names.items()
            if index < len(record)
        }
        if "address" in columns and "address" not in names.values():
            cells |= _venue_and_address(record, names)
        if not any(cells.values()):
            carried = {}  # a blank row ends a group
        else:
            for column in grouped:
                if not cells.get(column) and carried.get(column):
                    cells[column] = carried[column]
                    filled_down.add(column)
            carried = {column: cells.get(column, "") for column in grouped}
            cells |= {column: value for column, value in shared.items() if not cells.get(column)}
        rows.append((number, cells))
    for index, column in names.items():
        if column in filled_down:
            message = _("the empty cells of “%(name)s” take the value above them")
            warnings.append(Notice(source, start + 1, message % {"name": header[index]}))
    return rows, [*header_warnings, *warnings]


# What a sheet groups its rows by, written once for the rows under it when the column stands
# before the city's ("Germany" over Berlin, Hamburg, Munich), as a merged cell is saved to CSV.
# A status is not among them: a blank one is the default, not the cancellation above it.
GROUPING_COLUMNS = frozenset(("country", "campaign", "date", "end_date", "region", "timezone"))


def _grouping_columns(names: dict[int, str]) -> set[str]:
    city = next((index for index, column in names.items() if column == "city"), None)
    if city is None:
        return set()
    return {c for index, c in names.items() if index < city and c in GROUPING_COLUMNS}


_SEPARATOR_LINE = re.compile(r'"?sep=([,;\t|])"?[,;\t|]*(?:\r?\n|$)', re.IGNORECASE)


def _header_keys(record: list[str]) -> list[str]:
    keys = [header_key(cell) for cell in record]
    while keys and not keys[-1]:
        keys.pop()
    return keys


def _records(text: str, columns, aliases, required, separator=None) -> list[list[str]]:
    """The sheet's records, split by the separator its header is split by: the one the file
    names ("sep=;"), else the one the csv sniffer finds, else (a title or note above the
    header defeats the sniffer, which wants every line split alike) the first of comma,
    semicolon and tab that finds the header."""
    try:
        sniffed = [csv.Sniffer().sniff(text[:4096], delimiters=",;\t")]
    except csv.Error:
        sniffed = []
    signs = [separator] if separator else []
    dialects = [
        *(type("Named", (csv.excel,), {"delimiter": sign}) for sign in signs),
        *sniffed,
        *(type("Sheet", (csv.excel,), {"delimiter": sign}) for sign in ",;\t"),
    ]
    readings: list[list[list[str]] | csv.Error] = []
    for dialect in dialects:
        try:
            records = list(csv.reader(io.StringIO(text), dialect=dialect))
        except csv.Error as error:  # for example a line break inside an unquoted cell
            readings.append(error)
            continue
        if _header_found(records, columns, aliases, required):
            return records
        readings.append(records)
    first = readings[0]
    if isinstance(first, csv.Error):
        raise RowRejected(_("the sheet cannot be read as CSV (%(error)s)") % {"error": first})
    return first


def _quoted(cells: list[str]) -> str:
    """The filled cells, quoted; a merged cell, which a workbook gives to each cell it
    covers, is quoted once."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    once = [cell for index, cell in enumerate(filled) if index == 0 or cell != filled[index - 1]]
    return ", ".join(f"“{single_line(cell)[:80]}”" for cell in once)


# A title, a note or a row of group labels ("When", "Where") may stand above the header, as
# Google Sheets, Numbers and hand-made sheets put them; the header is the first of the first
# rows that names every required column, else the one that names the most columns.
HEADER_SEARCH_ROWS = 12


def _is_header(rows: list[list[str]], columns, aliases) -> bool:
    """Whether the (one) row holds only the names of columns."""
    filled = [cell for row in rows for cell in row if cell.strip()]
    return bool(filled) and all(column_for(c, columns, aliases, questions=False) for c in filled)


def _header_found(records: list[list[str]], columns, aliases, required) -> bool:
    header = records[_header_index(records, columns, aliases, required)] if records else []
    return not missing_columns({column_for(cell, columns, aliases) for cell in header}, required)


def missing_columns(known, required) -> list[str]:
    """The required columns `known` lacks; an entry of `required` that is a tuple is met by
    any of its columns, and named by the first ("date" or "start_time": "date")."""
    return [
        need if isinstance(need, str) else need[0]
        for need in required
        if not ({need} if isinstance(need, str) else set(need)) & set(known)
    ]


def _header_index(records: list[list[str]], columns, aliases, required) -> int:
    best, best_known = 0, 0
    for index, record in enumerate(records[:HEADER_SEARCH_ROWS]):
        known = {column_for(cell, columns, aliases) for cell in record if cell.strip()} - {None}
        if not missing_columns(known, required):
            return index
        if len(known) > best_known:
            best, best_known = index, len(known)
    return best


def header_names_known(text: str, *, columns, aliases) -> int:
    """How many column names the likeliest header of `text` has that the reader knows: how a
    decoding of a sheet's bytes is judged (`web.spreadsheets.decode_sheet`)."""
    lines = text.splitlines()[:HEADER_SEARCH_ROWS]
    return max(
        (
            sum(
                1
                for cell in line.split(sign)
                if column_for(cell.strip(' "'), columns, aliases, questions=False)
            )
            for line in lines
            for sign in ",;\t"
        ),
        default=0,
    )


def _header(header: list[str], source: str, number: int, *, columns, required, aliases, given):
    """{cell index: the documented column it fills}, and warnings about the other headers."""
    names: dict[int, str] = {}
    warnings = []
    # A column's own name is kept before a question's words are read ("City" before "Which
    # city is nearest?"), wherever the two stand.
    named = {i: column_for(raw, columns, aliases, questions=False) for i, raw in enumerate(header)}
    filling = form_filling_columns([header_key(raw) for raw in header])
    for index in filling:
        named[index] = None
        message = _("column “%(name)s” is about the filling in of the form, not the event")
        warnings.append(Notice(source, number, message % {"name": header[index]}))
    taken = set(named.values())
    for index, raw in enumerate(header):
        if not raw.strip() or index in filling:
            continue  # a column without a header (a trailing separator, a spacer), or the form's
        column = named[index]
        if column is None and (asked := column_for(raw, columns, aliases)) not in taken:
            column = asked
        if column is None:
            message = _("column “%(name)s” is not one the importer reads") % {"name": raw}
            warnings.append(Notice(source, number, message))
        elif column in names.values():
            first = header[next(i for i, known in names.items() if known == column)]
            message = _("column “%(name)s” says what “%(first)s” says; only “%(first)s” is read")
            warnings.append(Notice(source, number, message % {"name": raw, "first": first}))
        else:
            names[index] = column
    missing = missing_columns({*names.values(), *given}, required)
    if missing:
        message = _("the sheet has no column %(names)s") % {"names": ", ".join(missing)}
        if any(header_key(raw) in PEOPLE_COLUMNS for raw in header):
            message += _("; it looks like a list of people (names, e-mail addresses), not of "
                         "events: export the events instead")  # fmt: skip
        raise RowRejected(message)
    return names, warnings


def _venue_and_address(record: list[str], names: dict[int, str]) -> dict[str, str]:
    """A venue cell of several lines, in a sheet without an address column, as its venue and
    address: "Kulturhuset⏎Sergels torg 3, Stockholm". A first line with a number in it is an
    address already ("Sergels torg 3⏎111 57 Stockholm"): the cell is kept whole. Lines are
    what a spreadsheet's line break makes (Alt+Enter writes "\n"); Unicode's other line
    separators in a cell are folded into its one line like any other."""
    index = next((index for index, column in names.items() if column == "venue"), None)
    if index is None or index >= len(record):
        return {}
    lines = [line.strip(" ,") for line in re.split(r"\r?\n|\r", record[index]) if line.strip(" ,")]
    if len(lines) < 2 or re.search(r"\d", lines[0]):
        return {}
    return {"venue": single_line(lines[0]), "address": single_line(", ".join(lines[1:]))}


# A workbook's cell that links its words to a web page, as `web.workbooks` writes it ("[Sign
# up](https://…)"): the address in a signup column, the words elsewhere, both in a description.
_LINKED_WORDS = re.compile(r"\[([^\[\]]+)\]\((https?://[^\s()]+)\)")
LINK_COLUMNS = frozenset(("signup_url", *ChannelKind.values))  # a group's "Join us" link too


def _cell(column: str, value: str | None) -> str:
    # A quoted cell may hold line breaks; only a description may keep them.
    value = (value or "").strip()
    if column in LINK_COLUMNS and (linked := _LINKED_WORDS.fullmatch(value)):
        return linked[2]
    value = _LINKED_WORDS.sub(r"\1 (\2)" if column in MULTI_LINE_COLUMNS else r"\1", value)
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
