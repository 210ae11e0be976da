"""Hours that languages mark with words around the digits, made plain for `times`.

Swahili counts the hours from dawn and names the part of the day after them ("saa 3 asubuhi"
is 09:00, "saa 8 mchana" 14:00); Filipino writes "alas-3 ng hapon" (three in the afternoon);
Vietnamese sites write "6:30 SA" and "4:00 CH" (sáng, chiều: morning, afternoon); Slovenian,
Serbian and Bulgarian write "o'clock" after the hour ("ob 10. uri", "u 18 časova", "от 18:00
ч."); Vietnamese "8g30" and "8 giờ 30" ("giờ", hour); Greek "6 μ.μ." and "11 π.μ." (after
and before noon); Turkish "14.00'te" ("at 14.00", the case ending after an apostrophe).
English "half past two", "quarter to three" and "two o'clock", afternoon hours unless the
page says otherwise. Each becomes "09:00" or "3:00 pm", which the patterns of `times` read.
"""

import re

# The part of the day after a Swahili hour, and the span of the clock's hours it covers.
_SWAHILI_PARTS = {
    "asubuhi": (4, 12),  # morning
    "mchana": (11, 17),  # day, early afternoon
    "alasiri": (14, 18),  # afternoon
    "jioni": (15, 20),  # evening
    "usiku": (19, 28),  # night, past midnight as 24 to 28
}
_SWAHILI_HOUR = re.compile(
    rf"(?<!\w)saa\s+(\d{{1,2}})(?:[:.](\d{{2}}))?\s+({'|'.join(_SWAHILI_PARTS)})(?!\w)", re.I
)
_FILIPINO_PARTS = {
    "madaling-araw": "am",
    "madaling araw": "am",
    "umaga": "am",
    "tanghali": "pm",
    "hapon": "pm",
    "gabi": "pm",
}
_FILIPINO_HOUR = re.compile(
    r"(?<!\w)alas([-\s]?)(\d{1,2})(?:[:.](\d{2}))?(?:\s+ng\s+("
    + "|".join(_FILIPINO_PARTS)
    + r"))?(?!\w)",
    re.I,
)
# "SA" and "CH" right after a clock, as Squarespace and Wix write the hours of a Vietnamese
# site; alone they are only letters.
_VIETNAMESE_HALF = re.compile(r"(?<![\d.:])(\d{1,2}:\d{2})\s?(SA|CH)(?!\w)")
# "o'clock" after the hour: Slovenian "ob 10. uri", "do 12. ure"; Serbian "u 18 časova",
# "17.30 časova"; Bulgarian and Serbian Cyrillic "18:00 ч.", "18 часа"; Lithuanian "14 val.".
_HOUR_WORD_AFTER = re.compile(
    r"(?<![\d:.])(\d{1,2})(?:[:.](\d{2}))?\.?\s*"
    r"(?:uri|ure|časova|časa|часова|часа|val(?:\.|(?!\w))|ч\.|ч(?![\w.]))(?!\w)",
    re.I,
)

# "8g30", "16g00", "8 giờ 30", "16 giờ": the hour's word or its letter between hour and minutes.
_VIETNAMESE_HOUR = re.compile(r"(?<![\d.:])(\d{1,2})(?:g(\d{2})|\s?giờ(?:\s?(\d{2}))?)(?![\d\w])")
# "μ.μ." (μετά μεσημβρίας) and "π.μ." (προ μεσημβρίας), with or without their dots.
_GREEK_HALF = re.compile(r"(?<=\d)\s*(μ|π)\.?\s?μ\.?(?!\w)")

# The locative or ablative a Turkish hour takes: "14.00'te", "14.30'da", "15.00'ten".
_TURKISH_HOUR_CASE = re.compile(r"(?<![\d.:])(\d{1,2}[.:]\d{2})['’](?:te|ta|de|da)n?(?!\w)")

