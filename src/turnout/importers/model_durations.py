"""An event's end a model wrote as how long it lasts ("2 hours", "PT1H30M", "90 dakika").

Asked for the end's clock time, a model that read "two hours of speeches" gives the length
instead. Taken as a clock, "2 saat" is no time and "PT2H" is two in the night; read as a
length after the start, it is the end the page gives (or one `page_confirmation` leaves out,
since the page does not write it).
"""

import re
from datetime import datetime, timedelta

from .model_answer import model_clock

# The words for an hour and a minute after a number, in the languages of the pages read.
_HOURS = ("hr", "hrs", "hour", "hours", "std", "stunde", "stunden", "uur", "heure",
          "heures", "hora", "horas", "ore", "timme", "timmar", "hodina", "hodiny",
          "hodin", "saat", "jam", "時間", "घंटा", "घंटे", "घंटों", "час", "часа", "часов",
          "години", "година", "godzina", "godziny", "godzin", "ώρα", "ώρες", "시간", "tuntia",
          "tunti", "masaa")  # fmt: skip
_MINUTES = ("min", "mins", "minute", "minutes", "minuten", "minuter", "minut", "minuty",
            "minuto", "minutos", "minuti", "dakika", "menit", "分間", "मिनट", "минут", "минуты",
            "хвилин", "λεπτά", "분", "minuuttia")  # fmt: skip
_WORDS = "|".join(re.escape(word) for word in sorted({*_HOURS, *_MINUTES}, key=len, reverse=True))
_PART = re.compile(rf"(\d{{1,3}}(?:[.,]\d)?)\s*({_WORDS})\.?(?![^\W\d_])", re.I)
_AND = r"(?:and|a|och|ve|na|dan|und|et|y|e|и|і)?"
_LENGTH = re.compile(rf"(?:(?:for|\+|~|ca\.?)\s*)?(?:{_PART.pattern}\s*{_AND}\s*){{1,2}}", re.I)
# ISO 8601's length: "PT2H", "PT1H30M", "PT90M".
_ISO_LENGTH = re.compile(r"PT(?:(\d{1,2})H)?(?:(\d{1,3})M)?", re.I)
_LONGEST = timedelta(hours=12)


def end_after_length(start: str, end: str) -> str:
    """The end as a clock time ("19:00") where the model gave its length after `start`
    ("2 saat"); the end as written otherwise."""
    length = _length(end.strip())
    begins = model_clock(start) if length else None
    if begins is None or length is None:
        return end
    ends = datetime.combine(datetime.min.date(), begins) + length
    if ends.day != datetime.min.day:
        return end  # past midnight: the day it ends on is the model's guess
    return ends.strftime("%H:%M")


def _length(text: str) -> timedelta | None:
    if (iso := _ISO_LENGTH.fullmatch(text)) and any(iso.groups()):
        length = timedelta(hours=int(iso.group(1) or 0), minutes=int(iso.group(2) or 0))
    elif _LENGTH.fullmatch(text):
        length = timedelta()
        for number, word in _PART.findall(text):
            amount = float(number.replace(",", "."))
            is_hours = word.lower() in _HOURS
            length += timedelta(hours=amount) if is_hours else timedelta(minutes=amount)
    else:
        return None
    return length if timedelta() < length <= _LONGEST else None
