"""The attacker's sixth round against anonymous writes that send email: a participant's own
link, used by a script to take and leave a role in a loop, each time an email with the
briefing from the site's address."""

import pytest
import time_machine
from django.test import Client

from tests.security.world import NOW, build_world
from tests.signups.factories import SignupFactory
from turnout.notifications.models import OutboxMessage
from turnout.roles.models import EventRole, RoleAssignment
from turnout.roles.views import VOLUNTEERING_PER_HOUR

pytestmark = pytest.mark.django_db


def _loop(client: Client, token: str, role: EventRole, times: int) -> list:
    answers = []
    for _ in range(times):
        answers.append(client.post(f"/en/roles/mine/{token}/volunteer/", {"role": role.pk}))
        client.post(f"/en/roles/mine/{token}/step-down/")
    return answers


def test_taking_and_leaving_a_role_in_a_loop_sends_few_emails():
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        role = EventRole.objects.get(event=world.event)
        token = world.signup.token
        client = Client()
        client.post(f"/en/roles/mine/{token}/step-down/")  # the world gave them this role
        before = OutboxMessage.objects.filter(kind="role_confirmed").count()
        answers = _loop(client, token, role, 3 * VOLUNTEERING_PER_HOUR)
        sent = OutboxMessage.objects.filter(kind="role_confirmed").count() - before
        refused = client.post(f"/en/roles/mine/{token}/volunteer/", {"role": role.pk}, follow=True)
    assert sent == VOLUNTEERING_PER_HOUR
    assert all(answer.status_code == 302 for answer in answers)
    assert "Too many role changes" in refused.content.decode()
    assert not RoleAssignment.objects.filter(signup=world.signup).exists()  # nothing half-done


def test_an_hour_later_the_participant_may_volunteer_again():
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        role = EventRole.objects.get(event=world.event)
        token = world.signup.token
        client = Client()
        client.post(f"/en/roles/mine/{token}/step-down/")
        _loop(client, token, role, VOLUNTEERING_PER_HOUR + 1)
    with time_machine.travel(NOW.replace(hour=NOW.hour + 1, minute=1), tick=False):
        client.post(f"/en/roles/mine/{token}/volunteer/", {"role": role.pk})
    assert RoleAssignment.objects.filter(signup=world.signup, role=role).exists()


def test_one_participants_loop_does_not_stop_another_from_volunteering():
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        role = EventRole.objects.get(event=world.event)
        role.capacity = 5
        role.save()
        client = Client()
        client.post(f"/en/roles/mine/{world.signup.token}/step-down/")
        _loop(client, world.signup.token, role, VOLUNTEERING_PER_HOUR + 2)
        other = SignupFactory(event=world.event, email="wieke@voorbeeld.nl")
        client.post(f"/en/roles/mine/{other.token}/volunteer/", {"role": role.pk})
    assert RoleAssignment.objects.filter(signup=other, role=role).exists()
