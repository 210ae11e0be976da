"""The attacker's seventh round against private links used after they should be dead: a
signup's links after it was cancelled or its data erased."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client

from tests.factories import LocalEventFactory, UserFactory
from tests.roles.factories import EventRoleFactory
from tests.security.world import NOW, build_world
from tests.signups.factories import SignupFactory
from turnout.checkin.codes import check_in_code
from turnout.followup.models import FollowUp
from turnout.roles.models import RoleAssignment
from turnout.signups.models import Signup
from turnout.signups.services.privacy import privacy_token

pytestmark = pytest.mark.django_db


def _token_addresses(token: str) -> dict[str, tuple[str, dict]]:
    """Every address a signup's private token opens, with what an attacker would post."""
    return {
        "manage": (f"/en/signups/{token}/", {}),
        "confirm": (f"/en/signups/{token}/confirm/", {}),
        "cancel": (f"/en/signups/{token}/cancel/", {}),
        "invite": (f"/en/signups/{token}/invite.ics", {}),
        "survey": (f"/en/follow-up/{token}/", {"how_was_it": "5", "would_come_again": "yes"}),
        "thanks": (f"/en/follow-up/{token}/thanks/", {}),
        "photos": (f"/en/follow-up/{token}/photos/", {"faces": "none"}),
        "volunteer": (f"/en/roles/mine/{token}/volunteer/", {"role": ""}),
        "accept": (f"/en/roles/mine/{token}/accept/", {}),
        "step_down": (f"/en/roles/mine/{token}/step-down/", {}),
        "share_code": (f"/en/share/code/{token}/", {}),
    }


def _row(signup: Signup) -> tuple:
    signup.refresh_from_db()
    return (signup.state, signup.name, signup.email, signup.referral_code, signup.attended_at)


def test_after_erasure_no_old_link_of_the_signup_opens_anything_or_writes_anything():
    """A participant erased their data; their old emails still hold links (forwarded, or in
    a shared mailbox). None of them may show the event they went to, confirm, take a role,
    answer a survey in their name or mint a share code."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        signup = world.signup
        signup.email = "noor.elamrani@example.org"
        signup.name = "Noor El Amrani"
        signup.state = Signup.State.CONFIRMED
        signup.save()
        FollowUp.objects.create(signup=signup, kind=FollowUp.Kind.ATTENDED, sent_at=NOW)
        old_token = signup.token
        old_code = check_in_code(old_token)
        client = Client(raise_request_exception=False)
        erased = client.post(f"/en/signups/privacy/{privacy_token(signup.email)}/erase/")
        assert erased.status_code in (200, 302)
        assert _row(signup)[1:3] == ("", "")
        before = (_row(signup), RoleAssignment.objects.count(), FollowUp.objects.count())
        for name, (path, data) in _token_addresses(old_token).items():
            for method in ("get", "post"):
                response = getattr(client, method)(path, data)
                # A GET of a POST-only address is 405 before any lookup: nothing found either.
                allowed = {404, 405}
                assert response.status_code in allowed, (name, method, response.status_code)
        assert (_row(signup), RoleAssignment.objects.count(), FollowUp.objects.count()) == before
        # At the door the old code from the erased person's email finds nobody.
        door = Client(raise_request_exception=False)
        door.force_login(world.coordinator)
        landing = door.get(f"/en/check-in/events/{world.event.pk}/code/{old_code}/")
        assert b"Noor" not in landing.content
        door.post(f"/en/check-in/events/{world.event.pk}/code/", {"code": old_code})
        assert _row(signup)[4] is None


def test_a_cancelled_signups_link_takes_no_role_no_place_and_no_check_in():
    """Cancelling keeps the link working for reading, not for taking a place back through
    a side door: a role, a confirmation, a calendar invite or a check-in by code."""
    with time_machine.travel(NOW, tick=False):
        event = LocalEventFactory(starts_at=NOW + timedelta(days=3))
        organizer = UserFactory(email="organisator@example.org")
        event.organizers.add(organizer)
        role = EventRoleFactory(event=event, capacity=5)
        signup = SignupFactory(
            event=event, name="Kasia Nowak", email="kasia@example.pl", state=Signup.State.CANCELLED
        )
        client = Client(raise_request_exception=False)
        token = signup.token
        client.post(f"/en/signups/{token}/confirm/")
        client.post(f"/en/roles/mine/{token}/volunteer/", {"role": role.pk})
        client.post(f"/en/roles/mine/{token}/accept/")
        invite = client.get(f"/en/signups/{token}/invite.ics")
        door = Client(raise_request_exception=False)
        door.force_login(organizer)
        with time_machine.travel(event.starts_at, tick=False):
            door.post(f"/en/check-in/events/{event.pk}/code/", {"code": check_in_code(token)})
            door.post(f"/en/check-in/events/{event.pk}/people/{signup.pk}/check-in/")
    assert invite.status_code == 404
    assert RoleAssignment.objects.filter(signup=signup).count() == 0
    signup.refresh_from_db()
    assert signup.state == Signup.State.CANCELLED
    assert signup.attended_at is None
