"""Coordinators hear of a proposal that waits: right away or once a day, as each chose."""

from datetime import timedelta

import pytest

from tests.factories import CampaignFactory, UserFactory
from turnout.accounts.tokens import new_token
from turnout.alerts.models import ProposalWait
from turnout.alerts.preferences import choose_frequency
from turnout.alerts.proposal_alerts import (
    queue_proposal_alerts,
    queue_proposal_digests,
    record_wait,
)
from turnout.campaigns.proposals.models import EventProposal
from turnout.campaigns.proposals.services import confirm_proposal_email
from turnout.notifications.models import OutboxMessage

from .conftest import NOW, make_proposal, outbox_to

pytestmark = pytest.mark.django_db


def test_confirming_a_proposal_alerts_each_coordinator_once_in_their_language(
    campaign, django_capture_on_commit_callbacks
):
    proposal = make_proposal(campaign, state=EventProposal.State.AWAITING_EMAIL)
    token, hashed = new_token(purpose="proposal")
    EventProposal.objects.filter(pk=proposal.pk).update(token_hash=hashed)
    with django_capture_on_commit_callbacks(execute=True):
        confirm_proposal_email(token=token, now=NOW)
    assert ProposalWait.objects.filter(proposal=proposal).count() == 1

    assert queue_proposal_alerts(now=NOW) == 2
    assert queue_proposal_alerts(now=NOW + timedelta(minutes=1)) == 0  # once
    [english] = outbox_to("coco@example.org")
    [dutch] = outbox_to("kees@example.org")
    assert english.subject == "Proposal waiting: Climate vigil in Groningen (May action)"
    assert "Hello Coco," in english.body_text
    assert "Proposed by Griet de Vries" in english.body_text
    assert "/en/dashboard/campaigns/may/proposals/" in english.body_text
    assert dutch.subject == "Voorstel wacht: Climate vigil in Groningen (May action)"
    assert "Hallo Kees," in dutch.body_text
    assert "/nl/dashboard/campaigns/may/proposals/" in dutch.body_text


def test_a_coordinator_who_chose_daily_or_off_gets_no_immediate_alert(campaign):
    coco, kees = campaign.coordinators.order_by("email")
    choose_frequency(user=coco, kind="proposals", campaign=campaign, frequency="daily")
    choose_frequency(user=kees, kind="proposals", campaign=campaign, frequency="off")
    record_wait(proposal=make_proposal(campaign), now=NOW)
    assert queue_proposal_alerts(now=NOW) == 0
    assert ProposalWait.objects.get().alerted_at == NOW  # done with, not retried


def test_only_coordinators_of_that_campaign_are_alerted(campaign):
    other = CampaignFactory(slug="june")
    other.coordinators.add(UserFactory(email="stranger@example.org"))
    record_wait(proposal=make_proposal(campaign), now=NOW)
    queue_proposal_alerts(now=NOW)
    assert sorted(OutboxMessage.objects.values_list("to_email", flat=True)) == [
        "coco@example.org",
        "kees@example.org",
    ]


def test_a_proposal_decided_or_held_as_spam_before_the_run_alerts_no_one(campaign):
    decided = make_proposal(campaign)
    record_wait(proposal=decided, now=NOW)
    EventProposal.objects.filter(pk=decided.pk).update(state=EventProposal.State.APPROVED)
    held = make_proposal(campaign, is_held_as_spam=True, spam_score=90)
    record_wait(proposal=held, now=NOW)
    assert queue_proposal_alerts(now=NOW) == 0
    published = make_proposal(campaign, state=EventProposal.State.APPROVED)
    assert record_wait(proposal=published, now=NOW) is None  # a trusted host's: no wait at all


def test_a_revised_proposal_alerts_again(campaign):
    proposal = make_proposal(campaign)
    record_wait(proposal=proposal, now=NOW)
    queue_proposal_alerts(now=NOW)
    record_wait(proposal=proposal, now=NOW + timedelta(days=1))
    queue_proposal_alerts(now=NOW + timedelta(days=1))
    assert len(outbox_to("coco@example.org")) == 2


def test_the_daily_digest_lists_what_came_in_and_still_waits(campaign):
    coco, kees = campaign.coordinators.order_by("email")
    for person in (coco, kees):
        choose_frequency(user=person, kind="proposals", campaign=campaign, frequency="daily")
    yesterday = NOW - timedelta(days=1)  # 09:30 on the day before: inside 08:00–08:00
    waiting = make_proposal(campaign, title="Vigil in Zwolle", city="Zwolle")
    record_wait(proposal=waiting, now=yesterday)
    held = make_proposal(campaign, title="Buy cheap pills", is_held_as_spam=True)
    record_wait(proposal=held, now=yesterday)
    decided = make_proposal(campaign, title="Decided already")
    record_wait(proposal=decided, now=yesterday)
    EventProposal.objects.filter(pk=decided.pk).update(state=EventProposal.State.REJECTED)
    too_new = make_proposal(campaign, title="After eight")
    record_wait(proposal=too_new, now=NOW - timedelta(minutes=10))  # next day's digest

    assert queue_proposal_digests(now=NOW) == 2
    assert queue_proposal_digests(now=NOW + timedelta(hours=3)) == 0
    [digest] = outbox_to("coco@example.org")
    assert digest.subject == "2 new proposals waiting (May action)"
    assert "Vigil in Zwolle" in digest.body_text
    assert "Buy cheap pills" in digest.body_text and "held as possible spam" in digest.body_text
    assert "Decided already" not in digest.body_text
    assert "After eight" not in digest.body_text
    assert "In all, 3 proposals wait in the queue" in digest.body_text
    [dutch] = outbox_to("kees@example.org")
    assert dutch.subject == "2 nieuwe voorstellen wachten (May action)"

    assert queue_proposal_digests(now=NOW + timedelta(days=1)) == 2  # "After eight", next day
    assert "After eight" in outbox_to("coco@example.org")[-1].body_text


def test_no_digest_on_a_day_without_proposals(campaign):
    for person in campaign.coordinators.all():
        choose_frequency(user=person, kind="proposals", campaign=campaign, frequency="daily")
    assert queue_proposal_digests(now=NOW) == 0
    assert not OutboxMessage.objects.exists()
