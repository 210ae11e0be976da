"""Background tasks of signups: reminders and the retention sweep."""

from django.utils import timezone
from django_tasks import task

from . import reminders
from .services import privacy


@task()
def queue_due_reminders() -> int:
    """Write the reminders that are due to the outbox."""
    return reminders.queue_due_reminders(now=timezone.now())


@task()
def anonymize_expired_signups() -> int:
    """Anonymize signups of events that ended longer ago than SIGNUP_RETENTION_DAYS."""
    return privacy.anonymize_expired_signups(now=timezone.now())
