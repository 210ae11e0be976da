"""Periodic work for `turnout worker`: it queues tasks on a timetable; workers run them.

The timetable is a registry: each app adds its own jobs from `AppConfig.ready()` with
`register_job()` (signups its reminders, importers its feeds), so this module, below them,
names none of them. Every job is idempotent, so several workers each running this timetable is
harmless.
"""

import logging
import threading
import time
from dataclasses import dataclass

from django.db import close_old_connections
from django.utils.module_loading import import_string

from turnout.web.reconnection import DATABASE_LOST, Reconnection, close_database_connections

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    every_seconds: int
    task_path: str


# Filled by `register_job()` as the apps become ready, in INSTALLED_APPS order.
TIMETABLE: list[Job] = []


def register_job(*, every_seconds: int, task_path: str) -> None:
    """Queue the task at `task_path` (a django-tasks task) every `every_seconds`; registering
    the same task again changes how often it runs."""
    if every_seconds <= 0:
        raise ValueError(f"{task_path}: every_seconds must be positive, not {every_seconds}")
    job = Job(every_seconds, task_path)
    TIMETABLE[:] = [kept for kept in TIMETABLE if kept.task_path != task_path] + [job]


def enqueue_job(job: Job) -> None:
    import_string(job.task_path).enqueue()


def enqueue_all() -> None:
    """Queue every job once (what `turnout worker --batch` does before it drains the queue)."""
    for job in TIMETABLE:
        enqueue_job(job)


class Scheduler(threading.Thread):
    """A daemon thread that queues each job of the timetable when it is due. It survives a lost
    database: the jobs stay due and are queued once it answers again."""

    def __init__(self, timetable: tuple[Job, ...] | None = None):
        super().__init__(name="turnout-scheduler", daemon=True)
        self.timetable = tuple(TIMETABLE) if timetable is None else timetable
        self.stopping = threading.Event()

    def run(self) -> None:
        next_run = {job: 0.0 for job in self.timetable}
        reconnection = Reconnection(name="Scheduler", logger=logger)
        try:
            while not self.stopping.is_set():
                wait = 1.0
                try:
                    close_old_connections()
                    self.enqueue_due(next_run)
                    reconnection.recovered()
                except DATABASE_LOST as error:
                    # Every job needs the database: all wait, with back-off, until it is back.
                    wait = reconnection.lost(error)
                except Exception:  # noqa: BLE001 - the timetable must outlive any one error
                    logger.exception("Scheduler error; going on")
                self.stopping.wait(wait)
        finally:
            close_database_connections()

    def enqueue_due(self, next_run: dict[Job, float]) -> None:
        for job in self.timetable:
            if time.monotonic() < next_run[job]:
                continue
            try:
                enqueue_job(job)
            except DATABASE_LOST:
                raise  # not this job's fault: it stays due and is queued once the database is back
            except Exception:  # noqa: BLE001 - log and try again next time
                logger.exception("Could not queue %s", job.task_path)
            next_run[job] = time.monotonic() + job.every_seconds

    def stop(self) -> None:
        self.stopping.set()
