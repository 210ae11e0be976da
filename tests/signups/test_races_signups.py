"""Races on one signup or one event: the same or conflicting requests at the same moment.

An attacker with many hands (or a crowd with bad luck) fires them together; afterwards the
database and the outbox must tell one consistent story: one outcome per person, one email per
outcome, never more people holding a place than there are places. PostgreSQL only, like
test_concurrency.py: SQLite runs writers one at a time.
"""

from collections import Counter
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError

from tests.concurrency import ON_POSTGRESQL, all_at_once
from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from tests.signups.test_concurrency import signing_up
from turnout.campaigns.services import cancel_event, save_event_changes
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import Signup
from turnout.signups.services.privacy import erase_personal_data
from turnout.signups.services.registration import (
    SignupClosed,
    cancel_signup,
    confirm_signup,
    sign_up,
)

pytestmark = ON_POSTGRESQL

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def kinds_to(email: str) -> Counter:
    return Counter(OutboxMessage.objects.filter(to_email=email).values_list("kind", flat=True))


def awaiting(event, email: str) -> Signup:
    sign_up(
        event=event, name="Noor", email=email, language="en",
        accepted_code_of_conduct=True, now=NOW,
    )  # fmt: skip
    write_owed_letters()
    return Signup.objects.get(event=event, email=email)


def confirming(token: str):
    return lambda: confirm_signup(token=token, now=NOW)


def cancelling(token: str):
    return lambda: cancel_signup(token=token, now=NOW)


def test_one_confirmation_link_opened_twenty_times_at_once_confirms_once_with_one_email():
    event = LocalEventFactory(capacity=10)
    signup = awaiting(event, "noor@example.org")
    assert all_at_once([confirming(signup.token)] * 20) == []
    write_owed_letters()
    signup.refresh_from_db()
    assert signup.state == Signup.State.CONFIRMED
    assert kinds_to("noor@example.org") == {"confirm_request": 1, "signup_confirmed": 1}


def test_confirm_and_cancel_at_once_end_cancelled_and_the_emails_agree():
    event = LocalEventFactory(capacity=10)
    tokens = [awaiting(event, f"twin{i}@example.org").token for i in range(6)]
    jobs = []
    for token in tokens:
        jobs += [confirming(token), cancelling(token), confirming(token)]
    jobs.insert(7, write_owed_letters)
    assert all_at_once(jobs) == []
    write_owed_letters()
    for i in range(6):
        email = f"twin{i}@example.org"
        signup = Signup.objects.get(email=email)
        assert signup.state == Signup.State.CANCELLED
        sent = kinds_to(email)
        # Confirmed first: they are told of the cancelling once ("you're in" only if the
        # worker wrote it in between); cancelled first: the confirmation request was all.
        assert sent["confirm_request"] == 1
        assert sent["signup_confirmed"] <= 1 and sent["waitlisted"] == 0
        assert sent["signup_cancelled"] == (1 if signup.confirmed_at else 0)


def test_two_devices_cancelling_one_place_promote_exactly_one_person():
    event = LocalEventFactory(capacity=2)
    holders = SignupFactory.create_batch(2, event=event)
    waiting = [
        SignupFactory(event=event, state=Signup.State.WAITLISTED, waitlisted_at=NOW)
        for _ in range(3)
    ]
    leaving = holders[0]
    assert all_at_once([cancelling(leaving.token)] * 10) == []
    states = Counter(Signup.objects.filter(event=event).values_list("state", flat=True))
    assert states == {"confirmed": 2, "cancelled": 1, "waitlisted": 2}
    assert OutboxMessage.objects.filter(kind="promoted").count() == 1
    promoted = Signup.objects.get(event=event, state="confirmed", pk__in=[w.pk for w in waiting])
    assert kinds_to(promoted.email) == {"promoted": 1}
    assert kinds_to(leaving.email) == {"signup_cancelled": 1}


