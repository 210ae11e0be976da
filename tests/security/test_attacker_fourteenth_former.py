"""The attacker's fourteenth round from people who held a role and lost it, with their browser
still signed in: a coordinator taken off the campaign, an organizer taken off the event, a
lead taken off the group (whose meet-up series they kept). Their pages were open a minute ago;
every address of the site, read and posted to with the ids they remember, must now give them
nothing of the event's people and change none of its rows, also once the event is cancelled or
its campaign archived (where an old role might be thought harmless). This holds: the rule is
asked of the database on each request, never remembered in the session."""

import pytest
import time_machine
from django.test import Client

from tests.factories import LocalEventFactory, UserFactory
from tests.security.test_attacker_seventh_siblings import SECRETS, _body, _state
from tests.security.test_attacker_seventh_siblings import _world_with_secrets as world_with_secrets
from tests.security.world import NOW
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.checkin.codes import check_in_code
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

# What the sweep posts: the world's own ids in every field name a form of the site reads.
FORGED = {
    "signup": "",
    "signups": [],
    "attended": [],
    "decision": "approve",
    "subject": "Nieuws van de organisatie",
    "body": "Kom allemaal naar het plein",
    "q": "Zo",
    "email": "oud.lid@example.be",
    "name": "Iemand",
    "code": "",
}


def _former(world) -> tuple[Client, object]:
    """Someone who coordinated the campaign, organized the event and led the group, signed in
    while they did (their attendee list opened once), then taken off all three."""
    former = UserFactory(email="voormalig@example.be", name="Wout")
    world.campaign.coordinators.add(former)
    world.event.organizers.add(former)
    world.group.leads.add(former)
    client = Client(raise_request_exception=False)
    client.force_login(former)
    opened = client.get(f"/en/signups/events/{world.event.pk}/attendees/")
    assert opened.status_code == 200 and SECRETS[0].encode() in opened.content  # they could
    world.campaign.coordinators.remove(former)
    world.event.organizers.remove(former)
    world.group.leads.remove(former)
    return client, former


@pytest.mark.parametrize("afterwards", ["as_it_was", "event_cancelled_campaign_archived"])
def test_a_role_taken_away_leaves_an_open_session_nothing(afterwards):
    with time_machine.travel(NOW, tick=False):
        world = world_with_secrets()
        client, _former_person = _former(world)
        if afterwards != "as_it_was":
            LocalEvent.objects.filter(pk=world.event.pk).update(status=LocalEvent.Status.CANCELLED)
            Campaign.objects.filter(pk=world.campaign.pk).update(status=Campaign.Status.ARCHIVED)
        data = FORGED | {
            "signup": world.signup.pk,
            "signups": [world.signup.pk],
            "attended": [world.signup.pk],
            "code": check_in_code(world.signup.token),
        }
        before = _state(world)
        for name, path in sorted(world.paths.items()):
            if world.signup.token in path:
                continue  # the attendee's own link: whoever holds it is them
            for method in ("get", "post"):
                response = getattr(client, method)(path, data)
                assert response.status_code < 500, (name, method)
                body = _body(response)
                for secret in SECRETS:
                    assert secret.encode() not in body, (name, method, secret)
                assert _state(world) == before, (name, method)


def test_a_code_read_at_one_door_checks_in_nobody_at_another():
    """An organizer of their own event, holding the check-in code of another event's attendee
    (a QR seen over a shoulder, a forwarded email), types it at their own door and at the
    other's: nobody is checked in anywhere, and the other event's person is never named."""
    with time_machine.travel(NOW, tick=False):
        world = world_with_secrets()
        organizer = UserFactory(email="deur@example.be")
        own = LocalEventFactory(
            campaign=world.campaign, city="Leuven", title="Wake in Leuven",
            starts_at=world.event.starts_at, ends_at=world.event.ends_at,
        )  # fmt: skip
        own.organizers.add(organizer)
        SignupFactory(event=own, name="Lien Peeters", email="lien@example.be")
        client = Client(raise_request_exception=False)
        client.force_login(organizer)
        code = check_in_code(world.signup.token)
        answers = [
            client.post(f"/en/check-in/events/{own.pk}/code/", {"code": code}, follow=True),
            client.get(f"/en/check-in/events/{own.pk}/code/{code}/"),
            client.post(f"/en/check-in/events/{world.event.pk}/code/", {"code": code}),
            client.get(f"/en/check-in/events/{world.event.pk}/code/{code}/"),
            client.post(
                f"/en/check-in/events/{own.pk}/people/{world.signup.pk}/check-in/", {"q": ""}
            ),
            client.post(
                f"/en/check-in/events/{world.event.pk}/walk-in/",
                {"name": "Aangemeld door een ander", "email": "vreemde@example.be"},
            ),
        ]
    assert b"No one at this event has the code" in answers[0].content
    assert answers[1].status_code == 200 and b"Lien" not in answers[1].content
    assert [a.status_code for a in answers[2:4]] == [403, 403]
    assert answers[5].status_code == 403
    for answer in answers:
        for secret in SECRETS[:2]:
            assert secret.encode() not in _body(answer)
    world.signup.refresh_from_db()
    assert world.signup.attended_at is None and world.signup.state == Signup.State.CONFIRMED
    assert not Signup.objects.filter(email="vreemde@example.be").exists()
    assert not own.signups.filter(attended_at__isnull=False).exists()
