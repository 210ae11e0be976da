"""iCalendar imports: one-off (`turnout import ical`) and registered feeds synced on a schedule.

Any RFC 5545 feed works (lu.ma, Google Calendar, Mobilizon, Meetup exports). An entry is the
same event again when its UID, or else its URL, was imported before; events that disappear
from a registered feed before they happen are cancelled (participants are told), never
deleted. A feed that cannot be fetched or read changes nothing.
"""

import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar.timezone.tzid import is_utc, tzids_from_tzinfo

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.platforms import recognize_platform
from turnout.campaigns.services import cancel_event
from turnout.campaigns.validators import available_time_zones
from turnout.localization.formatting import format_clock, format_day, zone_abbreviation
from turnout.web import outbound
from turnout.web.text import single_line

from .calendar_lines import calendar_lines
from .calendar_properties import (
    apple_place_title,
    content_uid,
    entry_coordinates,
    entry_description,
    entry_location,
    place_at,
    signup_page_in,
    with_exact_point,
)
from .calendar_zones import (
    CalendarZones,
    file_clock_notes,
    file_clock_zone,
    floating_in_file_clock,
    hinted_countries,
    iana_zone,
)
from .meeting_links import meeting_links_in, names_no_place, without_links
from .models import CalendarFeed, ImportedEvent
from .places import Place, PlaceNotUnderstood, read_place
from .records import EventRecord, Notice
from .recurrence import (
    ImportWindow,
    SeriesNotUnderstood,
    expand_series,
    import_window,
    impossible_rules,
    is_series,
)
from .services import ImportSummary, save_imported_event

MAX_FEED_BYTES = 5 * 1024 * 1024
# Expanding a feed's series stops after this long: a rule that seldom or never matches costs
# dateutil up to a second, and a feed may hold thousands.
SERIES_SECONDS = 60
FETCH_TIMEOUT_SECONDS = 20


class FeedUnavailable(Exception):
    """The feed could not be fetched or is not iCalendar; the message says why."""


@dataclass
class CalendarEntry:
    uid: str
    url: str
    title: str
    description: str
    record: EventRecord
    is_cancelled: bool = False
    recurrence_id: str = ""  # which occurrence of a series (see `recurrence`); empty if single
    attendance_mode: str = LocalEvent.AttendanceMode.IN_PERSON
    meeting_url: str = ""
    # What was read with a guess the user should check ("its time names no zone"), in words.
    notes: list[str] = field(default_factory=list)
    # An online entry whose exact moment names no zone (lu.ma's UTC times, no X-WR-TIMEZONE).
    is_zone_unknown: bool = False

    @property
    def identity(self) -> tuple[str, str]:
        return self.uid, self.recurrence_id

    @property
    def is_online(self) -> bool:
        return self.attendance_mode == LocalEvent.AttendanceMode.ONLINE


@dataclass
class CalendarReading:
    entries: list[CalendarEntry] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    # Every (UID, occurrence) in the feed, also of entries skipped: still there, not removed.
    identities: set[tuple[str, str]] = field(default_factory=set)
    # UIDs whose entries could not be read at all: their events are left as they are.
    unread_uids: set[str] = field(default_factory=set)
    # Entries the feed still has but no longer publishes: cancelled ones too bare to read
    # (Google keeps little more than the time of a cancelled occurrence), and ones marked
    # private since. An event imported for one of them is cancelled all the same.
    cancelled: set[tuple[str, str]] = field(default_factory=set)
    window: ImportWindow | None = None  # occurrences of series were read within it


def fetch_calendar(location: str) -> bytes:
    """The bytes of a feed at a URL (http, https, webcal) or in a local file."""
    if re.match(r"^(https?|webcal)://", location, re.I):
        url = re.sub(r"^webcal://", "https://", location, flags=re.I)
        try:
            with (
                outbound.overall_deadline(FETCH_TIMEOUT_SECONDS),  # for redirects and every read
                outbound.http_client(
                    private_addresses=settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES,
                    timeout=FETCH_TIMEOUT_SECONDS,
                    follow_redirects=True,
                ) as client,
                client.stream("GET", url) as response,
            ):
                response.raise_for_status()
                data = b""
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > MAX_FEED_BYTES:
                        raise FeedUnavailable(_("the feed is larger than 5 MB"))
                return data
        except httpx.HTTPError as error:
            raise FeedUnavailable(
                _("could not fetch the feed: %(error)s") % {"error": error}
            ) from error
    path = Path(location)
    if not path.is_file():
        raise FeedUnavailable(_("no such file: %(path)s") % {"path": location})
    if path.stat().st_size > MAX_FEED_BYTES:  # the same bound as a feed fetched
        raise FeedUnavailable(_("the feed is larger than 5 MB"))
    return path.read_bytes()


