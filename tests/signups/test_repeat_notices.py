"""A double click, a retried request or a script signing up again and again: one row, and one
email about it per address and event in a short window (REPEAT_NOTICE_AFTER)."""

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from tests.factories import LocalEventFactory
from tests.signups.test_concurrency import all_at_once
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import Signup
from turnout.signups.services.registration import (
    REPEAT_NOTICE_AFTER,
    Outcome,
    cancel_signup,
    confirm_signup,
    sign_up,
)

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
NOTICES = ("confirm_request", "already_signed_up")


def signing_up(event, *, email="ada@example.org", now=NOW):
    """Sign up, and let the delivery worker write the letter it owes, as it does at once."""
    result = sign_up(
        event=event,
        name="Ada",
        email=email,
        language="en",
        accepted_code_of_conduct=True,
        now=now,
    )
    write_owed_letters()
    return result


def notices(to="ada@example.org") -> list[str]:
    write_owed_letters()
    rows = OutboxMessage.objects.filter(to_email=to, kind__in=NOTICES).order_by("id")
    return list(rows.values_list("kind", flat=True))


@pytest.mark.django_db
def test_twenty_repeats_within_the_window_send_one_email_then_one_more_after_it():
    event = LocalEventFactory()
    outcomes = [signing_up(event, now=NOW + timedelta(seconds=n)).outcome for n in range(20)]
    assert outcomes == [Outcome.CREATED] + [Outcome.ALREADY_SIGNED_UP] * 19
    assert Signup.objects.count() == 1
    assert notices() == ["confirm_request"]

    later = NOW + REPEAT_NOTICE_AFTER
    for n in range(5):
        signing_up(event, email="ADA@example.org ", now=later + timedelta(seconds=n))
    assert notices() == ["confirm_request", "already_signed_up"]
    signing_up(event, now=later + REPEAT_NOTICE_AFTER)
    assert notices() == ["confirm_request", "already_signed_up", "already_signed_up"]


@pytest.mark.django_db
def test_the_window_is_per_address_and_event():
    first, second = LocalEventFactory(), LocalEventFactory()
    for event in (first, second, first, second):
        signing_up(event)
    signing_up(first, email="grace@example.org")
    assert notices() == ["confirm_request", "confirm_request"]
    assert notices("grace@example.org") == ["confirm_request"]


@pytest.mark.django_db
def test_signing_up_again_after_cancelling_asks_for_confirmation_again_at_once():
    """A cancelled signup coming back is a change, not a repeat: it is never held back."""
    event = LocalEventFactory()
    token = signing_up(event).signup.token
    confirm_signup(token=token, now=NOW)
    cancel_signup(token=token, now=NOW + timedelta(seconds=1))
    again = signing_up(event, now=NOW + timedelta(seconds=2))
    assert again.outcome == Outcome.SIGNED_UP_AGAIN
    assert notices() == ["confirm_request", "confirm_request"]
    signing_up(event, now=NOW + timedelta(seconds=3))  # and a double click on that is a repeat
    assert notices() == ["confirm_request", "confirm_request"]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrency is tested on PostgreSQL (set DATABASE_URL); SQLite serializes writers",
)
def test_twenty_identical_signups_at_once_give_one_row_and_one_email():
    event = LocalEventFactory()
    assert all_at_once([lambda: signing_up(event) for _ in range(20)]) == []
    assert Signup.objects.filter(event=event).count() == 1
    assert Counter(notices()) == {"confirm_request": 1}

    later = NOW + REPEAT_NOTICE_AFTER
    assert all_at_once([lambda: signing_up(event, now=later) for _ in range(20)]) == []
    assert Counter(notices()) == {"confirm_request": 1, "already_signed_up": 1}


@pytest.mark.django_db
def test_a_repeat_does_the_work_of_a_new_signup_not_more():
    """Its notice is owed, not composed in the request: the answer's time does not tell that
    the address signed up for this protest."""
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    event = LocalEventFactory()
    signing_up(event)
    with CaptureQueriesContext(db) as repeat:
        result = sign_up(event=event, name="Ada", email="ada@example.org", language="en",
                         accepted_code_of_conduct=True, now=NOW + REPEAT_NOTICE_AFTER)  # fmt: skip
    assert result.outcome == Outcome.ALREADY_SIGNED_UP
    assert not any("outboxmessage" in q["sql"] for q in repeat.captured_queries)
    assert Signup.objects.get().letter_due == Signup.Letter.ALREADY_SIGNED_UP
    assert notices() == ["confirm_request", "already_signed_up"]
