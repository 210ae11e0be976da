"""Recurring calendar series, expanded into their occurrences within an import window.

A series is the VEVENTs that share a UID: the master with its RRULE, RDATE and EXDATE, and the
overrides that move or change one occurrence (RECURRENCE-ID). recurring-ical-events applies
them all. An occurrence is known by its UID and its original start in UTC (its RECURRENCE-ID),
which stays the same when an organizer moves it, so a later sync updates the same event.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from math import prod

import recurring_ical_events
from dateutil.rrule import rrulestr
from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Component
from icalendar.error import BrokenCalendarProperty
from recurring_ical_events import BadRuleStringFormat, PeriodEndBeforeStart

from turnout.campaigns.validators import available_time_zones

from .calendar_parsing import PARSER_ERRORS
from .calendar_scales import is_gregorian, moves_missing_days, with_gregorian_rules
from .calendar_series_dates import (
    recurrence_identity,
    series_start,
    with_exclusions_settled,
    with_timed_rdates,
    with_until_as_meant,
)
from .calendar_zones import iana_zone, names_only_a_season
from .rule_years import happens_in_some_year

# More occurrences than this in one window is a rule gone wrong (FREQ=MINUTELY), not a meeting.
MAX_OCCURRENCES_PER_SERIES = 400


@dataclass(frozen=True)
class ImportWindow:
    """The stretch of time whose occurrences are imported: some history, some future."""

    starts_at: datetime
    ends_at: datetime


def import_window(
    *, now: datetime, horizon_days: int | None = None, history_days: int | None = None
) -> ImportWindow:
    """From `history_days` before `now` to `horizon_days` after it (settings by default)."""
    ahead = settings.TURNOUT_CALENDAR_HORIZON_DAYS if horizon_days is None else horizon_days
    back = settings.TURNOUT_CALENDAR_HISTORY_DAYS if history_days is None else history_days
    return ImportWindow(now - timedelta(days=back), now + timedelta(days=ahead))


class SeriesNotUnderstood(ValueError):
    """A series whose rule or dates cannot be read; the message is for a person."""


@dataclass(frozen=True)
class Occurrence:
    component: Component  # a VEVENT with this occurrence's DTSTART and DTEND
    recurrence_id: str  # its original start in UTC: the identity a later sync finds again


def is_series(components: Iterable[Component]) -> bool:
    """Whether these VEVENTs (one UID) repeat, or override one occurrence of a series."""
    return any(
        component.get(name) is not None
        for component in components
        for name in ("RRULE", "RDATE", "RECURRENCE-ID")
    )


def bare_overrides(components: list[Component]) -> list[tuple[Component, str]]:
    """The overrides that name their occurrence (RECURRENCE-ID) and give no start, each with
    the occurrence's identity: what a cancellation of one occurrence may be reduced to."""
    found = []
    for component in components:
        if component.get("RECURRENCE-ID") is None or component.get("DTSTART") is not None:
            continue
        try:
            original = component.decoded("RECURRENCE-ID")
        except (ValueError, KeyError, TypeError):
            continue  # unreadable: the expansion reports it
        if isinstance(original, date):
            found.append((component, recurrence_identity(original)))
    return found


