"""Listeners for campaign signals: they enqueue notices in the outbox, never send inline.

The signals are sent inside the transaction that changed the event, so the notices are
written if and only if the change is committed.
"""

from django.dispatch import receiver
from django.utils import timezone

from turnout.campaigns.models import LocalEvent
from turnout.campaigns.signals import event_cancelled, event_rescheduled
from turnout.signups.models import Signup

from . import outbox, signup_emails

# Who hears about a change: people with a place and people waiting for one.
INFORMED_STATES = (Signup.State.CONFIRMED, Signup.State.WAITLISTED)


def _informed(event: LocalEvent):
    return event.signups.filter(state__in=INFORMED_STATES, anonymized_at__isnull=True)


@receiver(event_rescheduled, dispatch_uid="notifications.event_rescheduled")
def notify_rescheduled(sender, *, event: LocalEvent, changed_fields, **kwargs) -> None:
    now = timezone.now()
    for signup in _informed(event):
        signup.event = event
        email = signup_emails.event_rescheduled(signup, now=now, changed_fields=set(changed_fields))
        outbox.enqueue(email, now=now, dedupe_key=f"rescheduled:{signup.pk}:{event.sequence}")


@receiver(event_cancelled, dispatch_uid="notifications.event_cancelled")
def notify_cancelled(sender, *, event: LocalEvent, **kwargs) -> None:
    now = timezone.now()
    for signup in _informed(event):
        signup.event = event
        email = signup_emails.event_cancelled(signup, now=now)
        outbox.enqueue(email, now=now, dedupe_key=f"cancelled:{signup.pk}:{event.sequence}")
