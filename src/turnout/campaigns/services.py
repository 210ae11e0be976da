"""State changes of campaigns and local events; each one is a single transaction."""

from collections.abc import Iterable

from django.db import transaction

from .models import LocalEvent
from .signals import event_cancelled, event_rescheduled

# A change to any of these means participants' calendars are out of date.
SCHEDULE_FIELDS = frozenset(
    {"starts_at", "ends_at", "timezone", "venue", "address", "city", "country"}
)


def save_event_changes(*, event: LocalEvent, changed_fields: Iterable[str]) -> LocalEvent:
    """Save an edited event; a new time or place bumps its calendar SEQUENCE and is announced."""
    changed = set(changed_fields)
    with transaction.atomic():
        is_new = event.pk is None
        rescheduled = not is_new and bool(changed & SCHEDULE_FIELDS)
        if rescheduled:
            event.sequence += 1
        event.full_clean()
        event.save()
        if rescheduled:
            event_rescheduled.send(
                sender=LocalEvent, event=event, changed_fields=changed & SCHEDULE_FIELDS
            )
    return event


def cancel_event(*, event: LocalEvent) -> LocalEvent:
    """Cancel an event; cancelling twice is harmless."""
    with transaction.atomic():
        event = LocalEvent.objects.select_for_update().get(pk=event.pk)
        if event.status == LocalEvent.Status.CANCELLED:
            return event
        event.status = LocalEvent.Status.CANCELLED
        event.sequence += 1
        event.save(update_fields=["status", "sequence", "updated_at"])
        event_cancelled.send(sender=LocalEvent, event=event)
    return event