def read_calendar(
    data: bytes,
    *,
    source: str,
    language: str | None = None,
    now: datetime | None = None,
    window: ImportWindow | None = None,
) -> CalendarReading:
    """The events of an iCalendar document, a recurring series as one entry per occurrence
    within `window` (by default `recurrence.import_window` around `now`); entries it cannot
    read become warnings in plain words."""
    now = now or timezone.now()
    window = window or import_window(now=now)
    reading = CalendarReading(window=window)
    data = b"\r\n".join(calendar_lines(data))
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as error:
        # The parser's own words ("Content line could not be parsed") mean nothing to people.
        raise FeedUnavailable(
            _(
                "this is not an iCalendar feed: it does not begin with BEGIN:VCALENDAR,"
                " or a line in it cannot be read"
            )
        ) from error
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        raise FeedUnavailable(_("this is not an iCalendar feed"))
    zones = CalendarZones(calendar)
    expanding_until = time.monotonic() + SERIES_SECONDS
    for number, uid, components in _series_in(calendar):
        label = _label(components[0], number)
        try:
            if uid and is_series(components):
                if time.monotonic() > expanding_until:
                    raise SeriesNotUnderstood(_("the feed's repeat rules took too long to read"))
                for component in components:
                    _with_named_zones(component, zones)
                occurrences, truncated = expand_series(components, calendar=calendar, window=window)
                items = [(o.component, o.recurrence_id) for o in occurrences]
                if truncated:
                    message = _(
                        "event %(number)s (“%(label)s”): only its first %(count)s occurrences"
                        " were read"
                    ) % {"number": number, "label": label, "count": len(items)}
                    reading.warnings.append(Notice(source, None, message))
                for rule in impossible_rules(components):
                    message = _(
                        "event %(number)s (“%(label)s”): its repeat rule “%(rule)s” never"
                        " happens; only its first date is imported"
                    ) % {"number": number, "label": label, "rule": rule}
                    reading.warnings.append(Notice(source, None, message))
            else:
                # One event given more than once: its latest version counts (RFC 5545 3.8.7.4).
                items = [(max(reversed(components), key=_sequence), "")]
        except SeriesNotUnderstood as error:
            reading.unread_uids.add(uid)
            reading.warnings.append(_skipped(source, number, label, str(error)))
            continue
        problems: dict[str, int] = {}
        notes: dict[str, int] = {}
        for component, recurrence_id in items:
            if uid:
                reading.identities.add((uid, recurrence_id))
            try:
                entry = _entry(component, zones, language)
                _refuse_unbelievable_day(entry, now=now)
            except EntryNotUnderstood as error:
                if uid and str(component.get("STATUS", "")).upper() == "CANCELLED":
                    reading.cancelled.add((uid, recurrence_id))
                    continue  # nothing to import, nothing the user must fix
                if uid and isinstance(error, EntryNotPublic):
                    reading.cancelled.add((uid, recurrence_id))  # and the user is told why
                problems[str(error)] = problems.get(str(error), 0) + 1
                continue
            entry.recurrence_id = recurrence_id
            reading.entries.append(entry)
            for note in entry.notes:
                notes[note] = notes.get(note, 0) + 1
        for problem, count in problems.items():  # once per series, not per occurrence
            reading.warnings.append(_skipped(source, number, label, _counted(problem, count)))
        for note, count in notes.items():
            message = _("event %(number)s (“%(label)s”): %(note)s") % {
                "number": number,
                "label": label,
                "note": _counted(note, count),
            }
            reading.warnings.append(Notice(source, None, message))
    _in_the_feeds_own_zone(reading.entries)
    return reading


