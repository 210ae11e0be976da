"""What organizers mark on a sheet's rows rather than in a column: a row crossed out or
written "CANCELLED – Munich", "Köln (abgesagt)", "~~Leeds~~" (an event called off), and the
total a sheet keeps under its rows ("Total: 14 cities", "Σύνολο", "합계"), which is no event.

Marks are compared as headers are (`sheet_columns.header_key`)."""

import re

from .sheet_columns import header_key
from .sheet_values import STATUS_WORDS

# What a row marked as called off or put off says, beyond the status words of other programs.
_CANCELLED = frozenset((
    "cancelled", *STATUS_WORDS["cancelled"], "ακυρωθηκε", "ακυρωση", "peruttu", "peruutettu",
    "취소", "iptal", "iptal_edildi", "скасовано", "відмінено", "отменено", "dibatalkan", "batal",
    "בוטל", "inställt", "installt", "aflyst", "avlyst", "zruseno", "odwolana", "odwolany",
    "annullata", "annulee", "abgesagt", "afgezegd",
))  # fmt: skip
_POSTPONED = frozenset((
    "postponed", "uitgesteld", "verschoben", "reporte", "reportee", "aplazado", "aplazada",
    "rinviato", "rinviata", "przelozone", "adiado", "adiada", "ertelendi", "siirretty",
    "αναβληθηκε", "연기", "перенесено", "ditunda", "נדחה",
))  # fmt: skip
MARK_STATUSES = {header_key(word): "cancelled" for word in _CANCELLED} | {
    header_key(word): "tba" for word in _POSTPONED
}

# Unicode strike-through, as "strikethrough text" generators and some sheets write it.
_STROKES = re.compile("[\u0335\u0336]")
_STRUCK = re.compile(r"~~(.+?)~~|<s>(.+?)</s>|<del>(.+?)</del>", re.S)
_BRACKETED = re.compile(r"[\[(（]\s*([^\])）]+?)\s*[!.]*\s*[\])）]")
_DASHED_FIRST = re.compile(r"^(?P<mark>[^\W\d_][^-–—:|/]*?)\s*[-–—:|/]+\s*(?P<rest>.+)$")
_DASHED_LAST = re.compile(r"^(?P<rest>.+?)\s*[-–—:|/]+\s*(?P<mark>[^\W\d_][^-–—:|/]*?)[!.]*$")
_SPACED_FIRST = re.compile(r"^(?P<mark>[^\W\d_]+)\s+(?P<rest>.+)$")
_SPACED_LAST = re.compile(r"^(?P<rest>.+?)\s+(?P<mark>[^\W\d_]+)[!.]*$")


def marked_status(cell: str, *, with_reason: bool = False) -> tuple[str, str, str]:
    """(the cell without its mark, the status its mark gives, the mark as written) for a cell
    crossed out or marked "CANCELLED"; (the cell, "", "") for an unmarked one. With
    `with_reason`, a mark after the text may give its reason ("Munich – cancelled due to
    weather"), as a city cell's may; a title's may not ("Teach-in: cancelled futures")."""
    text = cell.strip()
    if _STROKES.search(text):
        return _STROKES.sub("", text).strip(), "cancelled", text
    if struck := _STRUCK.fullmatch(text):
        return next(part for part in struck.groups() if part).strip(), "cancelled", text
    if status := _status_of(text):
        return "", status, text  # the whole cell: "CANCELLED", "Abgesagt!"
    for match in _BRACKETED.finditer(text):
        if status := _status_of(match[1], with_reason=with_reason):
            rest = (text[: match.start()] + text[match.end() :]).strip(" -–—:|")
            return " ".join(rest.split()), status, match[0]
    found = [
        (marked, _status_of(marked["mark"], with_reason=with_reason and pattern is _DASHED_LAST))
        for pattern in (_DASHED_FIRST, _DASHED_LAST, _SPACED_FIRST, _SPACED_LAST)
        if (marked := pattern.match(text))
        # Without a dash the mark is in capitals ("CANCELLED Munich"): "Cancelled" alone
        # could begin a title ("Cancelled futures").
        and (pattern in (_DASHED_FIRST, _DASHED_LAST) or marked["mark"].isupper())
    ]
    for match, status in found:
        if status:
            return match["rest"].strip(), status, match["mark"].strip()
    return text, "", ""


def _status_of(segment: str, *, with_reason: bool = False) -> str:
    """The status a segment of a cell marks: "CANCELLED", "called off"; with `with_reason`
    also a mark followed by why ("cancelled due to weather")."""
    words = header_key(segment).split("_")
    sizes = range(len(words), 0, -1) if with_reason else (len(words),)
    return next(
        (status for size in sizes if (status := MARK_STATUSES.get("_".join(words[:size])))), ""
    )


# What a sheet's total row opens with, in the compared form.
_TOTAL_WORDS = frozenset((
    "total", "totals", "grand_total", "sum", "summe", "gesamt", "insgesamt", "totaal", "somme",
    "suma", "totale", "razem", "soma", "συνολο", "yhteensa", "합계", "총계", "toplam", "jumlah",
    "סה_כ", "סהכ", "всього", "разом", "итого", "всего", "合計", "合计", "总计", "總計", "tong",
    "tong_cong", "kokku", "celkem", "osszesen", "totalt", "i_alt", "sammanlagt", "yhteensä",
))  # fmt: skip
_COUNT = re.compile(r"[=\d][\d.,\s]*(?:[^\W\d_]+(?:\s+[^\W\d_]+)?)?", re.UNICODE)


_TOTAL_KEYS = frozenset(map(header_key, _TOTAL_WORDS))  # "합계" compares as its letters do


def is_total_row(filled: list[str]) -> bool:
    """Whether a row's filled cells are a total ("Total", "14", "3 countries"), not an event:
    its first cell a total's word, with at most a count after it ("Total: 14 cities"), and each
    other cell a count."""
    if not filled:
        return False
    key = header_key(filled[0])
    words = key.split("_")
    opening = next(
        (size for size in (2, 1) if "_".join(words[:size]) in _TOTAL_KEYS), 0
    )  # "grand total", "tong cong"
    if not opening:
        return False
    rest = words[opening:]
    if rest and not rest[0].isdigit() and not (len(rest) > 1 and rest[1].isdigit()):
        return False  # "Total Eclipse Rally" is a title
    return all(_COUNT.fullmatch(cell.strip()) for cell in filled[1:])
