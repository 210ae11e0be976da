"""Model instances from a hand-written SELECT or RETURNING, for the few queries a surge runs
by the hundred per second.

Django's `raw()` works out, for every query it runs, which columns map to which fields and
how each value is converted: on a one-row query that set-up cost more than the query (the
signup form's event, a delivery worker's claim). `RowReader` works it out once per database
and then converts values exactly as the ORM would (the same converters, in the same order),
so the instance is the one `raw()` or a QuerySet would have given.
"""

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from django.db import connection
from django.db.models import Model

from .prepared import prepared_cursor

M = TypeVar("M", bound=Model)
Converter = tuple[Callable, Any]


class RowReader(Generic[M]):
    """Reads rows whose columns are `fields` of `model` (by name) in the order of `columns`,
    then `extra` plain values, which become attributes of the instance (annotations, as
    `raw()` sets them)."""

    def __init__(self, model: type[M], fields: Sequence[str], extra: Sequence[str] = ()) -> None:
        self.model = model
        # In the model's order, as `Model.from_db` takes a subset of the columns.
        wanted = {model._meta.get_field(name) for name in fields}
        self.fields = [field for field in model._meta.concrete_fields if field in wanted]
        self.attnames = [field.attname for field in self.fields]
        self.extra = list(extra)
        self._converters: dict[str, list[list[Converter]]] = {}

    @property
    def columns(self) -> list[str]:
        """The fields' column names (Django's own: no quoting needed), in order."""
        return [str(field.column) for field in self.fields]

    def one(self, sql: str, params: Sequence | dict) -> M | None:
        """The first row of `sql` (a statement of fixed shape, prepared on PostgreSQL) as an
        instance; None if there is none."""
        with prepared_cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        return None if row is None else self.instance(row)

    def all(self, sql: str, params: Sequence | dict) -> list[M]:
        """Every row of `sql` (a statement of fixed shape) as an instance."""
        with prepared_cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [self.instance(row) for row in rows]

    def instance(self, row: Sequence) -> M:
        count = len(self.fields)
        values = [
            self._convert(value, converters)
            for value, converters in zip(row[:count], self._for_connection(), strict=True)
        ]
        instance = self.model.from_db(connection.alias, self.attnames, values)
        for name, value in zip(self.extra, row[count:], strict=True):
            setattr(instance, name, value)
        return instance

    @staticmethod
    def _convert(value: Any, converters: list[Converter]) -> Any:
        for converter, expression in converters:
            value = converter(value, expression, connection)
        return value

    def _for_connection(self) -> list[list[Converter]]:
        vendor = connection.vendor
        if vendor not in self._converters:
            table = self.model._meta.db_table
            found = []
            for field in self.fields:
                expression = field.get_col(table)
                converters = connection.ops.get_db_converters(expression)
                converters += expression.get_db_converters(connection)
                found.append([(converter, expression) for converter in converters])
            self._converters[vendor] = found
        return self._converters[vendor]
