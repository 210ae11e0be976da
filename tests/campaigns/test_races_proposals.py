"""Two coordinators deciding one proposal at the same moment: one decision, one email.

PostgreSQL only, like tests/signups/test_concurrency.py: SQLite runs writers one at a time.
"""

from collections import Counter
from datetime import UTC, datetime

from tests.concurrency import ON_POSTGRESQL, all_at_once
from tests.factories import LocalEventFactory, UserFactory
from turnout.accounts.models import AuditEntry
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals import decisions
from turnout.campaigns.proposals.models import EventProposal
from turnout.notifications.models import OutboxMessage

pytestmark = ON_POSTGRESQL

NOW = datetime(2030, 4, 1, 12, tzinfo=UTC)


def test_a_proposal_approved_and_rejected_at_once_is_decided_once():
    proposals = [
        EventProposal.objects.create(
            event=LocalEventFactory(status=LocalEvent.Status.PROPOSED),
            state=EventProposal.State.PENDING,
            proposer_name="Ilse",
            proposer_email=f"proposer{i}@example.org",
            token_hash=f"hash-{i}",
            email_confirmed_at=NOW,
        )
        for i in range(4)
    ]
    approver, rejecter = UserFactory(), UserFactory()
    outcomes: Counter = Counter()

    def deciding(proposal, decide):
        def job():
            try:
                decide(proposal)
            except decisions.NotAwaitingDecision:
                outcomes["already decided"] += 1

        return job

    def approve(proposal):
        decisions.approve_proposal(proposal=proposal, actor=approver, now=NOW)

    def reject(proposal):
        decisions.reject_proposal(proposal=proposal, actor=rejecter, reason="Duplicate", now=NOW)

    jobs = []
    for proposal in proposals:
        jobs += [deciding(proposal, approve), deciding(proposal, reject)] * 3
    assert all_at_once(jobs) == []
    assert outcomes["already decided"] == len(jobs) - len(proposals)
    for proposal in proposals:
        proposal.refresh_from_db()
        event = LocalEvent.objects.get(pk=proposal.event_id)
        sent = Counter(
            OutboxMessage.objects.filter(to_email=proposal.proposer_email).values_list(
                "kind", flat=True
            )
        )
        if proposal.state == EventProposal.State.APPROVED:
            assert event.status in (LocalEvent.Status.APPROVED, LocalEvent.Status.DETAILS_TBA)
            assert sent == {"proposal_approved": 1}
            assert list(event.organizers.values_list("email", flat=True)) == [
                proposal.proposer_email
            ]
        else:
            assert proposal.state == EventProposal.State.REJECTED
            assert event.status == LocalEvent.Status.REJECTED
            assert sent == {"proposal_rejected": 1}
            assert not event.organizers.exists()
        assert (
            AuditEntry.objects.filter(
                action__in=["proposal.approved", "proposal.rejected"], target_id=str(event.pk)
            ).count()
            == 1
        )
