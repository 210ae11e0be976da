"""Digest windows: whole hours, or 08:00 to 08:00 in the site's zone, meeting end to end."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from turnout.alerts.windows import Window, due_window, last_boundary

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "boundary"),
    [
        (utc(2030, 4, 1, 9, 30), utc(2030, 4, 1, 9)),
        (utc(2030, 4, 1, 9, 1), utc(2030, 4, 1, 8)),  # within the grace: the hour is not closed
        (utc(2030, 4, 1, 9, 2), utc(2030, 4, 1, 9)),
        (utc(2030, 4, 1, 0, 5), utc(2030, 4, 1, 0)),
    ],
)
def test_an_hourly_window_closes_on_the_hour_after_a_short_grace(now, boundary):
    assert last_boundary("hourly", now=now) == boundary


@pytest.mark.parametrize(
    ("now", "boundary"),
    [
        (utc(2030, 4, 1, 9, 30), utc(2030, 4, 1, 8)),
        (utc(2030, 4, 1, 7, 59), utc(2030, 3, 31, 8)),
        (utc(2030, 4, 1, 8, 1), utc(2030, 3, 31, 8)),  # grace
        (utc(2030, 4, 1, 23, 59), utc(2030, 4, 1, 8)),
    ],
)
def test_a_daily_window_closes_at_eight_in_the_site_zone(now, boundary):
    assert last_boundary("daily", now=now) == boundary


def test_a_daily_window_is_eight_local_on_both_sides_of_a_clock_change(settings):
    settings.TIME_ZONE = "Europe/Amsterdam"
    # Summer time starts on 31 March 2030: 08:00 is 07:00 UTC before, 06:00 UTC after.
    assert last_boundary("daily", now=utc(2030, 3, 30, 12)) == utc(2030, 3, 30, 7)
    assert last_boundary("daily", now=utc(2030, 3, 31, 12)) == utc(2030, 3, 31, 6)
    window = due_window("daily", now=utc(2030, 3, 31, 12), sent_up_to=utc(2030, 3, 30, 7))
    assert window == Window(since=utc(2030, 3, 30, 7), until=utc(2030, 3, 31, 6))
    assert window.until.astimezone(AMSTERDAM).hour == 8


def test_windows_meet_end_to_end_and_a_sent_window_is_not_due_again():
    first = due_window("hourly", now=utc(2030, 4, 1, 9, 30), sent_up_to=None)
    assert first == Window(since=utc(2030, 4, 1, 8), until=utc(2030, 4, 1, 9))
    assert due_window("hourly", now=utc(2030, 4, 1, 9, 55), sent_up_to=first.until) is None
    second = due_window("hourly", now=utc(2030, 4, 1, 10, 3), sent_up_to=first.until)
    assert second == Window(since=first.until, until=utc(2030, 4, 1, 10))


def test_after_an_outage_one_digest_covers_all_that_was_missed():
    window = due_window("daily", now=utc(2030, 4, 4, 9), sent_up_to=utc(2030, 4, 1, 8))
    assert window == Window(since=utc(2030, 4, 1, 8), until=utc(2030, 4, 4, 8))
    assert window.until - window.since == timedelta(days=3)
