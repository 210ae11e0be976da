"""Writing one calendar entry onto the event it was imported as (found by its UID, else by
its link, else as the same occurrence under a UID made afresh), or a new one; and which of a
feed's events it no longer has. The flow over a whole feed is `calendar_feeds`'."""

from datetime import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.services import cancel_event

from .calendar_entries import CalendarEntry
from .calendar_revisions import earlier_occurrence, renamed_entry
from .models import CalendarFeed, ImportedEvent
from .records import Notice
from .services import save_imported_event

if TYPE_CHECKING:
    from .calendar_feeds import CalendarReading


def _older_revision(entry: CalendarEntry, source: ImportedEvent, feed: CalendarFeed | None):
    return Notice(
        feed.url if feed else "",
        None,
        _(
            "event “%(title)s” kept as imported: this calendar gives an older revision of it "
            "(SEQUENCE %(given)s, %(kept)s imported)"
        )
        % {"title": entry.title[:80], "given": entry.sequence, "kept": source.sequence},
    )


def gone_from_feed(
    feed: CalendarFeed, *, reading: "CalendarReading", seen: set[int], now: datetime
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


def write_entry(
    entry: CalendarEntry,
    *,
    campaign: Campaign | None,
    feed: CalendarFeed | None,
    summary,
    others: set[str],
) -> LocalEvent:
    sources = writable_sources(feed).select_related("event")
    source = None
    if entry.uid:
        # Looked up among every feed's: a UID (with its occurrence) is one imported event.
        source = (
            ImportedEvent.objects.select_related("event")
            .filter(uid=entry.uid, recurrence_id=entry.recurrence_id)
            .first()
        )
        if feed is not None and source is not None and source.feed_id not in (None, feed.pk):
            raise ValidationError(
                _(
                    "another calendar feed imported the event of this UID; "
                    "a feed writes only its own"
                )
            )
        if source is None and entry.recurrence_id and entry.record.starts_at is not None:
            # Imported before series were expanded, the whole series was one event: it is
            # the occurrence that starts when it does, and keeps its participants.
            source = sources.filter(
                uid=entry.uid, recurrence_id="", event__starts_at=entry.record.starts_at
            ).first()
        source = source or earlier_occurrence(entry, sources)
        source = source or renamed_entry(entry, sources, feed=feed, named=others)
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
        if feed is not None:  # an event of the site, or of this feed: not another feed's
            known = known.exclude(
                Q(import_source__feed__isnull=False) & ~Q(import_source__feed=feed)
            )
        event = next((e for e in known if _source_uid(e) not in others), None)
    if source is not None and source.uid == entry.uid and entry.sequence < source.sequence:
        summary.warnings.append(_older_revision(entry, source, feed))
        return source.event  # still in the feed: neither changed nor gone
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
            "sequence": entry.sequence,
            "feed": feed or _feed_of(event),
        },
    )
    return event


def writable_sources(feed: CalendarFeed | None):
    """The imported events a sync of `feed` may find its entries among: its own, and those
    imported by hand (a file a coordinator imported before the feed was registered). A feed
    is public, and its UIDs with it: matched against every feed, a second feed's owner would
    rewrite or cancel the first's events by naming their UIDs. An import by hand (no feed)
    is a coordinator's and may update any."""
    sources = ImportedEvent.objects.all()
    return sources if feed is None else sources.filter(Q(feed=feed) | Q(feed__isnull=True))


def _source_uid(event: LocalEvent) -> str:
    source = ImportedEvent.objects.filter(event=event).first()
    return source.uid if source is not None else ""


def _feed_of(event: LocalEvent) -> CalendarFeed | None:
    source = ImportedEvent.objects.filter(event=event).first()
    return source.feed if source is not None else None
