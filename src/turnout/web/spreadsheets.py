"""CSV files people open in a spreadsheet: text that cannot run as a formula there, and the
text of a file a spreadsheet program saved, whatever its encoding."""

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence

from charset_normalizer import from_bytes

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


def _utf16_without_mark(data: bytes) -> str | None:
    """UTF-16 written without its byte order mark (scripts, some exports): mostly Latin text
    then has a NUL in every other byte, which no CSV in another encoding has. The side of the
    NULs tells little from big endian."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for nuls, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if nuls.count(0) >= 0.6 * len(nuls):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


# The code pages Excel saves "CSV" in on Windows in each locale: Western, Central European,
# Cyrillic, Greek, Turkish, Hebrew, Arabic, Baltic, Thai, Japanese, Chinese, Korean, Taiwanese.
LEGACY_CODE_PAGES = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256",
                     "cp1257", "cp874", "cp932", "gb18030", "cp949", "big5")  # fmt: skip


def decode_sheet(data: bytes, *, judge: Callable[[str], int] | None = None) -> str:
    """A CSV file's text, however the spreadsheet program saved it: UTF-8 (with or without a
    byte order mark), UTF-16 (Excel's "Unicode text"), else the legacy code page of the locale
    it was saved in (Windows-1252 in the west, 1254 in Turkey, Shift-JIS in Japan...); bytes
    that are none of these are kept as Latin-1, never refused.

    Which code page is a guess from the bytes (charset-normalizer); `judge`, given, scores a
    decoding by what the reader understands of it (how many column names it knows), so that
    "Şehir" is read as Turkish, not as the Romanian "Ţehir" the same bytes also make."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if (without_mark := _utf16_without_mark(data)) is not None:
        return without_mark
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    ranked = [match.encoding for match in from_bytes(data, cp_isolation=list(LEGACY_CODE_PAGES))]
    candidates = list(dict.fromkeys([*ranked, *LEGACY_CODE_PAGES]))
    decodings = []
    for encoding in candidates:
        try:
            decodings.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not decodings:
        return data.decode("latin-1")
    if judge is None:
        return decodings[0]
    return max(decodings, key=judge)  # the first of the best: ties keep the guess's order
