"""Reading roles: coverage per event, what a participant may volunteer for, and the events a
campaign's coordinators should chase for a required role."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, QuerySet

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.signups.models import Signup

from .models import EventRole, RoleAssignment


@dataclass(frozen=True)
class Coverage:
    role: EventRole
    taken: int

    @property
    def places_left(self) -> int:
        return max(self.role.capacity - self.taken, 0)

    @property
    def is_full(self) -> bool:
        return self.places_left == 0


def places_taken(role: EventRole) -> int:
    """Places of `role` held by people who still have a place at the event."""
    return RoleAssignment.objects.filter(role=role, signup__state__in=Signup.HOLDS_PLACE).count()


def _coverage(roles: QuerySet[EventRole]) -> list[Coverage]:
    """Each role with its places taken. Only a person who still has a place at the event
    holds a role's place: a cancelled signup frees it (a receiver also removes the row; this
    keeps the count right whatever changed the signup)."""
    roles_list = list(roles)
    taken = dict(
        RoleAssignment.objects.filter(
            role__in=[role.pk for role in roles_list], signup__state__in=Signup.HOLDS_PLACE
        )
        .values_list("role_id")
        .annotate(count=Count("id"))
        .order_by()
    )
    return [Coverage(role, taken.get(role.pk, 0)) for role in roles_list]


def role_coverage(event: LocalEvent) -> list[Coverage]:
    """Every role of the event with how many of its places are taken, in a stable order."""
    return _coverage(EventRole.objects.filter(event=event).select_related("event"))


def role_holders(event: LocalEvent) -> QuerySet[RoleAssignment]:
    """Who holds which role, for the event's organizers (their people with a place)."""
    return (
        RoleAssignment.objects.filter(
            role__event=event,
            signup__state__in=Signup.HOLDS_PLACE,
            signup__anonymized_at__isnull=True,
        )
        .select_related("role", "signup")
        .order_by("role__created_at", "role_id", "created_at", "id")
    )


def assignable_attendees(event: LocalEvent) -> QuerySet[Signup]:
    """Confirmed attendees with no role yet: whom an organizer may ask (by email, so not a
    walk-in who said no to being contacted, as `messageable_attendees` leaves them out)."""
    return (
        Signup.objects.filter(
            event=event,
            state__in=Signup.HOLDS_PLACE,
            anonymized_at__isnull=True,
            role_assignment__isnull=True,
        )
        .exclude(source=Signup.Source.WALK_IN, wants_updates=False)
        .order_by("name", "id")
    )


def assignments_by_signup(event: LocalEvent) -> dict[int, RoleAssignment]:
    """Every role held at the event by someone with a place, by signup id (with the signup:
    roles/sections.py matches its token too)."""
    held = RoleAssignment.objects.filter(
        role__event=event, signup__state__in=Signup.HOLDS_PLACE
    ).select_related("role", "signup")
    return {assignment.signup_id: assignment for assignment in held}


def open_roles(event: LocalEvent) -> list[Coverage]:
    """Roles with a free place, for a participant to volunteer for."""
    return still_open(role_coverage(event))


def still_open(coverage: list[Coverage]) -> list[Coverage]:
    """The lines of `coverage` (role_coverage) with a free place."""
    return [line for line in coverage if not line.is_full]


@dataclass(frozen=True)
class EventMissingRoles:
    event: LocalEvent
    missing: list[Coverage]


def events_missing_required_roles(campaign: Campaign, *, now: datetime) -> list[EventMissingRoles]:
    """The campaign's coming events where a role marked as required still has free places."""
    roles = (
        EventRole.objects.filter(
            is_required=True,
            event__campaign=campaign,
            event__status__in=LocalEvent.TAKING_PART_STATUSES,
            event__ends_at__gt=now,
        )
        .select_related("event")
        .order_by("event__starts_at", "event_id", "created_at", "id")
    )
    by_event: dict[int, EventMissingRoles] = {}
    for line in _coverage(roles):
        if line.is_full:
            continue
        event = line.role.event
        by_event.setdefault(event.pk, EventMissingRoles(event, [])).missing.append(line)
    return list(by_event.values())
