"""Periodic work for `turnout worker`: it queues tasks on a timetable; workers run them.

Every job is idempotent, so several workers each running this timetable is harmless.
"""

import logging
import threading
import time
from dataclasses import dataclass

from django.db import close_old_connections, connection
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    every_seconds: int
    task_path: str


TIMETABLE = (
    # A sweep for anything the on-commit wake-up missed, and for retries that came due.
    Job(30, "turnout.notifications.tasks.deliver_outbox"),
    Job(300, "turnout.notifications.tasks.queue_due_reminders"),
    Job(3600, "turnout.signups.tasks.anonymize_expired_signups"),
    Job(900, "turnout.importers.tasks.sync_due_feeds"),
    Job(6 * 3600, "turnout.web.tasks.refresh_planner_statistics"),
    Job(3600, "turnout.web.tasks.forget_past_rate_counters"),
)


def enqueue_job(job: Job) -> None:
    import_string(job.task_path).enqueue()


def enqueue_all() -> None:
    """Queue every job once (what `turnout worker --batch` does before it drains the queue)."""
    for job in TIMETABLE:
        enqueue_job(job)


class Scheduler(threading.Thread):
    """A daemon thread that queues each job of the timetable when it is due."""

    def __init__(self, timetable: tuple[Job, ...] = TIMETABLE):
        super().__init__(name="turnout-scheduler", daemon=True)
        self.timetable = timetable
        self.stopping = threading.Event()

    def run(self) -> None:
        next_run = {job: 0.0 for job in self.timetable}
        try:
            while not self.stopping.is_set():
                close_old_connections()
                for job in self.timetable:
                    if time.monotonic() >= next_run[job]:
                        try:
                            enqueue_job(job)
                        except Exception:  # noqa: BLE001 - log and try again next time
                            logger.exception("Could not queue %s", job.task_path)
                        next_run[job] = time.monotonic() + job.every_seconds
                self.stopping.wait(1.0)
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopping.set()
