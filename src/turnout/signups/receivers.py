"""Listeners for campaign signals: who holds a place, and telling participants of a change.

The signals are sent inside the transaction that changed the event, so the notices are written
to the outbox (never sent inline) if and only if the change is committed.
"""

from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import ngettext

from turnout.campaigns.day_details import fields_only_participants_see
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.signals import (
    event_cancelled,
    event_places_added,
    event_places_removed,
    event_rescheduled,
)
from turnout.notifications import outbox

from . import emails, selectors
from .models import Signup
from .services.registration import promote_from_waitlist

# Who hears about a change: people with a place and people waiting for one.
INFORMED_STATES = (Signup.State.CONFIRMED, Signup.State.WAITLISTED)


@receiver(event_places_added, dispatch_uid="signups.promote_after_places_added")
def fill_new_places(sender, *, event: LocalEvent, **kwargs) -> None:
    # Sent inside the transaction that raised the capacity, with the event row locked.
    promote_from_waitlist(event=event, now=timezone.now())


@receiver(event_places_removed, dispatch_uid="signups.keep_places_given")
def refuse_fewer_places_than_held(sender, *, event: LocalEvent, **kwargs) -> None:
    # A place given is kept: nobody confirmed is moved to the waitlist by an edit. Sent with
    # the event row locked, so no confirmation takes a place between this count and the save.
    held = selectors.places_taken(event)
    if event.capacity is not None and event.capacity < held:
        raise ValidationError(
            ngettext(
                "%(held)d place is taken already, so the capacity cannot be lower than %(held)d.",
                "%(held)d places are taken already, so the capacity cannot be lower than %(held)d.",
                held,
            )
            % {"held": held}
        )


def _informed(event: LocalEvent):
    return event.signups.filter(state__in=INFORMED_STATES, anonymized_at__isnull=True)


@receiver(event_rescheduled, dispatch_uid="signups.event_rescheduled")
def notify_rescheduled(sender, *, event: LocalEvent, changed_fields, **kwargs) -> None:
    now = timezone.now()
    signups = _informed(event)
    if set(changed_fields) <= fields_only_participants_see(event):
        # Only the link to join or the exact place changed: news for the people who see
        # them, not the waitlist.
        signups = signups.filter(state__in=Signup.HOLDS_PLACE)
    for signup in signups:
        signup.event = event
        email = emails.event_rescheduled(signup, now=now, changed_fields=set(changed_fields))
        outbox.enqueue(email, now=now, dedupe_key=f"rescheduled:{signup.pk}:{event.sequence}")


@receiver(event_cancelled, dispatch_uid="signups.event_cancelled")
def notify_cancelled(sender, *, event: LocalEvent, **kwargs) -> None:
    now = timezone.now()
    for signup in _informed(event):
        signup.event = event
        email = emails.event_cancelled(signup, now=now)
        outbox.enqueue(email, now=now, dedupe_key=f"cancelled:{signup.pk}:{event.sequence}")
