"""What a VTIMEZONE's own rules say of the years they cover: an old export's rules stop where
its program's zone table stopped, and say nothing of the years after."""

from icalendar import Component


def rules_end_year(component: Component) -> int | None:
    """The year the rules of a VTIMEZONE end (the latest UNTIL of its RRULEs), when they all
    end and no observance begins after; None for rules that go on, or for none."""
    until_years: list[int] = []
    start_years: list[int] = []
    for observance in component.subcomponents:
        try:
            start_years.append(observance.decoded("DTSTART").year)
            rule = observance.get("RRULE")
            if rule is None:
                continue
            until = (rule[0] if isinstance(rule, list) else rule).get("UNTIL")
            if not until:
                return None  # a rule without end: the zone's rules go on
            until_years.append(int(until[0].year))
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            return None  # a VTIMEZONE that cannot be read is taken as it is
    if not until_years or max(start_years, default=0) > max(until_years):
        return None
    return max(until_years)
