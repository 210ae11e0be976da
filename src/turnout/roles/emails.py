"""The emails about a participant's role, in their language: the role is theirs (with its
briefing), the organizers ask them to take one, and the briefing again before the event."""

from datetime import datetime

from django.utils.translation import gettext_lazy as _

from turnout.notifications.composition import Email, compose
from turnout.signups.emails import event_facts, manage_url

from .models import RoleAssignment


def _compose(assignment: RoleAssignment, *, kind: str, subject, **context) -> Email:
    signup = assignment.signup
    facts = event_facts(signup)
    return compose(
        kind=kind,
        template=f"roles/email/{kind}",
        to=signup.email,
        language=signup.language,
        subject=subject,
        subject_params={"title": facts["event_title"]},
        context={
            "signup": signup,
            "assignment": assignment,
            "role": assignment.role,
            "manage_url": manage_url(signup),
            **facts,
            **context,
        },
    )


def role_confirmed(assignment: RoleAssignment, *, now: datetime) -> Email:
    """Their role is confirmed: what it is and its briefing, for them alone."""
    return _compose(assignment, kind="role_confirmed", subject=_("Your role at %(title)s"))


def role_asked(assignment: RoleAssignment, *, now: datetime) -> Email:
    """The organizers ask them to take a role; they answer on their manage page."""
    return _compose(assignment, kind="role_asked", subject=_("Will you take a role at %(title)s?"))


def role_reminder(assignment: RoleAssignment, *, now: datetime) -> Email:
    """Shortly before the event: their role's briefing once more."""
    return _compose(assignment, kind="role_reminder", subject=_("Your briefing for %(title)s"))


def role_withdrawn(assignment: RoleAssignment, *, now: datetime) -> Email:
    """The organizers took them out of the role (or removed it); their place stays."""
    return _compose(
        assignment, kind="role_withdrawn", subject=_("A change to your role at %(title)s")
    )
