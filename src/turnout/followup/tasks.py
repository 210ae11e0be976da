"""Background task of followup: the day-after emails."""

from django.utils import timezone
from django_tasks import task

from . import services


@task()
def queue_due_follow_ups() -> int:
    """Write the follow-ups that are due to the outbox."""
    return services.queue_due_follow_ups(now=timezone.now())
