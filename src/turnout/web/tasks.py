"""Background tasks of the platform itself (queued by the worker's timetable)."""

from django.utils import timezone
from django_tasks import task

from . import rate_limits, upkeep


@task()
def refresh_planner_statistics() -> bool:
    return upkeep.refresh_planner_statistics()


@task()
def forget_past_rate_counters() -> int:
    return rate_limits.forget_past_windows(now=timezone.now())
