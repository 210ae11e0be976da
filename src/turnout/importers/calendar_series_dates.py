"""A series' dates as programs write them and RFC 5545 means them, before it is expanded: a
day where a time belongs (UNTIL, RDATE) in a series with times, which the expanding library
would take for that day's midnight."""

from datetime import date, datetime, time

from icalendar import Component, vDDDLists


def series_start(component: Component) -> date | None:
    """The component's DTSTART (a day or a moment), or None when it has none that can be read:
    the entry reader reports that, so what prepares a series leaves the component as it is."""
    try:
        start = component.decoded("DTSTART")
    except (ValueError, KeyError, TypeError):
        return None
    return start if isinstance(start, date) else None


def with_whole_day_until(component: Component) -> Component:
    """The component with a rule's UNTIL given as a day ("UNTIL=20300415", as Google and
    Outlook write it for a timed series) read as the end of that day: the series runs through
    that day, where the library would end it at its midnight and lose its last meeting."""
    rules = component.get("RRULE")
    if rules is None:
        return component
    start = series_start(component)
    if not isinstance(start, datetime):
        return component
    rules = rules if isinstance(rules, list) else [rules]
    if not any(_has_a_days_until(rule) for rule in rules):
        return component
    component = component.copy()
    component.pop("RRULE")
    for rule in rules:
        if _has_a_days_until(rule):
            rule = rule.copy()
            last_day = rule["UNTIL"][0]
            rule["UNTIL"] = [datetime.combine(last_day, time(23, 59, 59), tzinfo=start.tzinfo)]
        component.add("RRULE", rule)
    return component


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


def _has_a_days_until(rule) -> bool:
    return hasattr(rule, "get") and any(_is_day(until) for until in rule.get("UNTIL", []))
