"""A group's regular meeting told in words, read as a repeat rule of the meetups app.

"Monthly meetings on the 11th", "every second Tuesday of the month at 19:00", "jeden ersten
Montag im Monat um 19 Uhr", "elke laatste donderdag van de maand", "tous les premiers
mercredis du mois à 18h30", "cada primer sábado de mes", "every Thursday at 7pm". The rule is
built by `meetups.recurrence.RuleParts`, the one home of the rules a meet-up may have. A
phrase that could mean two rules ("every second Tuesday": of the month, or every other week?)
or names no day ("monthly meetings") is no rule: the words stay on the page, with a warning.
"""

import re
from dataclasses import dataclass
from datetime import time
from zoneinfo import ZoneInfo

from turnout.meetups.recurrence import WEEKDAYS, Frequency, RuleError, RuleParts

from .date_names import weekday_numbers
from .dates import find_dates
from .times import find_times, strip_times
from .vocabulary import fold

# Longest text read for one phrase: a meeting is told in a sentence or two.
_MAX_CHARACTERS = 400

_ORDINALS: dict[str, int] = {
    **dict.fromkeys(("first", "1st", "eerste", "1e", "1ste", "premier", "premiers"), 1),
    **dict.fromkeys(("premiere", "premieres", "1er", "1re", "primer", "primero", "primera"), 1),
    **dict.fromkeys(("primo", "prima", "primeiro", "primeira", "erste", "ersten", "erster"), 1),
    **dict.fromkeys(("second", "2nd", "tweede", "2e", "2de", "deuxieme", "deuxiemes"), 2),
    **dict.fromkeys(("seconds", "seconde", "secondes", "segundo", "segunda", "secondo"), 2),
    **dict.fromkeys(("seconda", "zweite", "zweiten", "zweiter"), 2),
    **dict.fromkeys(("third", "3rd", "derde", "3e", "3de", "troisieme", "troisiemes"), 3),
    **dict.fromkeys(("tercer", "tercero", "tercera", "terzo", "terza", "terceiro"), 3),
    **dict.fromkeys(("terceira", "dritte", "dritten", "dritter"), 3),
    **dict.fromkeys(("fourth", "4th", "vierde", "4e", "4de", "quatrieme", "quatriemes"), 4),
    **dict.fromkeys(("cuarto", "cuarta", "quarto", "quarta", "vierte", "vierten", "vierter"), 4),
    **dict.fromkeys(("last", "laatste", "dernier", "derniers", "derniere", "dernieres"), -1),
    **dict.fromkeys(("ultimo", "ultima", "letzte", "letzten", "letzter"), -1),
}
# "Every other Tuesday", "om de week", "alle zwei Wochen": every second week.
_OTHER = re.compile(
    r"\b(?:every other|every two weeks|each other|om de week|om de twee weken|"
    r"alle (?:zwei|2) wochen|jeden zweiten|une semaine sur deux|toutes les deux semaines|"
    r"cada dos semanas|cada quince dias|ogni due settimane|a cada duas semanas)\b"
)
_MONTH_WORDS = re.compile(
    r"\b(?:month|months|monthly|maand|maandelijks|maandelijkse|monat|monats|monatlich\w*|"
    r"mois|mensuel\w*|mes|meses|mensual\w*|mese|mensile|mensili|mensal\w*)\b"
)
_EVERY_WORDS = re.compile(
    r"\b(?:every|each|elke|iedere|ieder|elk|jeden|jede|jeder|jedem|chaque|tous|toutes|cada|"
    r"todos|todas|ogni|tutti|tutte)\b"
)
_WEEK_WORDS = re.compile(r"\b(?:weekly|wekelijks\w*|wochentlich\w*|hebdomadaire\w*|semanal\w*)\b")
# The day of the month: "on the 11th", "op de 11e", "am 11.", "le 11", "el día 11", "il giorno 11".
_MONTH_DAY = re.compile(
    r"(?:\b(?P<lead>on the|the|op de|am|le|el dia|el|dia|il giorno|il|no dia)\s+)?"
    r"\b(?P<day>[1-9]|[12]\d|3[01])(?P<suffix>st|nd|rd|th|e|ste|de|er|eme|\.|º|°)?(?!\d|[:.,]\d)"
)


@dataclass(frozen=True)
class MeetingRule:
    """A regular meeting read from words: its RRULE, its local start time if given."""

    rule: str  # "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU"
    starts: time | None
    ends: time | None


