"""A delivery run asks every letter writer whether it owes anything in one statement, and
calls only the writers that do (outbox.register_letter_writer)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from turnout.notifications import outbox

pytestmark = pytest.mark.django_db


def test_nothing_owed_is_one_statement_whatever_the_number_of_writers():
    assert len(outbox._letter_writers) >= 3  # signups, privacy links, sign-in emails
    with CaptureQueriesContext(connection) as queries:
        assert outbox.write_owed_letters() == 0
    assert len(queries) == 1


def test_only_the_writers_that_owe_something_are_called(monkeypatch):
    called = []

    def writer_of(n):
        def write(*, now, limit):
            called.append(n)
            return 0

        return write

    monkeypatch.setattr(outbox, "_letter_writers", [writer_of(0), writer_of(1), writer_of(2)])
    monkeypatch.setattr(outbox, "_owed_conditions", ["(1 = 0)", "(1 = 1)", "(2 < 1)"])
    outbox.write_owed_letters()
    assert called == [1]
