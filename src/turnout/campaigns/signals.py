"""Signals other apps listen to (notifications tell participants), so campaigns stays unaware of them."""

from django.dispatch import Signal

# Sent inside the transaction that changed the event; receivers enqueue, never send.
event_rescheduled = Signal()  # kwargs: event, changed_fields
event_cancelled = Signal()  # kwargs: event
