"""The INSERT that writes a new signup, composed once per database.

The signup form writes one statement: the new signup, unless its address has one at the event
already (ON CONFLICT DO NOTHING on PostgreSQL, INSERT OR IGNORE on SQLite, with RETURNING).
Built by the ORM for every request, composing it took about a tenth of the form's time
(bench/profile_signup.py), though its text depends only on the database and the model's
fields. So Django's own compiler composes it once per database, and each signup gives only
its values, prepared as that compiler prepares them (each field's `pre_save`, then
`get_db_prep_save`). tests/signups/test_insert_statement.py holds both to the ORM's own.
"""

from collections.abc import Sequence
from functools import cache
from typing import Any

from django.db import connection
from django.db.models.constants import OnConflict
from django.db.models.sql import InsertQuery

from turnout.web.prepared import prepared_cursor

from .models import Signup

FIELDS = tuple(field for field in Signup._meta.concrete_fields if not field.primary_key)


def insert_unless_signed_up(signup: Signup) -> int | None:
    """INSERT `signup`; its new id, or None when its address has a signup at the event."""
    with prepared_cursor() as cursor:
        cursor.execute(statement(connection.vendor), values(signup))
        row = cursor.fetchone()
    return None if row is None else row[0]


def values(signup: Signup) -> list[Any]:
    """The statement's parameters for `signup`, as the ORM's insert compiler makes them."""
    return [field.get_db_prep_save(field.pre_save(signup, True), connection) for field in FIELDS]


@cache
def statement(vendor: str) -> str:
    """The statement's text on this database, as Django composes it."""
    sql, _ = orm_statement(Signup())
    return sql


def orm_statement(signup: Signup) -> tuple[str, Sequence[Any]]:
    """What Django's insert compiler makes of `signup` (the text and its parameters)."""
    query = InsertQuery(Signup, on_conflict=OnConflict.IGNORE)
    query.insert_values(FIELDS, [signup])
    compiler = query.get_compiler(connection=connection)
    compiler.returning_fields = [Signup._meta.pk]
    [(sql, params)] = compiler.as_sql()
    if sql.count("%s") != len(FIELDS):  # every value a plain placeholder
        raise ValueError("a signup field has a placeholder of its own; compose it per row")
    return sql, params
