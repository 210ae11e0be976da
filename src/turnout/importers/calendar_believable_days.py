"""Which days a calendar entry may start on: a start no one could turn up to is a typing
mistake or a placeholder a program wrote for a date it does not have, not a protest."""

from datetime import UTC, date, datetime, time, timedelta

from django.utils.translation import gettext as _

from .calendar_entries import CalendarEntry
from .calendar_properties import EntryNotUnderstood

# A start outside these bounds is a typing mistake or a placeholder ("31 December 9999"), not a
# day anyone will turn up; importing it would show a protest in 1899 or one no one can reach.
EARLIEST_YEAR = 1900
MAX_YEARS_AHEAD = 10
# An occupation or a camp may last months; an entry longer than this is two dates of different
# entries run together (a damaged file) or a placeholder end, not one event.
LONGEST_EVENT = timedelta(days=366)
# Unix time zero: what a program writes for a date it never had (a timestamp left at 0).
_UNIX_ZERO = datetime(1970, 1, 1, tzinfo=UTC)


def refuse_unbelievable_day(entry: CalendarEntry, *, now: datetime) -> None:
    """Raise `EntryNotUnderstood`, in words, for an entry that starts on no believable day."""
    starts_at = entry.record.starts_at
    assert starts_at is not None  # a calendar entry always has its moment
    if starts_at.year < EARLIEST_YEAR or starts_at.year > now.year + MAX_YEARS_AHEAD:
        raise EntryNotUnderstood(
            _("its start %(day)s is before %(earliest)s or more than %(years)s years ahead")
            % {
                "day": entry.record.day.isoformat(),
                "earliest": EARLIEST_YEAR,
                "years": MAX_YEARS_AHEAD,
            }
        )
    ends_at = entry.record.ends_at
    if ends_at is not None and ends_at - starts_at > LONGEST_EVENT:
        raise EntryNotUnderstood(
            _("it lasts more than a year (from %(start)s to %(end)s)")
            % {"start": entry.record.day.isoformat(), "end": ends_at.date().isoformat()}
        )
    if is_unix_zero(starts_at, entry.wall_times):
        raise EntryNotUnderstood(
            _("its start is 1 January 1970 at midnight, the date a program writes when it has none")
        )


def is_unix_zero(starts_at: datetime, wall_times: tuple[datetime, datetime] | None) -> bool:
    """Whether a start is Unix time zero: the moment itself, or midnight of 1 January 1970 as
    the entry wrote it (in its own zone, or on a clock that names none)."""
    if starts_at == _UNIX_ZERO:
        return True
    written = wall_times[0] if wall_times else starts_at
    return written.date() == date(1970, 1, 1) and written.time() == time(0)
