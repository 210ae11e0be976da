"""A whole-day entry whose hour is in its words: people tick "all day" in Google Calendar and
write "Hora: 18:30 h", "von 14 bis 16 Uhr" or "午後2時から4時まで" in the description. The
event is at that hour on its day, in its own zone, and the user is told it was read so. And
an entry that begins on a day and ends at an hour, or the other way round (scripts write
"DTSTART;VALUE=DATE" beside a DTEND with a time, which RFC 5545 does not allow): read from
its day's midnight, or to its day's end, and the user told to check its hours."""

from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from .times import ZoneNotUnderstood, find_times, local_time

if TYPE_CHECKING:
    from .calendar_entries import CalendarEntry

# An hour further down a long description is likelier another one's (the bus, the meeting
# after); the first lines are where people write the event's own.
_LOOKED_AT = 400
_USUAL_LENGTH = timedelta(hours=2)
# How the reader keeps a whole day: from its midnight to the minute before the next one.
_WHOLE_DAY = timedelta(days=1, minutes=-1)


def with_hours_read(entry: "CalendarEntry", component) -> "CalendarEntry":
    """`entry` (read from `component`) at the hours its words give, or told to be checked."""
    return timed_by_its_words(with_kinds_noted(entry, component))


def timed_by_its_words(entry: "CalendarEntry") -> "CalendarEntry":
    """`entry` at the hour its title or description gives, when it lasts
    one whole day; any other entry as it is."""
    record = entry.record
    if entry.is_zone_unknown or record.starts_at is None or record.ends_at is None:
        return entry
    zone = ZoneInfo(record.timezone)
    local = record.starts_at.astimezone(zone)
    if local.time() != time(0) or record.ends_at - record.starts_at != _WHOLE_DAY:
        return entry  # timed already, or several days (an exhibition's opening hours)
    span = find_times(entry.title) or find_times(entry.description[:_LOOKED_AT])
    if span is None:
        return entry
    try:
        clock, day = local_time(
            span.starts, day=local.date(), written_zone=span.zone, event_zone=record.timezone
        )
    except ZoneNotUnderstood:
        clock, day = span.starts, local.date()
    if day != local.date():
        return entry  # an hour of another day in another zone: the day is what is sure
    starts_at = datetime.combine(day, clock, tzinfo=zone)
    ends_at = starts_at + _USUAL_LENGTH
    if span.ends is not None:
        ends_at = datetime.combine(day, span.ends, tzinfo=zone)
        if ends_at <= starts_at:
            ends_at += timedelta(days=1)  # "22 bis 1 Uhr": past midnight
    # As the reader writes every moment: a wall time the clocks skip is the one it falls on.
    record.starts_at, record.ends_at = (
        m.astimezone(UTC).astimezone(zone) for m in (starts_at, ends_at)
    )
    record.day = record.starts_at.date()
    entry.notes.append(
        _("it is marked as lasting the whole day; its hour was read from its description")
    )
    return entry


def with_kinds_noted(entry: "CalendarEntry", component) -> "CalendarEntry":
    """`entry` with a note when its DTSTART and DTEND are not both days or both times."""
    start, end = (getattr(component.get(name), "dt", None) for name in ("DTSTART", "DTEND"))
    if isinstance(start, date) and isinstance(end, date):
        if isinstance(start, datetime) != isinstance(end, datetime):
            entry.notes.append(
                _(
                    "its start (DTSTART) and end (DTEND) are not both days or both times;"
                    " it was read from the day's beginning or to its end: check its hours"
                )
            )
    return entry
