"""The attacker's eleventh round through a group's recurring meet-ups, whose dates are events
made by the series, not by the dashboard's forms where earlier rounds looked.

The tenth round bounded how often an organizer's edits of an event email its people, but only
in the dashboard's event form. A meet-up's lead (anyone the coordinators made a group's lead)
edits a date on another page, "only this date" or "this date and the following"; typing an
advertisement as the venue in a loop there mailed everyone signed up to the date, and everyone
of every coming date, without end. Now the same bound holds there: a few notices an hour per
date, past that the edit is refused in words and nothing of it is written; the horizon job,
which is nobody's edit, is never refused.

Each date's organizers are the group's leads when the date is made. A lead whose role was
taken away stayed an organizer of every date already made, weeks ahead: the attendee list with
addresses and phone numbers, its export, messages to everyone and the door, for everyone who
signed up later. Now a former lead leaves the coming dates, however the role was taken away."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.groups.factories import LocalGroupFactory
from tests.meetups.conftest import make_series
from tests.meetups.test_views import form_data as series_form
from tests.signups.factories import SignupFactory
from turnout.meetups.models import MeetupSeries
from turnout.meetups.services import sync_all_series
from turnout.notifications.models import OutboxMessage
from turnout.signups.change_notices import CHANGE_NOTICES_PER_HOUR

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
# Polish members of a group in Utrecht, signed up to its dates.
PEOPLE = ["Zofia Kamińska", "Jakub Lewandowski", "Oliwia Dąbrowska"]


@pytest.fixture
def meetup():
    """A fortnightly series whose first two dates have people signed up, and its lead."""
    with time_machine.travel(NOW, tick=False):
        lead = UserFactory(email="lidia@example.pl", name="Lidia Mazur")
        group = LocalGroupFactory(city="Utrecht", slug="utrecht-pl")
        group.leads.add(lead)
        series = make_series(group, lead)
        first, second = series.occurrences.order_by("recurrence_id")[:2]
        for number, name in enumerate(PEOPLE):
            SignupFactory(event=first.event, name=name, email=f"czlonek{number}@example.pl")
        SignupFactory(event=second.event, email="druga@example.pl")
        client = Client()
        client.force_login(lead)
        yield series, first, second, client


def _date(venue: str, start: str = "19:00") -> dict:
    return {
        "title": "Open meeting", "day": "2030-03-05", "start_time": start,
        "duration_minutes": "120", "venue": venue, "address": "", "description": "",
    }  # fmt: skip


def _adverts(count: int) -> list[str]:
    return [f"TANIE KREDYTY www.kredyty.example nr {n}" for n in range(count)]


def test_a_loop_of_venues_on_one_date_mails_its_people_a_few_times_then_is_refused(meetup):
    series, first, _second, client = meetup
    path = reverse("meetups:occurrence_edit", args=[series.pk, first.pk])
    with time_machine.travel(NOW, tick=False):
        answers = [client.post(path, _date(venue)) for venue in _adverts(10)]
    statuses = [answer.status_code for answer in answers]
    assert statuses == [302] * CHANGE_NOTICES_PER_HOUR + [200] * (10 - CHANGE_NOTICES_PER_HOUR)
    assert "Please try again in" in answers[-1].content.decode()
    first.event.refresh_from_db()
    assert first.event.venue == _adverts(CHANGE_NOTICES_PER_HOUR)[-1]  # refused ones wrote nothing
    for number in range(len(PEOPLE)):
        sent = OutboxMessage.objects.filter(to_email=f"czlonek{number}@example.pl").count()
        assert sent == CHANGE_NOTICES_PER_HOUR


def test_moving_one_dates_time_back_and_forth_is_bounded_the_same_way(meetup):
    series, first, _second, client = meetup
    path = reverse("meetups:occurrence_edit", args=[series.pk, first.pk])
    with time_machine.travel(NOW, tick=False):
        for number in range(12):
            client.post(path, _date("Library", start="19:00" if number % 2 else "20:00"))
    assert OutboxMessage.objects.count() == CHANGE_NOTICES_PER_HOUR * len(PEOPLE)


def test_a_loop_of_this_date_and_the_following_is_bounded_too(meetup):
    series, first, _second, client = meetup
    with time_machine.travel(NOW, tick=False):
        for venue in _adverts(10):
            # The first date: "this and the following" edits the whole series, which is kept.
            path = reverse("meetups:occurrence_following", args=[series.pk, first.pk])
            client.post(path, series_form(venue=venue))
    assert MeetupSeries.objects.count() == 1
    first.event.refresh_from_db()
    assert first.event.venue == _adverts(CHANGE_NOTICES_PER_HOUR)[-1]
    assert OutboxMessage.objects.filter(to_email="druga@example.pl").count() == (
        CHANGE_NOTICES_PER_HOUR
    )
    assert OutboxMessage.objects.count() == CHANGE_NOTICES_PER_HOUR * (len(PEOPLE) + 1)


def test_an_hour_later_a_real_change_is_announced_again(meetup):
    series, first, _second, client = meetup
    path = reverse("meetups:occurrence_edit", args=[series.pk, first.pk])
    with time_machine.travel(NOW, tick=False) as clock:
        for venue in _adverts(CHANGE_NOTICES_PER_HOUR + 2):
            client.post(path, _date(venue))
        clock.move_to(NOW + timedelta(hours=1, minutes=1))
        answer = client.post(path, _date("Biblioteka Miejska"))
    assert answer.status_code == 302
    first.event.refresh_from_db()
    assert first.event.venue == "Biblioteka Miejska"


def test_edits_of_a_date_nobody_signed_up_to_and_the_horizon_job_are_never_refused(meetup):
    series, _first, _second, client = meetup
    third = series.occurrences.order_by("recurrence_id")[2]
    path = reverse("meetups:occurrence_edit", args=[series.pk, third.pk])
    with time_machine.travel(NOW, tick=False):
        statuses = {
            client.post(path, {**_date(venue), "day": "2030-04-02"}).status_code
            for venue in _adverts(8)
        }
        for _ in range(8):
            sync_all_series(now=NOW)
    assert statuses == {302}
    assert OutboxMessage.objects.count() == 0


# -- a lead who is a lead no more ---------------------------------------------------------------
# A series gives each of its dates the group's leads as organizers, when the date is made: they
# see its people (names, addresses, phone numbers), export and write to them. Taking the lead
# role away left all of that with the former lead for every date already made, weeks ahead,
# and for everyone who signed up to them afterwards.


def _attendee_pages(event) -> list[str]:
    return [
        f"/en/signups/events/{event.pk}/attendees/",
        f"/en/signups/events/{event.pk}/attendees.csv",
        f"/en/signups/events/{event.pk}/attendees/message/",
        f"/en/check-in/events/{event.pk}/",
    ]


@pytest.fixture
def led_group():
    """A local group with two leads, a lead of its national group, and a series of dates."""
    with time_machine.travel(NOW, tick=False):
        admin = UserFactory(email="beheer@example.nl", is_staff=True, is_superuser=True)
        leaving = UserFactory(email="vertrekt@example.nl", name="Bram de Vries")
        staying = UserFactory(email="blijft@example.nl", name="Fatima El Amrani")
        national = UserFactory(email="landelijk@example.nl", name="Sanne Jansen")
        group = LocalGroupFactory(city="Utrecht", slug="utrecht-leads")
        group.leads.add(leaving, staying, national)
        group.parent.leads.add(national)
        series = make_series(group, staying)
        dates = list(series.occurrences.order_by("recurrence_id"))
        for occurrence in dates:
            assert {leaving, staying, national} <= set(occurrence.event.organizers.all())
        yield admin, leaving, staying, national, group, dates


def _revoke(admin, person, group) -> None:
    from turnout.accounts import roles

    assert roles.revoke_role(actor=admin, person=person, role=roles.Role.LEAD, obj=group)


def _statuses(person, event) -> list[int]:
    client = Client()
    client.force_login(person)
    return [client.get(path).status_code for path in _attendee_pages(event)]


# Every way the lead role is taken away: the roles page, the admin's form of the group
# (which sets the leads), the person's side of the relation, and clearing every lead.
TAKING_AWAY = {
    "roles page": lambda admin, person, group: _revoke(admin, person, group),
    "group form": lambda admin, person, group: group.leads.set(group.leads.exclude(pk=person.pk)),
    "persons side": lambda admin, person, group: person.led_groups.remove(group),
    "all cleared": lambda admin, person, group: group.leads.clear(),
}


@pytest.mark.parametrize("how", TAKING_AWAY)
def test_a_former_lead_reaches_nobody_of_the_coming_dates(led_group, how):
    admin, leaving, _staying, _national, group, dates = led_group
    with time_machine.travel(NOW, tick=False):
        TAKING_AWAY[how](admin, leaving, group)
        later = dates[-1].event
        SignupFactory(event=later, name="Noor Bakker", email="noor@example.nl", phone="0612345678")
        answers = _statuses(leaving, later)
    assert all(status in (403, 404) for status in answers), answers
    assert not later.organizers.filter(pk=leaving.pk).exists()


def test_the_leads_who_stay_and_a_national_lead_keep_the_dates(led_group):
    admin, leaving, staying, national, group, dates = led_group
    with time_machine.travel(NOW, tick=False):
        _revoke(admin, leaving, group)
        _revoke(admin, national, group)  # no longer leads locally, still leads the country
        answers = {who: _statuses(who, dates[1].event) for who in (staying, national)}
    assert answers == {staying: [200] * 4, national: [200] * 4}
    assert set(dates[1].event.organizers.all()) == {staying, national}


def test_a_former_leads_past_dates_and_other_groups_are_left_as_they_were(led_group):
    admin, leaving, _staying, _national, group, dates = led_group
    other = LocalGroupFactory(city="Amersfoort", slug="amersfoort")
    other.leads.add(leaving)
    with time_machine.travel(NOW, tick=False):
        elsewhere = make_series(other, leaving).occurrences.first().event
    with time_machine.travel(dates[0].event.ends_at + timedelta(hours=1), tick=False):
        _revoke(admin, leaving, group)
    assert dates[0].event.organizers.filter(pk=leaving.pk).exists()  # the one they led
    assert not dates[1].event.organizers.filter(pk=leaving.pk).exists()
    assert elsewhere.organizers.filter(pk=leaving.pk).exists()
