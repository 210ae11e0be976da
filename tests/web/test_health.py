"""/healthz and /readyz through the test client: what load balancers and monitors see."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import OperationalError, connection
from django.utils import timezone

from turnout.notifications import outbox
from turnout.notifications.composition import Email
from turnout.notifications.models import OutboxMessage
from turnout.web import heartbeat
from turnout.web.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def unbroken_client(client):
    client.raise_request_exception = False  # answer as the server would
    return client


def beat(seconds_ago: float, worker_id: str = "host:1") -> None:
    heartbeat.beat(
        worker_id=worker_id,
        started_at=NOW - timedelta(hours=1),
        now=NOW - timedelta(seconds=seconds_ago),
    )


def queue_email(*, minutes_ago: float) -> OutboxMessage:
    email = Email(kind="test", to="a@example.org", language="en", subject="S", text="T", html="")
    message = outbox.enqueue(email, now=NOW - timedelta(minutes=minutes_ago))
    assert message is not None
    return message


def refuse(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def test_healthz_answers_without_the_database(unbroken_client, django_assert_num_queries):
    with django_assert_num_queries(0), connection.execute_wrapper(refuse):
        response = unbroken_client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "alive"}
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_ready_with_a_fresh_heartbeat_and_no_email_waiting(client, django_assert_max_num_queries):
    beat(seconds_ago=4)
    queue_email(minutes_ago=2)  # waiting a little is normal
    with django_assert_max_num_queries(3):  # cheap: asked every few seconds
        response = client.get("/readyz")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "ready" and body["failing"] == []
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["worker"] == {
        "ok": True,
        "detail": "heartbeat fresh",
        "worker_id": "host:1",
        "last_seen": (NOW - timedelta(seconds=4)).isoformat(),
        "age_seconds": 4.0,
        "max_age_seconds": 60,
    }
    assert body["checks"]["outbox"]["age_seconds"] == 120.0
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_a_stale_heartbeat_makes_it_unready_and_names_the_worker(client):
    beat(seconds_ago=61)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["worker"]
    assert body["checks"]["worker"]["detail"] == "heartbeat stale: no worker is running"
    assert body["checks"]["worker"]["age_seconds"] == 61.0


def test_no_heartbeat_at_all_is_unready(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["worker"]


def test_the_newest_of_several_workers_counts(client):
    beat(seconds_ago=3600, worker_id="old:1")
    beat(seconds_ago=2, worker_id="new:2")
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["worker"]["worker_id"] == "new:2"


def test_an_email_waiting_too_long_makes_it_unready_and_names_the_outbox(client, settings):
    settings.READY_OUTBOX_MAX_AGE_SECONDS = 600
    beat(seconds_ago=1)
    queue_email(minutes_ago=11)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["outbox"]
    assert body["checks"]["outbox"]["age_seconds"] == 660.0
    assert body["checks"]["outbox"]["detail"] == "an email has waited too long to be sent"


def test_an_email_waiting_out_a_retry_is_not_overdue(client):
    """A message whose next attempt lies ahead waits for the mail server, not for a worker."""
    beat(seconds_ago=1)
    message = queue_email(minutes_ago=60)
    OutboxMessage.objects.filter(pk=message.pk).update(
        attempts=3, next_attempt_at=NOW + timedelta(minutes=5)
    )
    assert client.get("/readyz").status_code == 200


def test_sent_failed_and_uncertain_emails_do_not_count_as_waiting(client):
    beat(seconds_ago=1)
    for state in ("sent", "failed", "uncertain"):
        message = queue_email(minutes_ago=120)
        OutboxMessage.objects.filter(pk=message.pk).update(state=state)
    assert client.get("/readyz").status_code == 200


def test_no_worker_is_expected_when_tasks_do_not_use_the_database_queue(client, settings):
    settings.TASKS_BACKEND = "immediate"
    response = client.get("/readyz")  # no heartbeat at all
    assert response.status_code == 200
    assert response.json()["checks"]["worker"]["detail"].startswith("not applicable")


def test_thresholds_of_zero_turn_the_checks_off(client, settings):
    settings.READY_WORKER_STALE_SECONDS = 0
    settings.READY_OUTBOX_MAX_AGE_SECONDS = 0
    queue_email(minutes_ago=600)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"]["worker"]["detail"].startswith("not checked")


def test_the_database_down_is_a_json_503_naming_the_database(unbroken_client):
    beat(seconds_ago=1)
    with connection.execute_wrapper(refuse):
        response = unbroken_client.get("/readyz")
        assert unbroken_client.get("/healthz").status_code == 200
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "unready"
    assert body["failing"] == ["database", "worker", "outbox"]
    assert body["checks"]["database"]["detail"] == "unreachable: OperationalError"
    assert "Connection refused" not in response.content.decode()  # no internals to the world


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_only_reading_is_allowed_and_no_language_prefix(client, path):
    assert client.post(path).status_code in {403, 405}
    assert client.head(path).status_code in {200, 503}
    assert client.get(f"/en{path}/").status_code == 404


def test_heartbeats_of_workers_gone_for_a_day_are_forgotten():
    beat(seconds_ago=2 * 86400, worker_id="gone:1")
    beat(seconds_ago=3600, worker_id="recent:2")
    assert heartbeat.forget_gone_workers(now=timezone.now()) == 1
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["recent:2"]


def test_a_heartbeat_rewrites_its_row():
    beat(seconds_ago=10)
    beat(seconds_ago=0)
    (row,) = WorkerHeartbeat.objects.all()
    assert row.last_seen == NOW
    assert row.started_at == NOW - timedelta(hours=1)
