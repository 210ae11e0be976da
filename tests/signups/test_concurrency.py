"""Hundreds of people at once against one event: no place given twice, nobody lost.

PostgreSQL only: the SQLite test database lives in memory and serializes every writer anyway.
The threads start together on a barrier; a semaphore keeps the number of open connections
under PostgreSQL's default max_connections (100), which the rest of the run shares.
"""

from collections import Counter
from datetime import UTC, datetime

from tests.concurrency import ON_POSTGRESQL, all_at_once
from tests.factories import LocalEventFactory
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import Signup
from turnout.signups.services.registration import confirm_signup, sign_up

pytestmark = ON_POSTGRESQL

PEOPLE = 200
CAPACITY = 50
NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def signing_up(event, email):
    return lambda: sign_up(
        event=event,
        name="Person",
        email=email,
        language="en",
        accepted_code_of_conduct=True,
        now=NOW,
    )


def test_200_simultaneous_signups_and_confirmations_fill_50_places_exactly():
    event = LocalEventFactory(capacity=CAPACITY)
    emails = [f"person{i}@example.org" for i in range(PEOPLE)]
    # Ten people press "sign up" twice at the same moment.
    jobs = [signing_up(event, email) for email in emails]
    jobs += [signing_up(event, email.upper()) for email in emails[:10]]
    # Three delivery workers write the letters owed while the signups come in.
    jobs[::60] = [write_owed_letters] * len(jobs[::60])
    jobs += [signing_up(event, emails[n]) for n in range(0, PEOPLE, 60)]
    assert all_at_once(jobs) == []
    assert Signup.objects.filter(event=event).count() == PEOPLE
    write_owed_letters()  # as the worker does before anyone can read the link

    tokens = list(Signup.objects.filter(event=event).values_list("token", flat=True))
    confirmations = [lambda token=token: confirm_signup(token=token, now=NOW) for token in tokens]
    confirmations += [
        lambda token=token: confirm_signup(token=token, now=NOW) for token in tokens[:20]
    ]
    confirmations[::50] = [write_owed_letters] * len(confirmations[::50])
    confirmations += [
        lambda token=token: confirm_signup(token=token, now=NOW) for token in tokens[:220:50]
    ]
    assert all_at_once(confirmations) == []
    write_owed_letters()

    states = Counter(Signup.objects.filter(event=event).values_list("state", flat=True))
    assert states == {"confirmed": CAPACITY, "waitlisted": PEOPLE - CAPACITY}
    kinds = Counter(OutboxMessage.objects.values_list("kind", flat=True))
    assert kinds == {  # the ten second clicks came with their confirmation request: no email
        "confirm_request": PEOPLE,
        "signup_confirmed": CAPACITY,
        "waitlisted": PEOPLE - CAPACITY,
    }
    per_person = Counter(
        OutboxMessage.objects.filter(kind__in=["signup_confirmed", "waitlisted"]).values_list(
            "to_email", flat=True
        )
    )
    assert set(per_person) == set(emails) and set(per_person.values()) == {1}
