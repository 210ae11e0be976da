"""A series' extra dates (RDATE) read one by one: a list of them ("20300316T050000Z/PT3H,
20300323T010000Z/PT2H30M") with one value damaged, or one period ending before it starts, loses
that date, not the whole series; the user is told which."""

from datetime import timedelta

from django.utils.translation import gettext as _
from icalendar.prop import vDDDLists, vDDDTypes, vPeriod

from .records import Notice

_MOST_TOLD_CHARACTERS = 60


def with_readable_extra_dates(components: list) -> tuple[list, list[str]]:
    """The series' components with each RDATE value that can be read, and, as written, those
    that cannot (a damaged value, a period that ends before it starts)."""
    readable, unread = [], []
    for component in components:
        value = component.get("RDATE")
        properties = value if isinstance(value, list) else [] if value is None else [value]
        kept: list = []
        dropped: list[str] = []
        for prop in properties:
            values, bad = _values_of(prop)
            kept += values
            dropped += bad
        if not dropped:
            readable.append(component)
            continue
        component = component.copy()
        component.pop("RDATE")
        if kept:
            component["RDATE"] = vDDDLists(kept)
        readable.append(component)
        unread += dropped
    return readable, unread


def unread_dates_notice(source: str, number: int, label: str, unread: list[str]) -> Notice:
    """That these extra dates of a series were left out, the rest of it read."""
    return Notice(
        source,
        None,
        _(
            "event %(number)s (“%(label)s”): its extra dates (RDATE) “%(values)s” cannot be"
            " read and were left out; its other dates are imported"
        )
        % {"number": number, "label": label, "values": ", ".join(unread)[:_MOST_TOLD_CHARACTERS]},
    )


def _values_of(prop) -> tuple[list, list[str]]:
    """The readable values of one RDATE property, and the others as written."""
    if type(prop).__name__ == "vBroken":  # one value damaged: the parser kept the whole line
        params = getattr(prop, "params", {})
        values, bad = [], []
        for part in str(prop).split(","):
            try:
                values.append(_read(part.strip(), params))
            except (ValueError, TypeError, KeyError, IndexError, AttributeError):
                bad.append(part.strip())
    else:
        values, bad = [item.dt for item in getattr(prop, "dts", [])], []
    kept = []
    for value in values:
        if isinstance(value, tuple) and not _ends_after_start(value):
            bad.append(_written(value))
        else:
            kept.append(value)
    return kept, bad


def _read(part: str, params) -> object:
    zone = params.get("TZID")
    if "/" in part or str(params.get("VALUE", "")).upper() == "PERIOD":
        return vPeriod.from_ical(part, timezone=zone)
    return vDDDTypes.from_ical(part, timezone=zone)


def _ends_after_start(period: tuple) -> bool:
    start, end = period
    try:
        return end > timedelta(0) if isinstance(end, timedelta) else end > start
    except TypeError:  # a start with a zone and an end without
        return False


def _written(period: tuple) -> str:
    return "/".join(vDDDTypes(value).to_ical().decode() for value in period)
