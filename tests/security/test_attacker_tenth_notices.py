"""The attacker's tenth round through the event's own edit form: every change of time or
place is emailed to everyone at the event, with the venue the organizer typed in it. An
organizer (anyone whose event was approved) moving the time back and forth in a loop, or
typing an advertisement as the venue again and again, would mail hundreds of people from the
site's address without end; a few changes an hour are announced, past that the edit is
refused in words and nothing of it is written."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from tests.factories import LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.notifications.models import OutboxMessage
from turnout.signups.change_notices import CHANGE_NOTICES_PER_HOUR
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 9, tzinfo=UTC)
PEOPLE = ["Paweł Nowak", "Agnieszka Wójcik", "Łukasz Zieliński"]


def _edit_data(**changes) -> dict:
    data = {
        "title": "Marsz dla Klimatu", "city": "Kraków", "country": "PL", "venue": "Rynek Główny",
        "day": "2030-05-13", "starts": "14:00", "ends": "16:00", "timezone": "Europe/Warsaw",
        "signup_method": "native",
    }  # fmt: skip
    data.update(changes)
    return data


def _event(*, with_people: bool = True):
    organizer = UserFactory(email="organizator@example.pl")
    event = LocalEventFactory(
        title="Marsz dla Klimatu", city="Kraków", country="PL", venue="Rynek Główny",
        timezone="Europe/Warsaw",
    )  # fmt: skip
    event.organizers.add(organizer)
    if with_people:
        for number, name in enumerate(PEOPLE):
            SignupFactory(event=event, name=name, email=f"osoba{number}@example.pl")
        SignupFactory(event=event, state=Signup.State.WAITLISTED, email="czeka@example.pl")
    client = Client()
    client.force_login(organizer)
    return event, client


def _venues(count: int) -> list[str]:
    return [f"TANIE ZEGARKI www.zegarki.example nr {n}" for n in range(count)]


def test_a_loop_of_new_venues_mails_the_people_a_few_times_and_then_is_refused():
    with time_machine.travel(NOW, tick=False):
        event, client = _event()
        path = f"/en/dashboard/events/{event.pk}/edit/"
        answers = [client.post(path, _edit_data(venue=venue)) for venue in _venues(10)]
    statuses = [answer.status_code for answer in answers]
    assert statuses == [302] * CHANGE_NOTICES_PER_HOUR + [200] * (10 - CHANGE_NOTICES_PER_HOUR)
    assert "Please try again in" in answers[-1].content.decode()
    event.refresh_from_db()
    assert event.venue == _venues(CHANGE_NOTICES_PER_HOUR)[-1]  # the refused ones wrote nothing
    informed = len(PEOPLE) + 1
    assert OutboxMessage.objects.count() == CHANGE_NOTICES_PER_HOUR * informed
    for number in range(len(PEOPLE)):
        assert OutboxMessage.objects.filter(to_email=f"osoba{number}@example.pl").count() == (
            CHANGE_NOTICES_PER_HOUR
        )


def test_moving_the_time_back_and_forth_is_bounded_the_same_way():
    with time_machine.travel(NOW, tick=False):
        event, client = _event()
        path = f"/en/dashboard/events/{event.pk}/edit/"
        for number in range(12):
            client.post(path, _edit_data(starts="14:00" if number % 2 else "15:00"))
    assert OutboxMessage.objects.count() == CHANGE_NOTICES_PER_HOUR * (len(PEOPLE) + 1)


def test_edits_that_tell_nobody_are_never_refused():
    with time_machine.travel(NOW, tick=False):
        event, client = _event(with_people=False)
        path = f"/en/dashboard/events/{event.pk}/edit/"
        statuses = {client.post(path, _edit_data(venue=v)).status_code for v in _venues(8)}
        people, client = _event()
        path = f"/en/dashboard/events/{people.pk}/edit/"
        # Only the title changes, eight times (the time is the event's own): no notice.
        titles = {
            client.post(
                path, _edit_data(title=f"Marsz dla Klimatu {n}", starts="13:00", ends="15:00")
            ).status_code
            for n in range(8)
        }
    assert statuses == {302}
    assert titles == {302}
    assert OutboxMessage.objects.count() == 0


def test_an_hour_later_a_real_change_is_announced_again():
    with time_machine.travel(NOW, tick=False) as clock:
        event, client = _event()
        path = f"/en/dashboard/events/{event.pk}/edit/"
        for venue in _venues(CHANGE_NOTICES_PER_HOUR + 2):
            client.post(path, _edit_data(venue=venue))
        clock.move_to(NOW + timedelta(hours=1, minutes=1))
        client.force_login(event.organizers.get())
        answer = client.post(path, _edit_data(venue="Plac Szczepański"))
    assert answer.status_code == 302
    assert LocalEvent.objects.get(pk=event.pk).venue == "Plac Szczepański"
    assert OutboxMessage.objects.count() == (CHANGE_NOTICES_PER_HOUR + 1) * (len(PEOPLE) + 1)


def test_one_events_loop_leaves_another_events_changes_open():
    with time_machine.travel(NOW, tick=False):
        event, client = _event()
        for venue in _venues(CHANGE_NOTICES_PER_HOUR + 3):
            client.post(f"/en/dashboard/events/{event.pk}/edit/", _edit_data(venue=venue))
        other = LocalEventFactory(city="Gdańsk", country="PL", timezone="Europe/Warsaw")
        other.organizers.add(event.organizers.get())
        SignupFactory(event=other, email="gdansk@example.pl")
        answer = client.post(
            f"/en/dashboard/events/{other.pk}/edit/",
            _edit_data(city="Gdańsk", venue="Długi Targ", title="Marsz w Gdańsku"),
        )
    assert answer.status_code == 302
    assert OutboxMessage.objects.filter(to_email="gdansk@example.pl").count() == 1
