"""iCalendar imports: one-off (`turnout import ical`) and registered feeds synced on a schedule.

Any RFC 5545 feed works (lu.ma, Google Calendar, Mobilizon, Meetup exports). An entry is the
same event again when its UID, or else its URL, was imported before; events that disappear
from a registered feed before they happen are cancelled (participants are told), never
deleted. A feed that cannot be fetched or read changes nothing.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from icalendar import Calendar

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.platforms import recognize_platform
from turnout.campaigns.services import cancel_event

from .models import CalendarFeed, ImportedEvent
from .places import PlaceNotUnderstood, read_place
from .records import EventRecord, Notice
from .services import ImportSummary, save_imported_event

MAX_FEED_BYTES = 5 * 1024 * 1024
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


@dataclass
class CalendarReading:
    entries: list[CalendarEntry] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    # Every UID in the feed, also of entries skipped: those are still there, not removed.
    uids: set[str] = field(default_factory=set)


def fetch_calendar(location: str) -> bytes:
    """The bytes of a feed at a URL (http, https, webcal) or in a local file."""
    if re.match(r"^(https?|webcal)://", location, re.I):
        url = re.sub(r"^webcal://", "https://", location, flags=re.I)
        try:
            with httpx.stream(
                "GET", url, timeout=FETCH_TIMEOUT_SECONDS, follow_redirects=True
            ) as response:
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
    return path.read_bytes()


def read_calendar(data: bytes, *, source: str, language: str | None = None) -> CalendarReading:
    """The events of an iCalendar document; entries it cannot place become warnings."""
    reading = CalendarReading()
    data = data.replace(b"\x00", b"")  # never meant, and PostgreSQL cannot store it in text
    try:
        calendar = Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError) as error:
        raise FeedUnavailable(
            _("this is not an iCalendar feed: %(error)s") % {"error": error}
        ) from error
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        raise FeedUnavailable(_("this is not an iCalendar feed"))
    default_zone = str(calendar.get("X-WR-TIMEZONE", "") or "")
    for number, component in enumerate(calendar.walk("VEVENT"), start=1):
        if uid := str(component.get("UID", "") or "").strip():
            reading.uids.add(uid[:500])
        try:
            entry = _entry(component, default_zone, language)
        except (EntryNotUnderstood, ValueError, KeyError, TypeError) as error:
            label = str(component.get("SUMMARY", "") or component.get("UID", "") or number)
            reading.warnings.append(
                Notice(
                    source,
                    None,
                    _("event %(number)s (“%(label)s”) skipped: %(error)s")
                    % {"number": number, "label": label[:80], "error": error},
                )
            )
            continue
        reading.entries.append(entry)
    return reading


class EntryNotUnderstood(ValueError):
    pass


def _entry(component, default_zone: str, language: str | None) -> CalendarEntry:
    if component.get("DTSTART") is None:
        raise EntryNotUnderstood(_("it has no start"))
    location = str(component.get("LOCATION", "") or "")
    try:
        place = read_place(re.split(r"[,\n]", location), language=language, with_venue=True)
    except PlaceNotUnderstood as error:
        raise EntryNotUnderstood(
            _("could not read a place in “%(text)s”: %(reason)s")
            % {"text": location[:120], "reason": error}
        ) from error
    zone = ZoneInfo(place.timezone)
    starts_at = _moment(component.decoded("DTSTART"), zone, default_zone)
    if component.get("DTEND") is not None:
        ends_at = _moment(component.decoded("DTEND"), zone, default_zone)
        if isinstance(component.decoded("DTEND"), date) and not isinstance(
            component.decoded("DTEND"), datetime
        ):
            ends_at -= timedelta(minutes=1)  # an all-day DTEND is exclusive
    elif component.get("DURATION") is not None:
        ends_at = starts_at + component.decoded("DURATION")
    else:
        ends_at = starts_at + timedelta(hours=2)
    ends_at = max(ends_at, starts_at)
    url = str(component.get("URL", "") or "").strip()
    local = starts_at.astimezone(zone)
    record = EventRecord(
        city=place.city,
        country=place.country,
        timezone=place.timezone,
        day=local.date(),
        signup_url=url,
        platform=str(recognize_platform(url)) if url else None,
        is_to_be_announced=False,
        latitude=place.latitude,
        longitude=place.longitude,
        venue=place.venue[:200],
        starts_at=starts_at,
        ends_at=ends_at,
    )
    return CalendarEntry(
        uid=str(component.get("UID", "") or "").strip()[:500],
        url=url,
        title=str(component.get("SUMMARY", "") or "").strip(),
        description=str(component.get("DESCRIPTION", "") or "").strip(),
        record=record,
        is_cancelled=str(component.get("STATUS", "")).upper() == "CANCELLED",
    )


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
    with transaction.atomic():
        seen: set[int] = set()
        for entry in reading.entries:
            try:
                with transaction.atomic():  # one bad entry is skipped, not the whole feed
                    event = _write_entry(entry, campaign=campaign, feed=feed, summary=summary)
            except ValidationError as error:
                message = _("event “%(title)s” skipped: %(error)s") % {
                    "title": entry.title[:80],
                    "error": "; ".join(error.messages),
                }
                summary.warnings.append(Notice(feed.url if feed else "", None, message))
                continue
            seen.add(event.pk)
        if feed is not None:
            gone = (
                LocalEvent.objects.filter(import_source__feed=feed, ends_at__gte=now)
                .exclude(pk__in=seen)
                .exclude(import_source__uid__in=reading.uids)
                .exclude(status=LocalEvent.Status.CANCELLED)
            )
            for event in gone:
                cancel_event(event=event)
                summary.count(_("events cancelled"))
    return summary


def _write_entry(
    entry: CalendarEntry, *, campaign: Campaign | None, feed: CalendarFeed | None, summary
) -> LocalEvent:
    source = None
    if entry.uid:
        source = ImportedEvent.objects.select_related("event").filter(uid=entry.uid).first()
    if source is None and entry.url:
        source = ImportedEvent.objects.select_related("event").filter(url=entry.url).first()
    event = source.event if source is not None else None
    if event is None and entry.url:
        event = LocalEvent.objects.filter(signup_url=entry.url).first()
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
        title=entry.title or "",
        description=entry.description,
        status=status,
    )
    if entry.is_cancelled and event.status != LocalEvent.Status.CANCELLED:
        cancel_event(event=event)
        summary.count(_("events cancelled"))
    ImportedEvent.objects.update_or_create(
        event=event,
        defaults={"uid": entry.uid, "url": entry.url[:1000], "feed": feed or _feed_of(event)},
    )
    return event


def _feed_of(event: LocalEvent) -> CalendarFeed | None:
    source = ImportedEvent.objects.filter(event=event).first()
    return source.feed if source is not None else None


def sync_feed(*, feed: CalendarFeed, now: datetime, fetch=fetch_calendar) -> ImportSummary:
    """Read a registered feed again; a failure is recorded on the feed and changes nothing."""
    try:
        reading = read_calendar(fetch(feed.url), source=feed.url)
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
