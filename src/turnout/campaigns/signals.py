"""Signals that other apps (notifications) listen to, so campaigns need not know them."""

from django.db import transaction
from django.dispatch import Signal

# Sent inside the transaction that changed the event; receivers enqueue, never send.
event_rescheduled = Signal()  # kwargs: event, changed_fields
event_cancelled = Signal()  # kwargs: event
event_places_added = Signal()  # kwargs: event (locked); capacity grew or was lifted
# Sent before the save, with the event row locked: a receiver raises ValidationError to refuse
# fewer places than are held (places are taken under the same lock).
event_places_removed = Signal()  # kwargs: event (locked, with its new capacity)

# Sent after the commit that put a proposal in the coordinators' queue (its address confirmed,
# or revised after changes were asked); receivers read its state again, it may have moved on.
proposal_awaits_review = Signal()  # kwargs: proposal


def announce_proposal_awaits_review(proposal) -> None:
    """Send `proposal_awaits_review` once the current transaction commits; a receiver's error
    is logged, never the proposer's (robust)."""
    transaction.on_commit(
        lambda: proposal_awaits_review.send(sender=type(proposal), proposal=proposal),
        robust=True,
    )
