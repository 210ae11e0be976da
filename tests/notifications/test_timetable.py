"""The worker's timetable is filled by the apps that own the jobs (register_job from ready()),
and a task queued under a path from before a move still runs."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.notifications import scheduler
from turnout.notifications.models import OutboxMessage


def test_each_app_puts_its_own_jobs_on_the_timetable():
    paths = {job.task_path: job.every_seconds for job in scheduler.TIMETABLE}
    assert paths == {
        "turnout.notifications.tasks.deliver_outbox": 30,
        "turnout.signups.tasks.queue_due_reminders": 300,
        "turnout.signups.tasks.anonymize_expired_signups": 3600,
        "turnout.importers.tasks.sync_due_feeds": 900,
        "turnout.web.tasks.refresh_planner_statistics": 6 * 3600,
        "turnout.web.tasks.forget_past_rate_counters": 3600,
        "turnout.roles.tasks.queue_due_briefings": 600,
        "turnout.followup.tasks.queue_due_follow_ups": 900,
        "turnout.alerts.tasks.queue_proposal_alerts": 60,
        "turnout.alerts.tasks.queue_digests": 300,
        "turnout.alerts.tasks.queue_nearly_full_notes": 300,
        "turnout.meetups.tasks.create_coming_dates": 3600,
    }
    for path in paths:
        assert isinstance(import_string(path), Task), path


def test_registering_a_job_again_changes_how_often_it_runs(monkeypatch):
    monkeypatch.setattr(scheduler, "TIMETABLE", [])
    scheduler.register_job(every_seconds=60, task_path="app.tasks.sweep")
    scheduler.register_job(every_seconds=120, task_path="app.tasks.sweep")
    assert scheduler.TIMETABLE == [scheduler.Job(120, "app.tasks.sweep")]
    assert scheduler.Scheduler().timetable == (scheduler.Job(120, "app.tasks.sweep"),)


@pytest.mark.parametrize("every_seconds", [0, -30])
def test_a_job_that_would_never_wait_is_refused(monkeypatch, every_seconds):
    monkeypatch.setattr(scheduler, "TIMETABLE", [])
    with pytest.raises(ValueError, match="every_seconds must be positive"):
        scheduler.register_job(every_seconds=every_seconds, task_path="app.tasks.sweep")
    assert scheduler.TIMETABLE == []


@pytest.mark.django_db
def test_reminders_queued_under_their_old_path_still_go_out():
    """The database queue stores a task's path: rows written before reminders moved to
    signups name turnout.notifications.tasks.queue_due_reminders."""
    now = timezone.now()
    event = LocalEventFactory(
        starts_at=now + timedelta(hours=47), ends_at=now + timedelta(hours=49)
    )
    signup = SignupFactory(event=event, created_at=now - timedelta(days=10))
    old_task = import_string("turnout.notifications.tasks.queue_due_reminders")
    assert old_task.call() == 1
    assert OutboxMessage.objects.filter(kind="reminder", to_email=signup.email).count() == 1
