"""Changing roles: the organizers add, change and remove them and ask attendees; participants
volunteer, accept and step down. Each one transaction.

A role's places are held as the event's are (signups/services/registration.py): whoever takes
a place locks the role's row first, counts the places held and only then writes, so a surge
of volunteers queues on that lock and never overfills a role. Whoever also needs the signup
locks it second (role, then signup), the same order everywhere, so no two steps deadlock.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import LocalEvent
from turnout.notifications import outbox
from turnout.signups.models import Signup
from turnout.web.text import multi_line

from . import emails, selectors
from .models import EventRole, RoleAssignment


class RoleUnavailable(ValidationError):
    """The role cannot be taken now: full, over, or the person holds another role."""


def add_role(
    *,
    event: LocalEvent,
    kind: str,
    custom_name: str = "",
    capacity: int,
    briefing: str = "",
    is_required: bool = False,
    now: datetime,
) -> EventRole:
    """Offer a new role at the event; one of each kind, own roles told apart by their name."""
    custom_name = custom_name.strip() if kind == EventRole.Kind.OTHER else ""
    if kind == EventRole.Kind.OTHER and not custom_name:
        raise ValidationError(_("Give your own role a name."))
    if capacity < 1:
        raise ValidationError(_("A role needs at least one place."))
    exists = EventRole.objects.filter(event=event, kind=kind, custom_name__iexact=custom_name)
    if exists.exists():
        raise ValidationError(_("This event already has that role."))
    try:
        with transaction.atomic():
            return EventRole.objects.create(
                event=event,
                kind=kind,
                custom_name=custom_name,
                capacity=capacity,
                briefing=_briefing(briefing),
                is_required=is_required,
                created_at=now,
            )
    except IntegrityError:  # the same role added twice at once
        raise ValidationError(_("This event already has that role.")) from None


def _briefing(text: str) -> str:
    """A briefing's lines without bidi overrides or control characters (`multi_line`): the
    people in the role read where to stand and whom to call in it."""
    return multi_line(text).strip()


def change_role(
    *, role: EventRole, capacity: int, briefing: str, is_required: bool, custom_name: str = ""
) -> EventRole:
    """Change a role's places, briefing and whether it is required; never below those held."""
    with transaction.atomic():
        role = EventRole.objects.select_for_update().get(pk=role.pk)
        taken = selectors.places_taken(role)
        if capacity < max(taken, 1):
            raise ValidationError(
                _("%(count)d people hold this role: remove some before lowering its places.")
                % {"count": taken}
            )
        if role.kind == EventRole.Kind.OTHER:
            custom_name = custom_name.strip()
            if not custom_name:
                raise ValidationError(_("Give your own role a name."))
            clash = EventRole.objects.filter(
                event_id=role.event_id, kind=role.kind, custom_name__iexact=custom_name
            ).exclude(pk=role.pk)
            if clash.exists():
                raise ValidationError(_("This event already has that role."))
            role.custom_name = custom_name
        role.capacity = capacity
        role.briefing = _briefing(briefing)
        role.is_required = is_required
        role.save(update_fields=["custom_name", "capacity", "briefing", "is_required"])
    return role


def remove_role(*, role: EventRole, now: datetime) -> None:
    """Remove a role; the people in it keep their place at the event and are told."""
    with transaction.atomic():
        locked = EventRole.objects.select_for_update().filter(pk=role.pk).first()
        if locked is None:
            return  # removed twice
        for assignment in _holders(RoleAssignment.objects.filter(role=locked)):
            outbox.enqueue(emails.role_withdrawn(assignment, now=now), now=now)
        locked.delete()


def _holders(assignments):
    """The assignments of people who still have a place, with what their email needs."""
    return assignments.filter(
        signup__state__in=Signup.HOLDS_PLACE, signup__anonymized_at__isnull=True
    ).select_related("role", "signup", "signup__event")


