"""One calendar entry (a VEVENT, or one occurrence of a series) read into an event: when it
starts and ends, in the IANA zone that its TZID, its place or the calendar names; whether it
is online; the notes on what was guessed; and the entry as people read it (`entry_when`,
`entry_where`). What the entry says beside its times (description, place, links) is read by
`calendar_properties`; the feed around the entries by `calendar_feeds`."""

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils.translation import gettext as _
from icalendar.timezone.tzid import is_utc, tzids_from_tzinfo

from turnout.campaigns.models import LocalEvent
from turnout.campaigns.platforms import recognize_platform
from turnout.campaigns.validators import available_time_zones
from turnout.localization.formatting import format_clock, format_day, zone_abbreviation
from turnout.web.text import single_line

from .calendar_cancel_categories import is_called_off_by_category
from .calendar_day_times import with_hours_read
from .calendar_properties import (
    EntryNotUnderstood,
    description_notes,
    entry_description,
    entry_location,
    entry_meeting_url,
    entry_place,
    entry_text,
    entry_title,
    is_marked_whole_day,
    signup_page_in,
)
from .calendar_publicity import is_tentative, refuse_private_entry, tentative_note
from .calendar_revisions import entry_sequence
from .calendar_series_dates import dates_in_named_zone
from .calendar_signup_pages import labelled_signup_page
from .calendar_zones import (
    CalendarZones,
    file_clock_notes,
    file_clock_zone,
    floating_in_file_clock,
    hinted_countries,
    iana_zone,
    usual_country,
)
from .records import EventRecord


@dataclass
class CalendarEntry:
    uid: str
    url: str
    title: str
    description: str
    record: EventRecord
    is_cancelled: bool = False
    recurrence_id: str = ""  # which occurrence of a series (see `recurrence`); empty if single
    sequence: int = 0  # its revision (SEQUENCE): programs raise it with each change
    attendance_mode: str = LocalEvent.AttendanceMode.IN_PERSON
    meeting_url: str = ""
    # What was read with a guess the user should check ("its time names no zone"), in words.
    notes: list[str] = field(default_factory=list)
    # An online entry whose exact moment names no zone (lu.ma's UTC times, no X-WR-TIMEZONE).
    is_zone_unknown: bool = False
    # Of such an entry whose time is floating (no zone, no Z): its start and end as written,
    # a wall clock to be read in the feed's own zone once that is known.
    wall_times: tuple[datetime, datetime] | None = None
    # The UID of the series a program ended where this one begins: the same events go on here.
    split_from: str = ""

    @property
    def identity(self) -> tuple[str, str]:
        return self.uid, self.recurrence_id

    @property
    def is_online(self) -> bool:
        return self.attendance_mode == LocalEvent.AttendanceMode.ONLINE


def read_entry(
    component, zones: CalendarZones, language: str | None, *, series_country: str | None = None
) -> CalendarEntry:
    """`component` as an entry; what cannot be read raises `EntryNotUnderstood`, in words.
    `series_country` is the country its series points to (`usual_country`) as exported: an
    occurrence added in UTC (RDATE) or expanded from it no longer names the series' zone."""
    try:
        return with_hours_read(_read_entry(component, zones, language, series_country), component)
    except EntryNotUnderstood:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as error:
        # Whatever else the parser or a library meets: the user is told what, not a traceback.
        if isinstance(error, OverflowError):  # the year 1 or 9999 moved to another zone
            raise EntryNotUnderstood(_("its dates lie too far in the past or future")) from error
        raise EntryNotUnderstood(_("its dates, times or place cannot be read")) from error


