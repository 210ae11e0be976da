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

TABLE = re.compile(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', re.IGNORECASE)


def statement(sql: str) -> str:
    """`SELECT campaigns_localevent`, `INSERT signups_signup`, `BEGIN`, `COMMIT`: what one
    statement does, the same on SQLite and PostgreSQL."""
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


def test_a_signup_is_one_read_and_one_transaction_of_three_writes(client, event):
    with CaptureQueriesContext(connection) as queries:
        sign_up(client, event, name="Zoë Janssens", email="zoe@example.org")
    assert statements(queries) == [
        "SELECT campaigns_localevent",  # with its campaign and both covers (the email's image)
        "BEGIN",
        "INSERT signups_signup",  # a repeat is told apart without a savepoint
        "INSERT notifications_outboxmessage",
        "INSERT web_ratecounter",
        "COMMIT",
    ]
    assert OutboxMessage.objects.filter(to_email="zoe@example.org").count() == 1


def test_a_repeated_signup_adds_only_the_lookup_of_the_signup_there(client, event):
    sign_up(client, event, name="Иван Петров", email="ivan@example.org")
    with CaptureQueriesContext(connection) as queries:
        sign_up(client, event, name="Иван Петров", email="ivan@example.org")
    assert statements(queries) == without_lock_clause(
        [
            "SELECT campaigns_localevent",
            "BEGIN",
            "INSERT signups_signup",  # nothing inserted: the address is there already
            "SELECT signups_signup FOR UPDATE",  # the notice sent moments ago: none now
            "INSERT web_ratecounter",
            "COMMIT",
        ]
    )
    assert OutboxMessage.objects.filter(to_email="ivan@example.org").count() == 1


def confirm(client, signup: Signup) -> None:
    answer = client.post(f"/en/signups/{signup.token}/confirm/")
    assert answer.status_code == 302


def test_a_confirmation_reads_before_the_lock_and_writes_twice_under_it(client, event):
    first = awaiting(event, "ines@example.org")
    with CaptureQueriesContext(connection) as queries:
        confirm(client, first)
    assert statements(queries) == without_lock_clause(
        [
            "SELECT signups_signup",  # with its event, campaign and covers
            "SELECT signups_signup",  # places taken: which email to compose
            "SELECT campaigns_safetydefaults",  # the safety block of "you're in"
            "SELECT roles_roleassignment",  # the roles section, once for text and HTML
            "SELECT roles_eventrole",
            "BEGIN",
            "SELECT campaigns_localevent FOR UPDATE",
            "SELECT signups_signup",  # places taken, under the lock
            "UPDATE signups_signup",  # only if still awaiting: a second click changes nothing
            "INSERT notifications_outboxmessage",
            "COMMIT",
        ]
    )
    first.refresh_from_db()
    assert first.state == Signup.State.CONFIRMED


def test_a_confirmation_onto_the_waitlist_reads_less(client, event):
    SignupFactory(event=event, state=Signup.State.CONFIRMED)  # the one place taken
    late = awaiting(event, "late@example.org")
    with CaptureQueriesContext(connection) as queries:
        confirm(client, late)
    assert statements(queries) == without_lock_clause(
        [
            "SELECT signups_signup",
            "SELECT signups_signup",
            "BEGIN",
            "SELECT campaigns_localevent FOR UPDATE",
            "SELECT signups_signup",
            "UPDATE signups_signup",
            "INSERT notifications_outboxmessage",
            "COMMIT",
        ]
    )
    late.refresh_from_db()
    assert late.state == Signup.State.WAITLISTED
