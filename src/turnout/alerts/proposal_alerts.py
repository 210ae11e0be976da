"""Coordinators told of proposals waiting for them: right away, or in one digest a day."""

from datetime import datetime, timedelta

from django.db import transaction

from turnout.accounts.models import User
from turnout.campaigns.models import Campaign
from turnout.campaigns.proposals.models import EventProposal
from turnout.notifications import outbox

from . import emails
from .digests import send_digests
from .letters import personalized
from .models import AlertKind, Frequency, ProposalWait
from .preferences import choosing
from .windows import Window

ALERT_BATCH = 200  # waits handled per run; the next run (a minute later) takes the rest
LOST_WAIT_HORIZON = timedelta(hours=6)


def record_wait(*, proposal: EventProposal, now: datetime) -> ProposalWait | None:
    """Note that `proposal` now waits for a coordinator, if it still does."""
    state = EventProposal.objects.filter(pk=proposal.pk).values_list("state", flat=True).first()
    if state != EventProposal.State.PENDING:
        return None  # decided, or published by a trusted host, before this ran
    return ProposalWait.objects.create(proposal_id=proposal.pk, waiting_since=now)


def record_lost_waits(*, now: datetime) -> int:
    """Waits for proposals confirmed lately whose signal never arrived (the process stopped
    between the proposer's commit and the receiver); a minute is ample for the receiver."""
    lost = EventProposal.objects.filter(
        state=EventProposal.State.PENDING,
        email_confirmed_at__gte=now - LOST_WAIT_HORIZON,
        email_confirmed_at__lt=now - timedelta(minutes=1),
    ).exclude(pk__in=ProposalWait.objects.values("proposal_id"))
    waits = [
        ProposalWait(proposal_id=pk, waiting_since=confirmed or now)
        for pk, confirmed in lost.values_list("pk", "email_confirmed_at")
    ]
    ProposalWait.objects.bulk_create(waits)
    return len(waits)


def queue_proposal_alerts(*, now: datetime) -> int:
    """Write the "right away" alerts of every new wait to the outbox, once each."""
    record_lost_waits(now=now)
    waiting = ProposalWait.objects.filter(alerted_at__isnull=True).order_by("pk")
    return sum(
        _alert(wait_id, now=now)
        for wait_id in list(waiting.values_list("pk", flat=True)[:ALERT_BATCH])
    )


def _alert(wait_id: int, *, now: datetime) -> int:
    """The alerts of one wait, written with its "alerted" mark in one transaction."""
    with transaction.atomic():
        wait = (
            ProposalWait.objects.select_for_update()
            .filter(pk=wait_id, alerted_at__isnull=True)
            .first()
        )
        if wait is None:
            return 0  # another worker took it
        wait.alerted_at = now
        wait.save(update_fields=["alerted_at"])
        proposal = EventProposal.objects.select_related("event__campaign").get(pk=wait.proposal_id)
        campaign = proposal.event.campaign
        # A proposal held as possible spam waits in the queue, marked, and is listed in the
        # daily digest; it does not email every coordinator the moment it arrives.
        if (
            proposal.state != EventProposal.State.PENDING
            or proposal.is_held_as_spam
            or campaign is None
        ):
            return 0
        recipients = choosing(
            campaign.coordinators.all(),
            kind=AlertKind.PROPOSALS,
            campaign=campaign,
            frequency=Frequency.IMMEDIATELY,
        )
        letters = personalized(
            recipients,
            lambda recipient, language: emails.proposal_waiting(
                proposal, recipient=recipient, language=language
            ),
            # By proposal and moment rather than by wait: two workers that both recovered a
            # lost wait (same moment) write one alert.
            dedupe_key=lambda preference: (
                f"alert:proposal:{proposal.pk}:{wait.waiting_since:%Y%m%dT%H%M%S.%fZ}:"
                f"{preference.user_id}"
            ),
        )
        return outbox.enqueue_many(letters, now=now)


def queue_proposal_digests(*, now: datetime) -> int:
    """Write each daily digest that is due: proposals that came in and still wait."""
    queued = 0
    for campaign in Campaign.objects.filter(status=Campaign.Status.PUBLISHED).order_by("pk"):
        recipients = choosing(
            campaign.coordinators.all(),
            kind=AlertKind.PROPOSALS,
            campaign=campaign,
            frequency=Frequency.DAILY,
        )
        if not recipients:
            continue

        def content(user: User, window: Window, campaign=campaign):
            return _digest_content(campaign, window)

        queued += send_digests(
            recipients,
            frequency=Frequency.DAILY,
            now=now,
            content=content,
            compose=emails.proposal_digest,
        )
    return queued


def _digest_content(campaign: Campaign, window: Window):
    waiting = EventProposal.objects.filter(
        event__campaign=campaign, state=EventProposal.State.PENDING
    )
    new_ids = ProposalWait.objects.filter(
        proposal__in=waiting,
        waiting_since__gte=window.since,
        waiting_since__lt=window.until,
    ).values("proposal_id")
    proposals = list(
        waiting.filter(pk__in=new_ids).select_related("event__campaign").order_by("created_at")
    )
    if not proposals:
        return None
    digest = emails.ProposalDigest(campaign=campaign, proposals=proposals, waiting=waiting.count())
    return tuple(p.pk for p in proposals), digest
