"""Template helpers for campaigns: the reach sentence, rows of events and signup actions."""

from django import template
from django.utils.safestring import SafeString

from .. import listing
from ..selectors import Reach

register = template.Library()


@register.filter
def reach_sentence(reach: Reach) -> str:
    return reach.describe()


@register.simple_tag
def event_rows(events, show_country=False, show_campaign=False, show_title=False) -> SafeString:
    """`<li>` rows of events for a `<ul class="event-list">`."""
    return listing.event_rows(
        events, show_country=show_country, show_campaign=show_campaign, show_title=show_title
    )


@register.simple_tag
def signup_action(event) -> SafeString:
    """Sign up here or on the event's platform; or why not (cancelled, took place, TBA)."""
    return listing.signup_action(event)
