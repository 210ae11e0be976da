"""The statements a signup and a confirmation send to the database, pinned so none creeps back.

In a surge every round trip is paid by every request and, on the confirmation, partly under
the event's lock (bench/signup_limit.py, bench/results.md). Each test lists the statements
by kind and table, in order, so a new query fails here with the list that shows it.
"""

import re
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory, form_data
from turnout.branding.models import SiteSettings
from turnout.notifications import outbox
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db(transaction=True)

EXECUTED_MANY = re.compile(r"^\d+ times: ")
TABLE = re.compile(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', re.IGNORECASE)


def statement(sql: str) -> str:
    """`SELECT campaigns_localevent`, `INSERT signups_signup`, `BEGIN`, `COMMIT`: what one
    statement does, the same on SQLite and PostgreSQL. A statement run for many rows at once
    (`executemany`, logged as "100 times: INSERT ...") counts once."""
    sql = EXECUTED_MANY.sub("", sql)
    words = sql.split()
    kind = words[0].upper()
    if kind in ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"):
        return kind
    table = TABLE.search(sql)
    locked = " FOR UPDATE" if "FOR UPDATE" in sql.upper() else ""
    return f"{kind} {table.group(1) if table else '?'}{locked}"


def statements(queries: CaptureQueriesContext) -> list[str]:
    return [statement(query["sql"]) for query in queries.captured_queries]


def without_lock_clause(expected: list[str]) -> list[str]:
    """SQLite has no FOR UPDATE (its write transactions take the whole database)."""
    if connection.features.has_select_for_update:
        return expected
    return [line.removesuffix(" FOR UPDATE") for line in expected]


@pytest.fixture
def event(db):
    return LocalEventFactory(title="Demo in Gent", city="Gent", capacity=1)


@pytest.fixture(autouse=True)
def _as_in_a_surge(monkeypatch, db):
    """What every request but the first of a surge finds: the site's settings cached, and a
    delivery run asked for moments ago (notifications/outbox.py), so no commit asks again."""
    SiteSettings.current()
    monkeypatch.setattr(outbox, "WAKE_COALESCE_SECONDS", 3600)
    monkeypatch.setattr(outbox, "_last_wake", time.monotonic())


def sign_up(client, event, **fields) -> None:
    answer = client.post(f"/en/signups/events/{event.pk}/", form_data(**fields))
    assert answer.status_code == 302


def awaiting(event, email: str) -> Signup:
    return SignupFactory(
        event=event, email=email, state=Signup.State.AWAITING_CONFIRMATION, language="nl"
    )


def test_a_signup_is_one_read_and_two_writes_that_need_no_transaction(client, event):
    with CaptureQueriesContext(connection) as queries:
        sign_up(client, event, name="Zoë Janssens", email="zoe@example.org")
    assert statements(queries) == [
        "SELECT campaigns_localevent",  # with its campaign's status
        "INSERT web_ratecounter",  # the attempt counted, committed at once
        "INSERT signups_signup",  # a repeat is told apart without a savepoint; owes its email
    ]
    assert Signup.objects.get(email="zoe@example.org").letter_due == "confirm_request"
    assert outbox.write_owed_letters() == 1
    assert OutboxMessage.objects.filter(to_email="zoe@example.org").count() == 1


def test_a_repeated_signup_costs_one_statement_more_than_a_new_one(client, event):
    """Its answer is a new signup's, and so is nearly its time: the time must not tell that
    the address signed up for this protest."""
    sign_up(client, event, name="Иван Петров", email="ivan@example.org")
    outbox.write_owed_letters()
    with CaptureQueriesContext(connection) as queries:
        sign_up(client, event, name="Иван Петров", email="ivan@example.org")
    assert statements(queries) == [
        "SELECT campaigns_localevent",
        "INSERT web_ratecounter",
        "INSERT signups_signup",  # nothing inserted: the address is there already
        "UPDATE signups_signup",  # the notice sent moments ago: none owed now
    ]
    assert OutboxMessage.objects.filter(to_email="ivan@example.org").count() == 1


def test_a_repeat_after_the_quiet_time_owes_one_notice_in_the_same_statement(client, event):
    first = SignupFactory(event=event, email="ines@example.org", notice_sent_at=None,
                          state=Signup.State.CONFIRMED, letter_due="")  # fmt: skip
    with CaptureQueriesContext(connection) as queries:
        sign_up(client, event, name="Inès", email="ines@example.org")
    assert statements(queries)[-1] == "UPDATE signups_signup"
    first.refresh_from_db()
    assert first.letter_due == Signup.Letter.ALREADY_SIGNED_UP
    assert first.notice_sent_at is not None
    sign_up(client, event, name="Inès", email="ines@example.org")  # moments later: no more
    assert outbox.write_owed_letters() == 1
    assert OutboxMessage.objects.filter(to_email="ines@example.org").count() == 1


def confirm(client, signup: Signup) -> None:
    answer = client.post(f"/en/signups/{signup.token}/confirm/")
    assert answer.status_code == 302


def test_a_confirmation_reads_the_token_and_writes_once_under_the_lock(client, event):
    first = awaiting(event, "ines@example.org")
    with CaptureQueriesContext(connection) as queries:
        confirm(client, first)
    assert statements(queries) == without_lock_clause(
        [
            "SELECT signups_signup",  # its state, share code and event
            "BEGIN",
            "SELECT campaigns_localevent FOR UPDATE",
            "SELECT signups_signup",  # places taken, under the lock
            "UPDATE signups_signup",  # only if still awaiting; marks the email it owes
            "COMMIT",
        ]
    )
    first.refresh_from_db()
    assert (first.state, first.letter_due) == (Signup.State.CONFIRMED, "signup_confirmed")


def test_a_confirmation_onto_the_waitlist_is_the_same(client, event):
    SignupFactory(event=event, state=Signup.State.CONFIRMED)  # the one place taken
    late = awaiting(event, "late@example.org")
    with CaptureQueriesContext(connection) as queries:
        confirm(client, late)
    assert statements(queries) == without_lock_clause(
        [
            "SELECT signups_signup",
            "BEGIN",
            "SELECT campaigns_localevent FOR UPDATE",
            "SELECT signups_signup",
            "UPDATE signups_signup",
            "COMMIT",
        ]
    )
    late.refresh_from_db()
    assert (late.state, late.letter_due) == (Signup.State.WAITLISTED, "waitlisted")


def test_the_worker_writes_a_hundred_owed_letters_in_one_transaction_of_three_writes(event):
    """Composed letters come from kept_letters: the reads are per run, not per person."""
    event.capacity = None
    event.save()
    for n in range(100):
        awaiting(event, f"p{n}@example.org")
    Signup.objects.update(letter_due="confirm_request")
    with CaptureQueriesContext(connection) as queries:
        assert outbox.write_owed_letters() == 100
    kinds = statements(queries)
    assert kinds.count("COMMIT") == 1  # fewer than a batch: no second look
    # One INSERT, run for each row.
    assert 1 <= kinds.count("INSERT notifications_outboxmessage") <= 3
    assert kinds.count("UPDATE signups_signup") == 1
    assert len(kinds) < 15, kinds
    assert OutboxMessage.objects.count() == 100
