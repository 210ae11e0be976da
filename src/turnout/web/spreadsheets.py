"""CSV files people open in a spreadsheet: text that cannot run as a formula there, and the
text of a file a spreadsheet program saved, whatever its encoding."""

import csv
import io
import re
from collections.abc import Iterable, Sequence

# A cell starting with = + - @, a tab or a carriage return is run as a formula by Excel,
# LibreOffice and Google Sheets (CSV injection, OWASP); a leading apostrophe makes them show it
# as text instead. The signs also count in their full-width and small forms, which an East Asian
# input method types and spreadsheets in those locales read as the sign ("＝SUM(A1)").
_SIGNS = "=+\\-@\t\r\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b"
# What may stand before a sign and still leave a formula: blanks and line breaks, which an
# import that trims cells drops (LibreOffice's "Trim spaces"), quotes, and invisible characters
# (zero-width spaces and joiners, a byte order mark).
_FORMULA = rf'[\s"\u200b-\u200f\u2060\ufeff]*[{_SIGNS}]'
_FORMULA_AT_START = re.compile(_FORMULA)
# Excel in a Dutch, German or French locale opens a CSV file split on ";", whatever the file's
# commas and quotes say: there "Ada;=HYPERLINK(...)" is two cells, the second a formula.
_FORMULA_AFTER_SEMICOLON = re.compile(rf";(?={_FORMULA})")


def spreadsheet_safe(value: object) -> str:
    """`value` as cell text ("" for None) that a spreadsheet shows rather than evaluates."""
    text = "" if value is None else str(value)
    text = _FORMULA_AFTER_SEMICOLON.sub(";'", text)
    return f"'{text}" if _FORMULA_AT_START.match(text) else text


def csv_text(header: Sequence[str], rows: Iterable[Iterable[object]]) -> str:
    """A CSV document: the header, then each row with every cell made spreadsheet-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([spreadsheet_safe(value) for value in row] for row in rows)
    return buffer.getvalue()


def decode_sheet(data: bytes) -> str:
    """A CSV file's text, however the spreadsheet program saved it: UTF-8 (with or without a
    byte order mark), UTF-16 (Excel's "Unicode text"), else Windows-1252 (Excel's "CSV" on a
    Western Windows); bytes that are none of these are kept as Latin-1, never refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
