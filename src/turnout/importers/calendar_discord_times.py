"""Discord's timestamps in an entry's description ("<t:1901707200:F>", which each reader's app
shows in their own clock) written out as the event's local day and time: on the event's page
the markup would stand as it is."""

import re
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from turnout.localization.formatting import format_clock, format_day

if TYPE_CHECKING:
    from .calendar_entries import CalendarEntry

# <t:SECONDS> or <t:SECONDS:STYLE>; a relative one ("in 2 months", style R) in brackets right
# after the same moment says it again.
_TIMESTAMP = re.compile(r"<t:(-?\d{1,12})(?::([tTdDfFR]))?>(?:\s*\(<t:\1:R>\))?")
_DAY_STYLES, _CLOCK_STYLES = "dD", "tT"


def with_discord_times(entry: "CalendarEntry", language: str | None = None) -> "CalendarEntry":
    """`entry` with each Discord timestamp in its description written in the event's zone."""
    if "<t:" not in entry.description:
        return entry
    zone = ZoneInfo(entry.record.timezone)

    def written(match: re.Match) -> str:
        try:
            moment = datetime.fromtimestamp(int(match[1]), tz=UTC).astimezone(zone)
        except (OverflowError, OSError, ValueError):
            return match[0]  # beyond any calendar: left as written
        style = match[2] or "f"
        if style in _DAY_STYLES:
            return format_day(moment, language)
        if style in _CLOCK_STYLES:
            return format_clock(moment, language)
        return f"{format_day(moment, language)} {format_clock(moment, language)}"

    entry.description = _TIMESTAMP.sub(written, entry.description)
    return entry
