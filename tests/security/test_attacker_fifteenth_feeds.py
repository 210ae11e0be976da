"""The attacker's fifteenth round at the calendar feeds, reading what an administrator took
off the site: one date of a group's recurring meet-up, edited by a lead into a text nobody
should publish ("only this date") and then hidden by an administrator (status "rejected" in
the back office). Its page is gone; the group's feed, the all-events feed and the country
feed give a series as one master VEVENT with its RRULE plus an override per date edited on
its own, and gave the hidden date's override (its text) and, through the rule, the date
itself to every subscribed calendar. A hidden date is now left out as a cancelled one is
(an EXDATE), with none of its text; the other dates keep coming."""

from datetime import date

import pytest
import recurring_ical_events
import time_machine
from django.test import Client
from icalendar import Calendar

from tests.factories import UserFactory
from tests.groups.factories import LocalGroupFactory
from tests.meetups.conftest import NOW, make_series
from turnout.campaigns.models import LocalEvent
from turnout.meetups.services import edit_occurrence

pytestmark = pytest.mark.django_db

FEEDS = ["/feeds/groups/gent.ics", "/feeds/events.ics", "/feeds/countries/BE.ics"]
HIDDEN_TITLE = "Kom allemaal naar het adres van de burgemeester"


def _hidden_date_world():
    lead = UserFactory(email="trekker@example.be", name="Wout", language="nl")
    group = LocalGroupFactory(city="Gent", country="BE", slug="gent")
    group.leads.add(lead)
    series = make_series(
        group, lead, title="Open vergadering", city="Gent", country="BE",
        venue="Bibliotheek De Krook", address="Miriam Makebaplein 1", timezone="Europe/Brussels",
    )  # fmt: skip
    occurrences = list(series.occurrences.order_by("recurrence_id"))
    hidden = occurrences[1]
    values = {
        "title": HIDDEN_TITLE, "description": "Neem verf mee.", "venue": "Bibliotheek De Krook",
        "address": "Miriam Makebaplein 1", "city": "Gent", "country": "BE",
        "attendance_mode": "in_person", "meeting_url": "", "capacity": None,
    }  # fmt: skip
    hidden = edit_occurrence(occurrence=hidden, values=values, now=NOW)
    LocalEvent.objects.filter(pk=hidden.event_id).update(status=LocalEvent.Status.REJECTED)
    return series, occurrences, hidden


def _dates(calendar: Calendar) -> set[date]:
    found = recurring_ical_events.of(calendar).between(date(2030, 1, 1), date(2030, 9, 1))
    return {event.decoded("DTSTART").date() for event in found}


def test_a_hidden_date_of_a_series_reaches_no_feed():
    with time_machine.travel(NOW, tick=False):
        series, occurrences, hidden = _hidden_date_world()
        client = Client()
        assert client.get(f"/en/events/{hidden.event_id}/").status_code == 404
        hidden_day = hidden.local_recurrence_id.date()
        shown_day = occurrences[2].local_recurrence_id.date()
        for url in FEEDS:
            response = client.get(url)
            assert response.status_code == 200, url
            text = response.content.decode()
            assert HIDDEN_TITLE not in text, url
            assert "Neem verf mee" not in text, url
            days = _dates(Calendar.from_ical(response.content))
            assert hidden_day not in days, url
            assert shown_day in days, url


def test_a_hidden_date_is_not_listed_on_the_series_page():
    with time_machine.travel(NOW, tick=False):
        series, occurrences, hidden = _hidden_date_world()
        response = Client().get(f"/en/meetups/{series.pk}/")
        assert response.status_code == 200
        text = response.content.decode()
        assert f"/events/{hidden.event_id}/" not in text
        assert f"/events/{occurrences[2].event_id}/" in text
