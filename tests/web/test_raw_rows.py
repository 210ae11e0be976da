"""A row read by hand-written SQL is the instance the ORM would have given."""

import pytest

from tests.factories import LocalEventFactory
from turnout.campaigns.models import LocalEvent
from turnout.web.raw_rows import RowReader

pytestmark = pytest.mark.django_db


def test_every_column_is_converted_as_the_orm_converts_it():
    LocalEventFactory(capacity=50, latitude=52.37, longitude=4.89, title="Zitprotest in Gent")
    fields = [field.name for field in LocalEvent._meta.concrete_fields]
    reader = RowReader(LocalEvent, fields, extra=("doubled",))
    columns = ", ".join(reader.columns)

    read = reader.one(f"SELECT {columns}, capacity * 2 FROM {LocalEvent._meta.db_table}", [])

    stored = LocalEvent.objects.get()
    for field in LocalEvent._meta.concrete_fields:
        assert getattr(read, field.attname) == getattr(stored, field.attname), field.name
    assert read.doubled == 100
    assert not read._state.adding
    assert read.starts_at.tzinfo is not None


def test_no_row_is_none():
    reader = RowReader(LocalEvent, ["id"])
    assert reader.one(f"SELECT id FROM {LocalEvent._meta.db_table} WHERE id = %s", [0]) is None


def test_columns_come_in_the_models_order_whatever_order_they_are_named_in():
    event = LocalEventFactory(capacity=7)
    reader = RowReader(LocalEvent, ["capacity", "status", "id"])
    read = reader.one(f"SELECT {', '.join(reader.columns)} FROM {LocalEvent._meta.db_table}", [])

    assert (read.pk, read.status, read.capacity) == (event.pk, event.status, 7)
