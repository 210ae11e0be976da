"""A proposal confirmed, and again when revised, reaches the coordinators through the signal that
campaigns sends after its commit."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail

from turnout.alerts.models import ProposalWait
from turnout.alerts.proposal_alerts import queue_proposal_alerts
from turnout.campaigns.models import Campaign
from turnout.campaigns.proposals.models import EventProposal
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import deliver_due

pytestmark = pytest.mark.django_db

APRIL = datetime(2030, 4, 1, 10, tzinfo=UTC)
LATER = APRIL + timedelta(hours=5)  # the proposer revises


def link_in(message, name):
    return re.search(rf"http://127\.0\.0\.1:8000(/\S+/{name}/)", message.body).group(1)


def form(**changes):
    data = {
        "city": "Groningen", "venue": "Vismarkt", "day": "2030-05-13",
        "starts": "14:00", "ends": "16:00", "signup_method": "native",
        "proposer_name": "Griet", "proposer_email": "griet@example.org",
    }  # fmt: skip
    data.update(changes)
    return data


def test_confirmed_then_revised_a_proposal_alerts_the_coordinators_each_time(
    client, campaign, django_capture_on_commit_callbacks
):
    Campaign.objects.filter(pk=campaign.pk).update(is_open_for_proposals=True)
    coco = campaign.coordinators.get(email="coco@example.org")

    def committed(post, *args):
        # The signal goes out once the request's transaction commits.
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args)

    with time_machine.travel(APRIL, tick=False):
        committed(client.post, "/en/campaigns/may/organize/", form())
        deliver_due()
        assert not ProposalWait.objects.exists()  # an unconfirmed address waits for no one
        committed(client.post, link_in(mail.outbox[-1], "confirm"))
        assert queue_proposal_alerts(now=APRIL) == 2

        proposal = EventProposal.objects.get()
        client.force_login(coco)
        client.post(
            "/en/dashboard/campaigns/may/proposals/",
            {
                "proposal": proposal.pk,
                f"p{proposal.pk}-decision": "changes",
                f"p{proposal.pk}-message": "Could you start at 15:00?",
            },
        )
        client.logout()
        deliver_due()
        revise = link_in(mail.outbox[-1], "revise")

    with time_machine.travel(LATER, tick=False):
        data = {k: v for k, v in form(starts="15:00", ends="17:00").items() if "proposer" not in k}
        committed(client.post, revise, data)
        assert queue_proposal_alerts(now=LATER) == 2

    assert ProposalWait.objects.filter(proposal=proposal).count() == 2
    alerts = OutboxMessage.objects.filter(kind="alert_proposal", to_email="coco@example.org")
    assert alerts.count() == 2
