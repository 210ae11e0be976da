"""An invitation to co-organize accepted from two tabs, or two links of it, at the same moment.

One co-organizer, one account, one audit entry, whatever the order. PostgreSQL only, like
tests/signups/test_concurrency.py: SQLite runs writers one at a time.
"""

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from tests.concurrency import ON_POSTGRESQL, all_at_once
from tests.factories import LocalEventFactory, UserFactory
from turnout.accounts.models import AuditEntry, User
from turnout.accounts.tokens import new_token
from turnout.campaigns.proposals.models import OrganizerInvitation
from turnout.organizing.dashboard.services import INVITATION_PURPOSE, accept_invitation

pytestmark = ON_POSTGRESQL

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def invitation_link(event, email: str, inviter) -> str:
    """An invitation sent by `inviter`, who organizes `event`: an invitation is good only while
    its sender may edit the event."""
    event.organizers.add(inviter)
    token, hashed = new_token(purpose=INVITATION_PURPOSE)
    OrganizerInvitation.objects.create(
        event=event, email=email, invited_by=inviter, token_hash=hashed,
        created_at=NOW - timedelta(minutes=5), expires_at=NOW + timedelta(days=14),
    )  # fmt: skip
    return token


def accepting(token: str, outcomes: Counter):
    def job():
        answer = accept_invitation(token=token, user=None, language="en", now=NOW)
        outcomes[answer.outcome] += 1

    return job


@pytest.mark.parametrize("links", [1, 2], ids=["one link twice", "two links of one address"])
def test_an_invitation_accepted_at_once_from_many_tabs_makes_one_co_organizer(links):
    inviter = UserFactory()
    event = LocalEventFactory()
    tokens = [invitation_link(event, "newcomer@example.org", inviter) for _ in range(links)]
    outcomes: Counter = Counter()
    assert all_at_once([accepting(token, outcomes) for token in tokens * 8]) == []
    assert outcomes["signed_in"] == 1 and outcomes["unusable"] == 8 * links - 1
    assert User.objects.filter(email="newcomer@example.org").count() == 1
    newcomers = event.organizers.exclude(pk=inviter.pk)
    assert list(newcomers.values_list("email", flat=True)) == ["newcomer@example.org"]
    assert AuditEntry.objects.filter(action="role.granted").count() == 1
    assert not OrganizerInvitation.objects.filter(accepted_at__isnull=True).exists()


def test_invitations_to_two_events_accepted_at_once_share_one_new_account():
    inviter = UserFactory()
    events = LocalEventFactory.create_batch(2)
    tokens = [invitation_link(event, "both@example.org", inviter) for event in events]
    outcomes: Counter = Counter()
    assert all_at_once([accepting(token, outcomes) for token in tokens]) == []
    # The second may find the account the first made, holding a role now: signing in by
    # itself comes first then (SIGN_IN_FIRST); never a second account or an error.
    assert outcomes["signed_in"] + outcomes["sign_in_first"] == 2 and outcomes["signed_in"]
    person = User.objects.get(email="both@example.org")
    organizing = sum(event.organizers.filter(pk=person.pk).exists() for event in events)
    assert organizing == outcomes["signed_in"]
