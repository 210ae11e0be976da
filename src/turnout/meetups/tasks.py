"""Background tasks of meetups, on the worker's timetable (see MeetupsConfig.ready)."""

from django.utils import timezone
from django_tasks import task

from .services import sync_all_series


@task()
def create_coming_dates() -> int:
    """Keep every series' dates of the coming weeks in existence as events."""
    return sync_all_series(now=timezone.now())