_ENGLISH_HOURS = "one two three four five six seven eight nine ten eleven twelve".split()
_ENGLISH_HOUR = rf"({'|'.join(_ENGLISH_HOURS)}|1[0-2]|[1-9])"
_ENGLISH_HALF = r"(?:\s*(am|pm|a\.m\.|p\.m\.|in the morning|in the afternoon|in the evening))?"
_ENGLISH_SPOKEN = re.compile(
    rf"(?<![\w:.])(?:(half past|quarter past|quarter to)\s+{_ENGLISH_HOUR}|"
    rf"{_ENGLISH_HOUR}\s+o['’]clock){_ENGLISH_HALF}(?![\w:])",
    re.I,
)
# The hours a protest written with no half of the day means in the afternoon: "half past
# two" is 14:30, "half past nine" 09:30.
_AFTERNOON_HOURS = range(1, 8)


def spoken_clocks_as_digits(text: str) -> str:
    """`text` with the hours written in these words as clocks: "saa 3 asubuhi" → "09:00"."""
    lowered = text.lower()
    if "saa" in lowered:
        text = _SWAHILI_HOUR.sub(_swahili_clock, text)
    if "alas" in lowered:
        text = _FILIPINO_HOUR.sub(_filipino_clock, text)
    if "SA" in text or "CH" in text:
        text = _VIETNAMESE_HALF.sub(_vietnamese_clock, text)
    if "g" in text or "giờ" in text:
        text = _VIETNAMESE_HOUR.sub(lambda m: f"{int(m[1])}:{m[2] or m[3] or '00'}", text)
    if "'" in text or "’" in text:
        text = _TURKISH_HOUR_CASE.sub(r"\1", text)
    if "past" in lowered or " to " in lowered or "clock" in lowered:
        text = _ENGLISH_SPOKEN.sub(_english_clock, text)
    if "μ" in text:
        text = _GREEK_HALF.sub(lambda m: " pm" if m[1] == "μ" else " am", text)
    return _HOUR_WORD_AFTER.sub(lambda m: f"{int(m[1])}:{m[2] or '00'}", text)


def _english_clock(match: re.Match) -> str:
    phrase, hour_word, other_hour_word, half = match.groups()
    written = (hour_word or other_hour_word).lower()
    hour = int(written) if written.isdigit() else _ENGLISH_HOURS.index(written) + 1
    minute = {"half past": 30, "quarter past": 15, "quarter to": 45}.get((phrase or "").lower(), 0)
    if (phrase or "").lower() == "quarter to":
        hour = hour - 1 or 12
    half = (half or "").lower().replace(".", "")
    if half in {"in the afternoon", "in the evening"}:
        half = "pm"
    elif half == "in the morning":
        half = "am"
    elif not half:
        half = "pm" if hour in _AFTERNOON_HOURS or hour == 12 else "am"
    return f"{hour}:{minute:02d} {half}"


def _vietnamese_clock(match: re.Match) -> str:
    if int(match[1].split(":")[0]) > 12:
        return match.group()  # "16:00 CH" is a clock of 24 hours, the letters something else
    return f"{match[1]} {'am' if match[2] == 'SA' else 'pm'}"


def swahili_hour(hour: int, part: str) -> int | None:
    """The hour of the clock (0–23) of Swahili hour `hour` (1–12) in the part of the day
    `part`: the count starts at dawn, so "saa 1 asubuhi" is 7 and "saa 2 usiku" is 20."""
    if not 1 <= hour <= 12 or part.lower() not in _SWAHILI_PARTS:
        return None
    first, last = _SWAHILI_PARTS[part.lower()]
    western = (hour + 6) % 12
    for candidate in (western, western + 12, western + 24):
        if first <= candidate <= last:
            return candidate % 24
    return None


def _swahili_clock(match: re.Match) -> str:
    hour = swahili_hour(int(match[1]), match[3])
    return match.group() if hour is None else f"{hour:02d}:{match[2] or '00'}"


def _filipino_clock(match: re.Match) -> str:
    joint, hour, minute, part = match.groups()
    if not 1 <= int(hour) <= 12 or (joint != "-" and not part):
        return match.group()  # "alas 5" alone may be Spanish wings, not five o'clock
    suffix = _FILIPINO_PARTS.get((part or "").lower(), "")
    if part and part.lower() == "gabi" and int(hour) == 12:
        suffix = "am"  # "alas-12 ng gabi", midnight
    return f"{int(hour)}:{minute or '00'}{' ' + suffix if suffix else ''}"
