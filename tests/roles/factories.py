"""Factories for roles."""

import factory
from django.utils import timezone

from tests.factories import LocalEventFactory
from turnout.roles.models import EventRole, RoleAssignment


class EventRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventRole

    event = factory.SubFactory(LocalEventFactory)
    kind = EventRole.Kind.MARSHAL
    capacity = 4
    briefing = "Meet at the fountain at 12:30 and pick up a hi-vis vest."
    created_at = factory.LazyFunction(timezone.now)


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    role = factory.SubFactory(EventRoleFactory)
    state = RoleAssignment.State.VOLUNTEERED
    created_at = factory.LazyFunction(timezone.now)
