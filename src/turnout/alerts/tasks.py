"""Background tasks of alerts, on the worker's timetable (see AlertsConfig.ready)."""

from django.utils import timezone
from django_tasks import task

from . import nearly_full, proposal_alerts, signup_digests


@task()
def queue_proposal_alerts() -> int:
    """Email coordinators who want to know right away of each proposal that now waits."""
    return proposal_alerts.queue_proposal_alerts(now=timezone.now())


@task()
def queue_digests() -> int:
    """Write the hourly and daily digests that are due (signups; proposals once a day)."""
    now = timezone.now()
    return proposal_alerts.queue_proposal_digests(now=now) + signup_digests.queue_signup_digests(
        now=now
    )


@task()
def queue_nearly_full_notes() -> int:
    """Tell organizers whose event became nearly full."""
    return nearly_full.queue_nearly_full_notes(now=timezone.now())
