"""Task workers' heartbeats: each running `turnout worker` rewrites its row every few seconds,
so /readyz and the admin can tell whether email is being sent at all.

The row is written by a thread of its own, not by the worker's task loop: a long task (a fan-out
of reminders) must not look like a dead worker. A loop that is alive but stuck shows instead in
the age of the oldest pending email, which /readyz checks beside this.
"""

import logging
import os
import socket
import threading
from datetime import datetime, timedelta

from django.db import close_old_connections
from django.utils import timezone

from .models import WorkerHeartbeat
from .reconnection import DATABASE_LOST, close_database_connections

logger = logging.getLogger(__name__)

BEAT_SECONDS = 5.0
# Rows of workers not seen for this long are deleted (every restart is a new worker id).
FORGET_AFTER = timedelta(days=1)
FORGET_EVERY_SECONDS = 3600.0


def this_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


def beat(*, worker_id: str, started_at: datetime, now: datetime) -> None:
    """Record that `worker_id` (this process) is alive at `now`."""
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(last_seen=now)
    if not updated:
        WorkerHeartbeat.objects.create(
            worker_id=worker_id,
            host=socket.gethostname()[:255],
            pid=os.getpid(),
            started_at=started_at,
            last_seen=now,
        )


def forget_gone_workers(*, now: datetime) -> int:
    """Delete the rows of workers not seen for `FORGET_AFTER`; returns how many."""
    deleted, _ = WorkerHeartbeat.objects.filter(last_seen__lt=now - FORGET_AFTER).delete()
    return deleted


def latest_heartbeat() -> WorkerHeartbeat | None:
    """The most recent heartbeat of any worker, or None if no worker reported in a day."""
    return WorkerHeartbeat.objects.order_by("-last_seen").first()


class HeartbeatThread(threading.Thread):
    """A daemon thread that beats every `every` seconds until stopped. A lost database is the
    worker loop's to report (`reconnection`); here it only means skipping beats until it is
    back."""

    def __init__(self, *, worker_id: str, every: float = BEAT_SECONDS) -> None:
        super().__init__(name="turnout-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.every = every
        self.started_at = timezone.now()
        self.stopping = threading.Event()

    def run(self) -> None:
        forget_due = 0.0
        try:
            while not self.stopping.is_set():
                try:
                    close_old_connections()
                    now = timezone.now()
                    beat(worker_id=self.worker_id, started_at=self.started_at, now=now)
                    if now.timestamp() >= forget_due:
                        forget_gone_workers(now=now)
                        forget_due = now.timestamp() + FORGET_EVERY_SECONDS
                except DATABASE_LOST as error:
                    logger.debug("No heartbeat: %s", error)
                    close_database_connections()
                except Exception:  # noqa: BLE001 - a heartbeat must never end the worker
                    logger.exception("Could not record the worker's heartbeat")
                self.stopping.wait(self.every)
        finally:
            close_database_connections()

    def stop(self) -> None:
        self.stopping.set()
