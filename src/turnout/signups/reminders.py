"""Reminders before an event: per campaign offsets (hours before), default two days and 3 h."""

from datetime import datetime, timedelta
from functools import partial

from django.db import transaction

from turnout.campaigns.models import Campaign, LocalEvent, default_reminder_hours
from turnout.notifications import outbox
from turnout.notifications.composition import Email
from turnout.notifications.models import OutboxMessage

from .emails import reminder
from .mail_merge import Letter, compose_letter
from .models import Signup

# Signups read per query while writing reminders (see `_in_batches`).
REMINDER_BATCH = 500


def reminder_hours(event: LocalEvent) -> list[int]:
    hours = event.campaign.reminder_hours if event.campaign else default_reminder_hours()
    return sorted({int(h) for h in hours or [] if int(h) > 0})


def due_offset(signup: Signup, *, now: datetime) -> int | None:
    """The reminder that is due now, if any: the nearest offset whose moment has passed.

    A reminder whose moment passed before the person confirmed is skipped (they just got the
    invite), and when a worker was down through several moments only the nearest is sent.
    """
    starts_at = signup.event.starts_at
    if now >= starts_at:
        return None
    due = [
        h
        for h in reminder_hours(signup.event)
        if starts_at - timedelta(hours=h) <= now
        and (signup.confirmed_at is None or signup.confirmed_at < starts_at - timedelta(hours=h))
    ]
    return min(due) if due else None


def queue_due_reminders(*, now: datetime) -> int:
    """Write every reminder that is due to the outbox, once per signup, offset and start time.

    Everyone at an event gets the same reminder but for their name and links, so it is composed
    once per event, language and offset (`mail_merge`) and written a batch per transaction.
    """
    horizon = now + timedelta(hours=max(_all_offsets(), default=0))
    signups = Signup.objects.filter(
        state=Signup.State.CONFIRMED,
        anonymized_at__isnull=True,
        event__status=LocalEvent.Status.APPROVED,
        event__starts_at__gt=now,
        event__starts_at__lte=horizon,
    ).select_related("event", "event__campaign")
    letters: dict[tuple[int, str, int], Letter] = {}
    queued = 0
    for batch in _in_batches(signups):
        due = {}
        for signup in batch:
            hours = due_offset(signup, now=now)
            if hours is not None:
                # Keyed by the start time too: a rescheduled event gets its reminders again.
                key = f"reminder:{signup.pk}:{hours}:{signup.event.starts_at:%Y%m%dT%H%M%SZ}"
                due[key] = (signup, hours)
        queued_before = OutboxMessage.objects.filter(dedupe_key__in=due)
        for queued_key in queued_before.values_list("dedupe_key", flat=True):
            due.pop(queued_key or "", None)
        emails: list[tuple[Email, str | None]] = []
        for key, (signup, hours) in due.items():
            letter_key = (signup.event_id, signup.language, hours)
            if letter_key not in letters:
                letters[letter_key] = compose_letter(
                    partial(reminder, now=now, hours=hours), sample=signup
                )
            emails.append((letters[letter_key].to(signup), key))
        with transaction.atomic():
            queued += outbox.enqueue_many(emails, now=now)
    return queued


def _in_batches(signups, size: int = REMINDER_BATCH):
    """The signups a batch at a time, with no cursor left open between the writes.

    A cursor held open across the reminders' write transactions (`iterator()`) makes SQLite
    fail them with "database is locked" as soon as another worker writes: the open read pins
    an old snapshot, and a snapshot that old may not start a write (SQLITE_BUSY_SNAPSHOT).
    """
    last_pk = 0
    while batch := list(signups.filter(pk__gt=last_pk).order_by("pk")[:size]):
        yield batch
        last_pk = batch[-1].pk


def _all_offsets() -> list[int]:
    offsets = set(default_reminder_hours())
    for hours in Campaign.objects.exclude(status=Campaign.Status.DRAFT).values_list(
        "reminder_hours", flat=True
    ):
        offsets.update(int(h) for h in hours or [])
    return sorted(offsets)
