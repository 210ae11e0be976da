"""Text of a sheet whose UTF-8 was once read as Windows-1252 and saved again ("KrakÃ³w" for
"Kraków"), as Excel does to a CSV file opened without its encoding, put back as written."""

import re

# A run of letters outside ASCII; one saved twice spells each letter as two or three of them.
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")
# How Windows-1252 shows the lead byte of a two- or three-byte UTF-8 letter: Ã for é, Å for ł,
# Ä for č, â for the dashes and quotes.
_LEAD = re.compile(r"[ÂÃÄÅÆÇÐÑÖ×âã]")


def _as_saved(run: str) -> bytes | None:
    """The bytes Windows-1252 read as `run`; its five unused bytes were kept as themselves."""
    out = bytearray()
    for char in run:
        try:
            out += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return None
            out.append(ord(char))
    return bytes(out)


def _written(match: re.Match) -> str:
    run = match[0]
    if not _LEAD.search(run) or (saved := _as_saved(run)) is None:
        return run
    try:
        return saved.decode("utf-8")
    except UnicodeDecodeError:  # "SÃO": a Portuguese capital, not half a letter
        return run


def repaired_text(text: str) -> str:
    """`text` with every run of letters that is UTF-8 read as Windows-1252 read as UTF-8."""
    if not _LEAD.search(text):
        return text
    return _NON_ASCII_RUN.sub(_written, text)