def _in_the_feeds_own_zone(entries: list[CalendarEntry]) -> None:
    """Online entries whose zone nothing names are shown in the zone of the feed's events in
    person, when they all share one (a Lisbon group's webinar at 18:00 Lisbon time, not UTC)."""
    zones = {e.record.timezone for e in entries if not e.is_online}
    if len(zones) != 1:
        return
    (zone,) = zones
    for entry in entries:
        if entry.is_zone_unknown and entry.record.starts_at is not None:
            entry.record.timezone = zone
            entry.record.day = entry.record.starts_at.astimezone(ZoneInfo(zone)).date()


def _counted(problem: str, count: int) -> str:
    if count < 2:
        return problem
    return _("%(problem)s (%(count)s occurrences)") % {"problem": problem, "count": count}


# A start outside these bounds is a typing mistake or a placeholder ("31 December 9999"), not a
# day anyone will turn up; importing it would show a protest in 1899 or one no one can reach.
EARLIEST_YEAR = 1900
MAX_YEARS_AHEAD = 10


def _refuse_unbelievable_day(entry: CalendarEntry, *, now: datetime) -> None:
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


def _series_in(calendar: Calendar) -> list[tuple[int, str, list]]:
    """(number of the first VEVENT, UID, its VEVENTs): a series' master and overrides together;
    an entry without a UID is known by its title, start and place."""
    series: dict[str, tuple[int, str, list]] = {}
    alone: list[tuple[int, str, list]] = []
    # Only the calendar's own events: a VEVENT nested in another is no event of it.
    events = [c for c in calendar.subcomponents if c.name == "VEVENT"]
    for number, component in enumerate(events, start=1):
        uid = str(component.get("UID", "") or "").strip()[:500]
        if not uid and (uid := content_uid(component)):
            # Importing the file again finds the same event, rather than adding another and
            # cancelling the first (RFC 5545 requires a UID; some exporters leave it out).
            component["UID"] = uid
        if not uid:
            alone.append((number, "", [component]))
        elif uid in series:
            series[uid][2].append(component)
        else:
            series[uid] = (number, uid, [component])
    return sorted([*series.values(), *alone], key=lambda item: item[0])


def _sequence(component) -> int:
    try:
        return int(str(component.get("SEQUENCE", 0)))
    except ValueError:
        return 0


def _label(component, number: int) -> str:
    return str(component.get("SUMMARY", "") or component.get("UID", "") or number)[:80]


def _skipped(source: str, number: int, label: str, problem: str) -> Notice:
    return Notice(
        source,
        None,
        _("event %(number)s (“%(label)s”) skipped: %(error)s")
        % {"number": number, "label": label, "error": problem},
    )


class EntryNotUnderstood(ValueError):
    """A calendar entry that cannot be imported; the message says why, for a person."""


class EntryNotPublic(EntryNotUnderstood):
    """An entry marked private or confidential: an event imported for it before is withdrawn."""


def _entry(component, zones: CalendarZones, language: str | None) -> CalendarEntry:
    try:
        return _read_entry(component, zones, language)
    except EntryNotUnderstood:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as error:
        # Whatever else the parser or a library meets: the user is told what, not a traceback.
        raise EntryNotUnderstood(_("its dates, times or place cannot be read")) from error


