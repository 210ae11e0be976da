"""Template filters of the door page."""

from django import template

from turnout.localization.formatting import format_clock

register = template.Library()


@register.filter
def clock_in(moment, event) -> str:
    """`moment` as a time of day on the event's own clock: "14:02"."""
    return format_clock(moment.astimezone(event.zone)) if moment else ""
