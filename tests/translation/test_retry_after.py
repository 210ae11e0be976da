"""Retry-After as servers send it (RFC 9110): a number of seconds, or an HTTP date in any of
its three forms. A date is the wait until then; what is neither is no wait given, so the
retries' own pauses apply."""

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from turnout.translation.providers import _seconds

NOW = datetime(2026, 10, 21, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("Wed, 21 Oct 2026 07:28:00 GMT", 1680.0),  # IMF-fixdate
        ("Wednesday, 21-Oct-26 07:28:00 GMT", 1680.0),  # the obsolete RFC 850 form
        ("Wed Oct 21 07:28:00 2026", 1680.0),  # asctime
        ("Thu, 22 Oct 2026 07:00:00 GMT", 86400.0),
        ("Tue, 20 Oct 2026 07:00:00 GMT", 0.0),  # already past: no wait
        ("-5", None),
        ("nan", None),
        ("inf", None),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_in_every_form_servers_send(value, seconds):
    assert _seconds(value, now=NOW) == seconds


@given(st.text(max_size=60))
def test_no_retry_after_crashes_or_gives_a_wait_below_nothing(value):
    seconds = _seconds(value, now=NOW)
    assert seconds is None or seconds >= 0
