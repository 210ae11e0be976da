"""The attacker's seventh round from inside the campaign: the organizer of another event of
the same campaign, signed in, who is no coordinator. Earlier rounds sent people of another
campaign; this one shares the campaign's slug, pages and queues, and must still reach none of
the world event's people and change none of its rows."""

import pytest
import time_machine
from django.test import Client

from tests.factories import LocalEventFactory, UserFactory
from tests.security.world import NOW, build_world
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.followup.models import FollowUp, SurveyAnswer
from turnout.media.models import Photo
from turnout.press.models import PressMention
from turnout.roles.models import EventRole, RoleAssignment
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

# What the world's attendee wrote down that only the event's organizers and the campaign's
# coordinators may read.
SECRETS = ("zoe.verborgen@example.org", "Verborgen", "612345678", "rolstoel bij de ingang")


def _state(world) -> tuple:
    return (
        sorted(map(str, Signup.objects.filter(event=world.event).values_list())),
        sorted(map(str, LocalEvent.objects.filter(pk=world.event.pk).values_list())),
        sorted(map(str, EventRole.objects.filter(event=world.event).values_list())),
        sorted(map(str, RoleAssignment.objects.values_list())),
        sorted(map(str, Photo.objects.values_list())),
        sorted(map(str, PressMention.objects.values_list())),
        sorted(map(str, SurveyAnswer.objects.values_list())),
        sorted(world.event.organizers.values_list("pk", flat=True)),
        sorted(world.campaign.coordinators.values_list("pk", flat=True)),
    )


def _sibling(world):
    """An organizer of another event of the world's campaign, with an attendee of their own."""
    sibling = UserFactory(email="organisator.gent@example.be", name="Jef")
    own = LocalEventFactory(campaign=world.campaign, city="Gent", title="Wake in Gent")
    own.organizers.add(sibling)
    SignupFactory(event=own, name="Lien Peeters", email="lien@example.be")
    return sibling, own


def _world_with_secrets():
    world = build_world()
    signup = world.signup
    signup.name = "Zoë Verborgen"
    signup.email = SECRETS[0]
    signup.phone = "+31612345678"
    signup.save()
    FollowUp.objects.create(signup=signup, kind=FollowUp.Kind.ATTENDED, sent_at=NOW)
    SurveyAnswer.objects.create(
        signup=signup,
        how_was_it=2,
        would_come_again="maybe",
        comment="Zet de rolstoel bij de ingang, bel me: 06-12345678",
        answered_at=NOW,
    )
    return world


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_organizer_of_a_sibling_event_reads_and_changes_nothing_of_the_world_event():
    """Every address of the site, as the world has it, read and posted to by the sibling."""
    with time_machine.travel(NOW, tick=False):
        world = _world_with_secrets()
        sibling, _own = _sibling(world)
        client = Client(raise_request_exception=False)
        client.force_login(sibling)
        before = _state(world)
        data = {
            "signup": world.signup.pk,
            "signups": [world.signup.pk],
            "attended": [world.signup.pk],
            "decision": "approve",
            "subject": "Nieuws",
            "body": "Kom allemaal",
            "q": "Zo",
            "email": "jef.tweede@example.be",
        }
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


def test_a_sibling_organizers_own_pages_show_their_own_people_only():
    """Their attendee list, export, door and answers are theirs: Lien, never Zoë."""
    with time_machine.travel(NOW, tick=False):
        world = _world_with_secrets()
        sibling, own = _sibling(world)
        client = Client(raise_request_exception=False)
        client.force_login(sibling)
        pages = [
            f"/en/signups/events/{own.pk}/attendees/",
            f"/en/signups/events/{own.pk}/attendees.csv",
            f"/en/check-in/events/{own.pk}/?q=Zo",
            f"/en/follow-up/event/{own.pk}/",
            f"/en/share/events/{own.pk}/",
            f"/en/roles/events/{own.pk}/",
        ]
        answers = {path: client.get(path) for path in pages}
    assert answers[pages[0]].status_code == 200
    assert b"Lien Peeters" in _body(answers[pages[0]])
    for path, response in answers.items():
        for secret in SECRETS:
            assert secret.encode() not in _body(response), (path, secret)
