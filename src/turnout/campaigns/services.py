"""State changes of campaigns and local events; each one is a single transaction."""

from collections.abc import Iterable

from django.db import transaction

from .models import LocalEvent
from .signals import (
    event_cancelled,
    event_places_added,
    event_places_removed,
    event_rescheduled,
)

# A change to any of these means participants' calendars are out of date.
SCHEDULE_FIELDS = frozenset(
    {"starts_at", "ends_at", "timezone", "venue", "address", "city", "country"}
    | {"attendance_mode", "meeting_url"}  # how to get there, for an online event
    | {"meeting_point", "private_instructions"}  # where exactly to meet (day_details)
)


def has_more_places(before: int | None, after: int | None) -> bool:
    """Whether a new capacity (None: no limit) lets more people in than the old one."""
    if after is None:
        return before is not None
    return before is not None and after > before


def refuse_fewer_places_than_held(event: LocalEvent, *, before: int | None) -> None:
    """Raise ValidationError when `event.capacity`, lowered from `before`, leaves fewer places
    than people hold (the signups app counts them: `event_places_removed`). `save_event_changes`
    asks with the row locked, which settles it; a form may ask first, to say so beside the
    field rather than fail on saving."""
    if has_more_places(event.capacity, before):
        event_places_removed.send(sender=LocalEvent, event=event)


def save_event_changes(*, event: LocalEvent, changed_fields: Iterable[str]) -> LocalEvent:
    """Save an edited event; a new time or place bumps its calendar SEQUENCE and is announced.

    Every edit (admin, organizer's dashboard, importers) comes through here, so this is the one
    place that notices more places: `event_places_added` is sent with the event row locked,
    and the signups app gives the new places to the people on the waitlist. Fewer places are
    refused (ValidationError) below the places already held (`event_places_removed`).
    """
    changed = set(changed_fields)
    with transaction.atomic():
        is_new = event.pk is None
        rescheduled = not is_new and bool(changed & SCHEDULE_FIELDS)
        places_added = False
        if not is_new and "capacity" in changed:
            # Lock the row (places are taken under this lock) and read the capacity saved so far.
            stored = LocalEvent.objects.select_for_update().values_list("capacity", flat=True)
            before = stored.get(pk=event.pk)
            places_added = has_more_places(before, event.capacity)
            refuse_fewer_places_than_held(event, before=before)
        if rescheduled:
            event.sequence += 1
        event.full_clean()
        event.save()
        if rescheduled:
            event_rescheduled.send(
                sender=LocalEvent, event=event, changed_fields=changed & SCHEDULE_FIELDS
            )
        if places_added:
            event_places_added.send(sender=LocalEvent, event=event)
    return event


def cancel_event(*, event: LocalEvent) -> LocalEvent:
    """Cancel an event; cancelling twice is harmless. An event off the site (proposed,
    rejected) stays as it is: a cancelled event is shown, so cancelling would publish it."""
    with transaction.atomic():
        event = LocalEvent.objects.select_for_update().get(pk=event.pk)
        if event.status not in LocalEvent.VISIBLE_STATUSES or event.is_cancelled:
            return event
        event.status = LocalEvent.Status.CANCELLED
        event.sequence += 1
        event.save(update_fields=["status", "sequence", "updated_at"])
        event_cancelled.send(sender=LocalEvent, event=event)
    return event
