"""Every feed that lists a group's recurring meet-up gives it as a series (one master VEVENT
with its RRULE and the series' UID), as the group's own feed does: read back with
recurring_ical_events, the all-events and the country feed give the same dates as the group's."""

from datetime import date

import pytest
import recurring_ical_events
import time_machine
from icalendar import Calendar

from turnout.meetups.services import cancel_occurrence

from .conftest import NOW, make_series

pytestmark = pytest.mark.django_db


def read_back(client, url: str) -> Calendar:
    with time_machine.travel(NOW, tick=False):
        response = client.get(url)
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def dates(calendar: Calendar) -> list[tuple[str, str]]:
    found = recurring_ical_events.of(calendar).between(date(2030, 1, 1), date(2030, 9, 1))
    return sorted((f"{e.decoded('DTSTART'):%Y-%m-%d %H:%M}", str(e["UID"])) for e in found)


def test_a_recurring_meetup_is_one_series_in_every_feed_that_lists_it(client, group, lead):
    series = make_series(group, lead)
    cancel_occurrence(occurrence=series.occurrences.order_by("recurrence_id")[1], now=NOW)
    by_group = read_back(client, "/feeds/groups/utrecht.ics")
    for url in ("/feeds/events.ics", "/feeds/countries/NL.ics"):
        calendar = read_back(client, url)
        masters = [e for e in calendar.walk("VEVENT") if "RRULE" in e]
        assert [str(m["UID"]) for m in masters] == [f"{series.uid}@turnout-series"], url
        assert dates(calendar) == dates(by_group), url
