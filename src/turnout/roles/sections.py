"""What a participant sees of roles on their manage page and in their "you're in" email
(signups/sections.py): their own role and its briefing, or the roles they may volunteer for.

A briefing is shown only to the person in that role. The context is looked up by the
signup's id and its token together: an email composed once for many people (signups'
mail merge) gives a stand-in with a made-up token, which finds no role, so nobody's
briefing can reach anyone else.
"""

from django.utils import timezone

from turnout.signups.emails import manage_url
from turnout.signups.models import Signup
from turnout.signups.sections import (
    CONFIRMED_EMAIL,
    MANAGE_PAGE,
    per_event,
    register_participant_section,
)

from . import selectors


def role_context(signup: Signup, place: str) -> dict | None:
    if not signup.holds_place:
        return None
    event = signup.event
    # Asked once per event when many emails are written at once (signups/sections.py).
    coverage = per_event("roles.coverage", event, selectors.role_coverage)
    if not coverage:
        return None  # an event without roles: nobody holds one, none is open
    held = per_event("roles.held", event, selectors.assignments_by_signup).get(signup.pk)
    if held is not None and held.signup.token == signup.token:
        return {"assignment": held, "role": held.role}
    if event.is_cancelled or event.ends_at <= timezone.now():
        return None
    open_roles = selectors.still_open(coverage)
    if not open_roles:
        return None
    context: dict[str, object] = {"open_roles": open_roles}
    if place != MANAGE_PAGE:
        context["manage_url"] = manage_url(signup)
    return context


def register() -> None:
    register_participant_section(
        "roles",
        template="roles/participant",
        context=role_context,
        places=frozenset({MANAGE_PAGE, CONFIRMED_EMAIL}),
        order=20,
    )
