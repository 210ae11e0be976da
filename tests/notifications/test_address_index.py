"""A person's emails are found by address in any case through an index, not by reading the
whole outbox (the personal-data export and erasure; a fan-out leaves millions of rows)."""

import pytest
from django.db import connection

from turnout.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_the_address_lookup_of_any_case_uses_the_index():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite answers iexact with LIKE, which no index serves")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be read whole
        plan = OutboxMessage.objects.filter(to_email__iexact="ADA@example.org").explain()
    assert "outbox_to_email_upper_idx" in plan
