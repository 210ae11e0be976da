"""Background tasks of roles: the briefing reminder before the event."""

from django.utils import timezone
from django_tasks import task

from . import reminders


@task()
def queue_due_briefings() -> int:
    """Write the role briefing reminders that are due to the outbox."""
    return reminders.queue_due_briefings(now=timezone.now())
