"""Whether a yearly or monthly repeat rule ever matches, known in milliseconds.

dateutil answers "never" only after walking every year up to 9999 (half a second a rule). The
Gregorian calendar repeats every 400 years, and a year's days fall as those of any other year
of its kind (leap or not, the weekday it begins on, whether the year before was leap: week
numbers counted back reach into it), so a rule that matches in none of the kinds of year its
series reaches never matches. Each kind is tried for one year only.
"""

import calendar
from datetime import date, datetime
from functools import lru_cache
from math import gcd

from dateutil.rrule import MONTHLY, YEARLY, _iterinfo, rrule, rrulestr

_CYCLE_YEARS = 400
_LAST_YEAR = 9999


@lru_cache(maxsize=2048)  # a feed's series are read again on every sync
def happens_in_some_year(rule_text: str, start: datetime) -> bool:
    """Whether the RRULE `rule_text`, starting at the floating `start`, has any occurrence;
    True for a rule this cannot judge (other frequencies, Easter), so nothing is lost."""
    try:
        rule = rrulestr(rule_text, dtstart=start, ignoretz=True)
    except (ValueError, TypeError, OverflowError):
        return True  # the expansion reports it in words
    if not isinstance(rule, rrule) or rule._byeaster:
        return True
    if rule._freq == YEARLY:
        interval = rule._interval
    elif rule._freq == MONTHLY and rule._interval == 1:
        interval = 1
    else:
        return True
    try:
        info = _iterinfo(rule)
        return any(
            _matches_in(rule, info, year, month)
            for year in _years_of_each_kind(start.year, interval)
            for month in (range(1, 13) if rule._freq == MONTHLY else (1,))
        )
    except (AttributeError, TypeError, IndexError, KeyError):
        return True  # another dateutil than this was written for: it is asked the long way


def _matches_in(rule: rrule, info, year: int, month: int) -> bool:
    """Whether the rule has a date in this year (YEARLY) or month (MONTHLY): the filter of
    dateutil's `rrule._iter` for one period, without its walk to the year 9999."""
    info.rebuild(year, month)
    if rule._freq == YEARLY:
        dayset, start, end = info.ydayset(year, month, 1)
    else:
        dayset, start, end = info.mdayset(year, month, 1)
    kept = [i for i in dayset[start:end] if _is_kept(rule, info, i)]
    if not kept or not rule._timeset:
        return False
    if not rule._bysetpos:
        return True
    slots = len(kept) * len(rule._timeset)
    return any(-slots <= pos < 0 or 0 < pos <= slots for pos in rule._bysetpos)


def _is_kept(rule: rrule, info, i: int) -> bool:
    months, weekdays, monthdays = rule._bymonth, rule._byweekday, rule._bymonthday
    yeardays, negative_monthdays = rule._byyearday, rule._bynmonthday
    if (months and info.mmask[i] not in months) or (rule._byweekno and not info.wnomask[i]):
        return False
    if (weekdays and info.wdaymask[i] not in weekdays) or (
        info.nwdaymask and not info.nwdaymask[i]
    ):
        return False
    if (monthdays or negative_monthdays) and (
        info.mdaymask[i] not in monthdays and info.nmdaymask[i] not in negative_monthdays
    ):
        return False
    if yeardays:
        if i < info.yearlen:
            return i + 1 in yeardays or -info.yearlen + i in yeardays
        return i + 1 - info.yearlen in yeardays or -info.nextyearlen + i - info.yearlen in yeardays
    return True


def _years_of_each_kind(first: int, interval: int) -> list[int]:
    """The first year of each kind among `first`, `first + interval`, …: the sequence's kinds
    repeat after 400 years' worth of steps."""
    found: dict[tuple[bool, bool, int], int] = {}
    for step in range(_CYCLE_YEARS // gcd(_CYCLE_YEARS, interval)):
        year = first + step * interval
        if year > _LAST_YEAR:
            break
        kind = (calendar.isleap(year - 1), calendar.isleap(year), date(year, 1, 1).weekday())
        found.setdefault(kind, year)
    return list(found.values())