def expand_series(
    components: list[Component], *, calendar: Calendar, window: ImportWindow
) -> tuple[list[Occurrence], bool]:
    """The series' occurrences within the window, soonest first, and whether some were left
    out beyond `MAX_OCCURRENCES_PER_SERIES`."""
    single = Calendar()
    written = str(calendar.get("X-WR-TIMEZONE", "") or "")
    zone = "" if names_only_a_season(written) else iana_zone(written) or ""
    if zone in available_time_zones():
        # Google writes times in UTC and means them in this zone: a weekly 19:00 stays 19:00
        # across the change to summer time. recurring-ical-events applies it.
        single.add("x-wr-timezone", zone)
    for timezone in calendar.walk("VTIMEZONE"):
        single.add_component(timezone)
    occurrences: list[Occurrence] = []
    try:
        _refuse_runaway_rules(components)
        for component in with_exclusions_settled(components):
            component = with_gregorian_rules(
                component, since=window.starts_at, until=window.ends_at
            )
            component = _without_impossible_rules(component)
            component = with_timed_rdates(with_until_as_meant(component))
            single.add_component(_with_exrules_as_exdates(component, window))
        moves = _moves_of_future_overrides(components)
        found = recurring_ical_events.of(single).between(window.starts_at, window.ends_at)
        for occurrence in sorted(found, key=lambda o: _as_utc(o.decoded("DTSTART"))):
            if len(occurrences) == MAX_OCCURRENCES_PER_SERIES:
                return occurrences, True
            start = occurrence.decoded("DTSTART")
            rid = occurrence.decoded("RECURRENCE-ID") if occurrence.get("RECURRENCE-ID") else start
            if (move := moves.get(recurrence_identity(rid))) is not None:
                rid = start - move  # each later occurrence is its own, moved as far
            occurrences.append(Occurrence(occurrence, recurrence_identity(rid)))
    except SeriesNotUnderstood:
        raise
    except BadRuleStringFormat as error:
        raise SeriesNotUnderstood(
            _("its repeat rule “%(rule)s” cannot be read")
            % {"rule": str(error.rule).replace("\\;", ";")[:80]}
        ) from error
    except PeriodEndBeforeStart as error:
        raise SeriesNotUnderstood(_("it ends before it starts")) from error
    except BrokenCalendarProperty as error:
        raise SeriesNotUnderstood(_broken_property_message(components, error)) from error
    except (*PARSER_ERRORS, OverflowError) as error:
        # The library met something else it cannot read (icalendar checks some lines with
        # `assert`, as it reads a zone); its own words are for programmers.
        raise SeriesNotUnderstood(
            _("its repetition (RRULE, RDATE, EXDATE or RECURRENCE-ID) cannot be read")
        ) from error
    return occurrences, False


# Rules that repeat within a day are broken for events people go to, and expanding them is
# slow: dateutil walks from DTSTART minute by minute, and INTERVAL=0 never ends.
_RUNAWAY_FREQUENCIES = {"SECONDLY", "MINUTELY", "HOURLY"}
_WITHIN_A_DAY = ("BYHOUR", "BYMINUTE", "BYSECOND")
_EARLIEST_YEAR = 1900  # a daily rule from year 1 is walked day by day up to the window


def _refuse_runaway_rules(components: list[Component]) -> None:
    for component in components:
        rules = [component.get("RRULE"), component.get("EXRULE")]
        for rule in [r for value in rules for r in (value if isinstance(value, list) else [value])]:
            if rule is None or not hasattr(rule, "get"):
                continue  # absent, or broken: the library reports it
            text = rule.to_ical().decode(errors="replace") if hasattr(rule, "to_ical") else ""
            frequencies = {str(f).upper() for f in rule.get("FREQ", [])}
            intervals = rule.get("INTERVAL", [1])
            # BYHOUR=9,17 or BYMINUTE=0,1,…,59 repeats within a day whatever the FREQ.
            times_a_day = prod(len(rule.get(name, [0])) for name in _WITHIN_A_DAY)
            if frequencies & _RUNAWAY_FREQUENCIES or times_a_day > 1:
                raise SeriesNotUnderstood(
                    _("its repeat rule “%(rule)s” repeats more than once a day")
                    % {"rule": text[:80]}
                )
            if any(not isinstance(i, int) or i < 1 for i in intervals):
                raise SeriesNotUnderstood(
                    _("its repeat rule “%(rule)s” has no interval of 1 or more")
                    % {"rule": text[:80]}
                )
            if _breaks_the_table(rule):
                raise SeriesNotUnderstood(
                    _("its repeat rule “%(rule)s” cannot be read") % {"rule": text[:80]}
                )
        start = component.get("DTSTART")
        value = getattr(start, "dt", None) if type(start).__name__ != "vBroken" else None
        if isinstance(value, date) and value.year < _EARLIEST_YEAR:
            raise SeriesNotUnderstood(_("it starts before %(year)s") % {"year": _EARLIEST_YEAR})


