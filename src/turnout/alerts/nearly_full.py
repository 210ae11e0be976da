"""Organizers told once when their event is nearly full, with where to add places."""

from datetime import datetime

from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q

from turnout.campaigns.models import LocalEvent
from turnout.notifications import outbox
from turnout.signups.models import Signup

from . import emails
from .letters import personalized
from .models import AlertKind, Frequency, NearlyFullNote
from .preferences import choosing

FEW_PLACES = 2  # at any size, this few places left is "nearly full"
FEW_PLACES_SHARE = 10  # ... and so is a tenth of the capacity, or less


def is_nearly_full(*, capacity: int, places_left: int) -> bool:
    """A tenth of the places or fewer left, or two or fewer, once anyone holds a place."""
    if capacity <= 0 or places_left >= capacity:
        return False
    return places_left <= FEW_PLACES or places_left * FEW_PLACES_SHARE <= capacity


def queue_nearly_full_notes(*, now: datetime) -> int:
    """Write a note to the organizers of each upcoming event that became nearly full."""
    already_noted = NearlyFullNote.objects.filter(
        event=OuterRef("pk"), capacity=OuterRef("capacity")
    )
    events = (
        LocalEvent.objects.filter(
            status__in=(LocalEvent.Status.APPROVED, LocalEvent.Status.DETAILS_TBA),
            capacity__gt=0,
            starts_at__gt=now,
        )
        .exclude(Exists(already_noted))
        .annotate(taken=Count("signups", filter=Q(signups__state__in=Signup.HOLDS_PLACE)))
        .filter(taken__gt=0)
        .alias(taken_tenfold=F("taken") * FEW_PLACES_SHARE)
        .filter(
            Q(taken__gte=F("capacity") - FEW_PLACES)
            | Q(taken_tenfold__gte=F("capacity") * (FEW_PLACES_SHARE - 1))
        )
        .select_related("campaign")
        .order_by("pk")
    )
    queued = 0
    for event in events:
        capacity = event.capacity or 0
        places_left = max(capacity - event.taken, 0)
        if is_nearly_full(capacity=capacity, places_left=places_left):
            queued += _note(event, capacity=capacity, places_left=places_left, now=now)
    return queued


def _note(event: LocalEvent, *, capacity: int, places_left: int, now: datetime) -> int:
    with transaction.atomic():
        _note_row, created = NearlyFullNote.objects.get_or_create(
            event=event,
            capacity=capacity,
            defaults={"places_left": places_left, "created_at": now},
        )
        if not created:
            return 0  # another worker wrote it
        recipients = choosing(
            event.organizers.all(), kind=AlertKind.NEARLY_FULL, frequency=Frequency.IMMEDIATELY
        )
        letters = personalized(
            recipients,
            lambda recipient, language: emails.nearly_full(
                event, places_left=places_left, recipient=recipient, language=language
            ),
            dedupe_key=lambda preference: (
                f"alert:nearly_full:{event.pk}:{capacity}:{preference.user_id}"
            ),
        )
        return outbox.enqueue_many(letters, now=now)
