"""The statements a surge runs by the hundred are planned once per PostgreSQL connection, and
answer exactly as Django's own cursor does, on either database."""

from datetime import UTC, datetime

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.factories import LocalEventFactory
from turnout.campaigns.models import LocalEvent
from turnout.web.prepared import prepared_cursor

pytestmark = pytest.mark.django_db

TABLE = LocalEvent._meta.db_table
BY_CAPACITY = f"SELECT id, starts_at FROM {TABLE} WHERE capacity = %(capacity)s ORDER BY id"


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [row[0] for row in cursor.fetchall()]


def postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's driver keeps its own statement cache; the cursor is Django's")


def test_answers_as_djangos_cursor_does_with_named_and_positional_parameters():
    event = LocalEventFactory(capacity=12)
    LocalEventFactory(capacity=13)
    with connection.cursor() as cursor:
        cursor.execute(BY_CAPACITY, {"capacity": 12})
        expected = cursor.fetchall()
    with prepared_cursor() as cursor:
        cursor.execute(BY_CAPACITY, {"capacity": 12})
        named = cursor.fetchall()
        cursor.execute(
            f"SELECT id FROM {TABLE} WHERE capacity = %s AND title = %s", [12, event.title]
        )
        positional = cursor.fetchall()
    assert named == expected
    assert positional == [(event.pk,)]


def test_times_come_back_aware_as_the_orms_do():
    postgresql_only()
    event = LocalEventFactory(capacity=12, starts_at=datetime(2031, 5, 13, 10, tzinfo=UTC))
    with prepared_cursor() as cursor:
        cursor.execute(BY_CAPACITY, {"capacity": 12})
        (pk, starts_at) = cursor.fetchone()
    assert pk == event.pk
    assert starts_at == datetime(2031, 5, 13, 10, tzinfo=UTC)
    assert starts_at.utcoffset().total_seconds() == 0


def test_a_statement_is_prepared_once_and_run_again_without_planning():
    postgresql_only()
    LocalEventFactory(capacity=12)
    for capacity in (12, 13, 12):
        with prepared_cursor() as cursor:
            cursor.execute(BY_CAPACITY, {"capacity": capacity})
            cursor.fetchall()
    statements = [s for s in prepared_statements() if f"FROM {TABLE} WHERE capacity" in s]
    assert len(statements) == 1
    assert "$1" in statements[0]  # parameters sent apart from the statement


def test_turned_off_for_a_pooler_the_same_statements_run_unprepared():
    postgresql_only()
    LocalEventFactory(capacity=12)
    connection.ensure_connection()
    raw = connection.connection
    threshold, raw.prepare_threshold = raw.prepare_threshold, None  # DATABASE_PREPARED_STATEMENTS
    try:
        with prepared_cursor() as cursor:
            cursor.execute(BY_CAPACITY, {"capacity": 12})
            assert len(cursor.fetchall()) == 1
        assert not [s for s in prepared_statements() if f"FROM {TABLE} WHERE capacity" in s]
    finally:
        raw.prepare_threshold = threshold


def test_queries_are_logged_and_errors_are_djangos():
    event = LocalEventFactory()
    with CaptureQueriesContext(connection) as queries:
        with prepared_cursor() as cursor:
            cursor.execute(f"SELECT title FROM {TABLE} WHERE id = %s", [event.pk])
    (logged,) = queries
    assert logged["sql"] == f"SELECT title FROM {TABLE} WHERE id = {event.pk}"
    with pytest.raises(IntegrityError), transaction.atomic():
        with prepared_cursor() as cursor:
            cursor.execute(f"UPDATE {TABLE} SET title = NULL WHERE id = %s", [event.pk])


@pytest.mark.django_db(transaction=True)
def test_a_new_connection_prepares_again():
    """A worker reconnects after its database restarted: its statements are prepared anew."""
    postgresql_only()
    LocalEventFactory(capacity=12)
    with prepared_cursor() as cursor:
        cursor.execute(BY_CAPACITY, {"capacity": 12})
    connection.close()
    with prepared_cursor() as cursor:
        cursor.execute(BY_CAPACITY, {"capacity": 12})
        assert len(cursor.fetchall()) == 1
