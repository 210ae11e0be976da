"""The share block in a participant's manage page and "you're in" email."""

from django.utils import timezone

from turnout.geo.next_actions import next_actions_near
from turnout.localization.formatting import format_day
from turnout.signups.models import Signup
from turnout.signups.sections import CONFIRMED_EMAIL, MANAGE_PAGE

from . import selectors, services


def share_context(signup: Signup, place: str) -> dict | None:
    """Only people going (or waiting) share: a cancelled or unconfirmed signup has no link.

    The email (written by the delivery worker) gives a code to a signup that has none; the
    manage page only shows one, since a GET must not write: without a code it offers a
    button that asks for one by POST (views.give_share_code)."""
    if not services.may_share(signup, now=timezone.now()):
        return None
    event = signup.event
    if place != MANAGE_PAGE:
        services.ensure_share_code(signup)
    return {
        "share_url": selectors.share_url(signup) if signup.referral_code else "",
        "event_day": format_day(event.local_starts_at, signup.language),
        "brought": selectors.friends_brought(signup) if place == MANAGE_PAGE else None,
    }


SHARE_PLACES = frozenset({MANAGE_PAGE, CONFIRMED_EMAIL})


def next_actions_context(signup: Signup, place: str) -> dict | None:
    """After signing up or cancelling: what else is on near them (the group's next meet-up,
    other events), so that a full or cancelled event is not the end of the road."""
    if signup.is_anonymized:
        return None
    actions = next_actions_near(signup.event, now=timezone.now(), language=signup.language)
    return {"next_actions": actions} if actions else None
