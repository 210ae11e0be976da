"""Excel workbooks (.xlsx, as Excel, LibreOffice and Google Sheets' "Download as" write them)
read as the CSV sheets they hold (openpyxl; its XML is parsed by defusedxml, which Turnout
installs, so a workbook cannot define entities).

The first sheet is read, its cells written as a person would type them: a date as 2031-05-13,
a time as 14:00, a whole number without ".0". A workbook is a zip archive, so its size once
unpacked is checked before anything is parsed.
"""

import csv
import io
import zipfile
from datetime import date, datetime, time

from django.utils.translation import gettext as _

WORKBOOK_SIGNATURE = b"PK\x03\x04"
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 20_000
MAX_COLUMNS = 60


class WorkbookRefused(ValueError):
    """The file is not a workbook Turnout reads; the message says why."""


def is_workbook(data: bytes) -> bool:
    return data.startswith(WORKBOOK_SIGNATURE)


def workbook_as_csv(data: bytes) -> str:
    """The first sheet of an .xlsx workbook as CSV text."""
    from openpyxl import load_workbook  # imported when a workbook comes: a second to load

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise WorkbookRefused(_("the workbook is too large once unpacked"))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except WorkbookRefused:
        raise
    except Exception as error:  # openpyxl raises whatever its zip and XML readers raise
        raise WorkbookRefused(
            _("the file cannot be read as an Excel workbook (.xlsx): %(error)s")
            % {"error": _root_cause(error)}
        ) from error
    try:
        sheet = workbook.worksheets[0]
        out = io.StringIO()
        writer = csv.writer(out)
        for number, row in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)):
            if number >= MAX_ROWS:
                raise WorkbookRefused(
                    _("the workbook has more than %(rows)s rows") % {"rows": MAX_ROWS}
                )
            cells = [_cell_text(value) for value in row]
            while cells and not cells[-1]:
                cells.pop()  # read_only sheets pad every row to the widest one asked for
            writer.writerow(cells)
        return out.getvalue()
    finally:
        workbook.close()


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
