"""CSV imports of local events, with the columns documented in the README (groups: group_sheets).

A sheet is read whole first: every row that would be rejected is listed with its row number
and the reason, and nothing is written unless the caller accepts skipping them. Comma,
semicolon and tab separated files from any spreadsheet program are read (decoded by
`web.spreadsheets.decode_sheet`); column names ignore case and spaces. Dates and times are
read as programs export them: "13-5-27", "13-May-2027", "May 13, 2027 2:00 PM", Notion's
"10:00 AM → 1:00 PM" and its zone note "(CEST)" (which must be the place's), Excel's serial
numbers (46520.625); a row without a start time is imported at 12:00 with a warning saying so.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
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
from .records import EventRecord, Notice
from .services import DEFAULT_DURATION, ImportSummary, save_imported_event
from .sheet_columns import EVENT_ALIASES, header_key
from .sheet_rows import RowRejected, SheetReading, coordinate, read_rows
from .sheet_values import STATUS_WORDS

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
    notes: list[str]  # what a person should know about the row, though it is imported


def read_event_rows(text: str, *, source: str, language: str | None = None) -> SheetReading:
    """Validate every row of an events sheet; rows that fail are listed, not raised."""
    reading, rows = read_rows(
        text,
        source=source,
        columns=EVENT_COLUMNS,
        required=EVENT_REQUIRED,
        aliases=EVENT_ALIASES,
        parse_row=lambda number, row: _event_row(number, row, language),
        key=_same_event,
    )
    reading.rows = rows
    reading.warnings += [Notice(source, row.number, note) for row in rows for note in row.notes]
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
    cell, zone_note = _zone_note(row.get("date", ""))
    first, _arrow, last = cell.partition("→")  # Notion writes a span as "A → B"
    day = _day(first.strip(), language)
    end_day = _day(last.strip(), language) if _has_date(last) else day
    starts, ends = _clock_range(row.get("start_time") or _time_in_date(first))
    if row.get("end_time") or last.strip():
        ends = _clock(row.get("end_time") or _time_in_date(last))
    tz = ZoneInfo(zone)
    notes = [] if starts else [_("no start time is given; the event is set at 12:00")]
    starts_at = datetime.combine(day, starts or time(12, 0), tzinfo=tz)
    ends_at = (
        datetime.combine(end_day, ends, tzinfo=tz)
        if ends
        else datetime.combine(end_day, starts_at.time(), tzinfo=tz) + DEFAULT_DURATION
    )
    _check_zone_note(zone_note, starts_at, place.city)
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
        notes=notes,
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


# Numeric dates find_dates leaves alone: "13-05-2031" and "13-5-31" (day first, as Dutch sheets
# write it) and "2031/05/13"; a date cell may carry its time after it ("2031-05-13 14:00").
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})")
# Excel's "13-May-31" and "13-mei-2031": a month's name between dashes, read as "13 May 2031".
_NAMED_MONTH = re.compile(r"(\d{1,2})-([^\W\d_]{3,})\.?-(\d{4}|\d{2})\b")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})")


def _full_year(year: int) -> int:
    return year + 2000 if year < 100 else year  # "13-5-31": a sheet plans this century


def _day(text: str, language: str | None) -> date:
    if serial := _serial(text):
        return serial.date()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        if match := _DAY_MONTH_YEAR.fullmatch(text.split(" ")[0]):
            day, month, year = map(int, match.groups())
            if month > 12 >= day:  # "05-13-2031": month first, as a US sheet writes it
                day, month = month, day
            return date(_full_year(year), month, day)
        if match := _YEAR_MONTH_DAY.fullmatch(text.split(" ")[0]):
            return date(*map(int, match.groups()))
    except ValueError:
        pass  # "31-02-2031": no such day, refused below
    text = _NAMED_MONTH.sub(lambda m: f"{m[1]} {m[2]} {_full_year(int(m[3]))}", text)
    for mention in find_dates(text, language=language):
        if mention.has_day and mention.year:
            return mention.window(mention.year)[0]
    raise RowRejected(_("“%(text)s” is not a date such as 2025-05-13") % {"text": text})


# Excel keeps a moment as days since 1899-12-30, the time as the fraction of a day; a CSV saved
# from a cell formatted as a number holds that number: 46520 is 2027-05-13, 46520.625 15:00.
# Five digits cover 1954 to 2119; a smaller number is not taken for a date.
_EXCEL_SERIAL = re.compile(r"([2-7]\d{4})(?:[.,](\d+))?")
_EXCEL_EPOCH = datetime(1899, 12, 30)


def _serial(text: str) -> datetime | None:
    if match := _EXCEL_SERIAL.fullmatch(text.strip()):
        fraction = float(f"0.{match[2] or 0}")
        return _EXCEL_EPOCH + timedelta(days=int(match[1]), minutes=round(fraction * 1440))
    return None


_NUMERIC_DAY = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}T?")


def _has_date(text: str) -> bool:
    return bool(_serial(text) or _NUMERIC_DAY.search(text) or re.search(r"\b\d{4}\b", text))


def _time_in_date(text: str) -> str:
    """The clock time a date cell carries with its date ("13/05/2031 14:00", "May 13, 2031
    2:00 PM", "2031-05-13T14:00:00", a serial 46520.625), or "" when it carries none."""
    if serial := _serial(text):
        return f"{serial:%H:%M}" if serial.time() != time(0) else ""
    rest = _NAMED_MONTH.sub(" ", _NUMERIC_DAY.sub(" ", text, count=1), count=1)
    rest = re.split(r"\b\d{4}\b", rest)[-1]  # words before the year name the day
    return rest.strip(" ,;") if re.search(r"\d", rest) else ""


# A zone written after a date, as Notion and calendar exports do: "(CEST)", "(GMT+2)".
# A bracketed weekday or "(TBC)" is no zone: an abbreviation ends in T (CEST, EDT, GMT) or is UTC.
_ZONE_NOTE = re.compile(r"\(\s*([A-Z]{1,4}T|UTC|(?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)\s*\)")
_OFFSET = re.compile(r"(?:GMT|UTC)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?", re.I)


def _zone_note(text: str) -> tuple[str, str]:
    """(the date cell without its zone note, the note)."""
    match = _ZONE_NOTE.search(text)
    return (text[: match.start()] + text[match.end() :], match[1]) if match else (text, "")


def _check_zone_note(note: str, starts_at: datetime, city: str) -> None:
    """A zone the date names must be the place's: the sheet may come from elsewhere."""
    if not note:
        return
    if match := _OFFSET.fullmatch(note):
        sign = -1 if match[1] in "-−" else 1
        offset = sign * timedelta(hours=int(match[2]), minutes=int(match[3] or 0))
        if offset == starts_at.utcoffset():
            return
    elif note.upper() == starts_at.tzname():
        return
    raise RowRejected(
        _(
            "the date says %(note)s, but in %(city)s the clock then shows %(zone)s; give the"
            " time zone in a “timezone” column"
        )
        % {"note": note, "city": city, "zone": starts_at.tzname()}
    )


def _clock(text: str) -> time | None:
    return _clock_range(text)[0]


# A cell holding one clock time as sheets write it: "14:00", "14.30", "14h30", "14u", "14 Uhr".
_CELL_CLOCK = re.compile(
    r"(?P<hour>\d{1,2})(?:[:.hu](?P<minute>\d{2})(?::00)?|\s*(?:u|uur|h|hr|uhr|godz\.?))?", re.I
)


def _clock_range(text: str) -> tuple[time | None, time | None]:
    """A time cell: "14:00", "2 PM", "14u", or a range ("14:00–16:00") that gives the end too."""
    if not text:
        return None, None
    if re.fullmatch(r"0[.,]\d+", text.strip()):  # Excel's time of day, a fraction of a day
        minutes = round(float(text.strip().replace(",", ".")) * 1440)
        return time(*divmod(minutes, 60)) if minutes < 1440 else time(23, 59), None
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
    key = header_key(text)
    for value, label in LocalEvent.Status.choices:
        if key in {value, header_key(str(label)), *STATUS_WORDS.get(value, ())}:
            return value
    raise RowRejected(
        _("status “%(text)s” is not one of %(choices)s")
        % {"text": text, "choices": ", ".join(LocalEvent.Status.values)}
    )


# "1.200", "1,200", "1 200": a whole number with its thousands grouped, as sheets show them.
_GROUPED_THOUSANDS = re.compile(r"\d{1,3}(?:[.,\s\u00a0\u202f']\d{3})+")


def _capacity(text: str) -> int | None:
    if not text:
        return None
    if _GROUPED_THOUSANDS.fullmatch(text):
        text = re.sub(r"\D", "", text)
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
