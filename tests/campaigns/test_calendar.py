from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.factories import LocalEventFactory
from turnout.campaigns import services
from turnout.campaigns.calendar import build_calendar, event_uid, render_ics

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 1, 1, tzinfo=UTC)


def parse(events, **kwargs) -> Calendar:
    return Calendar.from_ical(render_ics(build_calendar(events, now=NOW, **kwargs)))


def test_event_is_written_in_its_own_zone_with_a_timezone_definition():
    event = LocalEventFactory(
        city="Sydney", country="AU", timezone="Australia/Sydney", venue="Hyde Park"
    )
    calendar = parse([event], method="PUBLISH")
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart") == event.starts_at
    assert vevent["dtstart"].params["TZID"] == "Australia/Sydney"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Australia/Sydney"]
    assert str(vevent["location"]) == "Hyde Park, Sydney, Australia"
    assert str(calendar["method"]) == "PUBLISH"


def test_uid_is_stable_and_sequence_grows_when_the_event_moves():
    event = LocalEventFactory()
    first = parse([event]).walk("VEVENT")[0]
    event.starts_at = event.starts_at.replace(hour=15, tzinfo=ZoneInfo("Europe/Amsterdam"))
    services.save_event_changes(event=event, changed_fields=["starts_at"])
    second = parse([event]).walk("VEVENT")[0]
    assert str(first["uid"]) == str(second["uid"]) == event_uid(event)
    assert (first.decoded("sequence"), second.decoded("sequence")) == (0, 1)


def test_cancelled_event_is_marked_cancelled():
    event = services.cancel_event(event=LocalEventFactory())
    (vevent,) = parse([event], method="CANCEL").walk("VEVENT")
    assert str(vevent["status"]) == "CANCELLED"
