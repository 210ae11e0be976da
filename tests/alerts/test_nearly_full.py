"""Organizers told once when their event is nearly full: a tenth or two places left."""

from datetime import timedelta

import pytest

from tests.factories import LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.alerts.models import NearlyFullNote
from turnout.alerts.nearly_full import is_nearly_full, queue_nearly_full_notes
from turnout.alerts.preferences import choose_frequency
from turnout.campaigns.models import LocalEvent
from turnout.signups.models import Signup

from .conftest import NOW, outbox_to

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("capacity", "places_left", "nearly_full"),
    [
        (100, 11, False),
        (100, 10, True),  # a tenth
        (100, 0, True),
        (15, 3, False),
        (15, 2, True),  # two, however small a tenth is
        (5, 2, True),
        (2, 2, False),  # nobody holds a place yet
        (2, 1, True),
        (1, 0, True),
        (0, 0, False),  # a capacity of nothing is not an event filling up
        (1000, 100, True),
        (1000, 101, False),
    ],
)
def test_what_counts_as_nearly_full(capacity, places_left, nearly_full):
    assert is_nearly_full(capacity=capacity, places_left=places_left) is nearly_full


def fill(event, count, state=Signup.State.CONFIRMED):
    for _ in range(count):
        SignupFactory(event=event, state=state)


def test_a_nearly_full_event_is_told_to_its_organizers_once(event):
    fill(event, 89)
    fill(event, 5, state=Signup.State.WAITLISTED)  # hold no place
    assert queue_nearly_full_notes(now=NOW) == 0
    fill(event, 1)
    assert queue_nearly_full_notes(now=NOW) == 2
    fill(event, 5)
    assert queue_nearly_full_notes(now=NOW + timedelta(minutes=5)) == 0  # once per event
    [note] = outbox_to("olga@example.org")
    assert note.subject == "Nearly full: March in Utrecht"
    assert "Your event is nearly full: 10 places left of 100." in note.body_text
    assert f"/en/dashboard/events/{event.pk}/edit/" in note.body_text
    [dutch] = outbox_to("otto@example.org")
    assert dutch.subject == "Bijna vol: March in Utrecht"
    assert "nog 10 plaatsen van de 100" in dutch.body_text
    assert outbox_to(event.campaign.coordinators.first().email) == []


def test_a_raised_capacity_that_fills_up_again_is_told_again(event):
    fill(event, 95)
    queue_nearly_full_notes(now=NOW)
    LocalEvent.objects.filter(pk=event.pk).update(capacity=120)
    assert queue_nearly_full_notes(now=NOW) == 0
    fill(event, 15)
    assert queue_nearly_full_notes(now=NOW) == 2
    assert sorted(NearlyFullNote.objects.values_list("capacity", flat=True)) == [100, 120]


def test_a_full_event_says_so_and_past_or_cancelled_ones_say_nothing(event, campaign):
    LocalEvent.objects.filter(pk=event.pk).update(capacity=3)
    fill(event, 3)
    queue_nearly_full_notes(now=NOW)
    [note] = outbox_to("olga@example.org")
    assert note.subject == "Full: March in Utrecht"
    assert "all 3 places are taken" in note.body_text

    for status, starts in (
        (LocalEvent.Status.CANCELLED, NOW + timedelta(days=3)),
        (LocalEvent.Status.APPROVED, NOW - timedelta(days=3)),
    ):
        other = LocalEventFactory(campaign=campaign, status=status, starts_at=starts, capacity=2)
        other.organizers.add(UserFactory(email=f"{status}@example.org"))
        fill(other, 2)
    assert queue_nearly_full_notes(now=NOW) == 0


def test_an_organizer_who_turned_it_off_is_not_told(event):
    olga = event.organizers.get(email="olga@example.org")
    choose_frequency(user=olga, kind="nearly_full", frequency="off")
    fill(event, 95)
    assert queue_nearly_full_notes(now=NOW) == 1
    assert outbox_to("olga@example.org") == []
