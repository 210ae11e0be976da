"""iCalendar imports: one-off (`turnout import ical`) and registered feeds synced on a schedule.

Any RFC 5545 feed works (lu.ma, Google Calendar, Mobilizon, Meetup exports). An entry is the
same event again when its UID, or else its URL, was imported before; events that disappear
from a registered feed before they happen are cancelled (participants are told), never
deleted. A feed that cannot be fetched or read changes nothing.

This module holds the flow over a whole feed: reading its entries (series grouped, warnings
counted once), writing them and calling off what the feed no longer has, and the schedule of
registered feeds. Getting a feed's bytes is `calendar_fetching`'s; writing one entry onto its
event `calendar_writing`'s; reading one entry is
`calendar_entries`'s, what it says beside its times `calendar_properties`'s, and the
words of the warnings `calendar_notices`'.
"""

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.services import cancel_event

from .calendar_believable_days import refuse_unbelievable_day
from .calendar_containers import unwrapped_calendar
from .calendar_discord_times import with_discord_times
from .calendar_entries import CalendarEntry, in_the_feeds_own_zone, read_entry, with_named_zones
from .calendar_extra_dates import unread_dates_notice, with_readable_extra_dates
from .calendar_fetching import FeedUnavailable, FeedVersion, FetchedFeed, fetch_if_changed
from .calendar_lines import calendar_lines
from .calendar_notices import (
    counted,
    cut_off_feed,
    no_events,
    rule_notes,
    series_label,
    series_notes,
    skipped,
)
from .calendar_parsing import PARSER_ERRORS, CalendarCutOff, parse_calendar
from .calendar_properties import EntryNotPublic, EntryNotUnderstood, content_uid
from .calendar_revisions import entry_revision, mark_split_series
from .calendar_scales import other_scale_rules
from .calendar_whole_day_overrides import with_whole_day_overrides
from .calendar_writing import gone_from_feed, writable_sources, write_entry
from .calendar_zones import CalendarZones, usual_country
from .models import CalendarFeed
from .records import Notice
from .recurrence import (
    ImportWindow,
    SeriesNotUnderstood,
    bare_overrides,
    expand_series,
    import_window,
    is_series,
)
from .services import ImportSummary

# A feed its server says is unchanged is still read whole once a day: a series' later dates
# come into the import window as the days pass, though the file stays the same.
READ_WHOLE_EVERY = timedelta(days=1)

# A sync claims its feed for at most this long, so that two workers (each runs the timetable)
# never sync one feed at once; a worker that dies lets go when the claim runs out.
SYNC_CLAIM = timedelta(minutes=30)

# Entries written per transaction: the rows an import locks (on SQLite, the whole database)
# are let go between batches, so a signup to one of its events waits for a batch, not a feed.
ENTRIES_PER_TRANSACTION = 50

