"""Numbers a translation must keep: days, years, times, amounts, phone numbers.

A translation may write a number differently (`10,000` as `10.000` or `10 000`, `2 p.m.` as
`14 Uhr`, `３` in full width, `٣` in Arabic-Indic digits, "two" for 2) and may add small
numbers (a month's name becomes `5月`), but a number of the source that is gone, where another
number stands, or one above twelve (no translator writes a date or a year in words), was
changed. A number above twelve that the source lacks, or new minutes ("14:00" as "14:05"), was
made up or came from another text.
"""

import re
import unicodedata
from collections import Counter

from .placeholders import PLACEHOLDER

# Digits, with groups of three after a thousands separator joined into one number.
_NUMBER = re.compile(r"\d+(?:[,.'\s\u00a0\u202f]\d{3}(?!\d))*")
# The minutes of a time ("14:05", "14.05 uur", "14 h 05"), not a date's month ("12.05.2029").
_MINUTES = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])\s?(?::|\.|h)\s?([0-5]\d)(?![\d.])")
# Up to this, a number may be written as a word ("zwei Liter", "trois jours").
_WORDS_UP_TO = 12


def numbers(text: str) -> Counter[str]:
    """The numbers of `text` as plain digits, whatever digits and separators they were
    written with; placeholders and zeros left out ("14:00" is 14)."""
    found: Counter[str] = Counter()
    for match in _NUMBER.finditer(unicodedata.normalize("NFKC", PLACEHOLDER.sub(" ", text))):
        digits = "".join(str(unicodedata.decimal(ch)) for ch in match.group(0) if ch.isdecimal())
        value = digits.lstrip("0")  # compared as text: a number of any length is no problem
        if value:
            found[value] += 1
    return found


def changed_numbers(source: str, translated: str) -> list[str]:
    """Numbers of `source` that `translated` lost or changed, smallest first."""
    missing, added = _differences(source, translated)
    small = all(len(n) <= 2 and int(n) <= _WORDS_UP_TO for n in missing)
    if missing and (added or not small):
        return sorted(missing, key=_order)
    return []


def added_numbers(source: str, translated: str) -> list[str]:
    """Numbers above twelve that `translated` has and `source` lacks, smallest first: a
    sentence of another text, or an amount, time or date the model made up. A translation
    adds only small ones (a month's number, "two" written as 2)."""
    _missing, added = _differences(source, translated)
    found = {n for n in added if len(n) > 2 or int(n) > _WORDS_UP_TO}
    # "14:00" made "14:05": the 5 is small, but no translation writes minutes in words.
    found |= {m for m in _minutes(translated) - _minutes(source) if m != "00"}
    return sorted(found, key=_order)


def _minutes(text: str) -> set[str]:
    plain = unicodedata.normalize("NFKC", PLACEHOLDER.sub(" ", text))
    return set(_MINUTES.findall(plain))


def _differences(source: str, translated: str) -> tuple[Counter[str], Counter[str]]:
    """(numbers only `source` has, numbers only `translated` has), a morning hour given as
    an afternoon one ("2 p.m." as "14 Uhr") counted as kept."""
    expected, found = numbers(source), numbers(translated)
    missing = expected - found
    added = found - expected
    for hour in [n for n in missing if len(n) <= 2 and int(n) < 12]:
        later = str(int(hour) + 12)
        while missing[hour] and added[later]:
            added[later] -= 1
            missing[hour] -= 1
    return +missing, +added


def _order(number: str) -> tuple[int, str]:
    return len(number), number
