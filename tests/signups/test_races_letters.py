"""Several delivery workers writing the same owed letters at once: one outbox row each.

PostgreSQL only, like test_concurrency.py: SQLite runs writers one at a time.
"""

from collections import Counter
from datetime import UTC, datetime

from tests.concurrency import ON_POSTGRESQL, all_at_once
from tests.factories import LocalEventFactory
from tests.signups.test_concurrency import signing_up
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import Signup
from turnout.signups.services.registration import confirm_signup

pytestmark = ON_POSTGRESQL

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def test_six_workers_writing_the_same_owed_letters_write_each_once():
    event = LocalEventFactory(capacity=20)
    emails = [f"reader{i}@example.org" for i in range(60)]
    assert all_at_once([signing_up(event, email) for email in emails]) == []
    assert all_at_once([write_owed_letters] * 6) == []
    assert Counter(OutboxMessage.objects.values_list("to_email", flat=True)) == Counter(emails)

    tokens = Signup.objects.filter(event=event).values_list("token", flat=True)
    assert all_at_once([lambda t=t: confirm_signup(token=t, now=NOW) for t in tokens]) == []
    assert all_at_once([write_owed_letters] * 6) == []
    kinds = Counter(OutboxMessage.objects.values_list("kind", flat=True))
    assert kinds == {"confirm_request": 60, "signup_confirmed": 20, "waitlisted": 40}
    assert not Signup.objects.exclude(letter_due="").exists()
