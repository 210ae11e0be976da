"""Listeners for campaign signals that change who holds a place."""

from django.dispatch import receiver
from django.utils import timezone

from turnout.campaigns.models import LocalEvent
from turnout.campaigns.signals import event_places_added

from .services.registration import promote_from_waitlist


@receiver(event_places_added, dispatch_uid="signups.promote_after_places_added")
def fill_new_places(sender, *, event: LocalEvent, **kwargs) -> None:
    # Sent inside the transaction that raised the capacity, with the event row locked.
    promote_from_waitlist(event=event, now=timezone.now())