# Expanding a feed's series stops after this long: a rule that seldom or never matches costs
# dateutil up to a second, and a feed may hold thousands.
SERIES_SECONDS = 60


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
    try:
        calendar, unread = parse_calendar(calendar_lines(unwrapped_calendar(data)))
    except CalendarCutOff as error:
        raise FeedUnavailable(cut_off_feed()) from error
    except PARSER_ERRORS as error:
        # The parser's own words ("Content line could not be parsed") mean nothing to people.
        raise FeedUnavailable(
            _(
                "this is not an iCalendar feed: it does not begin with BEGIN:VCALENDAR,"
                " or a line in it cannot be read"
            )
        ) from error
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        raise FeedUnavailable(_("this is not an iCalendar feed"))
    for left_out in unread:
        if left_out.uid:  # kept as imported: neither changed nor gone from the feed
            reading.unread_uids.add(left_out.uid)
        if left_out.label:
            message = _("event “%(label)s” skipped: a line of it cannot be read") % {
                "label": left_out.label
            }
        else:
            message = _("an event without a title skipped: a line of it cannot be read")
        reading.warnings.append(Notice(source, None, message))
    zones = CalendarZones(calendar)
    # RFC 5546: an organizer's METHOD:CANCEL calls off every entry it gives.
    calls_off = str(calendar.get("METHOD", "") or "").strip().upper() == "CANCEL"
    # Where each series' notes go among the warnings, told once the feed's zone is known.
    noted: list[tuple[int, int, str, list[CalendarEntry]]] = []
    expanding_until = time.monotonic() + SERIES_SECONDS
    for number, uid, components in _series_in(calendar):
        label = series_label(components[0], number)
        # As the exporter wrote it, before its zones are named: the country of its places.
        country = next(filter(None, (usual_country(c) for c in components)), None)
        try:
            if uid and is_series(components):
                if time.monotonic() > expanding_until:
                    raise SeriesNotUnderstood(_("the feed's repeat rules took too long to read"))
                for component in components:
                    with_named_zones(component, zones)
                # An occurrence called off by its RECURRENCE-ID alone (RFC 5546 needs no
                # start to cancel one): no occurrence of its own to expand.
                bare = bare_overrides(components)
                for override, occurrence in bare:
                    reading.identities.add((uid, occurrence))
                    if calls_off or str(override.get("STATUS", "")).upper() == "CANCELLED":
                        reading.cancelled.add((uid, occurrence))
                components = [c for c in components if all(c is not o for o, _ in bare)]
                if not components:
                    continue
                components, unread_dates = with_readable_extra_dates(components)
                components = with_whole_day_overrides(components)
                occurrences, truncated = expand_series(components, calendar=calendar, window=window)
                # An occurrence called off by its RECURRENCE-ID alone is not imported either.
                items = [(o.component, o.recurrence_id) for o in occurrences]
                items = [item for item in items if (uid, item[1]) not in reading.cancelled]
                if truncated:
                    message = _(
                        "event %(number)s (“%(label)s”): only its first %(count)s occurrences"
                        " were read"
                    ) % {"number": number, "label": label, "count": len(items)}
                    reading.warnings.append(Notice(source, None, message))
                reading.warnings += rule_notes(source, number, label, components)
                if unread_dates:  # their occurrences unread: none of them is called off
                    reading.unread_uids.add(uid)
                    reading.warnings.append(
                        unread_dates_notice(source, number, label, unread_dates)
                    )
                if other_scale_rules(components):
                    reading.unread_uids.add(uid)  # its later dates unread: none is called off
            else:
                # One event given more than once: its latest version counts (RFC 5545 3.8.7.4).
                items = [(max(reversed(components), key=entry_revision), "")]
        except SeriesNotUnderstood as error:
            reading.unread_uids.add(uid)
            reading.warnings.append(skipped(source, number, label, str(error)))
            continue
        problems: dict[str, int] = {}
        series_entries: list[CalendarEntry] = []
        for component, recurrence_id in items:
            if uid:
                reading.identities.add((uid, recurrence_id))
            try:
                entry = read_entry(component, zones, language, series_country=country)
                entry = with_discord_times(entry, language)
                refuse_unbelievable_day(entry, now=now)
            except EntryNotUnderstood as error:
                if uid and (calls_off or str(component.get("STATUS", "")).upper() == "CANCELLED"):
                    reading.cancelled.add((uid, recurrence_id))
                    continue  # nothing to import, nothing the user must fix
                if uid and isinstance(error, EntryNotPublic):
                    reading.cancelled.add((uid, recurrence_id))  # and the user is told why
                problems[str(error)] = problems.get(str(error), 0) + 1
                continue
            entry.recurrence_id = recurrence_id
            entry.is_cancelled = entry.is_cancelled or calls_off
            series_entries.append(entry)
        reading.entries += series_entries
        for problem, count in problems.items():  # once per series, not per occurrence
            reading.warnings.append(skipped(source, number, label, counted(problem, count)))
        noted.append((len(reading.warnings), number, label, series_entries))
    reading.warnings += no_events(source, calendar)
    in_the_feeds_own_zone(reading.entries, sole_zone=zones.sole_zone)
    mark_split_series(calendar, reading.entries)
    for at, number, label, series_entries in reversed(noted):
        reading.warnings[at:at] = series_notes(source, number, label, series_entries)
    return reading


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


