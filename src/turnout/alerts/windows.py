"""When a digest is due and which stretch of time it covers.

An hourly digest covers whole hours; a daily one runs from 08:00 to 08:00 in the site's time
zone (settings.TIME_ZONE: people and campaigns have no zone of their own, and one site usually
serves one country). Windows meet end to end (`since` included, `until` not), each digest's end
is the next one's start, so nothing is told twice or left out, however late the worker runs.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from .models import Frequency

DAILY_AT = time(8, 0)
# A window closes a little after its end, so that a signup written at 08:59:59.9 and committed
# a moment later is in it rather than in no window at all.
GRACE = timedelta(minutes=2)
PERIODS = {Frequency.HOURLY: timedelta(hours=1), Frequency.DAILY: timedelta(days=1)}


@dataclass(frozen=True)
class Window:
    since: datetime
    until: datetime


def last_boundary(frequency: str, *, now: datetime) -> datetime:
    """The latest end of a `frequency` window that has closed by `now`."""
    moment = now - GRACE
    if frequency == Frequency.HOURLY:
        return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    if frequency != Frequency.DAILY:
        raise ValueError(f"{frequency} has no digest")
    zone = ZoneInfo(settings.TIME_ZONE)
    local = moment.astimezone(zone)
    boundary = datetime.combine(local.date(), DAILY_AT, tzinfo=zone)
    if boundary > local:
        boundary = datetime.combine(local.date() - timedelta(days=1), DAILY_AT, tzinfo=zone)
    return boundary.astimezone(UTC)


def due_window(frequency: str, *, now: datetime, sent_up_to: datetime | None) -> Window | None:
    """The window a digest is due for now, or None if the last one sent reaches the boundary.

    The first digest covers one period; after an outage one digest covers all that was missed.
    """
    until = last_boundary(frequency, now=now)
    if sent_up_to is not None and sent_up_to >= until:
        return None
    return Window(since=sent_up_to or until - PERIODS[Frequency(frequency)], until=until)
