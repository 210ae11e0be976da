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
