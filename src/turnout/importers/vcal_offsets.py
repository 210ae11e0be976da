"""The clock a vCalendar 1.0 file writes its times in: `TZ:+01` (or `-05:00`) and one
`DAYLIGHT:TRUE;+02;20260329T020000;20261025T030000;CET;CEST` line per summer.

vCalendar 1.0 (Palm, old Nokia phones, Lotus Notes, CRM exports) has no VTIMEZONE: a time
without "Z" is local to the file's offsets, so it is read at them, and an IANA zone is named
only where the event's country has a zone that keeps exactly those offsets all year
(`calendar_zones.zone_keeping_clock`).
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache

from icalendar import Calendar

_OFFSET = re.compile(r"\s*([+-])(\d{1,2})(?::?(\d{2}))?\s*")
_LOCAL_TIME = re.compile(r"\s*(\d{8})T(\d{4})(\d{2})?(Z?)\s*", re.I)
# Offsets beyond these are no clock's (UTC-12 to UTC+14).
_WEST_LIMIT = timedelta(hours=-12)
_EAST_LIMIT = timedelta(hours=14)
# A file may give one DAYLIGHT line per year; more are noise, read no further.
_MOST_SUMMERS = 50


@dataclass(frozen=True)
class Summer:
    """One DAYLIGHT period: from `starts` (UTC) to `ends` (UTC) the clock is at `offset`."""

    offset: timedelta
    starts: datetime
    ends: datetime


class FileClock(tzinfo):
    """The file's standard offset, and its daylight offset within each summer it gives."""

    def __init__(self, standard: timedelta, summers: tuple[Summer, ...]) -> None:
        self.standard = standard
        self.summers = summers

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return self.standard
        wall = dt.replace(tzinfo=None)
        for summer in self.summers:
            # The wall time taken at standard time says whether it falls in summer: the hour
            # skipped in spring reads as summer time, the hour repeated in autumn as standard.
            moment = wall - self.standard
            if summer.starts <= moment.replace(tzinfo=UTC) < summer.ends:
                return summer.offset
        return self.standard

    def dst(self, dt: datetime | None) -> timedelta:
        return self.utcoffset(dt) - self.standard

    def tzname(self, dt: datetime | None) -> str:
        return _offset_label(self.utcoffset(dt))

    def fromutc(self, dt: datetime) -> datetime:
        moment = dt.replace(tzinfo=UTC)
        offset = next(
            (s.offset for s in self.summers if s.starts <= moment < s.ends), self.standard
        )
        return (dt + offset).replace(tzinfo=self)

    def __repr__(self) -> str:
        return f"FileClock({_offset_label(self.standard)}, {len(self.summers)} summers)"


def file_clock(calendar: Calendar) -> FileClock | None:
    """The clock a vCalendar 1.0 file's `TZ` and `DAYLIGHT` lines give; None without `TZ`."""
    standard = _offset(_values(calendar, "TZ")[:1])
    if standard is None:
        return None
    summers = []
    for value in _values(calendar, "DAYLIGHT")[:_MOST_SUMMERS]:
        summer = _summer(value, standard)
        if summer is not None:
            summers.append(summer)
    return FileClock(standard, tuple(sorted(summers, key=lambda s: s.starts)))


def _values(calendar: Calendar, name: str) -> list[str]:
    value = calendar.get(name)
    values = value if isinstance(value, list) else [value] if value is not None else []
    # As written: a parser that took the value for TEXT would escape its semicolons.
    texts = [
        v.to_ical().decode(errors="replace") if hasattr(v, "to_ical") else str(v) for v in values
    ]
    return [t.replace("\\;", ";").replace("\\,", ",") for t in texts]


def _offset(values: list[str]) -> timedelta | None:
    match = _OFFSET.fullmatch(values[0]) if values else None
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    offset = -offset if sign == "-" else offset
    return offset if _WEST_LIMIT <= offset <= _EAST_LIMIT else None


def _summer(value: str, standard: timedelta) -> Summer | None:
    """ "TRUE;+02;20260329T020000;20261025T030000;CET;CEST": the start is a wall time of
    standard time, the end one of summer time (UTC where it ends in "Z")."""
    fields = [f.strip() for f in value.split(";")]
    if len(fields) < 4 or fields[0].upper() != "TRUE":
        return None  # "DAYLIGHT:FALSE": no summer time
    offset = _offset([fields[1]])
    starts = _utc(fields[2], standard)
    ends = _utc(fields[3], offset) if offset is not None else None
    if offset is None or starts is None or ends is None or not starts < ends:
        return None
    if ends - starts > timedelta(days=366):
        return None
    return Summer(offset=offset, starts=starts, ends=ends)


def _utc(text: str, offset: timedelta) -> datetime | None:
    match = _LOCAL_TIME.fullmatch(text)
    if match is None:
        return None
    day, hour_minute, seconds, utc = match.groups()
    try:
        wall = datetime.strptime(day + hour_minute + (seconds or "00"), "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return (wall if utc else wall - offset).replace(tzinfo=UTC)


def _offset_label(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def fixed_offset_zone(offset: timedelta) -> str:
    """The IANA name of a fixed whole-hour offset ("Etc/GMT-1" is UTC+01:00); UTC otherwise."""
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not hours:
        return "UTC"
    return f"Etc/GMT{-hours:+d}"  # Etc's signs are the other way round


@cache
def _offsets_in_year(
    standard: timedelta, summers: tuple[Summer, ...], year: int
) -> tuple[timedelta | None, ...]:
    clock = FileClock(standard, summers)
    first = datetime(year, 1, 1, 12, tzinfo=UTC)
    days = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    return tuple(
        clock.utcoffset((first + timedelta(days=n) + clock.standard).replace(tzinfo=None))
        for n in range(days)
    )


def clock_offsets(clock: FileClock, year: int) -> tuple[timedelta | None, ...]:
    """The clock's offset at noon UTC of every day of `year` (as `calendar_zones` compares)."""
    return _offsets_in_year(clock.standard, clock.summers, year)