def _take_place(
    *, role_id: int, signup_id: int, state: str, now: datetime
) -> tuple[RoleAssignment, bool]:
    """Give the signup a place in the role (role locked, then signup); the caller's
    transaction. Returns the assignment and whether it is new."""
    # Only the role's row: the event's stays free for signups (they lock event, then signup).
    role = EventRole.objects.select_for_update(of=("self",)).select_related("event").get(pk=role_id)
    signup = Signup.objects.select_for_update().get(pk=signup_id)
    if signup.event_id != role.event_id or not signup.holds_place or signup.is_anonymized:
        raise RoleUnavailable(_("Only people with a confirmed place can take a role."))
    event = role.event
    if event.is_cancelled or event.ends_at <= now:
        raise RoleUnavailable(_("This event is over or cancelled: its roles are closed."))
    held = RoleAssignment.objects.filter(signup=signup).select_related("role").first()
    if held is not None:
        if held.role_id == role.pk:
            return held, False  # twice is harmless
        raise RoleUnavailable(
            _("This person already has a role here (%(role)s): one role per person.")
            % {"role": held.role.name}
        )
    if selectors.places_taken(role) >= role.capacity:
        raise RoleUnavailable(
            _("All places in the role “%(role)s” are taken.") % {"role": role.name}
        )
    assignment = RoleAssignment.objects.create(
        role=role, signup=signup, state=state, created_at=now
    )
    assignment.signup.event = event
    return assignment, True


def volunteer(*, token: str, role_id: int, now: datetime) -> RoleAssignment:
    """The participant behind `token` takes a place in the role, and gets its briefing."""
    signup = Signup.objects.only("pk").get(token=token)
    with transaction.atomic():
        assignment, is_new = _take_place(
            role_id=role_id,
            signup_id=signup.pk,
            state=RoleAssignment.State.VOLUNTEERED,
            now=now,
        )
        if not is_new and assignment.state == RoleAssignment.State.ASKED:
            # Asked, and volunteering for that very role: that is a yes.
            assignment.state = RoleAssignment.State.ACCEPTED
            assignment.save(update_fields=["state"])
            is_new = True
        if is_new:
            outbox.enqueue(emails.role_confirmed(assignment, now=now), now=now)
    return assignment


def ask_attendee(*, role: EventRole, signup_id: int, now: datetime) -> RoleAssignment:
    """The organizers ask a confirmed attendee to take the role; their place is kept for them
    until they accept or decline on their manage page, and an email tells them."""
    with transaction.atomic():
        assignment, is_new = _take_place(
            role_id=role.pk, signup_id=signup_id, state=RoleAssignment.State.ASKED, now=now
        )
        if is_new:
            outbox.enqueue(emails.role_asked(assignment, now=now), now=now)
    return assignment


def accept_role(*, token: str, now: datetime) -> RoleAssignment | None:
    """The participant says yes to the role they were asked to take."""
    with transaction.atomic():
        assignment = (
            RoleAssignment.objects.select_for_update()
            .select_related("role", "signup", "signup__event")
            .filter(signup__token=token)
            .first()
        )
        if assignment is None or assignment.state != RoleAssignment.State.ASKED:
            return assignment  # accepting twice, or after stepping down, changes nothing
        assignment.state = RoleAssignment.State.ACCEPTED
        assignment.save(update_fields=["state"])
        outbox.enqueue(emails.role_confirmed(assignment, now=now), now=now)
    return assignment


def step_down(*, token: str) -> bool:
    """The participant leaves their role (or declines being asked); the place is free again."""
    with transaction.atomic():
        deleted, _counts = RoleAssignment.objects.filter(signup__token=token).delete()
    return deleted > 0


def remove_from_role(*, event: LocalEvent, assignment_id: int, now: datetime) -> bool:
    """The organizers take a person out of a role at their event; they keep their place and
    are told."""
    with transaction.atomic():
        assignments = RoleAssignment.objects.select_for_update().filter(
            pk=assignment_id, role__event=event
        )
        for assignment in _holders(assignments):
            outbox.enqueue(emails.role_withdrawn(assignment, now=now), now=now)
        deleted, _counts = assignments.delete()
    return deleted > 0