# RFC 5545 3.3.10: the parts a rule of each frequency may not have. dateutil reads them
# anyway and, when they never match, walks day by day to the year 9999.
_NOT_WITH = {
    "DAILY": ("BYWEEKNO", "BYYEARDAY"),
    "WEEKLY": ("BYWEEKNO", "BYYEARDAY", "BYMONTHDAY"),
    "MONTHLY": ("BYWEEKNO", "BYYEARDAY"),
}


def _breaks_the_table(rule) -> bool:
    frequency = str((rule.get("FREQ") or [""])[0]).upper()
    if any(rule.get(name) for name in _NOT_WITH.get(frequency, ())):
        return True
    # "BYDAY=2TU" (the second Tuesday) means something in a month or a year only.
    ordinal = any(re.match(r"[+-]?\d", str(day)) for day in rule.get("BYDAY", []))
    return ordinal and frequency in ("DAILY", "WEEKLY")


def _with_exrules_as_exdates(component: Component, window: ImportWindow) -> Component:
    """The component with the starts its EXRULE excludes in the window as EXDATEs: RFC 5545
    retired EXRULE, so recurring-ical-events ignores it, but some programs still write it."""
    rules = component.get("EXRULE")
    if rules is None:
        return component
    start = component.decoded("DTSTART")
    first = start if isinstance(start, datetime) else datetime.combine(start, time())
    after, before = window.starts_at - timedelta(days=1), window.ends_at + timedelta(days=1)
    if first.tzinfo is None:  # floating: compared as written
        after, before = after.replace(tzinfo=None), before.replace(tzinfo=None)
    component = component.copy()
    for rule in rules if isinstance(rules, list) else [rules]:
        excluded = rrulestr(rule.to_ical().decode(), dtstart=first).between(after, before, inc=True)
        if excluded:
            component.add(
                "EXDATE", excluded if isinstance(start, datetime) else [d.date() for d in excluded]
            )
    return component


# The most days each month can have, for rules asking for a day no month has.
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# The most times a weekday comes in a month and in a year.
_WEEKDAYS_IN = {"MONTHLY": 5, "YEARLY": 53}


def impossible_rules(components: list[Component]) -> list[str]:
    """The repeat rules (RRULE) of a series that can never happen, as written, to be told."""
    found = []
    for component in components:
        rules = component.get("RRULE")
        for rule in rules if isinstance(rules, list) else [] if rules is None else [rules]:
            if not hasattr(rule, "get") or not is_gregorian(rule) or moves_missing_days(rule):
                continue  # told apart, or made possible (`calendar_scales`)
            if not _is_possible(rule, component):
                found.append(rule.to_ical().decode(errors="replace")[:80])
    return found


def _without_impossible_rules(component: Component) -> Component:
    """The component without the rules that never match (BYMONTH=2;BYMONTHDAY=30, the sixth
    Monday of a month): dateutil looks for their next date up to the year 9999, seconds per
    rule, and an event's DTSTART is its first occurrence anyway (RFC 5545 3.8.5.3)."""
    for name in ("RRULE", "EXRULE"):
        rules = component.get(name)
        if rules is None:
            continue
        rules = rules if isinstance(rules, list) else [rules]
        possible = [
            rule for rule in rules if not hasattr(rule, "get") or _is_possible(rule, component)
        ]
        if len(possible) < len(rules):
            component = component.copy()
            component.pop(name)
            for rule in possible:
                component.add(name, rule)
    return component


def _is_possible(rule, component: Component) -> bool:
    """Whether the rule matches any day: first by what each part allows on its own, then by
    trying it in every kind of year its series reaches (`happens_in_some_year`)."""
    if not _can_match(rule):
        return False
    start = series_start(component)
    if start is None:
        return True  # the reader reports the start
    first = start if isinstance(start, datetime) else datetime.combine(start, time())
    return happens_in_some_year(rule.to_ical().decode(errors="replace"), first.replace(tzinfo=None))


