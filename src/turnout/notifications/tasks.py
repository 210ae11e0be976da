"""Background tasks of notifications (Django's tasks API): delivery and reminders."""

import os
import socket

from django.utils import timezone
from django_tasks import task

from . import outbox, reminders


@task()
def deliver_outbox() -> dict[str, int]:
    """Send every email that is due; safe to run in any number of workers at once."""
    report = outbox.deliver_due(worker_id=f"{socket.gethostname()}:{os.getpid()}")
    return {
        "sent": len(report.sent),
        "retried": len(report.retried),
        "failed": len(report.failed),
        "uncertain": len(report.uncertain),
    }


@task()
def queue_due_reminders() -> int:
    """Write the reminders that are due to the outbox."""
    return reminders.queue_due_reminders(now=timezone.now())
