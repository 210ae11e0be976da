"""Template filters that format dates, times and countries for the active language."""

from django import template

from .. import formatting

register = template.Library()


@register.filter
def country_name(code: str) -> str:
    return formatting.country_name(code)


@register.filter
def day(moment) -> str:
    return formatting.format_day(moment)


@register.filter
def short_day(moment) -> str:
    return formatting.format_short_day(moment)


@register.filter
def clock(moment) -> str:
    return formatting.format_clock(moment)


@register.simple_tag
def date_window(starts_on, ends_on) -> str:
    return formatting.format_date_window(starts_on, ends_on)


@register.simple_tag
def time_range(starts_at, ends_at) -> str:
    return formatting.format_time_range(starts_at, ends_at)
