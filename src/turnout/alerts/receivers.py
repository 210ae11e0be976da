"""What alerts hears from campaigns: a proposal entered the coordinators' queue."""

from django.dispatch import receiver
from django.utils import timezone

from turnout.campaigns.signals import proposal_awaits_review

from .proposal_alerts import record_wait


@receiver(proposal_awaits_review, dispatch_uid="alerts.proposal_awaits_review")
def note_proposal_waiting(sender, proposal, **kwargs) -> None:
    # Sent after the proposer's commit; the alert itself is written by the next run of
    # `queue_proposal_alerts` (every minute), which can retry, unlike this.
    record_wait(proposal=proposal, now=timezone.now())