def test_lowering_capacity_while_people_confirm_never_leaves_more_confirmed_than_places():
    event = LocalEventFactory(capacity=30)
    tokens = [awaiting(event, f"crowd{i}@example.org").token for i in range(24)]
    outcomes: Counter = Counter()

    def lowering(to: int):
        def job():
            stored = type(event).objects.get(pk=event.pk)
            stored.capacity = to
            try:
                save_event_changes(event=stored, changed_fields=["capacity"])
            except ValidationError:
                outcomes["refused"] += 1
            else:
                outcomes[to] += 1

        return job

    jobs = [confirming(token) for token in tokens]
    jobs[5:5] = [lowering(12)]
    jobs[15:15] = [lowering(20)]
    assert all_at_once(jobs) == []
    write_owed_letters()
    event.refresh_from_db()
    held = Signup.objects.filter(event=event, state__in=Signup.HOLDS_PLACE).count()
    assert held <= event.capacity  # the organizer cannot go below the places given
    # Whoever holds a place was told so once ("you're in", or "a place came free" when the
    # capacity went up again); the others were told they wait.
    for signup in Signup.objects.filter(event=event):
        sent = kinds_to(signup.email)
        assert sent["confirm_request"] == 1
        if signup.holds_place:
            assert sent["signup_confirmed"] + sent["promoted"] == 1, sent
        else:
            assert sent == {"confirm_request": 1, "waitlisted": 1}
    assert outcomes["refused"] + outcomes[12] + outcomes[20] == 2


def test_lowering_capacity_below_the_places_taken_is_refused_with_the_number():
    event = LocalEventFactory(capacity=5)
    SignupFactory.create_batch(4, event=event)
    event.capacity = 3
    with pytest.raises(ValidationError, match="4"):
        save_event_changes(event=event, changed_fields=["capacity"])
    event.refresh_from_db()
    assert event.capacity == 5
    event.capacity = 4
    save_event_changes(event=event, changed_fields=["capacity"])  # exactly the places taken


def test_cancelling_an_event_during_a_signup_surge_tells_everyone_once_and_accepts_no_more():
    event = LocalEventFactory(capacity=100)
    SignupFactory.create_batch(5, event=event)
    confirmed_tokens = [awaiting(event, f"early{i}@example.org").token for i in range(5)]
    refused: Counter = Counter()

    def refused_if_closed(job):
        def run():
            try:
                job()
            except SignupClosed:
                refused["closed"] += 1

        return run

    jobs = [refused_if_closed(signing_up(event, f"late{i}@example.org")) for i in range(30)]
    jobs += [refused_if_closed(confirming(token)) for token in confirmed_tokens]
    jobs[20:20] = [lambda: cancel_event(event=event)]
    assert all_at_once(jobs) == []
    write_owed_letters()
    # Whoever signed up in the same moment is asked to confirm nothing: the event is off.
    late = [f"late{i}@example.org" for i in range(30)]
    assert not OutboxMessage.objects.filter(to_email__in=late).exists()
    # Nobody holds a place or waits at a cancelled event without being told it is off; each
    # person hears of the cancelling at most once, and no "you're in" follows it.
    for signup in Signup.objects.filter(event=event):
        sent = kinds_to(signup.email)
        assert sent["event_cancelled"] <= 1, signup.email
        if signup.state in (*Signup.HOLDS_PLACE, Signup.State.WAITLISTED):
            assert sent["event_cancelled"] == 1, signup.email
    # After the commit, the door is shut.
    with pytest.raises(SignupClosed):
        sign_up(
            event=type(event).objects.get(pk=event.pk), name="Late", email="late@example.org",
            language="en", accepted_code_of_conduct=True, now=NOW,
        )  # fmt: skip


def test_erasing_an_address_while_it_confirms_leaves_nothing_to_send_to_it():
    event = LocalEventFactory(capacity=10)
    emails = [f"private{i}@example.org" for i in range(8)]
    signups = [awaiting(event, email) for email in emails]
    jobs = [confirming(s.token) for s in signups]
    jobs += [lambda email=email: erase_personal_data(email=email, now=NOW) for email in emails]
    jobs.insert(4, write_owed_letters)
    assert all_at_once(jobs) == []
    write_owed_letters()
    assert not OutboxMessage.objects.filter(to_email__in=emails).exists()
    for signup in Signup.objects.filter(event=event):
        assert signup.is_anonymized and signup.email == "" and signup.letter_due == ""
