"""A series in a calendar feed: one master VEVENT with the RRULE, as calendar apps expect.

The master carries the series' UID (stable for the life of the series), EXDATEs for cancelled
dates and, for each date moved or edited on its own, an overriding VEVENT with the same UID and
a RECURRENCE-ID (RFC 5545 3.8.4.4). A participant's own invite stays one VEVENT per date, with
that date's event UID: they signed up for one date, not for the series.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from icalendar import Calendar, Event, vRecur

from turnout.campaigns.calendar import TIMEZONE_MARGIN, build_vevent
from turnout.campaigns.models import LocalEvent

from . import recurrence
from .models import MeetupSeries, SeriesOccurrence

# An open-ended rule repeats for ever; a feed gives the time zone's rules this far ahead.
OPEN_ENDED_ZONE_YEARS = 5


def series_uid(series: MeetupSeries) -> str:
    return f"{series.uid}@turnout-series"


def _follows_rule(occurrence: SeriesOccurrence) -> bool:
    """Whether the date's event is what the master says of it (then no override is needed)."""
    event, series = occurrence.event, occurrence.series
    start = occurrence.recurrence_id
    return (
        not occurrence.is_detached
        and (event.starts_at, event.ends_at) == (start, start + series.duration)
        and (event.title, event.venue, event.city) == (series.title, series.venue, series.city)
        and event.status == LocalEvent.Status.APPROVED
    )


def master_vevent(
    series: MeetupSeries, occurrences: list[SeriesOccurrence], *, now: datetime, language: str
) -> Event:
    pattern = LocalEvent(
        **{name: getattr(series, name) for name in ("title", "description", "city", "country")},
        venue=series.venue,
        address=series.address,
        latitude=series.latitude,
        longitude=series.longitude,
        attendance_mode=series.attendance_mode,
        timezone=series.timezone,
        status=LocalEvent.Status.APPROVED,
        starts_at=series.first_start,
        ends_at=series.first_start + series.duration,
        sequence=series.sequence,
        updated_at=series.updated_at,
    )
    url = f"{settings.SITE_URL}{series.get_absolute_url()}"
    vevent = build_vevent(pattern, now=now, language=language, url=url)
    vevent["uid"] = series_uid(series)
    vevent.add("rrule", vRecur.from_ical(series.rrule))
    left_out = [o.local_recurrence_id for o in occurrences if not _is_listed(o)]
    if left_out:
        vevent.add("exdate", left_out)
    return vevent


def _is_listed(occurrence: SeriesOccurrence) -> bool:
    """Whether the rule's date stands in the feed: not cancelled, and not taken off the site
    (an administrator hid it: the rule must not bring it back, nor an override its text)."""
    event = occurrence.event
    return not event.is_cancelled and event.status in LocalEvent.VISIBLE_STATUSES


def override_vevent(occurrence: SeriesOccurrence, *, now: datetime, language: str) -> Event:
    vevent = build_vevent(occurrence.event, now=now, language=language)
    vevent["uid"] = series_uid(occurrence.series)
    vevent.add("recurrence-id", occurrence.local_recurrence_id)
    return vevent


@dataclass
class SeriesFeed:
    """A feed's events split: those standing alone, and the series' VEVENTs that replace the
    rest; `add_to()` puts the VEVENTs, and the time zones they need, into a calendar."""

    standalone: list[LocalEvent]
    components: list[Event] = field(default_factory=list)
    first_day: date | None = None
    last_day: date | None = None

    def add_to(self, calendar: Calendar) -> None:
        for component in self.components:
            calendar.add_component(component)
        if self.components and self.first_day and self.last_day:
            calendar.add_missing_timezones(
                first_date=self.first_day - TIMEZONE_MARGIN,
                last_date=self.last_day + TIMEZONE_MARGIN,
            )


def series_feed(events: Iterable[LocalEvent], *, now: datetime, language: str) -> SeriesFeed:
    """Replace the dates of a series among `events` by the series' master and overrides."""
    events = list(events)
    in_feed = {event.pk for event in events}
    series_ids = set(
        SeriesOccurrence.objects.filter(event__in=in_feed).values_list("series_id", flat=True)
    )
    covered: set[int] = set()
    feed = SeriesFeed(standalone=[])
    for series in MeetupSeries.objects.filter(pk__in=series_ids).order_by("dtstart", "pk"):
        occurrences = list(series.occurrences.select_related("event", "series"))
        feed.components.append(master_vevent(series, occurrences, now=now, language=language))
        for occurrence in occurrences:
            if not recurrence.occurs_at(series.rrule, series.first_start, occurrence.recurrence_id):
                continue  # a date the rule lost but people kept: it stays an event of its own
            covered.add(occurrence.event_id)
            # Every moved date, also one older than the feed's window: the master would
            # otherwise put it back where the rule had it.
            if _is_listed(occurrence) and not _follows_rule(occurrence):
                feed.components.append(override_vevent(occurrence, now=now, language=language))
        feed.first_day = min(feed.first_day or series.dtstart, series.dtstart)
    if series_ids:
        feed.last_day = now.date() + timedelta(days=366 * OPEN_ENDED_ZONE_YEARS)
    feed.standalone = [event for event in events if event.pk not in covered]
    return feed
