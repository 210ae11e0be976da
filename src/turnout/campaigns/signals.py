"""Signals that other apps (notifications) listen to, so campaigns need not know them."""

from django.dispatch import Signal

# Sent inside the transaction that changed the event; receivers enqueue, never send.
event_rescheduled = Signal()  # kwargs: event, changed_fields
event_cancelled = Signal()  # kwargs: event
event_places_added = Signal()  # kwargs: event (locked); capacity grew or was lifted