def _read_entry(component, zones: CalendarZones, language: str | None) -> CalendarEntry:
    default_zone = zones.default_zone or ""
    # Apple's calendar server marks a private entry in a property of its own.
    privacy = (_text(component, "CLASS") or _text(component, "X-CALENDARSERVER-ACCESS")).upper()
    if privacy in ("PRIVATE", "CONFIDENTIAL"):
        # A calendar's secret address exports private entries too: they are not for the public.
        raise EntryNotPublic(_("it is marked private (CLASS:%(class)s)") % {"class": privacy})
    start = _date_property(component, "DTSTART")
    if start is None:
        raise EntryNotUnderstood(_("it has no start (DTSTART)"))
    start = floating_in_file_clock(zones, start)  # vCalendar 1.0's TZ and DAYLIGHT
    location = entry_location(component)
    description = entry_description(component)
    url = _text(component, "URL") or signup_page_in(description)
    if not re.fullmatch(r"https?://\S+", url, re.I) or len(url) > _MAX_URL_LENGTH:
        url = ""  # a mailto:, a bare "www.", a link too long to keep: the event, not its link
    meeting_url = _meeting_url(component, location=location, url=url)
    place = _place(
        component, location=location, meeting_url=meeting_url, url=url, language=language
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
    notes = file_clock_notes(zones, start, zone_name)
    if (
        isinstance(start, datetime)
        and start.tzinfo is None
        and (place is None or str(starts_at.tzinfo) != place.timezone)
    ):
        # A "floating" time is the clock wherever one is: read in the event's own city it needs
        # no word; read in the calendar's zone, or in none, it is a guess the user must see.
        notes.append(
            _("its time names no time zone; it was read as %(zone)s time")
            % {"zone": starts_at.tzinfo}
        )
    end = _date_property(component, "DTEND")
    if end is not None:
        end = floating_in_file_clock(zones, end)
        end, _zone = _in_named_zone(component, "DTEND", end, zones, countries)
        ends_at = _moment(end, zone, default_zone)
        if not isinstance(end, datetime):
            ends_at -= timedelta(minutes=1)  # an all-day DTEND is exclusive
        if ends_at < starts_at:
            notes.append(_("its end (DTEND) is before its start; it was given the usual length"))
    elif component.get("DURATION") is not None:
        duration = component.decoded("DURATION")
        if not isinstance(duration, timedelta):
            raise EntryNotUnderstood(
                _("its DURATION “%(value)s” is not a length of time")
                % {"value": str(component.get("DURATION"))[:40]}
            )
        ends_at = starts_at + duration
        if not isinstance(start, datetime):
            ends_at -= timedelta(minutes=1)  # whole days, so it ends as an all-day DTEND does
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
        is_to_be_announced=False,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        # As the event keeps them (one line, 200 characters), so a sync finds nothing changed.
        venue=single_line(place.venue, max_length=200) if place else "",
        starts_at=starts_at,
        ends_at=ends_at,
    )
    return CalendarEntry(
        uid=str(component.get("UID", "") or "").strip()[:500],
        url=url,
        title=single_line(_text(component, "SUMMARY"), max_length=200),
        description=description,
        record=record,
        is_cancelled=str(component.get("STATUS", "")).upper() == "CANCELLED",
        attendance_mode=mode,
        meeting_url=meeting_url[:500],
        notes=notes,
        is_zone_unknown=(
            place is None
            and isinstance(start, datetime)
            and start.tzinfo is not None  # a floating time was read in UTC: it stays there
            and is_utc(starts_at)
            and not start_zone
            and zone_name == "UTC"
        ),
    )


def _place(
    component, *, location: str, meeting_url: str, url: str, language: str | None
) -> Place | None:
    """Where the entry takes place: the place LOCATION names (at the entry's own coordinates
    when it gives them), else the city at its coordinates; None for an online entry."""
    coordinates = entry_coordinates(component)
    venue = location or apple_place_title(component)
    if names_no_place(location) and meeting_url:
        return None
    if names_no_place(location) and without_links(location).strip() and url:
        # "Online event" on Meetup or lu.ma: the call's link is given to those who sign up
        # on the event's page, which the entry links to.
        return None
    if names_no_place(location) and coordinates is None:
        raise EntryNotUnderstood(
            _("it names neither a place nor a meeting link (LOCATION “%(text)s”)")
            % {"text": location[:120]}
        )
    try:
        # Japanese and Chinese write their commas wide ("渋谷駅、東京、日本").
        parts = re.split(r"[,、，\n]", without_links(location))
        return with_exact_point(read_place(parts, language=language, with_venue=True), coordinates)
    except PlaceNotUnderstood as error:
        # A venue alone ("Jardin du Luxembourg") is placed by the coordinates Apple, Meetup
        # and Mobilizon give with it.
        if coordinates is not None and (found := place_at(*coordinates, venue=venue)):
            return found
        if not meeting_url:
            raise EntryNotUnderstood(
                _("could not read a place in “%(text)s”: %(reason)s")
                % {"text": location[:120], "reason": error}
            ) from error
        return None  # the location names the call ("Réunion Microsoft Teams")


