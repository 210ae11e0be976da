"""The attacker's fourteenth round with a participant's own link to an event kept private: its
address, meeting point, instructions and call link are for the people holding a place. A link
to a signup that never confirmed (an address typed by someone else, whose owner never clicked),
that waits on the waitlist or was cancelled, opens the manage page, its calendar file and the
share page, and must show none of them; a role's briefing likewise stays with the role's
people. This holds; the confirmed participant, the control, sees them."""

import pytest
import time_machine
from django.test import Client

from tests.roles.factories import EventRoleFactory, RoleAssignmentFactory
from tests.security.test_attacker_eleventh_outputs import SECRET, _leaks, _private_world
from tests.security.world import NOW
from tests.signups.factories import SignupFactory
from turnout.roles.models import EventRole, RoleAssignment
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

BRIEFING = f"Marshals meet behind the {SECRET} stage at 11:00"


def _pages(client, signup) -> dict[str, str]:
    token = signup.token
    answers = {}
    for path in (
        f"/en/signups/{token}/",
        f"/nl/signups/{token}/",
        f"/en/signups/{token}/invite.ics",
        f"/en/share/code/{token}/",
    ):
        response = client.get(path)
        assert response.status_code < 500, path
        answers[path] = response.content.decode(errors="replace")
    return answers


def test_a_link_without_a_place_shows_nothing_private():
    with time_machine.travel(NOW, tick=False):
        world = _private_world()
        EventRole.objects.filter(event=world.event).update(briefing=BRIEFING)
        leaks = {}
        for state in (
            Signup.State.AWAITING_CONFIRMATION,
            Signup.State.WAITLISTED,
            Signup.State.CANCELLED,
        ):
            outsider = SignupFactory(event=world.event, state=state)
            for path, text in _pages(Client(), outsider).items():
                if found := _leaks(text):
                    leaks[(state, path)] = found
    assert leaks == {}


def test_the_briefing_is_the_roles_and_the_details_the_place_holders():
    """The control: a confirmed participant sees the details; the briefing only once in the
    role, and another role's briefing never."""
    with time_machine.travel(NOW, tick=False):
        world = _private_world()
        EventRole.objects.filter(event=world.event).update(briefing="Stewards at the gate")
        other = EventRoleFactory(
            event=world.event, kind=EventRole.Kind.FIRST_AIDER, briefing=BRIEFING, capacity=5
        )
        confirmed = SignupFactory(event=world.event, email="met.plek@example.nl")
        before = _pages(Client(), confirmed)[f"/en/signups/{confirmed.token}/"]
        RoleAssignmentFactory(
            role=EventRole.objects.get(event=world.event, kind=EventRole.Kind.MARSHAL),
            signup=confirmed,
            state=RoleAssignment.State.ACCEPTED,
        )
        after = _pages(Client(), confirmed)[f"/en/signups/{confirmed.token}/"]
    assert _leaks(before.replace(BRIEFING, "")) != []  # the place's details are theirs
    assert BRIEFING not in before and "Stewards at the gate" not in before
    assert "Stewards at the gate" in after
    assert BRIEFING not in after
    assert other.pk  # the other role exists, with places free, and its briefing stays its own
