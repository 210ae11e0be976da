"""INSERT statements composed once per database by Django's own compiler.

The ORM composes an INSERT anew for every row it writes, though the statement's text depends
only on the database and the model's fields: for the signup form's one write and the letters a
delivery worker writes by the hundred, composing took longer than the database took to run it
(bench/profile_signup.py). An `InsertStatement` asks Django's insert compiler for the text
once per database, and each row gives only its values, prepared as that compiler prepares
them (each field's `pre_save`, then `get_db_prep_save`). `orm_statement()` is what the
compiler makes of one row, for tests that hold the two to each other.
"""

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Model
from django.db.models.constants import OnConflict
from django.db.models.sql import InsertQuery

from .prepared import prepared_cursor


class InsertStatement:
    """The INSERT of every concrete field of `model` but an automatic primary key; with
    `ignore_conflicts`, a row that breaks a unique constraint is left out (ON CONFLICT DO
    NOTHING, INSERT OR IGNORE); with `returning_pk`, the statement returns the new id."""

    def __init__(
        self, model: type[Model], *, ignore_conflicts: bool = False, returning_pk: bool = False
    ) -> None:
        self.model = model
        self.fields = [field for field in model._meta.concrete_fields if not field.primary_key]
        self.on_conflict = OnConflict.IGNORE if ignore_conflicts else None
        self.returning_pk = returning_pk
        self._sql: dict[str, str] = {}

    def sql(self) -> str:
        """The statement's text on this connection's database."""
        vendor = connection.vendor
        if vendor not in self._sql:
            self._sql[vendor] = self.orm_statement(self.model())[0]
        return self._sql[vendor]

    def values(self, instance: Model) -> list[Any]:
        """The statement's parameters for `instance`, as the insert compiler makes them."""
        return [
            field.get_db_prep_save(field.pre_save(instance, True), connection)
            for field in self.fields
        ]

    def insert_returning_pk(self, instance: Model) -> int | None:
        """Write `instance`; its new id, or None when a conflict left it out."""
        with prepared_cursor() as cursor:
            cursor.execute(self.sql(), self.values(instance))
            row = cursor.fetchone()
        return None if row is None else row[0]

    def insert_many(self, rows: Sequence[Sequence[Any]]) -> None:
        """Write rows whose values `values()` gave (one statement, run for each row)."""
        if rows:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql(), rows)

    def orm_statement(self, instance: Model) -> tuple[str, Sequence[Any]]:
        """What Django's insert compiler makes of `instance`: the text and its parameters."""
        query = InsertQuery(self.model, on_conflict=self.on_conflict)
        query.insert_values(self.fields, [instance])
        compiler = query.get_compiler(connection=connection)
        if self.returning_pk:
            compiler.returning_fields = [self.model._meta.pk]
        [(sql, params)] = compiler.as_sql()
        if sql.count("%s") != len(self.fields):  # every value a plain placeholder
            raise ValueError(f"a field of {self.model.__name__} has a placeholder of its own")
        return sql, params
