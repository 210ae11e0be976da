"""The worker's database upkeep: SQLite gets the statistics PostgreSQL's autovacuum keeps."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from turnout.campaigns.models import LocalEvent
from turnout.geo.distance import bounding_box
from turnout.geo.selectors import box_filter, listed_events
from turnout.notifications.scheduler import TIMETABLE
from turnout.web import tasks, upkeep

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, tzinfo=UTC)


def events_around_the_world(count: int) -> None:
    rng = random.Random(4)
    places = [(rng.uniform(-60, 70), rng.uniform(-180, 180)) for _ in range(count)]
    LocalEvent.objects.bulk_create(
        LocalEvent(
            title=f"Event {n}", city=f"Town {n}", country="NL", timezone="UTC",
            latitude=latitude, longitude=longitude,
            public_latitude=latitude, public_longitude=longitude,  # as save() sets them
            starts_at=NOW + timedelta(days=10), ends_at=NOW + timedelta(days=10, hours=2),
            status=LocalEvent.Status.APPROVED,
        )
        for n, (latitude, longitude) in enumerate(places)
    )  # fmt: skip


@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL's autovacuum does this")
def test_with_statistics_sqlite_reads_a_nearby_box_through_the_coordinates_index():
    events_around_the_world(2000)
    box = bounding_box(52.37, 4.90, 100)
    nearby = listed_events(now=NOW).filter(box_filter(box))
    # The band's equality wins even without statistics (a plain latitude range lost to status).
    assert "event_nearby_idx" in nearby.explain()
    assert upkeep.refresh_planner_statistics() is True
    assert "event_nearby_idx" in nearby.explain()


def test_the_worker_refreshes_statistics_every_few_hours():
    job = next(job for job in TIMETABLE if job.task_path.endswith("refresh_planner_statistics"))
    assert job.every_seconds <= 24 * 3600
    result = tasks.refresh_planner_statistics.call()
    assert result is (connection.vendor == "sqlite")
