"""The attacker's sixteenth round at role asks, as an organizer of one event. A walk-in's
address stands on the organizer's word alone, so a walk-in who said no to being contacted gets
no organizer's message and no follow-up (ninth round). Asking them to take a role sent an
email all the same ("We'd like you to be a marshal", then the briefing): the list of people to
ask offered them, and a form posted with their id was obeyed. They are not offered and cannot
be asked; a walk-in who agreed to be contacted, and anyone who signed up, still can."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from tests.factories import LocalEventFactory, UserFactory
from tests.roles.factories import EventRoleFactory
from turnout.notifications.models import OutboxMessage
from turnout.roles.models import RoleAssignment
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return LocalEventFactory(title="Sit-in Gent", city="Gent", capacity=None)


@pytest.fixture
def organizer(event):
    user = UserFactory(email="regie@example.be")
    event.organizers.add(user)
    return user


def _walk_in(door: Client, event, *, name: str, email: str, may_contact: bool) -> Signup:
    data = {"name": name, "email": email, "form_key": email}
    if may_contact:
        data["may_contact"] = "on"
    answer = door.post(reverse("checkin:walk_in", kwargs={"pk": event.pk}), data)
    assert answer.status_code == 303
    return Signup.objects.get(event=event, email=email)


def test_a_walk_in_who_said_no_to_contact_is_not_asked_to_take_a_role(event, organizer):
    role = EventRoleFactory(event=event, capacity=3)
    with time_machine.travel(event.starts_at - timedelta(minutes=20), tick=False):
        door = Client()
        door.force_login(organizer)
        declined = _walk_in(
            door, event, name="Søren Kierkegaard", email="soren@example.dk", may_contact=False
        )
        agreed = _walk_in(
            door, event, name="Amani Njoroge", email="amani@example.ke", may_contact=True
        )
        page = door.get(reverse("roles:event_roles", kwargs={"pk": event.pk}))
        offered = set(page.context["ask_form"].fields["signup"].queryset)
        assert agreed in offered
        assert declined not in offered
        asked = door.post(
            reverse("roles:ask_attendee", kwargs={"pk": event.pk}),
            {"role": role.pk, "signup": declined.pk},
        )
        assert asked.status_code == 400
        door.post(
            reverse("roles:ask_attendee", kwargs={"pk": event.pk}),
            {"role": role.pk, "signup": agreed.pk},
        )
    assert not RoleAssignment.objects.filter(signup=declined).exists()
    assert not OutboxMessage.objects.filter(to_email="soren@example.dk").exists()
    assert RoleAssignment.objects.filter(signup=agreed).exists()  # the control
    assert OutboxMessage.objects.filter(to_email="amani@example.ke").exists()
