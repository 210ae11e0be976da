"""Read-only queries behind the meet-up pages."""

from datetime import datetime

from django.db.models import QuerySet

from turnout.campaigns.models import LocalEvent

from .models import MeetupSeries, SeriesOccurrence


def group_series(group) -> QuerySet[MeetupSeries]:
    return MeetupSeries.objects.filter(group=group).order_by("title", "pk")


def coming_dates(series: MeetupSeries, *, now: datetime) -> list[SeriesOccurrence]:
    """The series' dates that have not ended, cancelled ones included (and marked); not
    those an administrator took off the site."""
    return list(
        series.occurrences.filter(
            event__ends_at__gte=now, event__status__in=LocalEvent.VISIBLE_STATUSES
        )
        .select_related("event")
        .order_by("event__starts_at", "pk")
    )


def continuation(series: MeetupSeries) -> MeetupSeries | None:
    """The series that carries on after an edit of "this and following", if any."""
    return series.continuations.order_by("-pk").first()


def series_summary(event) -> dict | None:
    """What the public API says of the series an event is a date of (None if it is not)."""
    try:
        occurrence = event.series_occurrence
    except SeriesOccurrence.DoesNotExist:
        return None
    series = occurrence.series
    return {
        "uid": str(series.uid),
        "rrule": series.rrule,
        "recurrence_id": occurrence.local_recurrence_id.isoformat(),
        "path": series.get_absolute_url(),
    }
