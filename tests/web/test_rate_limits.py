"""Rate limits: fixed hourly windows per key, counted in the database for every process."""

from datetime import UTC, datetime

import pytest

from turnout.web import rate_limits
from turnout.web.models import RateCounter
from turnout.web.rate_limits import Limit

pytestmark = pytest.mark.django_db

TWENTY_PAST = datetime(2030, 5, 1, 12, 20, tzinfo=UTC)


def test_attempts_up_to_the_limit_pass_and_the_next_is_told_when_the_window_ends():
    limit = Limit("signup-ip", "192.0.2.7", 3)
    assert [rate_limits.hit(limit, now=TWENTY_PAST) for _ in range(3)] == [None] * 3
    limited = rate_limits.hit(limit, now=TWENTY_PAST)
    assert limited is not None
    assert limited.retry_after == 40 * 60
    assert limited.minutes == 40


def test_a_new_window_starts_counting_afresh():
    limit = Limit("signup-ip", "192.0.2.7", 1)
    assert rate_limits.hit(limit, now=TWENTY_PAST) is None
    assert rate_limits.hit(limit, now=TWENTY_PAST) is not None
    assert rate_limits.hit(limit, now=datetime(2030, 5, 1, 13, 0, tzinfo=UTC)) is None


def test_keys_and_scopes_are_counted_apart():
    assert rate_limits.hit(Limit("signup-ip", "192.0.2.7", 1), now=TWENTY_PAST) is None
    assert rate_limits.hit(Limit("signup-ip", "192.0.2.8", 1), now=TWENTY_PAST) is None
    assert rate_limits.hit(Limit("privacy-ip", "192.0.2.7", 1), now=TWENTY_PAST) is None
    assert RateCounter.objects.count() == 3


def test_one_call_counts_every_limit_and_any_exceeded_one_refuses():
    address = Limit("signup-ip", "192.0.2.7", 100)
    email = Limit("signup-email", "ada@example.org", 2)
    assert rate_limits.hit(address, email, now=TWENTY_PAST) is None
    assert rate_limits.hit(address, email, now=TWENTY_PAST) is None
    assert rate_limits.hit(address, email, now=TWENTY_PAST) is not None
    attempts = dict(RateCounter.objects.values_list("scope", "attempts"))
    assert attempts == {"signup-ip": 3, "signup-email": 3}


def test_a_limit_of_zero_counts_nothing_and_refuses_nothing():
    assert rate_limits.hit(Limit("signup-ip", "192.0.2.7", 0), now=TWENTY_PAST) is None
    assert not RateCounter.objects.exists()


def test_keys_are_stored_only_as_digests():
    rate_limits.hit(Limit("signup-email", "ada@example.org", 5), now=TWENTY_PAST)
    (counter,) = RateCounter.objects.all()
    assert "ada" not in counter.key_digest
    assert len(counter.key_digest) == 64


def test_counters_of_past_windows_are_forgotten():
    rate_limits.hit(Limit("signup-ip", "192.0.2.7", 5), now=datetime(2030, 5, 1, 9, 59, tzinfo=UTC))
    rate_limits.hit(Limit("signup-ip", "192.0.2.7", 5), now=TWENTY_PAST)
    assert rate_limits.forget_past_windows(now=TWENTY_PAST) == 1
    assert list(RateCounter.objects.values_list("window_start", flat=True)) == [
        int(datetime(2030, 5, 1, 12, 0, tzinfo=UTC).timestamp())
    ]


def test_counters_do_not_wait_for_the_disk_on_postgresql():
    """UNLOGGED (migration web/0003): a count's commit does not wait for the log to reach the
    disk while every request of one network waits for its row."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no unlogged tables")
    with connection.cursor() as cursor:
        cursor.execute("SELECT relpersistence FROM pg_class WHERE relname = 'web_ratecounter'")
        assert cursor.fetchone() == ("u",)
