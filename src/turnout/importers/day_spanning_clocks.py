"""Hours of an event that runs into the next day, written with each end's day beside its clock,
made a plain range for `times`.

A night vigil or a camp writes "з 20:00 12 червня до 08:00 13 червня", "20:00 on 12 June to
08:00 on 13 June", "12 June 20:00 – 13 June 08:00" or "20 Uhr (12.6.) bis 8 Uhr (13.6.)": the
days between the clocks hide the range from the patterns of `times`, which read a start alone.
Each becomes "20:00 до 08:00"; the event's day is read from the line as before, and an end
earlier than the start is the next morning's.
"""

import re

from .date_names import month_names
from .vocabulary import fold

_CLOCK = r"\d{1,2}(?:[:.h]\d{2})?(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.))?"
# A day of the month with its month as a word or a number, maybe after "on", "am", "le" and
# its weekday ("So 13.6.", "Friday June 11"), maybe in brackets.
_DAY = (
    r"\(?(?:(?:on|the|am|le|el|il|op|den)\s+)?(?:[^\W\d_]{2,12}\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\.?\s*[^\W\d_]{3,}\.?|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}\.\s?\d{1,2}\.(?:\d{2,4})?|\d{1,2}/\d{1,2})\)?"
)
_JOIN = (
    r"-|–|—|→|to|until|till|bis|tot|jusqu'à|jusqu'au|au|à|hasta|al|a|fins|até|ao|alle|"
    r"до|по|έως|ως|עד"
)
_SPAN = re.compile(
    rf"(?<![\d.:/])(?P<start>{_CLOCK})(?!\d)\s*,?\s*(?P<first>{_DAY})?\s*(?P<join>{_JOIN})\s+"
    rf"(?P<second>{_DAY})?\s*,?\s*(?:(?:at|um|à|a las|às|о|об|στις)\s+)?(?P<end>{_CLOCK})"
    r"(?![\d:.]?\d)",
    re.I,
)


def day_spanning_clocks_as_ranges(text: str) -> str:
    """`text` with a range whose ends each carry their day written without those days:
    "з 20:00 12 червня до 08:00 13 червня" → "з 20:00 до 08:00 13 червня"."""
    if len(re.findall(r"\d+", text)) < 3:  # two clocks and a day at least
        return text
    return _SPAN.sub(_without_days, text)


def _without_days(match: re.Match) -> str:
    first, second = match["first"], match["second"]
    if not (first or second) or not all(_is_day(day) for day in (first, second) if day):
        return match.group()
    return f"{match['start']} {match['join']} {match['end']}"


def _is_day(written: str) -> bool:
    """Whether `written` names a day of the month: its month a number or a month's name."""
    if re.search(r"\d{1,2}[./]\s?\d{1,2}", written):
        return True
    names = month_names()
    return any(fold(word) in names for word in re.findall(r"[^\W\d_]{3,}", written))
