"""Several workers running the day-after job at once still send one email per person."""

import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.followup import services
from turnout.followup.models import FollowUp
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db(transaction=True)

START = datetime(2030, 5, 13, 13, tzinfo=ZoneInfo("Europe/Amsterdam"))
DUE = datetime(2030, 5, 14, 8, tzinfo=UTC)


def test_four_workers_at_once_send_each_follow_up_once(monkeypatch):
    event = LocalEventFactory(starts_at=START, ends_at=START + timedelta(hours=2))
    for n in range(12):
        SignupFactory(event=event, state=Signup.State.ATTENDED, email=f"p{n}@example.org")
    monkeypatch.setattr(services, "BATCH", 4)
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            start.wait()
            services.queue_due_follow_ups(now=DUE)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # SQLite may refuse a writer that waited too long ("database is locked"): that worker's
    # batch rolled back whole, and the next run sends it.
    assert all("locked" in str(error) for error in errors), errors
    services.queue_due_follow_ups(now=DUE + timedelta(minutes=15))
    assert OutboxMessage.objects.count() == FollowUp.objects.count() == 12
    assert len(set(OutboxMessage.objects.values_list("to_email", flat=True))) == 12
