"""Clock times as a line of a date writes them: "4 PM - 6 PM", "16:30 - 18:00", "14 Uhr".

`times` reads the many ways pages write hours; this is the plain reading it and the table
readers share, and `wall_clock`, the one rule of what an hour and minute make.
"""

import re
from datetime import time

_CLOCK = r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|uur|uhr|h)?"
_CLOCK_RANGE = re.compile(
    rf"(?<![\d.:]){_CLOCK}\s*(?:-|–|—|to|tot|bis|a|à|al)\s*{_CLOCK}(?!\.?\d)", re.I
)
_SINGLE_CLOCK = re.compile(rf"(?<![\d.:]){_CLOCK}(?!\.?\d)", re.I)


def find_time_range(text: str) -> tuple[time, time | None] | None:
    """The first clock time or time range in `text`: "4 PM - 6 PM", "16:30 - 18:00", "14 Uhr"."""
    if match := _CLOCK_RANGE.search(text):
        hour, minute, suffix, end_hour, end_minute, end_suffix = match.groups()
        start = wall_clock(hour, minute, suffix, default_suffix=end_suffix)
        end = wall_clock(end_hour, end_minute, end_suffix)
        if start is not None and end is not None:
            return start, end
    for match in _SINGLE_CLOCK.finditer(text):
        if clock := wall_clock(*match.groups()):
            return clock, None
    return None


def wall_clock(
    hour: str,
    minute: str | None,
    suffix: str | None,
    *,
    default_suffix: str | None = None,
    bare_hour_is_time: bool = False,
) -> time | None:
    """The time written as `hour`, `minute` and an am/pm `suffix`, or None if it is none.

    A bare number is a day, a count, anything but a time, unless words before it said it is
    an hour (`bare_hour_is_time`: "um 16", "kl. 12"). `default_suffix` is the am/pm of the
    other end of a range ("2-4 pm")."""
    if minute is None and suffix is None and not bare_hour_is_time:
        return None
    suffix = (suffix or default_suffix or "").lower().replace(".", "")
    value = int(hour)
    if suffix in {"am", "pm"}:
        if not 1 <= value <= 12:
            return None
        value = value % 12 + (12 if suffix == "pm" else 0)
    if value > 23 or int(minute or 0) > 59:
        return None
    return time(value, int(minute or 0))
