"""Rows the alert tests share: a campaign with coordinators, events with organizers, proposals."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals.models import EventProposal
from turnout.notifications.models import OutboxMessage

# A Monday morning; the daily digest's hour (08:00 in TIME_ZONE, UTC in tests) is behind it.
NOW = datetime(2030, 4, 1, 9, 30, tzinfo=UTC)


def make_proposal(campaign, *, now=NOW, state=EventProposal.State.PENDING, **fields):
    event = LocalEventFactory(
        campaign=campaign,
        status=LocalEvent.Status.PROPOSED,
        city=fields.pop("city", "Groningen"),
        title=fields.pop("title", "Climate vigil in Groningen"),
    )
    return EventProposal.objects.create(
        event=event,
        proposer_name=fields.pop("proposer_name", "Griet de Vries"),
        proposer_email=fields.pop("proposer_email", "griet@example.org"),
        state=state,
        token_hash=f"hash-{event.pk}",
        created_at=now - timedelta(minutes=5),
        email_confirmed_at=now - timedelta(minutes=4),
        **fields,
    )


def outbox_to(address: str, kind: str | None = None) -> list[OutboxMessage]:
    rows = OutboxMessage.objects.filter(to_email=address).order_by("pk")
    return list(rows.filter(kind=kind) if kind else rows)


@pytest.fixture
def campaign(db):
    campaign = CampaignFactory(slug="may", title="May action")
    campaign.coordinators.add(
        UserFactory(email="coco@example.org", name="Coco", language="en"),
        UserFactory(email="kees@example.org", name="Kees", language="nl"),
    )
    return campaign


@pytest.fixture
def event(campaign):
    event = LocalEventFactory(
        campaign=campaign,
        title="March in Utrecht",
        city="Utrecht",
        starts_at=datetime(2030, 5, 13, 11, tzinfo=UTC),
        ends_at=datetime(2030, 5, 13, 13, tzinfo=UTC),
        capacity=100,
    )
    event.organizers.add(
        UserFactory(email="olga@example.org", name="Olga", language="en"),
        UserFactory(email="otto@example.org", name="Otto", language="nl"),
    )
    return event