def import_calendar(
    *,
    reading: CalendarReading,
    campaign: Campaign | None,
    feed: CalendarFeed | None = None,
    now: datetime,
) -> ImportSummary:
    """Create or update an event per entry, `ENTRIES_PER_TRANSACTION` at a time; with a
    `feed`, then cancel the feed's upcoming events that are no longer in it. Stopped half way
    (a worker killed), what was written is kept and nothing is cancelled: the next import
    finds the events it wrote by their UIDs and goes on."""
    summary = ImportSummary(warnings=list(reading.warnings))
    uids = {uid for uid, _occurrence in reading.identities} | {e.uid for e in reading.entries}
    seen: set[int] = set()
    for start in range(0, len(reading.entries), ENTRIES_PER_TRANSACTION):
        with transaction.atomic():
            for entry in reading.entries[start : start + ENTRIES_PER_TRANSACTION]:
                try:
                    with transaction.atomic():  # one bad entry is skipped, not the whole feed
                        event = write_entry(
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
    with transaction.atomic():
        for uid, recurrence_id in reading.cancelled:
            sources = writable_sources(feed).filter(uid=uid, recurrence_id=recurrence_id)
            for source in sources.exclude(event__status=LocalEvent.Status.CANCELLED):
                cancel_event(event=source.event)
                summary.count(_("events cancelled"))
        if feed is not None:
            for event in gone_from_feed(feed, reading=reading, seen=seen, now=now):
                cancel_event(event=event)  # participants are told; the event is kept
                summary.count(_("events cancelled"))
    return summary


def sync_feed(*, feed: CalendarFeed, now: datetime, fetch=None) -> ImportSummary:
    """Read a registered feed again; a failure is recorded on the feed and changes nothing.
    The feed's server is asked whether it changed since the last sync; `fetch(url) -> bytes`
    gets the feed otherwise (and always whole). A feed another worker is syncing is left to
    it."""
    claim = _claim(feed, now=now)
    if claim is None:
        summary = ImportSummary()
        summary.count(_("feeds left to the worker already syncing them"))
        return summary
    try:
        feed.refresh_from_db()  # as the sync before this one left it: its version, its error
        return _sync_claimed(feed, now=now, fetch=fetch)
    finally:  # let go of the claim, unless it ran out and another sync has it now
        CalendarFeed.objects.filter(pk=feed.pk, syncing_until=claim).update(syncing_until=None)


def _claim(feed: CalendarFeed, *, now: datetime) -> datetime | None:
    """Claim `feed` for this sync: until when; None while another sync's claim holds. One
    UPDATE, so of two workers asking at once, one has it (PostgreSQL checks the row again once
    the other's write is done; SQLite takes one writer at a time)."""
    until = now + SYNC_CLAIM
    free = Q(syncing_until__isnull=True) | Q(syncing_until__lte=now)
    claimed = CalendarFeed.objects.filter(free, pk=feed.pk).update(syncing_until=until)
    return until if claimed == 1 else None


def _sync_claimed(feed: CalendarFeed, *, now: datetime, fetch) -> ImportSummary:
    try:
        if fetch is None:
            fetched = fetch_if_changed(feed.url, since=_version_read(feed, now=now))
        else:
            fetched = FetchedFeed(fetch(feed.url), FeedVersion())
        if fetched.data is not None:
            reading = read_calendar(fetched.data, source=feed.url, now=now)
    except FeedUnavailable as error:
        feed.last_error = str(error)
        feed.save(update_fields=["last_error"])
        summary = ImportSummary()
        summary.warnings.append(Notice(feed.url, None, str(error)))
        return summary
    if fetched.data is None:
        summary = ImportSummary()
        summary.count(_("feeds unchanged since they were last read"))
        feed.last_synced_at, feed.last_error = now, ""
        feed.save(update_fields=["last_synced_at", "last_error"])
        return summary
    summary = import_calendar(reading=reading, campaign=feed.campaign, feed=feed, now=now)
    feed.last_synced_at = feed.last_read_whole_at = now
    feed.last_error = ""
    feed.etag, feed.last_modified = fetched.version.etag, fetched.version.last_modified
    feed.save(
        update_fields=[
            "last_synced_at",
            "last_read_whole_at",
            "last_error",
            "etag",
            "last_modified",
        ]
    )
    return summary


def _version_read(feed: CalendarFeed, *, now: datetime) -> FeedVersion | None:
    """The version of the feed read last, to ask about; none when it is time to read it whole."""
    if feed.last_read_whole_at is None or now - feed.last_read_whole_at >= READ_WHOLE_EVERY:
        return None
    if now < feed.last_read_whole_at:  # the clock went back: read it whole
        return None
    return FeedVersion(etag=feed.etag, last_modified=feed.last_modified)


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
