"""The attacker's ninth round at the door: an organizer (anyone whose event was approved) who
types strangers' addresses in as walk-ins, by a sign-in sheet of 5000 rows or a script at the
walk-in form, then writes to "everyone at the event". Nobody confirmed those addresses, yet the
site writes to them (the follow-up, role asks, the organizers' messages): the door takes a
bounded number of them per event, refused whole and in words past it, and a walk-in who said
no to being contacted gets no organizer's message."""

from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.concurrency import ON_POSTGRESQL, all_at_once
from tests.factories import LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.checkin import services
from turnout.checkin.services import WALK_IN_ADDRESSES_PER_EVENT as BOUND
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup
from turnout.signups.services.privacy import erase_personal_data

pytestmark = pytest.mark.django_db

# Names in several scripts, as a real sheet of a march in a big city has them.
NAMES = ["Zoë de Vries", "Юлия Петрова", "محمد العلي", "李小龙", "Ngozi Okafor", "Ελένη Παππά"]


@pytest.fixture
def door():
    """An approved event half an hour before its start, and its organizer signed in."""
    event = LocalEventFactory(title="Klimaatmars Amsterdam", city="Amsterdam")
    organizer = UserFactory(email="organisator@example.org")
    event.organizers.add(organizer)
    client = Client(raise_request_exception=False)
    with time_machine.travel(event.starts_at - timedelta(minutes=30), tick=False):
        client.force_login(organizer)  # a session of the day: one from today would expire
        yield event, organizer, client


def _sheet(rows: int, *, start: int = 0, contact: str = "ja") -> SimpleUploadedFile:
    lines = ["naam;e-mail;contact;aanwezig"]
    lines += [
        f"{NAMES[n % len(NAMES)]} {n};vreemde{n}@example.net;{contact};x"
        for n in range(start, start + rows)
    ]
    return SimpleUploadedFile("sheet.csv", "\n".join(lines).encode(), content_type="text/csv")


def _upload(client: Client, event, sheet: SimpleUploadedFile):
    url = reverse("checkin:upload_sheet", kwargs={"pk": event.pk})
    answer = client.post(url, {"sheet": sheet})
    assert answer.status_code < 500
    return answer


def _walk_ins_with_an_address(event) -> int:
    return (
        Signup.objects.filter(event=event, source=Signup.Source.WALK_IN).exclude(email="").count()
    )


def test_a_sheet_of_thousands_of_strangers_addresses_is_refused_whole_in_words(door):
    event, _organizer, client = door
    answer = _upload(client, event, _sheet(5000))
    assert answer.status_code == 400
    assert "walk-ins with an email address" in answer.content.decode()
    assert not Signup.objects.filter(event=event).exists()


def test_a_sheet_just_past_the_bound_writes_no_row_and_one_within_it_all(door):
    event, _organizer, client = door
    assert _upload(client, event, _sheet(BOUND + 1)).status_code == 400
    assert not Signup.objects.filter(event=event).exists()
    assert _upload(client, event, _sheet(BOUND)).status_code == 303
    assert _walk_ins_with_an_address(event) == BOUND
    # The sheet typed in again adds nobody: every row is someone already there.
    assert _upload(client, event, _sheet(BOUND)).status_code == 303
    assert _walk_ins_with_an_address(event) == BOUND


def test_the_walk_in_form_in_a_loop_stops_at_the_bound_and_says_why(door):
    event, organizer, client = door
    for n in range(BOUND):
        services.add_walk_in(
            event=event,
            walk_in=services.WalkIn(name=f"Gast {n}", email=f"gast{n}@example.net"),
            by=organizer,
            now=event.starts_at - timedelta(minutes=30),
        )
    url = reverse("checkin:walk_in", kwargs={"pk": event.pk})
    answer = client.post(
        url, {"name": "Nog één", "email": "nog.een@example.net", "may_contact": "on"}, follow=True
    )
    assert answer.status_code < 500
    assert "walk-ins with an email address" in answer.content.decode()
    assert not Signup.objects.filter(email="nog.een@example.net").exists()
    assert _walk_ins_with_an_address(event) == BOUND


def test_past_the_bound_the_door_still_lets_people_in_without_an_address(door):
    event, organizer, client = door
    _upload(client, event, _sheet(BOUND))
    answer = _upload(
        client, event, SimpleUploadedFile("s.csv", "naam\nАнна\nJoão\n".encode(), "text/csv")
    )
    assert answer.status_code == 303
    assert Signup.objects.filter(event=event, name__in=["Анна", "João"]).count() == 2
    # Someone already signed up is checked in by their address whatever the bound.
    ada = SignupFactory(event=event, email="ada@example.org", state=Signup.State.CONFIRMED)
    arrival = services.add_walk_in(
        event=event,
        walk_in=services.WalkIn(name="Ada", email="ADA@example.org"),
        by=organizer,
        now=event.starts_at,
    )
    assert arrival.signup == ada
    assert Signup.objects.get(pk=ada.pk).state == Signup.State.ATTENDED


def test_a_walk_in_who_said_no_to_contact_gets_no_organizers_message(door):
    event, organizer, client = door
    SignupFactory(event=event, email="aangemeld@example.org", state=Signup.State.CONFIRMED)
    for email, may_contact in [("ja@example.net", True), ("nee@example.net", False)]:
        services.add_walk_in(
            event=event,
            walk_in=services.WalkIn(name=email, email=email, may_contact=may_contact),
            by=organizer,
            now=event.starts_at,
        )
    path = reverse("signups:attendee_message", kwargs={"pk": event.pk})
    assert client.get(path).context["recipients"] == 2  # the page counts whom it reaches
    answer = client.post(path, {"subject": "Bedankt!", "body": "Foto's staan online."})
    assert answer.status_code == 302
    mailed = set(OutboxMessage.objects.values_list("to_email", flat=True))
    assert mailed == {"aangemeld@example.org", "ja@example.net"}


def _on_postgresql(test):
    for mark in ON_POSTGRESQL:
        test = mark(test)
    return test


@_on_postgresql
def test_two_phones_adding_walk_ins_at_once_never_pass_the_bound(monkeypatch):
    monkeypatch.setattr(services, "WALK_IN_ADDRESSES_PER_EVENT", 3)
    event = LocalEventFactory()
    phones = UserFactory.create_batch(2)
    event.organizers.add(*phones)
    now = event.starts_at - timedelta(minutes=20)

    def adding(n: int, phone):
        return lambda: services.add_walk_in(
            event=event,
            walk_in=services.WalkIn(name=f"Bezoeker {n}", email=f"bezoeker{n}@example.net"),
            by=phone,
            now=now,
        )

    refused = all_at_once([adding(n, phones[n % 2]) for n in range(8)])
    assert _walk_ins_with_an_address(event) == 3
    assert len(refused) == 5


def test_an_erased_persons_arrival_cannot_be_undone_by_their_old_id(door):
    """Erasure keeps the signup's state so the event's counts stay right; the door's undo,
    posted with the old id, would change it all the same."""
    event, organizer, client = door
    signup = SignupFactory(event=event, email="weg@example.nl", state=Signup.State.CONFIRMED)
    services.check_in(event=event, signup_id=signup.pk, by=organizer, now=event.starts_at)
    erase_personal_data(email="weg@example.nl", now=event.starts_at)
    url = reverse("checkin:undo", kwargs={"pk": event.pk, "signup_pk": signup.pk})
    assert client.post(url).status_code == 303
    assert Signup.objects.get(pk=signup.pk).state == Signup.State.ATTENDED
