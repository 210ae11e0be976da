"""TZIDs that name an offset from UTC and no zone ("GMT+05:30", "UTC+3", "+03:00"), as Android
and some web calendars write them, with or without a VTIMEZONE: the offset they name, for
`calendar_zones` to find the zone that keeps it."""

import re
from datetime import date, timedelta

_OFFSET_NAME = re.compile(r"(?:GMT|UTC)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.I)


def named_offset(tzid: str) -> timedelta | None:
    """The offset east of UTC that `tzid` names ("GMT+05:30" is five and a half hours), or
    None for a name of no offset or of one no clock keeps (beyond 14 hours)."""
    match = _OFFSET_NAME.fullmatch(tzid.strip())
    if match is None:
        return None
    sign, hours, minutes = match.groups()
    if int(minutes or 0) >= 60:
        return None
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if offset > timedelta(hours=14):
        return None
    return -offset if sign == "-" else offset


def offset_all_year(offset: timedelta, year: int) -> tuple[timedelta | None, ...]:
    """`offset` on every day of `year`, as `calendar_zones.offsets_in_year` gives a zone's."""
    return (offset,) * (date(year + 1, 1, 1) - date(year, 1, 1)).days
