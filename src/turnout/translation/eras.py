"""Years counted from another era than the source's: the Thai Buddhist era ("พ.ศ. 2572"),
Japan's Reiwa ("令和11年"), Taiwan's Minguo ("民國118年"), the Persian solar and Islamic lunar
years, the Bengali year. The source's date is the one every other page and calendar invite
gives, so its year stays in the source's count (a converted year is said in `figures` as a
number changed); a year labelled with another era but left in the Gregorian count
("พ.ศ. 2029") even moves the date by centuries.
"""

import re
import unicodedata

from django.utils.translation import gettext as _

from .placeholders import PLACEHOLDER
from .problems import Problem

_YEAR = r"(\d{1,4})"
# (era, a year written in it: group 1 or 2 is the year).
_ERAS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("Buddhist", rf"(?:พ\.\s?ศ\.|ພ\.\s?ສ\.|ព\.\s?ស\.)\s?{_YEAR}|{_YEAR}\s?B\.?\s?E\.?(?!\w)"),
        ("Reiwa", rf"令和\s?{_YEAR}\s?年"),
        ("Minguo", rf"民[國国]\s?{_YEAR}\s?年"),
        ("Persian solar", rf"{_YEAR}\s?(?:هجری شمسی|ه\.?\s?ش\.?|خورشیدی|شمسی)"),
        ("Islamic", rf"{_YEAR}\s?(?:هـ|هجری قمری|AH(?!\w))"),
        ("Bengali", rf"{_YEAR}\s?(?:বঙ্গাব্দ|সন)"),
    )
)
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")


def era_problems(source: str, translated: str) -> list[Problem]:
    """A year of `translated` labelled with an era the source does not use."""
    plain_source, plain = _plain(source), _plain(translated)
    years = {_number(year) for year in _FOUR_DIGITS.findall(plain_source)}
    for name, pattern in _ERAS:
        if pattern.search(plain_source):
            continue
        if match := pattern.search(plain):
            if _number(next(g for g in match.groups() if g)) in years:
                return [_unconverted(match.group(0), name)]
            return [_converted(match.group(0), name)]
    return []


def _unconverted(written: str, era: str) -> Problem:
    return Problem(
        "era",
        _(
            "“%(written)s” labels the source's year as a year of the %(era)s era without "
            "converting it: the date is centuries off."
        )
        % {"written": written, "era": era},
        f"Your answer writes “{written}”: the text's year, labelled as a year of another era. "
        f"Write the year as the text does, in the same calendar.",
    )


def _converted(written: str, era: str) -> Problem:
    return Problem(
        "era",
        _(
            "The year is written in the %(era)s era (“%(written)s”), the source's in the "
            "Gregorian calendar: readers compare the date with other pages."
        )
        % {"written": written, "era": era},
        f"Your answer writes the year in another era (“{written}”). Write the date in the "
        f"calendar the text uses, with its year.",
    )


def _number(digits: str) -> int:
    return int("".join(str(unicodedata.decimal(ch)) for ch in digits))


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", PLACEHOLDER.sub(" ", text))
