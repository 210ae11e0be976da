"""Read-only queries for moderation: the queue, with possible duplicates flagged."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count

from turnout.places.gazetteer import resolve_city

from ..models import Campaign, LocalEvent
from .models import EventProposal
from .spam_reasons import describe_reasons

# Proposals published by trusted hosts stay listed this long for a look afterwards.
TRUSTED_LOOK_BACK = timedelta(days=30)


def details_are_announced(event: LocalEvent) -> bool:
    """Whether people know where to go: a venue, or (online) the link they get on signing up."""
    return bool(event.venue) or event.is_online


@dataclass
class QueueItem:
    proposal: EventProposal
    possible_duplicates: list[LocalEvent]
    # The spam signals in the reader's language ("3 links in the description").
    spam_reasons: list[str] = field(default_factory=list)


# Events that still claim their city: not turned down, not called off, not unconfirmed spam.
_CLAIMING_STATUSES = (
    LocalEvent.Status.PROPOSED,
    LocalEvent.Status.APPROVED,
    LocalEvent.Status.DETAILS_TBA,
    LocalEvent.Status.COMPLETED,
)


def _place_key(city: str, country: str) -> tuple[str, str]:
    """One key per place: "Den Haag" and "The Hague" are one city in the gazetteer."""
    known = resolve_city(city.strip(), country=country) if city.strip() else None
    if known is not None:
        return (f"geonames:{known.geonames_id}", known.country)
    return (city.strip().casefold(), country.upper())


def moderation_queue(campaign: Campaign) -> list[QueueItem]:
    """Proposals waiting for a decision or for the proposer's changes, oldest first.

    Each carries the other events of the campaign in the same city and country, so two
    proposals for one city are flagged as possible duplicates.
    """
    proposals = list(
        EventProposal.objects.filter(event__campaign=campaign, state__in=EventProposal.OPEN_STATES)
        .select_related("event", "decided_by")
        .order_by("created_at", "pk")
    )
    # Compared in Python: SQLite's LOWER() leaves "Zürich" and "ZÜRICH" apart.
    claiming = campaign.events.filter(status__in=_CLAIMING_STATUSES).exclude(
        proposal__state=EventProposal.State.AWAITING_EMAIL
    )
    by_place: dict[tuple[str, str], list[LocalEvent]] = defaultdict(list)
    for event in claiming:
        if not event.is_online:  # no city, so none it could share with another event
            by_place[_place_key(event.city, event.country)].append(event)
    return [
        QueueItem(
            proposal=proposal,
            possible_duplicates=[]
            if proposal.event.is_online
            else [
                event
                for event in by_place[_place_key(proposal.event.city, proposal.event.country)]
                if event.pk != proposal.event_id
            ],
            spam_reasons=describe_reasons(proposal.spam_reasons),
        )
        for proposal in proposals
    ]


def published_by_trusted_hosts(campaign: Campaign, *, now: datetime) -> list[QueueItem]:
    """What trusted hosts published lately without review, newest first, for a look."""
    proposals = (
        EventProposal.objects.filter(
            event__campaign=campaign,
            state=EventProposal.State.APPROVED,
            published_by_trusted_host=True,
            decided_at__gte=now - TRUSTED_LOOK_BACK,
        )
        .select_related("event")
        .order_by("-decided_at", "-pk")
    )
    return [
        QueueItem(
            proposal=proposal,
            possible_duplicates=[],
            spam_reasons=describe_reasons(proposal.spam_reasons),
        )
        for proposal in proposals
    ]


def campaigns_to_moderate(user) -> list[tuple[Campaign, int]]:
    """Campaigns `user` coordinates (administrators: all), with how many proposals wait."""
    campaigns = Campaign.objects.all() if user.is_superuser else user.coordinated_campaigns.all()
    waiting = dict(
        EventProposal.objects.filter(
            event__campaign__in=campaigns, state=EventProposal.State.PENDING
        )
        .values("event__campaign")
        .annotate(count=Count("pk"))
        .values_list("event__campaign", "count")
    )
    return [(campaign, waiting.get(campaign.pk, 0)) for campaign in campaigns]
