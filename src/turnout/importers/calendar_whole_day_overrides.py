"""An occurrence of a series of whole days moved or changed by a program that writes its
DTSTART as a floating midnight ("20300420T000000") where the series gives days: read as the
whole day it is, like its series' other days, not as a day of 24 hours from midnight."""

from datetime import date, datetime, time


def with_whole_day_overrides(components: list) -> list:
    """`components` (one series) with each override from midnight to midnight, no zone, of a
    series whose DTSTART is a day given as whole days; the others as they are."""
    masters = [c for c in components if "RECURRENCE-ID" not in c]
    if not masters or not _is_day(_value(masters[0], "DTSTART")):
        return components
    for component in components:
        if "RECURRENCE-ID" not in component or "DURATION" in component:
            continue  # a length of hours from midnight is hours, not a day
        start, end = _value(component, "DTSTART"), _value(component, "DTEND")
        if _is_floating_midnight(start) and (end is None or _is_floating_midnight(end)):
            for name, value in (("DTSTART", start), ("DTEND", end)):
                if isinstance(value, datetime):
                    component.pop(name)
                    component.add(name, value.date())
    return components


def _value(component, name: str) -> object:
    try:
        return getattr(component.get(name), "dt", None)
    except ValueError:  # a date the parser could not read: read (and refused) later, told
        return None


def _is_day(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _is_floating_midnight(value: object) -> bool:
    return isinstance(value, datetime) and value.tzinfo is None and value.time() == time(0)
