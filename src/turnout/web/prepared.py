"""Statements PostgreSQL parses and plans once per connection, for the few a surge runs by the
hundred per second (a delivery worker's claim, the signup form's event).

Django sends every query with its parameters merged in (psycopg's client-side binding), so
PostgreSQL parses and plans each one anew: for the worker's claim, planning took 0.25 ms of
the 0.4 ms the database spent on it. `prepared_cursor()` sends its statements with their
parameters apart and asks psycopg to prepare them: the first run on a connection prepares the
statement, the next ones only bind and execute it.

Only statements of a fixed shape belong here (psycopg keeps up to 100 per connection): not
one whose text changes with its arguments, such as an IN list of any length.

A connection pooler in transaction mode (PgBouncer before 1.21) hands a prepared statement's
connection to another client; `DATABASE_PREPARED_STATEMENTS=false` turns preparing off
(settings.py), and the same statements then run unprepared. SQLite's driver keeps its own
cache of prepared statements, so there the cursor is Django's.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import connection
from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.backends.postgresql.psycopg_any import register_tzloader
from django.db.backends.utils import CursorDebugWrapper
from psycopg.postgres import types
from psycopg.pq import Format


class _PreparingCursor(ServerBindingCursor):
    """psycopg's cursor with server-side binding, preparing every statement it runs
    (psycopg does not when the connection's prepare_threshold is None)."""

    def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
        return super().execute(query, params, **{**kwargs, "prepare": True})  # type: ignore[misc]


class _LoggedCursor(CursorDebugWrapper):
    """Where queries are logged (DEBUG, tests counting queries): Django reads a query's text
    back from psycopg's client-side binding, which these statements do not use."""

    def execute(self, sql: Any, params: Any = None) -> Any:
        with self.debug_sql(self.db.ops.compose_sql(sql, params)):
            return self._execute_with_wrappers(sql, params, many=False, executor=self._execute)


@contextmanager
def prepared_cursor() -> Iterator[Any]:
    """A cursor (Django's wrapper: errors, query logging and execute wrappers as usual) whose
    statements are prepared on PostgreSQL."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            yield cursor
        return
    # What BaseDatabaseWrapper.cursor() does, with another cursor class.
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        raw = _PreparingCursor(connection.connection)  # type: ignore[call-arg]
    # What DatabaseWrapper.create_cursor() does for a connection whose time zone changed.
    loader = connection.connection.adapters.get_loader(types["timestamptz"].oid, Format.TEXT)
    if connection.timezone != loader.timezone:
        register_tzloader(connection.timezone, raw)
    # What BaseDatabaseWrapper._prepare_cursor() does.
    connection.validate_thread_sharing()
    if connection.queries_logged:
        cursor = _LoggedCursor(raw, connection)
    else:
        cursor = connection.make_cursor(raw)  # type: ignore[arg-type]
    with cursor:
        yield cursor
