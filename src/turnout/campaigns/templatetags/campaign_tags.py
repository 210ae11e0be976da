"""Template helpers for campaigns: the reach sentence and an event's signup action."""

from django import template
from django.utils.translation import gettext

from ..platforms import Platform, signup_action_label
from ..selectors import Reach

register = template.Library()


@register.filter
def reach_sentence(reach: Reach) -> str:
    return reach.describe()


@register.filter
def signup_label(event) -> str:
    return signup_action_label(event.signup_platform or "website")


@register.filter
def platform_page_label(event) -> str:
    """For a past event: "Event page on Facebook"."""
    platform = Platform(event.signup_platform or "website")
    if platform == Platform.WEBSITE:
        return gettext("Event page")
    return gettext("Event page on %(platform)s") % {"platform": platform.label}
