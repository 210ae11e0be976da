"""Background tasks of the platform itself (queued by the worker's timetable)."""

from django_tasks import task

from . import upkeep


@task()
def refresh_planner_statistics() -> bool:
    return upkeep.refresh_planner_statistics()