def _read_entry(
    component, zones: CalendarZones, language: str | None, series_country: str | None
) -> CalendarEntry:
    default_zone = zones.default_zone or ""
    refuse_private_entry(component)
    start = _date_property(component, "DTSTART")
    if start is None:
        raise EntryNotUnderstood(_("it has no start (DTSTART)"))
    start = floating_in_file_clock(zones, start)  # vCalendar 1.0's TZ and DAYLIGHT
    end = _date_property(component, "DTEND")
    if is_marked_whole_day(component):
        start, end = _as_day(start), (None if end is None else _as_day(end))
    location = entry_location(component)
    description = entry_description(component, language)
    # Some give the event's page as its LOCATION: an online event whose call that page gives.
    url = (
        entry_text(component, "URL")
        or signup_page_in(description)
        or signup_page_in(location)
        or labelled_signup_page(description)
    )
    if not re.fullmatch(r"https?://\S+", url, re.I) or len(url) > _MAX_URL_LENGTH:
        url = ""  # a mailto:, a bare "www.", a link too long to keep: the event, not its link
    meeting_url = entry_meeting_url(component, location=location, url=url)
    place = entry_place(
        component,
        location=location,
        meeting_url=meeting_url,
        url=url,
        language=language,
        usual_country=series_country or usual_country(component),
    )
    countries = [place.country] if place is not None else hinted_countries(component)
    start, start_zone = _in_named_zone(component, "DTSTART", start, zones, countries)
    if place is not None:
        zone_name = place.timezone
    elif isinstance(start, datetime) and start.tzinfo is zones.file_clock is not None:
        zone_name = file_clock_zone(zones, start, countries=countries)
    else:
        zone_name = start_zone or _zone_of(start, default_zone)
    zone = ZoneInfo(zone_name)
    starts_at = _moment(start, zone, default_zone)
    notes = [*file_clock_notes(zones, start, zone_name), *description_notes(component)]
    if is_tentative(component):
        notes.append(tentative_note())
    if (
        isinstance(start, datetime)
        and start.tzinfo is None
        and (place is None or str(starts_at.tzinfo) != place.timezone)
    ):
        # A "floating" time is the clock wherever one is: read in the event's own city it needs
        # no word; read in the calendar's zone, or in none, it is a guess the user must see.
        notes.append(_floating_note(starts_at.tzinfo))
    if end is not None:
        end = floating_in_file_clock(zones, end)
        end, _zone = _in_named_zone(component, "DTEND", end, zones, countries)
        ends_at = _moment(end, zone, default_zone)
        # An all-day DTEND is exclusive; the start's own day as its end is still that day (some
        # programs write it so), not an end before the start.
        day_end = timedelta(minutes=0 if isinstance(end, datetime) else 1)
        ends_at -= day_end
        if ends_at + day_end < starts_at:
            notes.append(_("its end (DTEND) is before its start; it was given the usual length"))
    elif component.get("DURATION") is not None:
        duration = component.decoded("DURATION")
        if not isinstance(duration, timedelta):
            raise EntryNotUnderstood(
                _("its DURATION “%(value)s” is not a length of time")
                % {"value": str(component.get("DURATION"))[:40]}
            )
        ends_at = starts_at + duration
        if duration < timedelta(0):
            notes.append(_("its length (DURATION) is negative; it was given the usual length"))
        if not isinstance(start, datetime):
            # Whole days, ending as an all-day DTEND does; hours given to a day ("PT2H", which
            # RFC 5545 3.8.2.5 does not allow) still make that day.
            days = max(1, -(-duration // timedelta(days=1)))
            ends_at = starts_at + timedelta(days=days, minutes=-1)
    else:
        ends_at = starts_at
    if ends_at <= starts_at:
        # No end, or none after the start (an occurrence of a series without one ends as it
        # starts): a whole-day event lasts its day, another two hours.
        ends_at = starts_at + (
            timedelta(hours=2) if isinstance(start, datetime) else timedelta(days=1, minutes=-1)
        )
    if url == meeting_url:
        url = ""  # the call itself is never published as the event's page
    local = starts_at.astimezone(zone)
    # A wall time the clocks skip (02:30 as summer time begins) is the moment it falls on,
    # written as it exists: compared with itself once stored, it is then the same moment.
    starts_at, ends_at = (m.astimezone(UTC).astimezone(m.tzinfo) for m in (starts_at, ends_at))
    if place is None:
        mode = LocalEvent.AttendanceMode.ONLINE
    elif meeting_url:
        mode = LocalEvent.AttendanceMode.MIXED
    else:
        mode = LocalEvent.AttendanceMode.IN_PERSON
    record = EventRecord(
        city=place.city if place else "",
        country=place.country if place else "",
        timezone=zone_name,
        day=local.date(),
        signup_url=url,
        platform=str(recognize_platform(url)) if url else None,
        is_to_be_announced=is_tentative(component),
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        # As the event keeps them (one line, 200 characters), so a sync finds nothing changed.
        venue=single_line(place.venue, max_length=200) if place else "",
        starts_at=starts_at,
        ends_at=ends_at,
    )
    # Online, and nothing names its zone: lu.ma's UTC times, or a floating time in a calendar
    # without X-WR-TIMEZONE (read in UTC for now, see `in_the_feeds_own_zone`).
    is_floating = isinstance(start, datetime) and start.tzinfo is None
    is_zone_unknown = (
        place is None
        and isinstance(start, datetime)
        and not start_zone
        and zone_name == "UTC"
        and ((is_floating and not default_zone) or (not is_floating and is_utc(starts_at)))
    )
    return CalendarEntry(
        uid=str(component.get("UID", "") or "").strip()[:500],
        url=url,
        title=single_line(entry_title(component, language), max_length=200),
        description=description,
        record=record,
        is_cancelled=(
            str(component.get("STATUS", "")).upper() == "CANCELLED"
            or is_called_off_by_category(component, language)
        ),
        sequence=entry_sequence(component),
        attendance_mode=mode,
        meeting_url=meeting_url[:500],
        notes=notes,
        is_zone_unknown=is_zone_unknown,
        wall_times=(
            (starts_at.replace(tzinfo=None), ends_at.replace(tzinfo=None))
            if is_zone_unknown and is_floating
            else None
        ),
    )


_MAX_URL_LENGTH = 500  # LocalEvent.signup_url holds no more


def _as_day(value: date) -> date:
    """A whole-day entry's midnight as its day; a time of day stays as it is."""
    if isinstance(value, datetime) and value.time() == datetime.min.time():
        return value.date()
    return value


def in_the_feeds_own_zone(entries: list[CalendarEntry], *, sole_zone: str | None) -> None:
    """Online entries whose zone nothing names are shown in the zone of the feed's events in
    person, when they all share one (a Lisbon group's webinar at 18:00 Lisbon time, not UTC),
    or in a feed of none, in the one zone its VTIMEZONEs name (`sole_zone`); a floating time
    is that zone's clock, an exact one (lu.ma's UTC) keeps its moment."""
    zones = {e.record.timezone for e in entries if not e.is_online}
    if not zones and sole_zone:
        zones = {sole_zone}
    if len(zones) != 1:
        return
    (zone,) = zones
    for entry in entries:
        if not entry.is_zone_unknown or entry.record.starts_at is None:
            continue
        if entry.wall_times is not None:
            _read_in_zone(entry, zone)
        entry.record.timezone = zone
        entry.record.day = entry.record.starts_at.astimezone(ZoneInfo(zone)).date()


def _read_in_zone(entry: CalendarEntry, zone: str) -> None:
    assert entry.wall_times is not None
    start, end = entry.wall_times
    starts_at = start.replace(tzinfo=ZoneInfo(zone))
    ends_at = end.replace(tzinfo=ZoneInfo(zone))
    if ends_at.astimezone(UTC) <= starts_at.astimezone(UTC):
        # Both in the hour the clocks skip: the length as written.
        ends_at = (starts_at.astimezone(UTC) + (end - start)).astimezone(ZoneInfo(zone))
    entry.record.starts_at = starts_at.astimezone(UTC).astimezone(starts_at.tzinfo)
    entry.record.ends_at = ends_at.astimezone(UTC).astimezone(ends_at.tzinfo)
    read_as_utc = _floating_note("UTC")
    entry.notes = [_floating_note(zone) if n == read_as_utc else n for n in entry.notes]


def _floating_note(zone: object) -> str:
    return _("its time names no time zone; it was read as %(zone)s time") % {"zone": zone}


def _date_property(component, name: str) -> date | None:
    """A DTSTART or DTEND as a date or datetime; what is neither is said in plain words."""
    value = component.get(name)
    if value is None:
        return None
    try:
        decoded = component.decoded(name)
    except (ValueError, KeyError, TypeError) as error:
        decoded = error
    if isinstance(decoded, list) and decoded:
        decoded = decoded[0]
    if not isinstance(decoded, date):
        shown = value[0] if isinstance(value, list) and value else value
        raise EntryNotUnderstood(
            _("its %(property)s “%(value)s” is not a date or a time")
            % {"property": name, "value": str(shown)[:40]}
        )
    return decoded


def _in_named_zone(
    component, name: str, value: date, zones: CalendarZones, countries: list[str]
) -> tuple[date, str | None]:
    """`value` in the IANA zone its TZID means, with that zone's name: the wall time as written,
    whatever rules the exporter's VTIMEZONE of that name had (Windows names, custom zones)."""
    if not isinstance(value, datetime):
        return value, None
    prop = component.get(name)
    prop = prop[0] if isinstance(prop, list) and prop else prop
    tzid = str(getattr(prop, "params", {}).get("TZID", "") or "")
    if not tzid and value.tzinfo is not None:
        tzid = str(getattr(value.tzinfo, "_tzid", "") or "")  # an occurrence of a series
    if not tzid or is_utc(value):
        return value, None
    zone = zones.zone_of(tzid, year=value.year, countries=countries)
    if zone is None:
        return value, None
    return value.replace(tzinfo=ZoneInfo(zone)), zone


def with_named_zones(component, zones: CalendarZones) -> None:
    """A series' start, end, occurrence id and added and excluded dates in the IANA zone their
    TZID means, before it is expanded: a name the parser does not know ("(UTC+01:00)
    Amsterdam, …") would leave every occurrence without a zone."""
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        prop = component.get(name)
        if prop is None or isinstance(prop, list):
            continue
        try:
            value = component.decoded(name)
        except (ValueError, KeyError, TypeError):
            continue  # the reader reports it
        countries = hinted_countries(component)
        zoned, zone = _in_named_zone(component, name, value, zones, countries)
        if zone is not None:
            parameters = {k: v for k, v in prop.params.items() if k.upper() != "TZID"}
            component.pop(name)
            component.add(name, zoned, parameters=parameters)
    for name in ("EXDATE", "RDATE"):  # so an exclusion is known for the occurrence it names
        given = component.get(name)
        given = given if isinstance(given, list) else [] if given is None else [given]
        named = [dates_in_named_zone(d, zones, hinted_countries(component)) for d in given]
        if any(new is not old for new, old in zip(named, given, strict=True)):
            component[name] = named


def _zone_of(start: date, default_zone: str) -> str:
    """An online event's zone: its start's TZID (Windows names too), else the calendar's."""
    if isinstance(start, datetime) and start.tzinfo is not None and not is_utc(start):
        for name in tzids_from_tzinfo(start.tzinfo):
            name = iana_zone(name) or ""
            if name in available_time_zones():
                return name
    if default_zone in available_time_zones():
        return default_zone
    return "UTC"


def _moment(value: date | datetime, zone: ZoneInfo, default_zone: str) -> datetime:
    """An aware moment. A floating time is read in the calendar's zone (X-WR-TIMEZONE: what
    its program showed the author, and how its series are expanded), else the place's; an
    online one with neither in UTC, until `in_the_feeds_own_zone` finds the feed's."""
    if not isinstance(value, datetime):
        return datetime.combine(value, datetime.min.time(), tzinfo=zone)
    if value.tzinfo is not None:
        return value
    try:
        return (
            value.replace(tzinfo=ZoneInfo(default_zone))
            if default_zone
            else value.replace(tzinfo=zone)
        )
    except (ZoneInfoNotFoundError, ValueError):
        return value.replace(tzinfo=zone)


def entry_when(entry: CalendarEntry, language: str | None = None) -> str:
    """An entry's start as people read it: "Saturday, 14 March 2026 14:00 CET
    (Europe/Amsterdam)", in the event's own zone, never UTC."""
    assert entry.record.starts_at is not None  # a calendar entry always has its moment
    local = entry.record.starts_at.astimezone(ZoneInfo(entry.record.timezone))
    return (
        f"{format_day(local, language)} {format_clock(local, language)} "
        f"{zone_abbreviation(local, language)} ({entry.record.timezone})"
    )


def entry_where(entry: CalendarEntry) -> str:
    if entry.is_online:
        return _("online")
    place = f"{entry.record.city}, {entry.record.country}"
    return _("%(place)s and online") % {"place": place} if entry.meeting_url else place
