"""Recurring calendar series, expanded into their occurrences within an import window.

A series is the VEVENTs that share a UID: the master with its RRULE, RDATE and EXDATE, and the
overrides that move or change one occurrence (RECURRENCE-ID). recurring-ical-events applies
them all. An occurrence is known by its UID and its original start in UTC (its RECURRENCE-ID),
which stays the same when an organizer moves it, so a later sync updates the same event.
"""

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


def expand_series(
    components: list[Component], *, calendar: Calendar, window: ImportWindow
) -> tuple[list[Occurrence], bool]:
    """The series' occurrences within the window, soonest first, and whether some were left
    out beyond `MAX_OCCURRENCES_PER_SERIES`."""
    single = Calendar()
    zone = str(calendar.get("X-WR-TIMEZONE", "") or "").strip()
    if zone in available_time_zones():
        # Google writes times in UTC and means them in this zone: a weekly 19:00 stays 19:00
        # across the change to summer time. recurring-ical-events applies it.
        single.add("x-wr-timezone", zone)
    for timezone in calendar.walk("VTIMEZONE"):
        single.add_component(timezone)
    occurrences: list[Occurrence] = []
    try:
        _refuse_runaway_rules(components)
        for component in components:
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
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, IndexError) as error:
        # The library met something else it cannot read; its own words are for programmers.
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
        start = component.get("DTSTART")
        value = getattr(start, "dt", None) if type(start).__name__ != "vBroken" else None
        if isinstance(value, date) and value.year < _EARLIEST_YEAR:
            raise SeriesNotUnderstood(_("it starts before %(year)s") % {"year": _EARLIEST_YEAR})


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


def recurrence_identity(value: date | datetime) -> str:
    """An occurrence's original start as a stable text: UTC for a time, the day for a date."""
    if not isinstance(value, datetime):
        return value.strftime("%Y%m%d")
    if value.tzinfo is None:  # floating: the same wall time wherever, so kept as written
        return value.strftime("%Y%m%dT%H%M%S")
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


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
