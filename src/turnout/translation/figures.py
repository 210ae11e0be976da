"""Numbers a translation must keep: days, years, times, amounts, phone numbers.

A translation may write a number differently (`10,000` as `10.000` or `10 000`, `2 p.m.` as
`14 Uhr`, `３` in full width, `٣` in Arabic-Indic digits, "two" for 2) and may add numbers (a
month's name becomes `5月`), but a number of the source that is gone, where another number
stands, or one above twelve (no translator writes a date or a year in words), was changed.
"""

import re
import unicodedata
from collections import Counter

from .placeholders import PLACEHOLDER

# Digits, with groups of three after a thousands separator joined into one number.
_NUMBER = re.compile(r"\d+(?:[,.'\s\u00a0\u202f]\d{3}(?!\d))*")
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
    expected, found = numbers(source), numbers(translated)
    missing = expected - found
    added = found - expected
    for hour in [n for n in missing if len(n) <= 2 and int(n) < 12]:
        later = str(int(hour) + 12)  # "2 p.m." as "14 Uhr"
        while missing[hour] and added[later]:
            added[later] -= 1
            missing[hour] -= 1
    missing, added = +missing, +added
    small = all(len(n) <= 2 and int(n) <= _WORDS_UP_TO for n in missing)
    if missing and (added or not small):
        return sorted(missing, key=lambda n: (len(n), n))
    return []
