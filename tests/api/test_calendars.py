"""iCalendar feeds, parsed back with icalendar: stable UIDs, time zones, CANCELLED."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from turnout.campaigns.models import LocalEvent
from turnout.campaigns.services import cancel_event

pytestmark = pytest.mark.django_db


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content), response


def events_of(calendar):
    return {str(e["LOCATION"]).split(", ")[0]: e for e in calendar.walk("VEVENT")}


def test_all_events_feed_has_every_public_event_in_its_zone(client, may):
    calendar, response = feed(client, "/feeds/events.ics")
    events = events_of(calendar)
    assert set(events) == {"London", "Oxford", "Den Haag", "Berlin"}
    assert str(calendar["X-WR-CALNAME"]) == "Turnout: all events"
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["REFRESH-INTERVAL"].dt == timedelta(hours=6)
    london = events["London"]
    assert london["DTSTART"].params["TZID"] == "Europe/London"
    assert london["DTSTART"].dt.hour == 13
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} >= {
        "Europe/London", "Europe/Amsterdam"
    }  # fmt: skip
    assert str(events["Berlin"]["STATUS"]) == "CANCELLED"
    assert "max-age=300" in response["Cache-Control"]


def test_uids_stay_the_same_when_an_event_changes(client, may):
    before = events_of(feed(client, "/feeds/events.ics")[0])["Oxford"]["UID"]
    event = LocalEvent.objects.get(city="Oxford")
    cancel_event(event=event)
    after = events_of(feed(client, "/feeds/events.ics")[0])["Oxford"]
    assert after["UID"] == before
    assert str(after["STATUS"]) == "CANCELLED" and after["SEQUENCE"] == 1


def test_campaign_country_and_language_feeds(client, may):
    calendar, _ = feed(client, "/feeds/campaigns/may.ics")
    assert str(calendar["X-WR-CALNAME"]) == "Turnout: May action"
    assert len(calendar.walk("VEVENT")) == 4
    calendar, _ = feed(client, "/feeds/countries/gb.ics?lang=nl")
    assert str(calendar["X-WR-CALNAME"]) == "Turnout: Verenigd Koninkrijk"
    assert set(events_of(calendar)) == {"London", "Oxford"}
    assert "Verenigd Koninkrijk" in str(calendar.walk("VEVENT")[0]["LOCATION"])
    assert "/nl/events/" in str(calendar.walk("VEVENT")[0]["URL"])


def test_unknown_or_unpublished_feeds_are_not_found(client, may):
    assert client.get("/feeds/campaigns/secret-draft.ics").status_code == 404
    assert client.get("/feeds/campaigns/nope.ics").status_code == 404
    assert client.get("/feeds/countries/xx.ics").status_code == 404
    assert client.get("/feeds/countries/nld.ics").status_code == 404
    assert client.get("/feeds/groups/nope.ics").status_code == 404


def test_feed_answers_not_modified_when_nothing_changed(client, may):
    _, first = feed(client, "/feeds/events.ics")
    again = client.get("/feeds/events.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    LocalEvent.objects.filter(city="Oxford").update(title="Renamed")
    assert client.get("/feeds/events.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_proposals_never_appear_in_feeds(client, may):
    assert b"Hidden" not in client.get("/feeds/events.ics").content
    assert b"Hidden" not in client.get("/feeds/countries/fr.ics").content


def test_group_feed_lists_the_groups_events(client, may):
    groups = pytest.importorskip("turnout.groups.models")
    group = groups.Group.objects.create(
        kind="national", name="PauseAI NL", slug="pauseai-nl", country="NL"
    )
    LocalEvent.objects.filter(city="Den Haag").update(group=group)
    calendar, _ = feed(client, "/feeds/groups/pauseai-nl.ics")
    assert str(calendar["X-WR-CALNAME"]) == "Turnout: PauseAI NL"
    assert set(events_of(calendar)) == {"Den Haag"}
