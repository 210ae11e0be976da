"""CSV imports of local events, with the columns documented in the README (groups: group_sheets).

A sheet is read whole first: every row that would be rejected is listed with its row number
and the reason, and nothing is written unless the caller accepts skipping them. Comma,
semicolon and tab separated files from any spreadsheet program are read (UTF-8, with or
without a byte order mark); column names ignore case and spaces.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from turnout.campaigns.models import MAX_CAPACITY, Campaign, LocalEvent
from turnout.campaigns.platforms import recognize_platform
from turnout.campaigns.validators import available_time_zones
from turnout.web.numbers import NumberRefused, whole_number

from .countries import country_codes_for
from .dates import find_dates, find_time_range
from .places import PlaceNotUnderstood, read_place
from .records import EventRecord
from .services import DEFAULT_DURATION, ImportSummary, save_imported_event
from .sheet_columns import EVENT_ALIASES
from .sheet_rows import RowRejected, SheetReading, coordinate, read_rows

EVENT_COLUMNS = (
    "campaign", "title", "city", "country", "date", "start_time", "end_time", "timezone",
    "venue", "address", "signup_url", "status", "description", "capacity", "latitude",
    "longitude",
)  # fmt: skip
EVENT_REQUIRED = ("city", "country", "date")


@dataclass
class EventRow:
    number: int
    campaign: Campaign | None
    title: str
    description: str
    status: str
    capacity: int | None
    address: str
    record: EventRecord


def read_event_rows(text: str, *, source: str, language: str | None = None) -> SheetReading:
    """Validate every row of an events sheet; rows that fail are listed, not raised."""
    reading, reading.rows = read_rows(
        text,
        source=source,
        columns=EVENT_COLUMNS,
        required=EVENT_REQUIRED,
        aliases=EVENT_ALIASES,
        parse_row=lambda number, row: _event_row(number, row, language),
        key=_same_event,
    )
    return reading


def _same_event(event_row: EventRow) -> tuple:
    """Rows with the same key describe one event: its campaign's (or title's) city and
    country, and its day when no campaign gives one."""
    return (
        event_row.campaign.pk if event_row.campaign else event_row.title,
        event_row.record.city.lower(),
        event_row.record.country,
        None if event_row.campaign else event_row.record.day,
    )


def _event_row(number: int, row: dict, language: str | None) -> EventRow:
    campaign = None
    if slug := row.get("campaign"):
        campaign = Campaign.objects.filter(slug=slug).first()
        if campaign is None:
            raise RowRejected(_("there is no campaign “%(slug)s”") % {"slug": slug})
    if not row.get("city"):
        raise RowRejected(_("the city is empty"))
    codes = country_codes_for(row.get("country", ""), language=language)
    if len(codes) != 1:
        raise RowRejected(
            _("“%(country)s” is not a country the importer knows; use a code such as NL")
            % {"country": row.get("country", "")}
        )
    try:
        place = read_place([row["city"], *codes], language=language)
    except PlaceNotUnderstood as error:
        raise RowRejected(str(error)) from error
    zone = row.get("timezone") or place.timezone
    if zone not in available_time_zones():
        raise RowRejected(
            _("“%(zone)s” is not a time zone such as Europe/Amsterdam") % {"zone": zone}
        )
    day = _day(row.get("date", ""), language)
    starts, ends = _clock_range(row.get("start_time") or _time_after_date(row.get("date", "")))
    if row.get("end_time"):
        ends = _clock(row["end_time"])
    tz = ZoneInfo(zone)
    starts_at = datetime.combine(day, starts or time(12, 0), tzinfo=tz)
    ends_at = datetime.combine(day, ends, tzinfo=tz) if ends else starts_at + DEFAULT_DURATION
    if ends_at < starts_at:
        raise RowRejected(_("the event ends before it starts"))
    signup_url = row.get("signup_url", "")
    if signup_url:
        try:
            URLValidator(schemes=["http", "https"])(signup_url)
        except ValidationError as error:
            raise RowRejected(_("the signup link is not a web address")) from error
    latitude, longitude = coordinate(row, "latitude", 90), coordinate(row, "longitude", 180)
    return EventRow(
        number=number,
        campaign=campaign,
        title=row.get("title", "")[:200],
        description=row.get("description", ""),
        status=_status(row.get("status", "")),
        capacity=_capacity(row.get("capacity", "")),
        address=row.get("address", "")[:300],
        record=EventRecord(
            city=place.city,
            country=place.country,
            timezone=zone,
            day=day,
            line=number,
            signup_url=signup_url,
            platform=str(recognize_platform(signup_url)) if signup_url else None,
            latitude=latitude if latitude is not None else place.latitude,
            longitude=longitude if longitude is not None else place.longitude,
            venue=row.get("venue", "")[:200],
            starts_at=starts_at,
            ends_at=ends_at,
        ),
    )


# Numeric dates find_dates leaves alone: "13-05-2031" (day first, as Dutch sheets write it) and
# "2031/05/13"; a date cell may carry its time after it ("2031-05-13 14:00").
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")


def _day(text: str, language: str | None) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        if match := _DAY_MONTH_YEAR.fullmatch(text.split(" ")[0]):
            day, month, year = map(int, match.groups())
            if month > 12 >= day:  # "05-13-2031": month first, as a US sheet writes it
                day, month = month, day
            return date(year, month, day)
        if match := _YEAR_MONTH_DAY.fullmatch(text.split(" ")[0]):
            return date(*map(int, match.groups()))
    except ValueError:
        pass  # "31-02-2031": no such day, refused below
    for mention in find_dates(text, language=language):
        if mention.has_day and mention.year:
            return mention.window(mention.year)[0]
    raise RowRejected(_("“%(text)s” is not a date such as 2025-05-13") % {"text": text})


def _time_after_date(text: str) -> str:
    """The clock time a date cell carries after its date ("13/05/2031 14:00"), or ""."""
    parts = text.split(maxsplit=1)
    return parts[1] if len(parts) == 2 and re.match(r"\d{1,2}[:.h]\d{2}", parts[1]) else ""


def _clock(text: str) -> time | None:
    return _clock_range(text)[0]


# A cell holding one clock time as sheets write it: "14:00", "14.30", "14h30", "14u", "14 Uhr".
_CELL_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2})(?::00)?|\s*(?:u|uur|h|hr|uhr|godz\.?))", re.I
)


def _clock_range(text: str) -> tuple[time | None, time | None]:
    """A time cell: "14:00", "2 PM", "14u", or a range ("14:00–16:00") that gives the end too."""
    if not text:
        return None, None
    if match := _CELL_CLOCK.fullmatch(text.strip()):
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute), None
    found = find_time_range(text)
    if found is None:
        raise RowRejected(_("“%(text)s” is not a time such as 14:00") % {"text": text})
    return found


def _status(text: str) -> str:
    if not text:
        return LocalEvent.Status.APPROVED
    for value, label in LocalEvent.Status.choices:
        if text.lower() in {value, str(label).lower()}:
            return value
    raise RowRejected(
        _("status “%(text)s” is not one of %(choices)s")
        % {"text": text, "choices": ", ".join(LocalEvent.Status.values)}
    )


def _capacity(text: str) -> int | None:
    if not text:
        return None
    try:
        return whole_number(text, minimum=0, maximum=MAX_CAPACITY, name=_("capacity"))
    except NumberRefused as error:
        raise RowRejected(str(error)) from error


def write_event_rows(*, reading: SheetReading) -> ImportSummary:
    """Write the accepted rows of an events sheet in one transaction, each through the
    campaigns service; a row the event's own checks refuse stops the import, writing nothing."""
    summary = ImportSummary(warnings=[*reading.warnings, *reading.rejected])
    with transaction.atomic():
        for row in reading.rows:
            try:
                save_imported_event(
                    event=_existing_event(row),
                    campaign=row.campaign,
                    record=row.record,
                    summary=summary,
                    title=row.title,
                    description=row.description or None,
                    status=row.status,
                    capacity=row.capacity,
                    address=row.address,
                )
            except ValidationError as error:
                raise RowRejected(
                    _("row %(row)s: %(reason)s; nothing was imported")
                    % {"row": row.number, "reason": "; ".join(error.messages)}
                ) from error
    return summary


def _existing_event(row: EventRow) -> LocalEvent | None:
    events = LocalEvent.objects.select_for_update().filter(
        city__iexact=row.record.city, country=row.record.country
    )
    if row.campaign is not None:
        return events.filter(campaign=row.campaign).first()
    return events.filter(
        campaign__isnull=True,
        title=row.title or row.record.city,
        starts_at__date=row.record.starts_at.date() if row.record.starts_at else row.record.day,
    ).first()
