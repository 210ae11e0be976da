"""The alerts run on the worker's timetable, and each task runs on its own."""

import pytest

from turnout.alerts import tasks
from turnout.notifications.scheduler import TIMETABLE

pytestmark = pytest.mark.django_db


def test_the_alert_jobs_are_on_the_timetable():
    jobs = {job.task_path: job.every_seconds for job in TIMETABLE}
    assert jobs["turnout.alerts.tasks.queue_proposal_alerts"] == 60
    assert jobs["turnout.alerts.tasks.queue_digests"] == 300
    assert jobs["turnout.alerts.tasks.queue_nearly_full_notes"] == 300


def test_each_task_runs_with_nothing_to_do():
    assert tasks.queue_proposal_alerts.call() == 0
    assert tasks.queue_digests.call() == 0
    assert tasks.queue_nearly_full_notes.call() == 0
