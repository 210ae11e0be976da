"""A local group with a lead, and a helper to make a series as the form would."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from tests.factories import UserFactory
from tests.groups.factories import LocalGroupFactory
from turnout.meetups.services import create_series

# A Monday morning in March 2030, before Europe's change to summer time (31 March).
NOW = datetime(2030, 3, 4, 9, 0, tzinfo=UTC)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def lead(db):
    return UserFactory(email="lea@example.org", name="Lea", language="nl")


@pytest.fixture
def group(lead):
    group = LocalGroupFactory(city="Utrecht", slug="utrecht")
    group.leads.add(lead)
    return group


def series_values(**overrides) -> dict:
    values = {
        "title": "Open meeting",
        "description": "Tea & plans",
        "attendance_mode": "in_person",
        "city": "Utrecht",
        "country": "NL",
        "venue": "Library",
        "address": "Oudegracht 1",
        "latitude": None,
        "longitude": None,
        "meeting_url": "",
        "capacity": None,
        "timezone": "Europe/Amsterdam",
        "start_time": time(19, 0),
        "duration_minutes": 120,
        "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        "dtstart": date(2030, 3, 5),
    }
    values.update(overrides)
    return values


def make_series(group, lead, now=NOW, **overrides):
    return create_series(group=group, created_by=lead, values=series_values(**overrides), now=now)
