"""The worker's loop and its timetable go on after the database is lost (in one process; the
real thing, with PostgreSQL connections killed, is tests/reliability/test_worker_reconnects.py)."""

import logging
import threading

import pytest
from django.db import InterfaceError, OperationalError
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.models import DBTaskResult

from tests.reliability.served import wait_until
from turnout.notifications import scheduler, task_worker
from turnout.notifications.task_worker import TaskWorker
from turnout.web import backoff, reconnection
from turnout.web.tasks import forget_past_rate_counters


@pytest.fixture(autouse=True)
def _short_waits(monkeypatch):
    monkeypatch.setattr(reconnection, "FIRST_WAIT_SECONDS", 0.01)
    monkeypatch.setattr(reconnection, "LONGEST_WAIT_SECONDS", 0.05)


def test_the_back_off_doubles_up_to_its_cap_with_jitter():
    waits = [backoff.backoff_seconds(n, base=1.0, cap=8.0) for n in range(1, 8)]
    steps = [1, 2, 4, 8, 8, 8, 8]
    assert all(step / 2 <= wait <= step for wait, step in zip(waits, steps, strict=True))
    spread = {backoff.backoff_seconds(3, base=1.0, cap=8.0) for _ in range(20)}
    assert len(spread) > 1  # jitter: two processes do not retry in step
    assert backoff.backoff_seconds(10_000, base=0.5, cap=30.0) <= 30.0


def test_the_timetable_queues_its_jobs_once_the_database_is_back(monkeypatch, caplog):
    queued = []
    failures = iter([OperationalError("server closed the connection"), InterfaceError("closed")])

    def enqueue(job):
        if error := next(failures, None):
            raise error
        queued.append(job.task_path)

    monkeypatch.setattr(scheduler, "enqueue_job", enqueue)
    monkeypatch.setattr(scheduler, "close_old_connections", lambda: None)
    # An hourly job: before, a failure postponed it by a whole hour.
    thread = scheduler.Scheduler(timetable=(scheduler.Job(3600, "hourly.job"),))
    with caplog.at_level(logging.INFO, logger="turnout.notifications.scheduler"):
        thread.start()
        try:
            wait_until(lambda: queued, timeout=10, message="the job queued after the outage")
            assert thread.is_alive()
        finally:
            thread.stop()
            thread.join(timeout=5)
    assert queued == ["hourly.job"]
    assert "Scheduler lost the database (OperationalError" in caplog.text
    assert "Scheduler reconnected to the database after" in caplog.text


def test_the_timetable_outlives_an_unexpected_error(monkeypatch):
    calls = []

    def flaky_close():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(scheduler, "close_old_connections", flaky_close)
    monkeypatch.setattr(scheduler, "enqueue_job", lambda job: None)
    monkeypatch.setattr(threading.Event, "wait", lambda self, timeout=None: self.is_set())
    thread = scheduler.Scheduler(timetable=(scheduler.Job(3600, "hourly.job"),))
    thread.start()
    try:
        wait_until(lambda: len(calls) > 2, timeout=10, message="the loop going on")
        assert thread.is_alive()
    finally:
        thread.stop()
        thread.join(timeout=5)


@pytest.mark.django_db(transaction=True)
def test_the_task_loop_goes_on_after_losing_the_database(monkeypatch, caplog):
    import django_tasks_db.management.commands.db_worker as db_worker

    result = forget_past_rate_counters.enqueue()
    real = db_worker.close_old_connections
    losses = iter([OperationalError("terminating connection due to administrator command")])

    def lost_once():
        if error := next(losses, None):
            raise error
        real()

    probes = iter([False, False])  # the database refuses two tries, then answers
    monkeypatch.setattr(db_worker, "close_old_connections", lost_once)
    monkeypatch.setattr(task_worker, "database_answers", lambda: next(probes, True))
    worker = TaskWorker(
        queue_names=["*"], interval=0.01, batch=False, backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False, max_tasks=1, worker_id="test:1", excluded_queue_names=[],
    )  # fmt: skip
    with caplog.at_level(logging.INFO, logger="turnout.notifications.task_worker"):
        worker.run()  # before, the first loss ended it
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL"
    assert caplog.text.count("lost the database") == 1  # one warning per outage
    assert "database still unreachable (attempt 3)" in caplog.text
    assert "reconnected to the database after" in caplog.text and "(3 attempts)" in caplog.text


def test_a_flapping_database_gets_longer_waits_not_a_fresh_start(monkeypatch):
    monkeypatch.setattr(reconnection, "FIRST_WAIT_SECONDS", 1.0)
    monkeypatch.setattr(reconnection, "LONGEST_WAIT_SECONDS", 64.0)
    outage = reconnection.Reconnection(name="Test", logger=logging.getLogger("test"))
    waits = []
    for _ in range(4):  # lost, a probe answers, lost again at once
        waits.append(outage.lost(OperationalError("gone")))
        outage.recovered()
    assert waits[3] >= 4.0  # the fourth wait in a row: 8 s with jitter, not 1 s


@pytest.mark.django_db(transaction=True)
def test_a_batch_run_reports_a_lost_database_instead_of_waiting(monkeypatch):
    import django_tasks_db.management.commands.db_worker as db_worker

    def lost():
        raise OperationalError("connection refused")

    monkeypatch.setattr(db_worker, "close_old_connections", lost)
    worker = TaskWorker(
        queue_names=["*"], interval=0.01, batch=True, backend_name=DEFAULT_TASK_BACKEND_ALIAS,
        startup_delay=False, max_tasks=None, worker_id="test:1", excluded_queue_names=[],
    )  # fmt: skip
    with pytest.raises(OperationalError):
        worker.run()


def test_a_locked_sqlite_database_is_logged_as_busy_not_lost(caplog):
    outage = reconnection.Reconnection(name="Task worker", logger=logging.getLogger("test"))
    with caplog.at_level(logging.WARNING, logger="test"):
        wait = outage.lost(OperationalError("database is locked"))
    assert 0 < wait <= reconnection.LONGEST_WAIT_SECONDS
    assert "Task worker found the database busy (OperationalError: database is locked)" in (
        caplog.text
    )
    assert "lost the database" not in caplog.text
