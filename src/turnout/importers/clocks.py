"""Clock times as a line of a date writes them: "4 PM - 6 PM", "16:30 - 18:00", "14 Uhr".

`times` reads the many ways pages write hours; this is the plain reading it and the table
readers share, and `wall_clock`, the one rule of what an hour and minute make.
"""

import re
from datetime import time

from .day_part_clocks import day_part_clocks_as_digits
from .spoken_clocks import spoken_clocks_as_digits

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


# Hindi names the part of the day before the hour and "o'clock" after it: "शाम 5 बजे" is
# 17:00, "सुबह 10 बजे" 10:00, "शाम 4 बजे से 6 बजे तक" 16:00 to 18:00. Thai writes "เวลา
# 16.00 น." ("time 16.00 o'clock"), Vietnamese "từ 6h00 đến 8h00" ("from 6h00 to 8h00").
_HINDI_HALVES = {"सुबह": "am", "दोपहर": "pm", "शाम": "pm", "रात": "pm"}
_HINDI_HOUR = rf"(?:({'|'.join(_HINDI_HALVES)})\s*)?(\d{{1,2}})(?:[:.](\d{{2}}))?\s*बजे"
_HINDI_CLOCK = re.compile(rf"{_HINDI_HOUR}(?:\s*(?:से|-|–)\s*{_HINDI_HOUR}(?:\s*तक)?)?")
_THAI_CLOCK = re.compile(
    r"(?:เวลา\s*)?(\d{1,2})[.:](\d{2})(?:\s*[-–]\s*(\d{1,2})[.:](\d{2}))?\s*(?:น\.|นาฬิกา)"
)
# "เวลาเที่ยงตรง" ("at noon sharp"), "เที่ยงวัน" (midday); "เที่ยงคืน" is midnight.
_THAI_NOON = re.compile(r"(?:เวลา\s*)?เที่ยง(คืน)?(?:ตรง|วัน)?")
_VIETNAMESE_RANGE = re.compile(
    r"(?:(?<!\w)từ\s+)?(\d{1,2}(?:h|giờ)\s?\d{0,2})\s+(?:đến|tới)\s+(\d{1,2}(?:h|giờ)\s?\d{0,2})",
    re.I,
)


def clock_words_as_digits(text: str) -> str:
    """`text` with the hours Hindi, Thai and Vietnamese write in words as "5:00 pm",
    "16:00 - 18:00", "6h00 - 8h00", which the patterns of `times` read (and those of
    `day_part_clocks` and `spoken_clocks`)."""
    if "बजे" in text:
        text = _HINDI_CLOCK.sub(_hindi_clock, text)
    if "น" in text:
        text = _THAI_CLOCK.sub(_thai_clock, text)
    if "เที่ยง" in text:
        text = _THAI_NOON.sub(lambda noon: " 0:00 " if noon.group(1) else " 12:00 ", text)
    if "đến" in text or "tới" in text:
        text = _VIETNAMESE_RANGE.sub(r"\1 - \2", text)
    return spoken_clocks_as_digits(day_part_clocks_as_digits(text))


def _hindi_clock(match: re.Match) -> str:
    half, hour, minute, end_half, end_hour, end_minute = match.groups()
    written = _hindi_hour(half, hour, minute)
    if end_hour is None:
        return written
    return f"{written} - {_hindi_hour(end_half or half, end_hour, end_minute)}"


def _hindi_hour(half: str | None, hour: str, minute: str | None) -> str:
    suffix = _HINDI_HALVES.get(half or "", "")
    if half == "रात" and (int(hour) < 5 or int(hour) == 12):
        suffix = "am"  # "रात 2 बजे", two at night; "रात 12 बजे", midnight
    return f"{int(hour)}:{minute or '00'}{' ' + suffix if suffix else ''}"


def _thai_clock(match: re.Match) -> str:
    hour, minute, end_hour, end_minute = match.groups()
    written = f"{int(hour)}:{minute}"
    return f"{written} - {int(end_hour)}:{end_minute}" if end_hour else written
