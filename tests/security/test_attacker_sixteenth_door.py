"""The attacker's sixteenth round at the door, as an organizer of one event. The walk-in form
and a filled sheet check in whoever has the address typed, whatever their signup's state: a
person who cancelled, or an address someone typed on the public form and nobody confirmed.
"Undo" (and unticking on the attendance page) then turned every one of them into a confirmed
participant holding a place: the cancelled person got the reminders and the organizers'
messages they had stopped, and an unconfirmed address became one the site writes to. An undone
arrival now leaves a person as they were before it; a check-in by mistake of someone who did
hold a place still gives the place back (tests/checkin/)."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from tests.factories import LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.checkin.selectors import door_counts
from turnout.signups.models import Signup
from turnout.signups.selectors import messageable_attendees
from turnout.signups.services.registration import cancel_signup

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return LocalEventFactory(title="Klimaatmars Utrecht", city="Utrecht", capacity=40)


@pytest.fixture
def organizer(event):
    user = UserFactory(email="deur@example.org")
    event.organizers.add(user)
    return user


def _door(organizer) -> Client:
    """The organizer's phone, signed in at the door (sessions are dated by the clock)."""
    client = Client()
    client.force_login(organizer)
    return client


def _walk_in_then_undo(organizer, event, email: str) -> Signup:
    """The organizer types `email` at the walk-in form, sees the wrong person, taps Undo."""
    door = _door(organizer)
    added = door.post(
        reverse("checkin:walk_in", kwargs={"pk": event.pk}),
        {"name": "Someone", "email": email, "form_key": email},
    )
    assert added.status_code == 303
    signup = Signup.objects.get(event=event, email=email)
    assert signup.state == Signup.State.ATTENDED  # the door checks them in, as it says
    door.post(reverse("checkin:undo", kwargs={"pk": event.pk, "signup_pk": signup.pk}))
    signup.refresh_from_db()
    return signup


def test_undoing_the_check_in_of_someone_who_cancelled_leaves_them_cancelled(event, organizer):
    beatriz = SignupFactory(event=event, name="Beatriz Gómez", email="beatriz@example.es")
    cancel_signup(token=beatriz.token, now=event.starts_at - timedelta(days=3))
    with time_machine.travel(event.starts_at - timedelta(minutes=30), tick=False):
        undone = _walk_in_then_undo(organizer, event, "beatriz@example.es")
    assert undone.state == Signup.State.CANCELLED
    assert undone.attended_at is None
    assert beatriz.pk not in {signup.pk for signup in messageable_attendees(event)}
    assert door_counts(event).expected == 0


def test_undoing_the_check_in_of_an_unconfirmed_address_gives_it_no_place(event, organizer):
    SignupFactory(
        event=event,
        name="Чжан Вэй",
        email="zhang.wei@example.cn",
        state=Signup.State.AWAITING_CONFIRMATION,
    )
    with time_machine.travel(event.starts_at - timedelta(minutes=30), tick=False):
        undone = _walk_in_then_undo(organizer, event, "zhang.wei@example.cn")
    assert undone.state == Signup.State.AWAITING_CONFIRMATION
    assert undone.confirmed_at is None
    assert messageable_attendees(event).filter(pk=undone.pk).count() == 0


def test_unticking_on_the_attendance_page_leaves_a_cancelled_person_cancelled(event, organizer):
    kwame = SignupFactory(event=event, name="Kwame Mensah", email="kwame@example.gh")
    cancel_signup(token=kwame.token, now=event.starts_at - timedelta(days=1))
    stays = SignupFactory(event=event, name="Ingrid Solberg", email="ingrid@example.no")
    with time_machine.travel(event.starts_at + timedelta(minutes=30), tick=False):
        door = _door(organizer)
        door.post(
            reverse("checkin:walk_in", kwargs={"pk": event.pk}),
            {"name": "Kwame", "email": "kwame@example.gh", "form_key": "k1"},
        )
        door.post(
            reverse("checkin:check_in", kwargs={"pk": event.pk, "signup_pk": stays.pk}),
        )
        # Nobody ticked: both arrivals are taken back.
        door.post(reverse("signups:attendance", kwargs={"pk": event.pk}), {})
    kwame.refresh_from_db()
    stays.refresh_from_db()
    assert kwame.state == Signup.State.CANCELLED
    assert stays.state == Signup.State.CONFIRMED  # held a place, keeps it


