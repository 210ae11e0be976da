"""`turnout worker`: run background tasks (email delivery, reminders, retention).

It outlives a lost database (`notifications/task_worker.py`) and, unless run as a batch,
records a heartbeat every few seconds for /readyz and the admin (`web/heartbeat.py`).
"""

import logging
import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

from turnout.notifications import rq_queue
from turnout.notifications.scheduler import Scheduler, enqueue_all
from turnout.notifications.task_worker import TaskWorker
from turnout.web.heartbeat import HeartbeatThread, this_worker_id
from turnout.web.warmup import prepare_process


class Command(BaseCommand):
    help = (
        "Run background tasks from the queue (the database, or Redis with TASKS_BACKEND=rq) "
        "and queue periodic ones "
        "(outbox delivery, reminders, retention)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Queue the periodic jobs once, run everything outstanding, then exit.",
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between queue polls (default 1)."
        )
        parser.add_argument(
            "--no-schedule", action="store_true", help="Do not queue periodic jobs."
        )
        parser.add_argument(
            "--nice",
            type=int,
            default=0,
            help="Lower this process's CPU priority by this much (as nice(1); 0: unchanged).",
        )

    def handle(self, *args, batch: bool, interval: float, no_schedule: bool, nice: int, **options):
        from django_tasks_db.backend import DatabaseBackend

        if nice > 0:
            # Requests first: a surge's emails wait a moment rather than slow its answers
            # (the systemd unit sets Nice=10 itself; `turnout serve` asks for it here).
            os.nice(nice)

        logging.getLogger("django_tasks_db").setLevel(logging.INFO)
        prepare_process(load_places=False)  # see turnout.web.warmup
        backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
        if rq_queue.uses_rq():  # TASKS_BACKEND=rq
            self.run_rq_worker(batch=batch, no_schedule=no_schedule)
            return
        if not isinstance(backend, DatabaseBackend):
            if batch:
                enqueue_all()  # an immediate backend runs them here and now
                return
            raise CommandError(
                f"TASKS_BACKEND={settings.TASKS_BACKEND!r} has its own workers; "
                "`turnout worker` runs the database queue only."
            )
        worker_id = this_worker_id()
        worker = TaskWorker(
            queue_names=["*"],
            interval=interval,
            batch=batch,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=not batch,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        if batch:
            if not no_schedule:
                enqueue_all()
            worker.run()
            return
        scheduler = None if no_schedule else Scheduler()
        if scheduler:
            scheduler.start()
        heartbeat = HeartbeatThread(worker_id=worker_id)
        heartbeat.start()
        self.stdout.write("Turnout worker running (Ctrl+C stops it).")
        worker.configure_signals()
        try:
            worker.run()
        finally:
            heartbeat.stop()
            if scheduler:
                scheduler.stop()

    def run_rq_worker(self, *, batch: bool, no_schedule: bool) -> None:
        """TASKS_BACKEND=rq: the same command and timetable, an RQ worker on the Redis queue."""
        worker_id = this_worker_id()
        worker = rq_queue.rq_worker(name=worker_id)
        if batch:
            if not no_schedule:
                enqueue_all()
            rq_queue.run(worker, batch=True)
            return
        scheduler = None if no_schedule else Scheduler()
        if scheduler:
            scheduler.start()
        heartbeat = HeartbeatThread(worker_id=worker_id)
        heartbeat.start()
        self.stdout.write("Turnout worker running on the Redis queue (Ctrl+C stops it).")
        try:
            rq_queue.run(worker, batch=False)  # RQ handles SIGTERM and SIGINT itself
        finally:
            heartbeat.stop()
            if scheduler:
                scheduler.stop()
