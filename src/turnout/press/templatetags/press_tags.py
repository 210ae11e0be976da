"""Template tags for press coverage: a campaign's or event's public mentions, language names."""

from django import template

from .. import selectors
from ..languages import language_name as _language_name

register = template.Library()


@register.simple_tag
def campaign_press(campaign) -> list:
    return selectors.campaign_press(campaign)


@register.simple_tag
def event_press(event) -> list:
    return selectors.event_press(event)


@register.filter
def language_name(code: str) -> str:
    return _language_name(code)
