"""Bring a friend, double-clicked: one friend through one link counts once.

PostgreSQL only, like tests/signups/test_concurrency.py: SQLite runs writers one at a time.
"""

from datetime import UTC, datetime

from tests.concurrency import ON_POSTGRESQL, all_at_once
from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.notifications.outbox import write_owed_letters
from turnout.referrals import selectors, services
from turnout.signups.models import Signup
from turnout.signups.services.registration import confirm_signup, sign_up

pytestmark = ON_POSTGRESQL

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def test_a_friend_signing_up_and_confirming_twice_at_once_is_counted_once():
    event = LocalEventFactory(capacity=50)
    host = SignupFactory(event=event, referral_code=None)
    # Two tabs asking for the host's share code at once agree on one.
    codes: list[str] = []
    jobs = [lambda: codes.append(services.ensure_share_code(Signup.objects.get(pk=host.pk)))] * 6
    assert all_at_once(jobs) == []
    assert len(set(codes)) == 1
    code = codes[0]

    def signing_up(email):
        return lambda: sign_up(
            event=event, name="Friend", email=email, language="en",
            accepted_code_of_conduct=True, via=code, now=NOW,
        )  # fmt: skip

    friends = ["friend@example.org", "FRIEND@example.org", "other@example.org"]
    assert all_at_once([signing_up(email) for email in friends * 5]) == []
    write_owed_letters()
    tokens = Signup.objects.filter(referred_by=host).values_list("token", flat=True)
    assert all_at_once([lambda t=t: confirm_signup(token=t, now=NOW) for t in tokens] * 5) == []
    host.refresh_from_db()
    assert selectors.friends_brought(host) == 2
    assert [r.brought for r in selectors.top_referrers_of_event(event)] == [2]