_MAX_URL_LENGTH = 500  # LocalEvent.signup_url holds no more


def _text(component, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):  # a property given twice: the first counts
        value = value[0] if value else ""
    return str(value or "").strip()


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


# Properties where calendar programs put the call: RFC 7986, Google, Microsoft.
_CONFERENCE_PROPERTIES = (
    "CONFERENCE",
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
)


def _meeting_url(component, *, location: str, url: str) -> str:
    """The video call's link: a conference property, else one in the location, the URL or the
    description."""
    for name in _CONFERENCE_PROPERTIES:
        values = component.get(name)
        for value in values if isinstance(values, list) else [values]:
            text = str(value or "").strip()
            if text.lower().startswith(("http://", "https://")):
                return text
    for text in (location, url, _text(component, "DESCRIPTION")):
        if found := meeting_links_in(text):
            return found[0]
    return ""


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


def _with_named_zones(component, zones: CalendarZones) -> None:
    """A series' start, end and occurrence id in the IANA zone their TZID means, before it is
    expanded: a name the parser does not know ("(UTC+01:00) Amsterdam, …") would leave every
    occurrence without a zone."""
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
    """An aware moment: floating times are read in the calendar's zone, else the place's."""
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


def import_calendar(
    *,
    reading: CalendarReading,
    campaign: Campaign | None,
    feed: CalendarFeed | None = None,
    now: datetime,
) -> ImportSummary:
    """Create or update an event per entry, in one transaction; with a `feed`, cancel the
    feed's upcoming events that are no longer in it."""
    summary = ImportSummary(warnings=list(reading.warnings))
    uids = {uid for uid, _occurrence in reading.identities} | {e.uid for e in reading.entries}
    with transaction.atomic():
        seen: set[int] = set()
        for entry in reading.entries:
            try:
                with transaction.atomic():  # one bad entry is skipped, not the whole feed
                    event = _write_entry(
                        entry, campaign=campaign, feed=feed, summary=summary, others=uids
                    )
            except ValidationError as error:
                message = _("event “%(title)s” skipped: %(error)s") % {
                    "title": entry.title[:80],
                    "error": "; ".join(error.messages),
                }
                summary.warnings.append(Notice(feed.url if feed else "", None, message))
                continue
            seen.add(event.pk)
        for uid, recurrence_id in reading.cancelled:
            sources = ImportedEvent.objects.filter(uid=uid, recurrence_id=recurrence_id)
            for source in sources.exclude(event__status=LocalEvent.Status.CANCELLED):
                cancel_event(event=source.event)
                summary.count(_("events cancelled"))
        if feed is not None:
            for event in _gone_from_feed(feed, reading=reading, seen=seen, now=now):
                cancel_event(event=event)  # participants are told; the event is kept
                summary.count(_("events cancelled"))
    return summary


def _gone_from_feed(
    feed: CalendarFeed, *, reading: CalendarReading, seen: set[int], now: datetime
) -> list[LocalEvent]:
    """The feed's upcoming events that it no longer has: a removed entry, or an occurrence
    excluded since (EXDATE) or no longer produced by the series' rule."""
    upcoming = (
        LocalEvent.objects.filter(import_source__feed=feed, ends_at__gte=now)
        .exclude(pk__in=seen)
        .exclude(status=LocalEvent.Status.CANCELLED)
        .exclude(import_source__uid__in=reading.unread_uids)
        .select_related("import_source")
    )
    window_end = reading.window.ends_at if reading.window is not None else None
    gone = []
    for event in upcoming:
        source = event.import_source
        if (source.uid, source.recurrence_id) in reading.identities:
            continue  # still in the feed, though not written this time (a warning says why)
        if source.recurrence_id and window_end is not None and event.starts_at >= window_end:
            continue  # beyond the window this reading looked at, so neither seen nor gone
        gone.append(event)
    return gone


