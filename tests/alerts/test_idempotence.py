"""Each alert is written once: with its mark in one transaction, and the outbox's key behind it
should a mark ever be lost."""

import pytest

from tests.signups.factories import SignupFactory
from turnout.alerts.models import NearlyFullNote, ProposalWait
from turnout.alerts.nearly_full import queue_nearly_full_notes
from turnout.alerts.proposal_alerts import queue_proposal_alerts, record_wait
from turnout.notifications.models import OutboxMessage

from .conftest import NOW, make_proposal

pytestmark = pytest.mark.django_db


def test_a_proposal_alert_whose_mark_was_lost_is_not_written_again(campaign):
    record_wait(proposal=make_proposal(campaign), now=NOW)
    assert queue_proposal_alerts(now=NOW) == 2
    ProposalWait.objects.update(alerted_at=None)
    assert queue_proposal_alerts(now=NOW) == 0
    assert OutboxMessage.objects.count() == 2


def test_a_nearly_full_note_whose_row_was_lost_is_not_written_again(event):
    for _ in range(95):
        SignupFactory(event=event)
    assert queue_nearly_full_notes(now=NOW) == 2
    NearlyFullNote.objects.all().delete()
    assert queue_nearly_full_notes(now=NOW) == 0
    assert OutboxMessage.objects.count() == 2


def test_a_proposal_whose_signal_was_lost_is_alerted_all_the_same(campaign):
    """The proposer's commit went through, the process stopped before the receiver ran."""
    proposal = make_proposal(campaign)  # confirmed four minutes before NOW, no wait recorded
    assert queue_proposal_alerts(now=NOW) == 2
    assert ProposalWait.objects.get().proposal == proposal
    assert queue_proposal_alerts(now=NOW) == 0
    with_signal = make_proposal(campaign)
    record_wait(proposal=with_signal, now=NOW)
    assert queue_proposal_alerts(now=NOW) == 2  # its own wait only, not a second one
    assert ProposalWait.objects.filter(proposal=with_signal).count() == 1


def test_two_workers_recovering_the_same_lost_wait_write_one_alert_each(campaign):
    proposal = make_proposal(campaign)
    for _worker in range(2):  # both read "no wait" before either wrote one
        ProposalWait.objects.create(proposal=proposal, waiting_since=proposal.email_confirmed_at)
    assert queue_proposal_alerts(now=NOW) == 2
    assert OutboxMessage.objects.count() == 2