def test_undoing_the_check_in_of_someone_waiting_puts_them_back_on_the_waitlist(organizer):
    event = LocalEventFactory(title="Fahrraddemo Köln", city="Köln", capacity=1)
    event.organizers.add(organizer)
    SignupFactory(event=event, name="Jonas Weber", email="jonas@example.de")
    waiting = SignupFactory(
        event=event,
        name="Fatima Zahra",
        email="fatima@example.ma",
        state=Signup.State.WAITLISTED,
        waitlisted_at=event.starts_at - timedelta(days=5),
    )
    with time_machine.travel(event.starts_at - timedelta(minutes=30), tick=False):
        undone = _walk_in_then_undo(organizer, event, "fatima@example.ma")
    assert undone.state == Signup.State.WAITLISTED  # not ahead of the queue, not over capacity
    assert messageable_attendees(event).filter(pk=waiting.pk).count() == 0


def test_someone_promoted_from_the_waitlist_keeps_their_place_after_an_undo(organizer):
    event = LocalEventFactory(title="Marcha por el clima Sevilla", city="Sevilla", capacity=2)
    event.organizers.add(organizer)
    SignupFactory(event=event, name="Lucía Romero", email="lucia@example.es")
    promoted = SignupFactory(
        event=event,
        name="Mateo Ruiz",
        email="mateo@example.es",
        waitlisted_at=event.starts_at - timedelta(days=5),
    )
    with time_machine.travel(event.starts_at - timedelta(minutes=30), tick=False):
        door = _door(organizer)
        for _ in range(3):  # walk-ins do not take booked places
            door.post(
                reverse("checkin:walk_in", kwargs={"pk": event.pk}),
                {"name": "Passer-by", "email": ""},
            )
        door.post(reverse("checkin:check_in", kwargs={"pk": event.pk, "signup_pk": promoted.pk}))
        door.post(reverse("checkin:undo", kwargs={"pk": event.pk, "signup_pk": promoted.pk}))
    promoted.refresh_from_db()
    assert promoted.state == Signup.State.CONFIRMED


@pytest.mark.xfail(
    strict=True,
    reason="The door merges a walk-in into an unconfirmed signup with the same address, which "
    "then counts as a confirmed attendee: messaged and followed up whatever was said at the "
    "door, and outside WALK_IN_ADDRESSES_PER_EVENT. Needs a rule for 'an address nobody "
    "confirmed' shared by the door, messages and follow-ups (see the report).",
)
def test_an_unconfirmed_address_checked_in_at_the_door_is_no_more_reachable_than_a_walk_in(
    event, organizer
):
    # Typed on the public form by someone else; its owner never clicked the confirmation.
    typed = SignupFactory(
        event=event,
        name="Hà Thị Lan",
        email="ha.lan@example.vn",
        state=Signup.State.AWAITING_CONFIRMATION,
        wants_updates=False,
    )
    with time_machine.travel(event.starts_at - timedelta(minutes=30), tick=False):
        door = _door(organizer)
        door.post(  # "may we contact them?" left unticked
            reverse("checkin:walk_in", kwargs={"pk": event.pk}),
            {"name": "Hà Thị Lan", "email": "ha.lan@example.vn", "form_key": "lan"},
        )
    typed.refresh_from_db()
    assert typed.state == Signup.State.ATTENDED
    assert messageable_attendees(event).filter(pk=typed.pk).count() == 0
