"""Hours written with the part of the day in words, or with "o'clock" after them, made plain
for `times`.

Urdu names the part of the day before the hour and "o'clock" after it ("شام 5 بجے", five in
the evening), as Hindi does (`clocks`); Tamil too ("மாலை 5 மணி"); Malay and Yoruba name it
after the hour ("jam 3 petang", "aago 4:00 ìrọ̀lẹ́"). Macedonian and Georgian write their
"o'clock" after a clock of 24 hours ("во 18 часот", "18:00 საათზე"). Hungarian names the
part of the day before the hour and its case after it ("du. 3 órakor", "délután 4-kor": three,
four in the afternoon; "17-től", from five). Spanish, Portuguese, Catalan and Italian name it
after the hour ("5 de la tarde", "10 da manhã"). Each becomes "5:00 pm" or "18:00", which the
patterns of `times` read.
"""

import re

from .vocabulary import fold

# The parts of the day of each language, as the half of a 12-hour clock they stand for.
_URDU_PARTS = {"صبح": "am", "دوپہر": "pm", "سہ پہر": "pm", "شام": "pm", "رات": "pm"}
_TAMIL_PARTS = {
    "அதிகாலை": "am",
    "காலை": "am",
    "மதியம்": "pm",
    "பிற்பகல்": "pm",
    "மாலை": "pm",
    "இரவு": "pm",
}
# Malay and Yoruba, without their accents: Yoruba's tone marks are written in many ways.
_PARTS_AFTER = {
    "pagi": "am",
    "tengah hari": "pm",
    "petang": "pm",
    "malam": "pm",
    "aaro": "am",
    "owuro": "am",
    "osan": "pm",
    "irole": "pm",
    "ale": "pm",
}
_CLOCK = r"(\d{1,2})(?:[:.](\d{2}))?"
# Hungarian "délután" (afternoon) and "délelőtt" (before noon), short "du." and "de.".
_HUNGARIAN_PARTS = {
    "du.": "pm",
    "délután": "pm",
    "este": "pm",
    "de.": "am",
    "délelőtt": "am",
    "reggel": "am",
}
_HUNGARIAN_PART_CLOCK = re.compile(
    rf"(?<!\w)({'|'.join(re.escape(p) for p in _HUNGARIAN_PARTS)})\s*{_CLOCK}"
    r"(?:\s*(?:órakor|órától|óráig|óra)|-kor|-tól|-től|-ig)?(?![\w-])",
    re.I,
)
# "4-kor" (at four), "17-től" (from five): the case after a dash makes a number an hour.
_HUNGARIAN_CASE_CLOCK = re.compile(rf"(?<![\d:.]){_CLOCK}-(?:kor|tól|től)(?![\w-])", re.I)
_URDU_CLOCK = re.compile(rf"(?:({'|'.join(_URDU_PARTS)})\s*)?{_CLOCK}\s*بجے")
_TAMIL_CLOCK = re.compile(
    rf"(?:({'|'.join(_TAMIL_PARTS)})\s*)?{_CLOCK}\s*மணி(?:க்கு|யளவில்)?(?![\u0b80-\u0bff])"
)
# "jam 3 petang", "pukul 10 pagi", "aago 4:00 ìrọ̀lẹ́": the word for the hour, the clock, the
# part of the day (its letters with their marks, compared without them).
_WORD_WITH_MARKS = r"[^\W\d_][\w\u0300-\u036f]*"
_CLOCK_THEN_PART = re.compile(
    rf"(?<!\w)(?:jam|pukul|aago)\s+{_CLOCK}\s+(tengah\s+hari|{_WORD_WITH_MARKS})",
    re.I,
)
# "o'clock" after a clock: Macedonian "часот" ("the hour"), Russian "часов", Georgian "საათზე"
# ("at the hour"), "საათიდან" ("from"), "საათამდე" ("until").
_HOUR_WORD_AFTER = re.compile(
    rf"(?<![\d:.]){_CLOCK}\s*(?:часот|часов|საათზე|საათიდან|საათამდე)(?![\w\u10d0-\u10ff])",
    re.I,
)

# Spanish, Portuguese, Catalan and Italian name the part of the day after the hour: "5 de la
# tarde", "10 da manhã", "9 del vespre", "5 del pomeriggio" (five in the afternoon, ten in the
# morning, nine in the evening). "12 de la noche" is midnight, "12 del mediodía" noon.
_ROMANCE_PARTS = {
    "mañana": "am",
    "madrugada": "am",
    "manhã": "am",
    "matí": "am",
    "mattina": "am",
    "mediodía": "pm",
    "tarde": "pm",
    "tarda": "pm",
    "pomeriggio": "pm",
    "noche": "pm",
    "noite": "pm",
    "nit": "pm",
    "vespre": "pm",
    "sera": "pm",
}
_ROMANCE_CLOCK = re.compile(
    rf"(?<![\d:.]){_CLOCK}\s*(?:h\s+)?(?:de\s+la|del|de|da|di)\s+"
    rf"({'|'.join(_ROMANCE_PARTS)})(?!\w)",
    re.I,
)

