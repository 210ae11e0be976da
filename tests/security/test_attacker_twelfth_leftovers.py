"""The attacker's twelfth round, starting with what the eleventh left.

Bidi overrides ("\\u202e" turns the rest of its paragraph around: "Trojan Source") were taken out
of an event's description, but a meet-up series' description, which every one of its dates
copies and which its own page shows, kept them; so did the organizer's texts that only
participants read (the instructions, the accessibility note, "if you get separated"), where a
phone number or a meeting place is exactly what an override would turn around. Now those
texts keep their lines and their right-to-left words but none of the overrides.

The eleventh round made a former lead leave a group's coming dates; a new lead did not join
them. A date's organizers are the leads when the series makes it (weeks ahead, by the
horizon), so the person the coordinators chose to run the group could not see the people, the
door or the messages of any date already made. Now a new lead joins the coming dates,
however the role is given; dates already over are left as they were."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import LocalEventFactory, UserFactory
from tests.groups.factories import LocalGroupFactory
from tests.meetups.conftest import NOW, make_series
from tests.meetups.test_views import form_data as series_form
from turnout.accounts import roles
from turnout.campaigns.day_details import DAY_TEXTS, apply_day_details
from turnout.campaigns.models import LocalEvent
from turnout.meetups.models import MeetupSeries
from turnout.meetups.services import without_overrides

pytestmark = pytest.mark.django_db

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"

# A Turkish-Dutch group's text: a phone number written backwards behind an override, an Arabic
# slogan in isolates.
WRITTEN = (
    "Elke dinsdag in de bibliotheek.\r\n\r\n"
    "Bilgi için arayın: \u202e87 65 43 21 60\u202c\n"
    "\u2067لا للحرب\u2069 – neem een bord mee."
)
STORED = (
    "Elke dinsdag in de bibliotheek.\n\n"
    "Bilgi için arayın: 87 65 43 21 60\n"
    "لا للحرب – neem een bord mee."
)


@pytest.fixture
def lead_client():
    with time_machine.travel(NOW, tick=False):
        lead = UserFactory(email="ayse@example.nl", name="Ayşe Yılmaz")
        group = LocalGroupFactory(city="Rotterdam", slug="rotterdam-tr")
        group.leads.add(lead)
        client = Client()
        client.force_login(lead)
        yield lead, group, client


def test_a_series_description_reaches_the_series_and_its_dates_without_an_override(lead_client):
    _lead, group, client = lead_client
    with time_machine.travel(NOW, tick=False):
        answer = client.post(
            reverse("meetups:series_create", args=[group.slug]),
            series_form(description=WRITTEN, city="Rotterdam"),
        )
        assert answer.status_code == 302, answer.content.decode()[:2000]
        series = MeetupSeries.objects.get()
        page = client.get(reverse("meetups:series_detail", args=[series.pk])).content.decode()
    assert series.description == STORED
    descriptions = {o.event.description for o in series.occurrences.select_related("event")}
    assert descriptions == {STORED}
    assert not set(BIDI) & set(page)


def test_one_dates_description_is_stored_without_an_override(lead_client):
    lead, group, client = lead_client
    with time_machine.travel(NOW, tick=False):
        series = make_series(group, lead)
        first = series.occurrences.order_by("recurrence_id").first()
        client.post(
            reverse("meetups:occurrence_edit", args=[series.pk, first.pk]),
            {
                "title": "Open meeting", "day": "2030-03-05", "start_time": "19:00",
                "duration_minutes": "120", "venue": "Library", "address": "",
                "description": WRITTEN,
            },
        )  # fmt: skip
    first.event.refresh_from_db()
    assert first.event.description == STORED


@pytest.mark.parametrize("field", DAY_TEXTS)
def test_an_organizers_private_texts_are_stored_without_an_override(field):
    with time_machine.travel(NOW, tick=False):
        organizer = UserFactory(email="organisatie@example.nl")
        event = LocalEventFactory(city="Rotterdam", country="NL", timezone="Europe/Amsterdam")
        event.organizers.add(organizer)
        client = Client()
        client.force_login(organizer)
        answer = client.post(
            f"/en/dashboard/events/{event.pk}/edit/",
            {
                "title": "Vredeswake Rotterdam", "city": "Rotterdam", "country": "NL",
                "venue": "Binnenrotte", "day": "2030-05-13", "starts": "14:00", "ends": "16:00",
                "timezone": "Europe/Amsterdam", "signup_method": "native", field: WRITTEN,
            },
        )  # fmt: skip
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert getattr(LocalEvent.objects.get(pk=event.pk), field) == STORED


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=60))
def test_no_series_or_day_text_keeps_an_override_or_loses_a_word(text):
    event = LocalEvent()
    apply_day_details(event, dict.fromkeys(DAY_TEXTS, text))
    stored = [without_overrides({"description": text})["description"]]
    stored += [getattr(event, name) for name in DAY_TEXTS]
    words = [w for w in text.translate(dict.fromkeys(map(ord, BIDI))).split() if w.isprintable()]
    for value in stored:
        assert not set(BIDI) & set(value)
        assert all(word in value for word in words)


# -- a new lead ---------------------------------------------------------------------------------


def _attendee_pages(event) -> list[str]:
    return [
        f"/en/signups/events/{event.pk}/attendees/",
        f"/en/signups/events/{event.pk}/attendees.csv",
        f"/en/signups/events/{event.pk}/attendees/message/",
        f"/en/check-in/events/{event.pk}/",
    ]


def _statuses(person, event) -> list[int]:
    client = Client()
    client.force_login(person)
    return [client.get(path).status_code for path in _attendee_pages(event)]


GIVING = {
    "roles page": lambda admin, person, group: roles.grant_role(
        actor=admin, person=person, role=roles.Role.LEAD, obj=group
    ),
    "group form": lambda admin, person, group: group.leads.set([*group.leads.all(), person]),
    "persons side": lambda admin, person, group: person.led_groups.add(group),
}


@pytest.mark.parametrize("how", GIVING)
def test_a_new_lead_runs_the_coming_dates_already_made(how):
    with time_machine.travel(NOW, tick=False):
        admin = UserFactory(email="beheer@example.nl", is_staff=True, is_superuser=True)
        first_lead = UserFactory(email="eerste@example.nl")
        newcomer = UserFactory(email="nieuw@example.nl", name="Mehmet Demir")
        group = LocalGroupFactory(city="Rotterdam", slug="rotterdam-nieuw")
        group.leads.add(first_lead)
        series = make_series(group, first_lead)
        later = series.occurrences.order_by("recurrence_id").last().event
        assert _statuses(newcomer, later) != [200] * 4
        GIVING[how](admin, newcomer, group)
        answers = _statuses(newcomer, later)
    assert answers == [200] * 4
    assert later.organizers.filter(pk=newcomer.pk).exists()


def test_a_new_lead_is_not_made_organizer_of_dates_over_or_of_other_groups():
    with time_machine.travel(NOW, tick=False):
        first_lead = UserFactory(email="eerste@example.nl")
        newcomer = UserFactory(email="nieuw@example.nl")
        group = LocalGroupFactory(city="Rotterdam", slug="rotterdam-oud")
        other = LocalGroupFactory(city="Delft", slug="delft")
        group.leads.add(first_lead)
        other.leads.add(first_lead)
        dates = [o.event for o in make_series(group, first_lead).occurrences.order_by("pk")]
        elsewhere = make_series(other, first_lead).occurrences.first().event
    with time_machine.travel(dates[0].ends_at + timedelta(hours=1), tick=False):
        group.leads.add(newcomer)
    assert not dates[0].organizers.filter(pk=newcomer.pk).exists()
    assert all(event.organizers.filter(pk=newcomer.pk).exists() for event in dates[1:])
    assert not elsewhere.organizers.filter(pk=newcomer.pk).exists()
