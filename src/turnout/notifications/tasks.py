"""Background tasks of notifications (Django's tasks API): delivery."""

import os
import socket

from django.utils.module_loading import import_string
from django_tasks import task

from . import outbox


@task()
def deliver_outbox() -> dict[str, int]:
    """Send every email that is due; safe to run in any number of workers at once."""
    report = outbox.deliver_due(
        worker_id=f"{socket.gethostname()}:{os.getpid()}", linger=outbox.linger_for(deliver_outbox)
    )
    return {
        "sent": len(report.sent),
        "retried": len(report.retried),
        "failed": len(report.failed),
        "uncertain": len(report.uncertain),
    }


@task()
def queue_due_reminders() -> int:
    """The reminders' task at its old path. The database queue stores a task by its path, and
    rows queued before reminders moved to signups name this one; it runs signups' task. Safe to
    delete once no release before the move is upgraded from."""
    # By name, not by import: this app sits below signups (docs/architecture.md, "Layers").
    return import_string("turnout.signups.tasks.queue_due_reminders").call()
