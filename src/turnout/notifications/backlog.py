"""How far behind email is: what /readyz checks and the admin shows above the outbox."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count

from .models import OutboxMessage


def oldest_due_since(*, now: datetime) -> datetime | None:
    """When the longest-waiting pending email became due (queued, or its retry came due);
    None if none is due. One step down the index the claims use (`outbox_due_idx`), so it is
    cheap enough for a load balancer to ask every few seconds. A message waiting out a retry's
    back-off is not due and does not count: it is not waiting for a worker."""
    return (
        OutboxMessage.objects.filter(state=OutboxMessage.State.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )


@dataclass(frozen=True)
class Backlog:
    pending: int
    failed: int
    uncertain: int
    oldest_due_since: datetime | None

    def oldest_wait_seconds(self, *, now: datetime) -> float | None:
        if self.oldest_due_since is None:
            return None
        return max(0.0, (now - self.oldest_due_since).total_seconds())


def outbox_backlog(*, now: datetime) -> Backlog:
    counts = dict(
        OutboxMessage.objects.filter(
            state__in=[
                OutboxMessage.State.PENDING,
                OutboxMessage.State.FAILED,
                OutboxMessage.State.UNCERTAIN,
            ]
        )
        .values_list("state")
        .annotate(count=Count("id"))
        .order_by()
    )
    return Backlog(
        pending=counts.get(OutboxMessage.State.PENDING, 0),
        failed=counts.get(OutboxMessage.State.FAILED, 0),
        uncertain=counts.get(OutboxMessage.State.UNCERTAIN, 0),
        oldest_due_since=oldest_due_since(now=now),
    )