def _write_entry(
    entry: CalendarEntry,
    *,
    campaign: Campaign | None,
    feed: CalendarFeed | None,
    summary,
    others: set[str],
) -> LocalEvent:
    sources = ImportedEvent.objects.select_related("event")
    source = None
    if entry.uid:
        source = sources.filter(uid=entry.uid, recurrence_id=entry.recurrence_id).first()
        if source is None and entry.recurrence_id and entry.record.starts_at is not None:
            # Imported before series were expanded, the whole series was one event: it is
            # the occurrence that starts when it does, and keeps its participants.
            source = sources.filter(
                uid=entry.uid, recurrence_id="", event__starts_at=entry.record.starts_at
            ).first()
    # Every occurrence of a series shares its link, so a link only identifies a single event.
    by_link = bool(entry.url) and not entry.recurrence_id
    # An event another entry of this feed still names by its UID is that entry's, though
    # they share a link (one signup page for a day of actions in several cities).
    others = others - {entry.uid}
    if source is None and by_link:
        linked = sources.filter(url=entry.url, recurrence_id="").order_by("pk")
        source = next((s for s in linked if s.uid not in others), None)
    event = source.event if source is not None else None
    if event is None and by_link:
        known = LocalEvent.objects.filter(signup_url=entry.url).order_by("pk")
        event = next((e for e in known if _source_uid(e) not in others), None)
    if event is not None:
        event = LocalEvent.objects.select_for_update().get(pk=event.pk)
    status = LocalEvent.Status.CANCELLED if entry.is_cancelled else None
    if status and event is not None and event.status != LocalEvent.Status.CANCELLED:
        status = None  # cancelled below through the service, so participants are told
    event = save_imported_event(
        event=event,
        campaign=event.campaign if event is not None else campaign,
        record=entry.record,
        summary=summary,
        title=entry.title or (_("Online") if entry.is_online else ""),
        description=entry.description,
        status=status,
        attendance_mode=entry.attendance_mode,
        meeting_url=entry.meeting_url,
    )
    if entry.is_cancelled and event.status != LocalEvent.Status.CANCELLED:
        cancel_event(event=event)
        summary.count(_("events cancelled"))
    ImportedEvent.objects.update_or_create(
        event=event,
        defaults={
            "uid": entry.uid,
            "recurrence_id": entry.recurrence_id,
            "url": entry.url[:1000],
            "feed": feed or _feed_of(event),
        },
    )
    return event


def _source_uid(event: LocalEvent) -> str:
    source = ImportedEvent.objects.filter(event=event).first()
    return source.uid if source is not None else ""


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


def _feed_of(event: LocalEvent) -> CalendarFeed | None:
    source = ImportedEvent.objects.filter(event=event).first()
    return source.feed if source is not None else None


def sync_feed(*, feed: CalendarFeed, now: datetime, fetch=fetch_calendar) -> ImportSummary:
    """Read a registered feed again; a failure is recorded on the feed and changes nothing."""
    try:
        reading = read_calendar(fetch(feed.url), source=feed.url, now=now)
    except FeedUnavailable as error:
        feed.last_error = str(error)
        feed.save(update_fields=["last_error"])
        summary = ImportSummary()
        summary.warnings.append(Notice(feed.url, None, str(error)))
        return summary
    summary = import_calendar(reading=reading, campaign=feed.campaign, feed=feed, now=now)
    feed.last_synced_at, feed.last_error = now, ""
    feed.save(update_fields=["last_synced_at", "last_error"])
    return summary


def feeds_due(*, now: datetime) -> list[CalendarFeed]:
    """Active feeds whose interval has passed since their last sync (or never synced)."""
    return [
        feed
        for feed in CalendarFeed.objects.filter(is_active=True)
        if feed.last_synced_at is None
        or feed.last_synced_at + timedelta(hours=feed.sync_every_hours) <= now
    ]


def register_feed(
    *, url: str, campaign: Campaign | None, name: str = "", sync_every_hours: int = 6
) -> CalendarFeed:
    """Register a feed (or update the one with this address) to be synced on a schedule."""
    with transaction.atomic():
        feed = CalendarFeed.objects.filter(url=url).first() or CalendarFeed(url=url)
        feed.campaign, feed.name, feed.sync_every_hours = campaign, name, sync_every_hours
        feed.is_active = True
        feed.full_clean()
        feed.save()
    return feed