def _can_match(rule) -> bool:
    months = [m for m in rule.get("BYMONTH", range(1, 13)) if isinstance(m, int) and 1 <= m <= 12]
    longest = max((_MONTH_DAYS[m - 1] for m in months), default=0)
    days = rule.get("BYMONTHDAY")
    if days and not any(isinstance(d, int) and 1 <= abs(d) <= longest for d in days):
        return False
    frequency = given = str((rule.get("FREQ") or [""])[0]).upper()
    if frequency in _WEEKDAYS_IN and rule.get("BYMONTH"):
        frequency = "MONTHLY"  # "the 20th Monday of March" is no day either
    weekdays = [str(day) for day in rule.get("BYDAY", [])]
    ordinals = [int(found[0]) for day in weekdays if (found := re.match(r"[+-]?\d+", day))]
    if weekdays and len(ordinals) == len(weekdays) and frequency in _WEEKDAYS_IN:
        if all(abs(n) > _WEEKDAYS_IN[frequency] for n in ordinals):
            return False
    if (positions := rule.get("BYSETPOS")) and given in ("DAILY", "WEEKLY", "MONTHLY"):
        # BYSETPOS picks from each day's, week's or month's dates: no more than there are.
        if given != "DAILY" and (days := rule.get("BYMONTHDAY")):
            most = len(days)
        elif given != "DAILY" and weekdays:
            most = len(weekdays) * (5 if given == "MONTHLY" and not ordinals else 1)
        else:
            most = 1  # the start's own day
        if not any(isinstance(p, int) and 1 <= abs(p) <= most for p in positions):
            return False
    if frequency == "MONTHLY" and days and ordinals and len(ordinals) == len(weekdays):
        # The second Monday is the 8th to the 14th: never the 1st, nor the fourth-last.
        weeks = [range(7 * n - 6, 7 * n + 1) if n > 0 else range(25 + 7 * n, 32) for n in ordinals]
        dates = [
            range(d, d + 1) if d > 0 else range(29 + d, 33 + d) for d in days if isinstance(d, int)
        ]
        if not any(set(week) & set(date) for week in weeks for date in dates):
            return False
    for name, limit in (("BYYEARDAY", 366), ("BYWEEKNO", 53), ("BYSETPOS", 366)):
        values = rule.get(name)
        if values and not any(isinstance(v, int) and 1 <= abs(v) <= limit for v in values):
            return False
    return bool(months)


def _moves_of_future_overrides(components: list[Component]) -> dict[str, timedelta]:
    """How far each override for "this and future" occurrences (RANGE=THISANDFUTURE) moves
    them, by its RECURRENCE-ID: recurring-ical-events gives all of them that RECURRENCE-ID."""
    moves = {}
    for component in components:
        rid = component.get("RECURRENCE-ID")
        if str(getattr(rid, "params", {}).get("RANGE", "")).upper() == "THISANDFUTURE":
            original = component.decoded("RECURRENCE-ID")
            moves[recurrence_identity(original)] = component.decoded("DTSTART") - original
    return moves


def _as_utc(value: date | datetime) -> datetime:
    if not isinstance(value, datetime):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _broken_property_message(components: list[Component], error: Exception) -> str:
    for component in components:
        for name in ("DTSTART", "DTEND", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "DURATION"):
            value = component.get(name)
            for item in value if isinstance(value, list) else [value]:
                if type(item).__name__ == "vBroken" and name == "RRULE":
                    return _("its repeat rule “%(rule)s” cannot be read") % {
                        "rule": str(item).replace("\\;", ";")[:80]
                    }
                if type(item).__name__ == "vBroken":
                    return _("its %(property)s “%(value)s” is not a date, time or rule") % {
                        "property": name,
                        "value": str(item)[:80],
                    }
    return _("its repetition (RRULE, RDATE, EXDATE or RECURRENCE-ID) cannot be read")
