"""When the events of one row of an events sheet start and end, from its date, time and end
cells (`spreadsheets` reads the rest of the row): one moment for most rows, one for each day a
cell of several days names ("15 May, 22 May"), a window of days for a camp ("15–17 May").

What a cell says is read by `sheet_cells` and `sheet_days`; here the cells are put together:
a date cell's own time, a start that gives the end too ("14–16"), an end on another day or past
midnight ("22:00–02:00"), a zone written after the time (`sheet_clock_zones`), a year of another
calendar (`sheet_calendars`)."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .services import DEFAULT_DURATION
from .sheet_calendars import common_era_cell, common_era_day
from .sheet_cells import (
    cell_clock,
    cell_clock_range,
    cell_day,
    check_zone_note,
    has_date,
    local_moment,
    time_in_date,
    zone_note,
)
from .sheet_clock_zones import check_clock_zone, clock_zone
from .sheet_days import cell_days, slash_order
from .sheet_rows import RowRejected


@dataclass(frozen=True)
class RowMoments:
    """The (start, end) of each event a row gives, and what a person should know of them."""

    moments: list[tuple[datetime, datetime]]
    notes: list[str]


@dataclass
class SheetDates:
    """What the whole sheet says of its dates: the year its title names ("May vigils 2027")
    and the order its slash dates show (None: none shows it)."""

    title_year: int | None = None
    is_month_first: bool | None = None


def row_moments(
    row: dict, *, tz: ZoneInfo, city: str, country: str, language: str | None, sheet: SheetDates
) -> RowMoments:
    """The moments of a row's events in the zone `tz` of its city."""
    month_first = sheet.is_month_first
    if month_first is None:
        month_first = country == "US"  # a US sheet writes 5/6/2027 for 6 May
    row = {**row, **{name: common_era_cell(row[name]) for name in _MOMENT_CELLS if row.get(name)}}
    with slash_order(is_month_first=month_first):
        return _moments(row, tz=tz, city=city, country=country, language=language, sheet=sheet)


_MOMENT_CELLS = ("date", "start_time", "end_time", "end_date")
# An end earlier on the clock than the start is on the next day when the night it spans is
# no longer than this ("22:00–02:00"); a longer one is more likely two cells swapped.
_LONGEST_NIGHT = timedelta(hours=12)


def _moments(
    row: dict, *, tz: ZoneInfo, city: str, country: str, language: str | None, sheet: SheetDates
) -> RowMoments:
    # A moment written with its offset ("2031-06-14T12:00:00Z") is the place's clock time.
    start_cell, end_cell = (
        local_moment(row.get(name, ""), tz) for name in ("start_time", "end_time")
    )
    date_cell = local_moment(row.get("date", ""), tz)
    date_cell, date_zone = clock_zone(date_cell)  # "14:00 CET", "2pm ET": the place's?
    start_cell, start_zone = clock_zone(start_cell)
    end_cell, end_zone = clock_zone(end_cell)
    written_zone = date_zone or start_zone or end_zone
    if not date_cell and has_date(start_cell):  # "Start": "6/14/2031 2:00pm", no date column
        date_cell, start_cell = start_cell, ""
    if not date_cell:
        raise RowRejected(_("the date is empty"))
    cell, note = zone_note(date_cell)
    first, _arrow, last = cell.partition("→")  # Notion writes a span as "A → B"
    days = cell_days(first.strip(), language, title_year=sheet.title_year)
    notes = []
    if days.has_title_year:
        notes.append(
            _("“%(cell)s” gives no year; it is read in %(year)s, the year above the header")
            % {"cell": first.strip(), "year": sheet.title_year}
        )
    spans = [(_era(day, country, first, notes), _era(last_day, country, first, []))
             for day, last_day in days.spans]  # fmt: skip
    end_day: date | None = None
    if has_date(last):
        end_day = cell_day(last.strip(), language)
    if last_day := local_moment(row.get("end_date", ""), tz):  # "Event End Date"
        end_day = cell_day(last_day, language)
        end_cell = end_cell or time_in_date(last_day)
    elif has_date(end_cell):  # "End": "6/15/2031 11:00am", the end's own day
        end_day, end_cell = cell_day(end_cell, language), time_in_date(end_cell)
    if end_day is not None:
        end_day = _era(end_day, country, last or end_cell, [])
    if len(spans) > 1:
        if end_day is not None:
            raise RowRejected(
                _("the date names several days and the row an end on another day; give each "
                  "day its own row")
            )  # fmt: skip
        notes.append(
            ngettext(
                "“%(cell)s” names %(count)d days: one event is imported for each",
                "“%(cell)s” names %(count)d days: one event is imported for each",
                len(spans),
            )
            % {"cell": first.strip(), "count": len(spans)}
        )
    # A cell without its year keeps no year to split its time off at ("Sat 15 May 14:00").
    clock_of_first = _clock_part(first) if days.has_title_year else time_in_date(first)
    starts, ends_of_start = cell_clock_range(start_cell or clock_of_first)
    if not starts:
        notes.append(_("no start time is given; the event is set at 12:00"))
    moments: list[tuple[datetime, datetime]] = []
    for day, last_of_span in spans:
        final = end_day or last_of_span
        span_end_cell = end_cell or ("23:59" if final != day else "")  # a camp's last day, whole
        ends = ends_of_start
        if span_end_cell or last.strip():
            ends = cell_clock(span_end_cell or time_in_date(last))
        starts_at = datetime.combine(day, starts or time(12, 0), tzinfo=tz)
        ends_at = (
            datetime.combine(final, ends, tzinfo=tz)
            if ends
            else datetime.combine(final, starts_at.time(), tzinfo=tz) + DEFAULT_DURATION
        )
        check_zone_note(note, starts_at, city)
        check_clock_zone(written_zone, starts_at, city)
        overnight = ends_at + timedelta(days=1)
        if ends_at < starts_at and final == day and overnight - starts_at <= _LONGEST_NIGHT:
            ends_at = overnight
            if not moments:
                notes.append(
                    _("the event runs past midnight; it ends on %(day)s")
                    % {"day": ends_at.date().isoformat()}
                )
        if ends_at < starts_at:
            raise RowRejected(_("the event ends before it starts"))
        moments.append((starts_at, ends_at))
    return RowMoments(moments, notes)


_CLOCK = r"\d{1,2}(?:[:h]\d{2}\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)"
_CLOCK_PART = re.compile(rf"(?<![\d/.]){_CLOCK}(?:\s*[-–—]\s*{_CLOCK})?(?![\d/.])", re.I)


def _era(day: date, country: str, cell: str, notes: list[str]) -> date:
    """`day` in the common era; a note for a year of another calendar, said once."""
    day, note = common_era_day(day, country=country, cell=cell.strip())
    if note and note not in notes:
        notes.append(note)
    return day


def _clock_part(text: str) -> str:
    """The clock time (or range) a date cell without its year carries: "14:00", "2pm-4pm"."""
    match = _CLOCK_PART.search(text)
    return match[0] if match else ""
