"""Confirmations racing for the last places: each person's one email says what they got.

`confirm_signup` decides under the event's lock and marks the email the outcome owes in the
same UPDATE; delivery workers write the owed emails (signups/owed_letters.py) while the
confirmations go on. Many people confirming at once for a few places, with two workers
writing among them: every person's one email must still match their state. PostgreSQL
only, like test_concurrency.py.
"""

from collections import Counter
from datetime import UTC, datetime

from tests.concurrency import ON_POSTGRESQL
from tests.factories import LocalEventFactory
from tests.signups.test_concurrency import all_at_once, signing_up
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import Signup
from turnout.signups.services.registration import confirm_signup

pytestmark = ON_POSTGRESQL

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
PEOPLE = 40
CAPACITY = 5


def test_when_the_last_places_go_during_a_confirmation_its_email_still_matches_the_outcome():
    event = LocalEventFactory(capacity=CAPACITY, title="Sit-in at the Rådhus")
    emails = [f"racer{i}@example.org" for i in range(PEOPLE)]
    assert all_at_once([signing_up(event, email) for email in emails]) == []
    write_owed_letters()
    tokens = list(Signup.objects.filter(event=event).values_list("token", flat=True))
    # Everyone twice: a double click must not change the outcome or add an email.
    jobs = [lambda token=token: confirm_signup(token=token, now=NOW) for token in tokens * 2]
    jobs[PEOPLE // 2 : PEOPLE // 2] = [write_owed_letters]
    jobs[PEOPLE + 10 : PEOPLE + 10] = [write_owed_letters]
    assert all_at_once(jobs) == []
    write_owed_letters()

    states = dict(Signup.objects.filter(event=event).values_list("email", "state"))
    assert Counter(states.values()) == {"confirmed": CAPACITY, "waitlisted": PEOPLE - CAPACITY}
    outcome_emails = OutboxMessage.objects.filter(kind__in=["signup_confirmed", "waitlisted"])
    sent = Counter(outcome_emails.values_list("to_email", "kind"))
    expected = {"confirmed": "signup_confirmed", "waitlisted": "waitlisted"}
    assert sent == Counter({(email, expected[state]) for email, state in states.items()})
    for message in outcome_emails:
        if message.kind == "signup_confirmed":
            assert message.subject == "You're in: Sit-in at the Rådhus"
            assert message.attachments  # the calendar invite, for people with a place only
        else:
            assert message.subject == "You're on the waitlist: Sit-in at the Rådhus"
            assert not message.attachments
    referral_codes = Signup.objects.filter(event=event).values_list("referral_code", flat=True)
    assert len(set(referral_codes)) == PEOPLE and None not in referral_codes
