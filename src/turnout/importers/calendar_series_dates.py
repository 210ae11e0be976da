"""A series' dates as programs write them and RFC 5545 means them, before it is expanded: a
day where a time belongs (UNTIL, RDATE) in a series with times, which the expanding library
would take for that day's midnight; an UNTIL on no clock, which it would read in UTC; added
and excluded dates in a zone of a name the parser does not know; an occurrence both excluded
and overridden; and the identity of an occurrence (`recurrence_identity`)."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Component, vDDDLists
from icalendar.error import BrokenCalendarProperty

from .calendar_revisions import entry_sequence
from .calendar_zones import CalendarZones


def series_start(component: Component) -> date | None:
    """The component's DTSTART (a day or a moment), or None when it has none that can be read:
    the entry reader reports that, so what prepares a series leaves the component as it is."""
    try:
        start = component.decoded("DTSTART")
    except (ValueError, KeyError, TypeError):
        return None
    return start if isinstance(start, date) else None


def dates_in_named_zone(dates, zones: CalendarZones, countries: list[str]):
    """An EXDATE or RDATE list in the IANA zone its TZID means, the wall times as written (as
    `calendar_entries.with_named_zones` reads a start): a name the parser does not know would
    leave them floating, and an exclusion would not be known for the occurrence it names."""
    try:
        tzid, moments = str(dates.params.get("TZID", "") or ""), [v.dt for v in dates.dts]
    except (AttributeError, BrokenCalendarProperty):
        return dates  # broken: the expansion reports it
    if tzid and moments and all(isinstance(m, datetime) for m in moments):  # not days, periods
        if zone := zones.zone_of(tzid, year=moments[0].year, countries=countries):
            return vDDDLists([moment.replace(tzinfo=ZoneInfo(zone)) for moment in moments])
    return dates


def with_until_as_meant(component: Component) -> Component:
    """The component with a rule's UNTIL read as its writer meant it where the library would
    read it otherwise (`_until_as_meant`)."""
    rules = component.get("RRULE")
    start = series_start(component)
    if rules is None or start is None:
        return component
    rules = rules if isinstance(rules, list) else [rules]
    settled = [_until_as_meant(rule, start) for rule in rules]
    if all(until is None for until in settled):
        return component
    component = component.copy()
    component.pop("RRULE")
    for rule, until in zip(rules, settled, strict=True):
        if until is not None:
            rule = rule.copy()
            rule["UNTIL"] = [until]
        component.add("RRULE", rule)
    return component


# Outlook ends a series of whole days at its last day's midnight where it was written, in
# UTC: from this time of the day before on, that is a midnight east of Greenwich (Berlin's is
# 23:00 UTC, Delhi's 18:30, Auckland's 11:00); Honolulu's is 10:00 UTC of the day itself.
_EASTERN_MIDNIGHTS_FROM = time(10, 30)
_END_OF_DAY = time(23, 59)


def _until_as_meant(rule, start: date) -> date | None:
    """The UNTIL its writer meant, or None where the library reads it as meant.

    In a series with times, a day ("UNTIL=20300415", as Google and Outlook write it) is the
    end of that day, where the library would end the series at its midnight; a time without
    a zone ("UNTIL=20300326T190000", as SOGo writes it, which RFC 5545 3.3.10 forbids with a
    zoned start) is on the start's own clock, where the library reads it in UTC and loses the
    last meeting of a series west of Greenwich. In a series of whole days, a moment is the
    day it falls on, or the next where it is that day's midnight east of Greenwich (Odoo's,
    Outlook's); "T235959Z" is the end of its own day."""
    if not hasattr(rule, "get") or not rule.get("UNTIL"):
        return None
    until = rule["UNTIL"][0]
    if isinstance(start, datetime):
        if _is_day(until):
            until = datetime.combine(until, time(23, 59, 59))
        elif not isinstance(until, datetime) or until.tzinfo is not None or start.tzinfo is None:
            return None
        until = until.replace(tzinfo=start.tzinfo)
        # In UTC, as RFC 5545 has it: the rule is written out again, and a zone's name would
        # be lost from it.
        return until if start.tzinfo is None else until.astimezone(UTC)
    if not isinstance(until, datetime):
        return None
    if until.tzinfo is not None:
        until = until.astimezone(UTC)
        if _EASTERN_MIDNIGHTS_FROM <= until.time() < _END_OF_DAY:
            return until.date() + timedelta(days=1)
    return until.date()


