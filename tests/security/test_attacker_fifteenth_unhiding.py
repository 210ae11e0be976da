"""The attacker's fifteenth round at events the site took down. An event the coordinators
rejected (an imported protest whose text they would not publish) or a date an administrator
hid is off the site: its page is "not found" and no list, feed or API gives it. Cancelling
made it public again, since a cancelled event is shown (struck through) to tell its people:
the owner of a registered calendar feed, an outsider, had only to mark the entry
STATUS:CANCELLED or drop it from the feed; a group's lead, to press "Cancel this date". A
hidden event stays hidden whoever cancels it; a public one is cancelled as before."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from tests.factories import UserFactory
from tests.groups.factories import LocalGroupFactory
from tests.meetups.conftest import make_series
from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
REJECTED_TITLE = "Blokkade bij het huis van de wethouder"


def _vevent(uid: str, summary: str, *, status: str = "") -> str:
    lines = [
        "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20300101T000000Z",
        "DTSTART;TZID=Europe/Amsterdam:20300513T140000",
        "DTEND;TZID=Europe/Amsterdam:20300513T160000",
        f"SUMMARY:{summary}", "LOCATION:Neude\\, 3512 AE Utrecht\\, Nederland",
    ]  # fmt: skip
    if status:
        lines.append(f"STATUS:{status}")
    return "\r\n".join([*lines, "END:VEVENT"])


def _calendar(*events: str) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//kalender//NL", *events, "END:VCALENDAR"]
    return "\r\n".join(lines).encode()


KEPT = _vevent("kept@kalender.example", "Mars voor het klimaat")
REJECTED = _vevent("weg@kalender.example", REJECTED_TITLE)


def _rejected_import():
    feed = register_feed(url="https://kalender.example/acties.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda url: _calendar(KEPT, REJECTED))
    rejected = LocalEvent.objects.get(title=REJECTED_TITLE)
    LocalEvent.objects.filter(pk=rejected.pk).update(status=LocalEvent.Status.REJECTED)
    return feed, rejected


def _is_hidden(event: LocalEvent) -> bool:
    client = Client()
    with time_machine.travel(NOW, tick=False):
        page = client.get(f"/en/events/{event.pk}/")
        api = client.get(f"/api/v1/events/{event.pk}/")
        feed = client.get("/feeds/events.ics").content.decode()
    return page.status_code == 404 and api.status_code == 404 and REJECTED_TITLE not in feed


@pytest.mark.parametrize("how", ["marked cancelled", "dropped from the feed"])
def test_a_feed_cannot_bring_back_an_event_the_coordinators_rejected(how):
    feed, rejected = _rejected_import()
    assert _is_hidden(rejected)
    if how == "marked cancelled":
        entries = _calendar(
            KEPT, _vevent("weg@kalender.example", REJECTED_TITLE, status="CANCELLED")
        )
    else:
        entries = _calendar(KEPT)
    sync_feed(feed=feed, now=NOW, fetch=lambda url: entries)
    rejected.refresh_from_db()
    assert rejected.status == LocalEvent.Status.REJECTED
    assert _is_hidden(rejected)


def test_a_public_event_the_feed_cancels_is_still_cancelled():
    feed = register_feed(url="https://kalender.example/acties.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda url: _calendar(KEPT, REJECTED))
    sync_feed(feed=feed, now=NOW, fetch=lambda url: _calendar(KEPT))
    assert LocalEvent.objects.get(title=REJECTED_TITLE).status == LocalEvent.Status.CANCELLED


def test_a_lead_cannot_bring_back_a_date_an_administrator_hid():
    lead = UserFactory(email="trekker@example.nl", name="Sanne", language="nl")
    group = LocalGroupFactory(city="Utrecht", slug="utrecht-noord")
    group.leads.add(lead)
    with time_machine.travel(NOW, tick=False):
        series = make_series(group, lead, now=NOW, title=REJECTED_TITLE)
        occurrence = series.occurrences.order_by("recurrence_id")[1]
        event = occurrence.event
        LocalEvent.objects.filter(pk=event.pk).update(status=LocalEvent.Status.REJECTED)
        client = Client()
        client.force_login(lead)
        path = f"/en/meetups/{series.pk}/dates/{occurrence.pk}/cancel/"
        response = client.post(path)
        assert response.status_code in (302, 403, 404)
        event.refresh_from_db()
        assert event.status == LocalEvent.Status.REJECTED
        assert Client().get(f"/en/events/{event.pk}/").status_code == 404


def test_a_second_feed_cannot_cancel_the_events_of_the_first_by_their_uid():
    first = register_feed(url="https://kalender.example/acties.ics", campaign=None)
    sync_feed(feed=first, now=NOW, fetch=lambda url: _calendar(KEPT))
    kept = LocalEvent.objects.get(title="Mars voor het klimaat")
    # The first feed is public, so its UIDs are known to anyone who reads it.
    hijack = _vevent("kept@kalender.example", "Afgelast wegens onweer", status="CANCELLED")
    second = register_feed(url="https://andere-beweging.example/agenda.ics", campaign=None)
    sync_feed(feed=second, now=NOW, fetch=lambda url: _calendar(hijack))
    kept.refresh_from_db()
    assert (kept.title, kept.status) == ("Mars voor het klimaat", LocalEvent.Status.APPROVED)


def test_the_next_sync_does_not_publish_an_event_taken_back_for_review():
    feed = register_feed(url="https://kalender.example/acties.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda url: _calendar(KEPT))
    kept = LocalEvent.objects.get(title="Mars voor het klimaat")
    LocalEvent.objects.filter(pk=kept.pk).update(status=LocalEvent.Status.PROPOSED)
    sync_feed(feed=feed, now=NOW, fetch=lambda url: _calendar(KEPT))
    kept.refresh_from_db()
    assert kept.status == LocalEvent.Status.PROPOSED