# Arabic names the part of the day after the hour: "الساعة 6 مساءً" (six in the evening),
# "10 صباحاً" (ten in the morning); "12 ليلاً" (twelve at night) is midnight.
_ARABIC_PARTS = {"صباح": "am", "ظهر": "pm", "عصر": "pm", "مساء": "pm", "ليل": "pm"}
_ARABIC_CLOCK = re.compile(
    rf"(?<![\d:.]){_CLOCK}\s*(?:ال)?({'|'.join(_ARABIC_PARTS)})(?:اً|ًا|ا|ً)?(?![\u0621-\u064a])"
)


def day_part_clocks_as_digits(text: str) -> str:
    """`text` with the hours these languages write in words as clocks: "jam 3 petang" →
    "3:00 pm", "மாலை 5 மணி" → "5:00 pm", "во 18 часот" → "во 18:00"."""
    if "بجے" in text:
        text = _URDU_CLOCK.sub(lambda m: _clock(m, _URDU_PARTS), text)
    if "மணி" in text:
        text = _TAMIL_CLOCK.sub(lambda m: _clock(m, _TAMIL_PARTS), text)
    text = _CLOCK_THEN_PART.sub(_clock_then_part, text)
    text = _ARABIC_CLOCK.sub(_arabic_clock, text)
    lowered = text.lower()
    if " d" in lowered:
        text = _ROMANCE_CLOCK.sub(_romance_clock, text)
    if (
        "-t" in lowered
        or "-k" in lowered
        or "du." in lowered
        or "de." in lowered
        or "él" in lowered
    ):
        text = _HUNGARIAN_PART_CLOCK.sub(_hungarian_clock, text)
        text = _HUNGARIAN_CASE_CLOCK.sub(lambda m: f"{int(m[1])}:{m[2] or '00'}", text)
    return _HOUR_WORD_AFTER.sub(lambda m: f"{int(m[1])}:{m[2] or '00'}", text)


def part_of_day_half(word: str) -> str | None:
    """ "am" or "pm" for a Malay or Yoruba word for a part of the day ("petang", "ìrọ̀lẹ́"),
    None for any other word."""
    return _PARTS_AFTER.get(fold(word))


def _hungarian_clock(match: re.Match) -> str:
    part, hour, minute = match.groups()
    if int(hour) > 12:
        return f"{int(hour)}:{minute or '00'}"  # "du. 15 órakor": a clock of 24 hours
    return _twelve_hour_clock(hour, minute, _HUNGARIAN_PARTS[part.lower()], match.group())


def _romance_clock(match: re.Match) -> str:
    hour, minute, part = match.groups()
    half = _ROMANCE_PARTS[part.lower()]
    if int(hour) == 12:
        half = "am" if half == "pm" and part.lower() in {"noche", "noite", "nit"} else "pm"
    elif half == "pm" and part.lower() in {"noche", "noite", "nit"} and int(hour) < 5:
        half = "am"  # "1 de la noche" is past midnight, as "1 de la madrugada" is
    return _twelve_hour_clock(hour, minute, half, match.group())


def _arabic_clock(match: re.Match) -> str:
    hour, minute, part = match.groups()
    half = "am" if part == "ليل" and (int(hour) == 12 or int(hour) < 5) else _ARABIC_PARTS[part]
    return _twelve_hour_clock(hour, minute, half, match.group())


def _clock(match: re.Match, parts: dict[str, str]) -> str:
    part, hour, minute = match.groups()
    half = parts.get(part or "", "")
    if part in _NIGHT and int(hour) == _NOON_HOUR:
        half = "am"  # "رات 12 بجے", twelve at night: midnight
    return _twelve_hour_clock(hour, minute, half, match.group())


_NIGHT = frozenset({"رات", "இரவு"})
_NOON_HOUR = 12


def _clock_then_part(match: re.Match) -> str:
    hour, minute, part = match.groups()
    if (half := part_of_day_half(part)) is None:
        return match.group()  # "jam 3 orang": no part of the day, so maybe no hour
    return _twelve_hour_clock(hour, minute, half, match.group())


def _twelve_hour_clock(hour: str, minute: str | None, half: str, written: str) -> str:
    if half and not 1 <= int(hour) <= 12:
        return written  # "شام 17 بجے" is no clock of twelve hours: left as written
    return f"{int(hour)}:{minute or '00'}{' ' + half if half else ''}"