def with_timed_rdates(component: Component) -> Component:
    """The component with extra days (RDATE;VALUE=DATE) of a series with times as those days
    at the series' time: the library would start them at midnight."""
    rdates = component.get("RDATE")
    start = series_start(component)
    if rdates is None or not isinstance(start, datetime):
        return component
    properties = rdates if isinstance(rdates, list) else [rdates]
    if not any(_is_day(value.dt) for p in properties for value in getattr(p, "dts", [])):
        return component
    component = component.copy()
    component["RDATE"] = [
        vDDDLists(
            [
                datetime.combine(v.dt, start.time(), tzinfo=start.tzinfo) if _is_day(v.dt) else v.dt
                for v in p.dts
            ]
        )
        if any(_is_day(v.dt) for v in getattr(p, "dts", []))
        else p
        for p in properties
    ]
    return component


def _is_day(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def with_exclusions_settled(components: list[Component]) -> list[Component]:
    """The series with each occurrence that is both excluded (EXDATE) and overridden (an
    override with its RECURRENCE-ID and a start) settled by which change came last.

    RFC 5545 lets an override name only an occurrence of the series, which an excluded one is
    not; Apple's calendar server drops such an EXDATE, so iCloud shows the override. A master
    of a later revision (SEQUENCE) than the override was saved after it, though: the person
    removed the moved occurrence and the program kept the override. An override that cancels
    its occurrence agrees with the EXDATE, which alone imports nothing."""
    masters = [c for c in components if c.get("RECURRENCE-ID") is None]
    excluded = {identity: m for m in masters for identity in _excluded_identities(m)}
    if not excluded:
        return components
    dropped: list[Component] = []
    outlived: set[str] = set()  # exclusions an override made since outlives
    for override in components:
        matched = _overridden_identities(override) & excluded.keys()
        if not matched:
            continue
        is_cancelled = str(override.get("STATUS", "")).strip().upper() == "CANCELLED"
        latest = max(entry_sequence(excluded[identity]) for identity in matched)
        if is_cancelled or latest > entry_sequence(override):
            dropped.append(override)
        else:
            outlived |= matched
    settled = [c for c in components if all(c is not d for d in dropped)]
    return [
        _without_exclusions(c, outlived) if any(c is m for m in masters) else c for c in settled
    ]


def _excluded_identities(component: Component) -> set[str]:
    found = set()
    values = component.get("EXDATE")
    for prop in values if isinstance(values, list) else [] if values is None else [values]:
        try:
            found |= {recurrence_identity(v.dt) for v in prop.dts}
        except (AttributeError, BrokenCalendarProperty):
            continue  # broken: the expansion reports it
    return found


def _overridden_identities(component: Component) -> set[str]:
    """The identities an EXDATE of the occurrence this override replaces may have: its start,
    and its day as its own zone has it (an EXDATE;VALUE=DATE excludes the whole day)."""
    if component.get("RECURRENCE-ID") is None or component.get("DTSTART") is None:
        return set()  # a master, or a bare cancellation (see `recurrence.bare_overrides`)
    try:
        original = component.decoded("RECURRENCE-ID")
    except (ValueError, KeyError, TypeError):
        return set()  # the expansion reports it
    if not isinstance(original, date):
        return set()
    return {recurrence_identity(original), original.strftime("%Y%m%d")}


def _without_exclusions(component: Component, identities: set[str]) -> Component:
    if not identities & _excluded_identities(component):
        return component
    values = component.get("EXDATE")
    component = component.copy()
    component.pop("EXDATE")
    for prop in values if isinstance(values, list) else [values]:
        kept = [v.dt for v in prop.dts if recurrence_identity(v.dt) not in identities]
        if kept:
            component.add("EXDATE", vDDDLists(kept))
    return component


def recurrence_identity(value: date | datetime) -> str:
    """An occurrence's original start as a stable text: UTC for a time, the day for a date."""
    if not isinstance(value, datetime):
        return value.strftime("%Y%m%d")
    if value.tzinfo is None:  # floating: the same wall time wherever, so kept as written
        return value.strftime("%Y%m%dT%H%M%S")
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
