"""Repeat rules written with RFC 7529's calendar scale (RSCALE) and SKIP, as Apple's and
Cyrus' servers (iCloud, Fastmail) write them, made rules the expanding library reads: a
Gregorian rule loses its RSCALE, and its SKIP becomes the dates it means; a rule counted in
another calendar (Chinese, Hebrew, Islamic) is not expanded, its first date stands alone
(`other_scale_rules` names it to be told)."""

from datetime import date, datetime, time, timedelta

from dateutil.rrule import rrulestr
from icalendar import Component

from .calendar_series_dates import series_start

_GREGORIAN = "GREGORIAN"
# The most dates a SKIP=FORWARD rule is written out as: more than an import window holds.
_MOST_WRITTEN_OUT = 500


def other_scale_rules(components: list[Component]) -> list[tuple[str, str]]:
    """The rules (as written) of a series counted in a calendar other than the Gregorian, each
    with that calendar's name as written (RSCALE=CHINESE: "CHINESE")."""
    return [
        (rule.to_ical().decode(errors="replace")[:80], _scale_of(rule))
        for component in components
        for rule in _rules_of(component)
        if not is_gregorian(rule)
    ]


def is_gregorian(rule) -> bool:
    """Whether the rule counts days in the Gregorian calendar (RFC 5545's only one)."""
    return _scale_of(rule) == _GREGORIAN


def moves_missing_days(rule) -> bool:
    """Whether a rule's SKIP moves a day a month lacks (30 February) rather than dropping it:
    such a rule happens though its days, as written, never come."""
    return _text_of((rule.get("SKIP") or ["OMIT"])[0]).upper() in ("BACKWARD", "FORWARD")


def with_gregorian_rules(component: Component, *, since: datetime, until: datetime) -> Component:
    """The component with its rules as the library reads them: RSCALE=GREGORIAN dropped, a
    SKIP written out (its dates from `since` to `until`), a rule of another calendar dropped
    (its DTSTART is its first occurrence, RFC 5545 3.8.5.3)."""
    rules = _rules_of(component)
    if not any("RSCALE" in rule or "SKIP" in rule for rule in rules):
        return component
    component = component.copy()
    component.pop("RRULE")
    for rule in rules:
        if not is_gregorian(rule):
            continue
        skip = _text_of((rule.get("SKIP") or ["OMIT"])[0]).upper()
        rule = rule.copy()
        rule.pop("RSCALE", None)
        rule.pop("SKIP", None)
        day = _month_day_some_months_lack(rule, component)
        if day is None or skip == "OMIT":
            component.add("RRULE", rule)  # OMIT is what RFC 5545 and the library do
            continue
        backward = _backward(rule, day, component)
        if skip == "BACKWARD":
            component.add("RRULE", backward)
        elif (
            dates := _forward_dates(backward, day, component, since=since, until=until)
        ) is not None:
            if dates:
                component.add("RDATE", dates)
        else:
            component.add("RRULE", rule)  # cannot be written out: read as OMIT
    return component


def _rules_of(component: Component) -> list:
    rules = component.get("RRULE")
    rules = rules if isinstance(rules, list) else [] if rules is None else [rules]
    return [rule for rule in rules if hasattr(rule, "get")]  # a broken one is reported later


def _scale_of(rule) -> str:
    scale = _text_of((rule.get("RSCALE") or [_GREGORIAN])[0]).strip().upper()
    return scale or _GREGORIAN


def _text_of(value) -> str:
    """A rule part as written: icalendar's enumerations print as "vSkip.BACKWARD"."""
    return str(getattr(value, "value", value))


def _month_day_some_months_lack(rule, component: Component) -> int | None:
    """The day of the month (29 to 31) a monthly or yearly rule falls on, written or taken
    from its start, when it is the rule's one day; None for any other rule."""
    frequency = str((rule.get("FREQ") or [""])[0]).upper()
    if frequency not in ("MONTHLY", "YEARLY"):
        return None
    if any(rule.get(name) for name in ("BYDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS")):
        return None
    months = rule.get("BYMONTH") or []
    if frequency == "YEARLY" and len(months or [None]) != 1:
        return None  # BYSETPOS below picks per year: one month a year only
    if not all(isinstance(month, int) and not getattr(month, "leap", False) for month in months):
        return None  # a leap month ("5L") is no Gregorian one: the library reports it
    days = rule.get("BYMONTHDAY")
    if days is None:
        start = component.get("DTSTART")
        value = getattr(start, "dt", None)
        days = [value.day] if isinstance(value, date) else []
    if len(days) != 1 or not isinstance(days[0], int) or not 29 <= days[0] <= 31:
        return None
    return days[0]


def _backward(rule, day: int, component: Component):
    """The rule falling on `day` or, in a shorter month, on its last day (SKIP=BACKWARD)."""
    backward = rule.copy()
    start = getattr(component.get("DTSTART"), "dt", None)
    if str((rule.get("FREQ") or [""])[0]).upper() == "YEARLY" and not rule.get("BYMONTH"):
        if isinstance(start, date):  # else the last of these days in the year is picked
            backward["BYMONTH"] = [start.month]
    backward["BYMONTHDAY"] = list(range(28, day + 1))
    backward["BYSETPOS"] = [-1]
    return backward


def _forward_dates(backward, day: int, component: Component, *, since: datetime, until: datetime):
    """The dates of a SKIP=FORWARD rule after its start, from a day before `since` to `until`:
    each month short of `day` gives the first of the next month. None when they cannot be
    counted."""
    start = series_start(component)
    if start is None:
        return None
    first = start if isinstance(start, datetime) else datetime.combine(start, time())
    if first.tzinfo is None:  # floating: compared as written
        since, until = since.replace(tzinfo=None), until.replace(tzinfo=None)
    try:
        moments = rrulestr(backward.to_ical().decode(), dtstart=first)
        dates: list[datetime] = []
        for moment in moments:  # from its start: COUNT counts from there
            if moment > until or len(dates) == _MOST_WRITTEN_OUT:
                break
            if moment != first and moment >= since - timedelta(days=1):
                dates.append(moment + timedelta(days=1) if moment.day < day else moment)
    except (ValueError, TypeError, OverflowError):
        return None
    return dates if isinstance(start, datetime) else [moment.date() for moment in dates]
