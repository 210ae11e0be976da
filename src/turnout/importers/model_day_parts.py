"""A model's clock written on a 12-hour face with the part of the day in the page's language.

Asked for HH:MM on a 24-hour clock, a model still copies the page's way of telling the time,
or translates its 24-hour clock into its own: "2:00 μ.μ." (Greek, after noon), "8:00 בערב"
(Hebrew, in the evening), "বিকেল ৪টা" (Bengali, four in the afternoon), "3:00 ng hapon"
(Tagalog), "2 ip." (Finnish), "7 вечора" (Ukrainian), "5.30 de la tarda" (Catalan), "오후 2:30"
(Korean), "öğleden sonra 5" (Turkish), "8 pagi" (Indonesian), "2 odpoledne" (Czech). The
rules' clock reading (`times`) knows the English "pm" and some languages' words for the parts
of the day; here every one of these is read as its half of the day, so that the afternoon is
never taken for the morning it would be without the word. Swahili counts its hours from
dawn, not midnight: "saa 9 alasiri" (the ninth hour, in the afternoon) is 15:00, not nine.
"""

import re
from datetime import time

# The words for the part of the day before or after an hour, as the half they stand for.
_AFTERNOON = (
    "μ.μ.", "μμ", "ip.", "iltapäivällä", "illalla", "אחה\"צ", "אחה״צ", "אחר הצהריים",
    "אחרי הצהריים", "בערב", "বিকেল", "বিকাল", "সন্ধ্যা", "রাত", "ng hapon", "ng gabi", "n.h.",
    "n.g.", "дня", "вечора", "вечером", "de la tarda", "del vespre", "de la nit",
    "de la tarde", "de la noche", "오후", "저녁", "مساءً", "مساء", "öğleden sonra", "akşam",
    "sore", "malam", "e.m.", "em", "odpoledne", "večer", "după-amiaza", "după-amiază",
    "după amiază", "seara", "la prânz", "शाम", "दोपहर",
)  # fmt: skip
_MORNING = (
    "π.μ.", "πμ", "ap.", "aamulla", "aamupäivällä", "בבוקר", "לפני הצהריים", "সকাল", "ভোর",
    "ng umaga", "n.u.", "ранку", "зранку", "del matí", "de la mañana", "오전", "아침", "صباحًا",
    "صباحا", "صباح", "sabah", "pagi", "f.m.", "fm", "dopoledne", "ráno", "dimineața",
    "dimineata", "सुबह",
)  # fmt: skip
# The words for the night, whose twelve o'clock is midnight: which of the two it meant is
# not guessed.
_NIGHT = ("রাত", "ng gabi", "de la nit", "de la noche", "malam")
_PARTS = {**{word: "am" for word in _MORNING}, **{word: "pm" for word in _AFTERNOON}}
_PART = re.compile(
    r"(?<![^\W\d_])("
    + "|".join(re.escape(word) for word in sorted(_PARTS, key=len, reverse=True))
    + r")(?![^\W\d_])",
    re.I,
)
# What is left of the clock without its part of the day: an hour and its minutes, with the
# words for "at" and "o'clock" around them ("klo 2", "alas-3", "৪টা", "2시 30분", "7 години").
_HOUR = re.compile(
    r"(?:klo|kl\.|alas-?|a les|at|о|o|στις|ב-?|saat|pukul|jam|v|ve|ora|la ora)?\s*"
    r"(\d{1,2})(?:\s*[:.]\s*(\d{2})|시\s*(\d{1,2})분)?"
    r"\s*(?:টা|টায়|시|h|години|годині|година|ώρα|बजे|uur)?\.?",
    re.I,
)


def clock_with_day_part(text: str) -> time | None:
    """The clock `text` writes with a word for its part of the day, on a 24-hour clock; None
    where it has no such word or is no clock."""
    if match := _SWAHILI_CLOCK.fullmatch(text.strip()):
        return _swahili_clock(match)
    found = list(_PART.finditer(text))
    if len(found) != 1:
        return None
    word = found[0].group(1).lower()
    half = _PARTS[word]
    rest = (text[: found[0].start()] + " " + text[found[0].end() :]).strip(" ,")
    match = _HOUR.fullmatch(rest)
    if match is None:
        return None
    hour = int(match.group(1))
    minute = int(match.group(2) or match.group(3) or 0)
    if not 1 <= hour <= 12 or minute > 59 or (hour == 12 and word in _NIGHT):
        return None
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return time(hour, minute)


# A Swahili clock: "saa 9:00 alasiri", "saa tisa alasiri", "9 alasiri"; its hour in figures
# or in words, counted from six in the morning (or evening), then the part of the day.
_SWAHILI_NUMBERS = {"moja": 1, "mbili": 2, "tatu": 3, "nne": 4, "tano": 5, "sita": 6,
                    "saba": 7, "nane": 8, "tisa": 9, "kumi": 10, "kumi na moja": 11,
                    "kumi na mbili": 12}  # fmt: skip
_SWAHILI_PARTS = ("asubuhi", "mchana", "alasiri", "jioni", "usiku")
_SWAHILI_CLOCK = re.compile(
    r"(?:saa\s+)?(\d{1,2}|" + "|".join(sorted(_SWAHILI_NUMBERS, key=len, reverse=True))
    + r")(?:\s*[:.]\s*(\d{2}))?\s+(?:za\s+|ya\s+)?(" + "|".join(_SWAHILI_PARTS) + ")",
    re.I,
)  # fmt: skip


def _swahili_clock(match: re.Match[str]) -> time | None:
    hour = _SWAHILI_NUMBERS.get(match.group(1).lower()) or int(match.group(1))
    minute, part = int(match.group(2) or 0), match.group(3).lower()
    if not 1 <= hour <= 12 or minute > 59:
        return None
    from_six = (hour + 6) % 12  # the first hour of the day is seven o'clock
    if part == "asubuhi":
        return time(from_six, minute) if from_six >= 6 else None  # dawn to noon only
    if part == "usiku":
        return time(from_six + 12, minute) if hour <= 5 else None  # after midnight: not guessed
    return time(from_six + 12, minute) if from_six <= 7 else None  # noon to seven