class MeetingAmbiguous(ValueError):
    """Words that tell a regular meeting but not one rule; the message says why."""


def read_meeting_rule(text: str, *, language: str | None, zone: ZoneInfo) -> MeetingRule | None:
    """The rule a sentence gives a regular meeting; None when it tells of none.

    Raises `MeetingAmbiguous` for words that tell a meeting two rules could mean."""
    text = text[:_MAX_CHARACTERS]
    times = find_times(text)
    folded = fold(strip_times(text))
    words = re.findall(r"[^\W_]+\.?", folded)
    weekdays = _weekdays_named(words, language)
    ordinals = _ordinals_before_weekdays(words, language)
    has_month = _MONTH_WORDS.search(folded) is not None
    is_every = _EVERY_WORDS.search(folded) is not None
    parts: RuleParts | None = None
    if ordinals:
        if len(ordinals) > 1 or len(weekdays) > 1:
            raise MeetingAmbiguous("several days")
        ((ordinal, day),) = ordinals
        if not has_month:
            # "Every second Tuesday": of each month, or every other week?
            raise MeetingAmbiguous("no month")
        parts = RuleParts(Frequency.MONTHLY_WEEKDAY, ordinal=ordinal, weekday=day)
    elif weekdays and (is_every or _names_weekday_plural(words, language)):
        if has_month:
            raise MeetingAmbiguous("a weekday and a month, no which")
        interval = 2 if _OTHER.search(folded) else 1
        parts = RuleParts(Frequency.WEEKLY, interval=interval, weekdays=tuple(weekdays))
    elif has_month and not weekdays:
        days = {
            int(m.group("day")) for m in _MONTH_DAY.finditer(folded) if _is_month_day(m, language)
        }
        if len(days) > 1:
            raise MeetingAmbiguous("several days of the month")
        if not days:
            if _EVERY_WORDS.search(folded) or re.search(r"\bmonthly|maandelijks|monatlich", folded):
                raise MeetingAmbiguous("no day")
            return None
        parts = RuleParts(Frequency.MONTHLY_DAY, month_day=days.pop())
    elif _WEEK_WORDS.search(folded) and not weekdays:
        raise MeetingAmbiguous("no day")
    if parts is None:
        return None
    try:
        rule = parts.to_rrule(zone)
    except RuleError as error:
        raise MeetingAmbiguous(str(error)) from error
    return MeetingRule(
        rule=rule,
        starts=times.starts if times else None,
        ends=times.ends if times else None,
    )


def _weekday_of(word: str, language: str | None) -> str | None:
    """ "tuesday", "dinsdag", "dienstags", "mercredis", "martes": the RFC 5545 code."""
    names = weekday_numbers(language)
    word = word.rstrip(".")
    for candidate in (word, word[:-1] if word.endswith("s") else word, word.removesuffix("en")):
        if len(candidate) > 3 and candidate in names:
            return WEEKDAYS[names[candidate]]
    return None


def _weekdays_named(words: list[str], language: str | None) -> list[str]:
    found = [day for word in words if (day := _weekday_of(word, language))]
    return list(dict.fromkeys(found))


def _names_weekday_plural(words: list[str], language: str | None) -> bool:
    """ "on Tuesdays", "dienstags", "les mardis": the weekday as a habit."""
    names = weekday_numbers(language)
    return any(
        w.endswith("s") and w not in names and _weekday_of(w, language) is not None for w in words
    )


def _ordinals_before_weekdays(words: list[str], language: str | None) -> list[tuple[int, str]]:
    """(ordinal, weekday) for "second Tuesday", "ersten Montag", "premiers mercredis",
    "primer sábado", both of "first and third Monday": ordinals up to three words before."""
    found = []
    for index, word in enumerate(words):
        day = _weekday_of(word, language)
        if day is None:
            continue
        for before in words[max(0, index - 3) : index]:
            ordinal = _ORDINALS.get(before.rstrip(".")) or _ORDINALS.get(before)
            if ordinal is not None:
                found.append((ordinal, day))
    return list(dict.fromkeys(found))


def _is_month_day(match: re.Match, language: str | None) -> bool:
    """A day of the month written as one ("the 11th", "le 15", "am 3."), not a count ("3
    meetings") nor the day of a date ("11 March", "11. März")."""
    if not match.group("lead") and not match.group("suffix"):
        return False
    return not find_dates(match.string[match.start() : match.end() + 20], language=language)
