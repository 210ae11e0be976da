"""Add to calendar before signing up: the Google and Outlook links carry the right UTC times
and only the public place; the .ics download parses and holds the one event."""

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest

from tests.factories import LocalEventFactory
from turnout.campaigns.models import LocalEvent
from turnout.sharing.calendar_links import calendar_links

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    # 13 May 2030, 13:00–15:00 in Amsterdam (CEST, UTC+2): 11:00–13:00 UTC.
    return LocalEventFactory(
        title="Klimaatmars & meer", description="Samen *lopen*.", venue="Museumplein",
        address="Van Baerlestraat 31", meeting_point="Blauwe container", location_is_private=True,
        meeting_url="https://meet.example.org/secret",
    )  # fmt: skip


def test_google_calendar_link(event):
    link = urlsplit(calendar_links(event, language="nl").google)
    assert (link.scheme, link.netloc, link.path) == (
        "https", "calendar.google.com", "/calendar/render",
    )  # fmt: skip
    query = parse_qs(link.query)
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == ["Klimaatmars & meer"]
    start, end = query["dates"][0].split("/")
    assert datetime.strptime(start, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC) == event.starts_at
    assert datetime.strptime(end, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC) == event.ends_at
    assert start == "20300513T110000Z"
    assert query["location"] == ["Museumplein, Amsterdam, Nederland"]
    assert f"/nl/events/{event.pk}/" in query["details"][0]


def test_outlook_link(event):
    link = urlsplit(calendar_links(event, language="en").outlook)
    assert link.netloc == "outlook.live.com"
    query = parse_qs(link.query)
    assert query["subject"] == ["Klimaatmars & meer"]
    assert datetime.fromisoformat(query["startdt"][0]) == event.starts_at
    assert datetime.fromisoformat(query["enddt"][0]) == event.ends_at
    assert query["startdt"] == ["2030-05-13T11:00:00Z"]
    assert query["location"] == ["Museumplein, Amsterdam, Netherlands"]


def test_links_hold_no_private_place_or_meeting_link(event):
    links = calendar_links(event, language="en")
    for url in (links.google, links.outlook):
        text = str(parse_qs(urlsplit(url).query))
        for secret in ("Baerlestraat", "container", "secret"):
            assert secret not in text


def test_ics_download_parses_with_the_one_event(client, event):
    response = client.get(f"/nl/cards/events/{event.pk}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == "Klimaatmars & meer"
    assert vevent.decoded("dtstart").astimezone(UTC) == event.starts_at
    assert vevent.decoded("dtend").astimezone(UTC) == event.ends_at
    body = response.content.decode()
    for secret in ("Baerlestraat", "container", "secret"):
        assert secret not in body


def test_ics_only_for_public_events(client):
    proposed = LocalEventFactory(status=LocalEvent.Status.PROPOSED)
    assert client.get(f"/en/cards/events/{proposed.pk}.ics").status_code == 404


def test_the_event_page_offers_the_links_before_the_signup_form(client, event):
    html = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "calendar.google.com/calendar/render" in html
    assert "outlook.live.com" in html
    assert f"/en/cards/events/{event.pk}.ics" in html
    assert html.index("add-to-calendar") < html.index('name="email"')
    assert 'rel="noopener noreferrer"' in html


def test_a_cancelled_event_offers_no_links(client):
    event = LocalEventFactory(status=LocalEvent.Status.CANCELLED)
    assert "calendar.google.com" not in client.get(f"/en/events/{event.pk}/").content.decode()
