"""A calendar feed is abandoned at its overall deadline however slowly the server sends it."""

import time

import pytest

from tests.web.trickle import serving, trickling_http
from turnout.importers import calendar_fetching
from turnout.importers.calendar_fetching import FeedUnavailable, fetch_calendar

DEADLINE = 1.0
MARGIN = 1.0  # scheduling slack on a loaded machine; the feed below takes a minute
FEED = (
    b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    + b"X-WR-CALDESC:" + b"padding " * 40 + b"\r\n"
    + b"END:VCALENDAR\r\n"
)  # fmt: skip


@pytest.fixture(autouse=True)
def _short_deadline(monkeypatch, settings):
    monkeypatch.setattr(calendar_fetching, "FETCH_TIMEOUT_SECONDS", DEADLINE)
    settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES = True  # the servers below are local


def test_a_feed_on_a_private_address_is_refused_unless_allowed(settings):
    settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES = False
    with serving(trickling_http(content_type=b"text/calendar", body=FEED, interval=0)) as peer:
        with pytest.raises(FeedUnavailable, match="127.0.0.1 is not a public address"):
            fetch_calendar(f"{peer.url}/feed.ics")
        with pytest.raises(FeedUnavailable, match="localhost is not a public address"):
            fetch_calendar(f"webcal://localhost:{peer.port}/feed.ics")
        time.sleep(0.1)  # let the accept loop notice a connection, were there one
        assert peer.connections == []


@pytest.mark.parametrize("trickle_head", [False, True], ids=["body", "head"])
def test_a_feed_sent_a_byte_at_a_time_is_abandoned_at_the_deadline(trickle_head):
    handler = trickling_http(
        content_type=b"text/calendar", body=FEED, interval=0.2, trickle_head=trickle_head
    )
    with serving(handler) as peer:
        started = time.monotonic()
        with pytest.raises(FeedUnavailable, match="could not fetch the feed"):
            fetch_calendar(f"{peer.url}/feed.ics")
        elapsed = time.monotonic() - started
    assert DEADLINE - 0.1 <= elapsed < DEADLINE + MARGIN


def test_a_prompt_feed_is_read_whole():
    with serving(trickling_http(content_type=b"text/calendar", body=FEED, interval=0)) as peer:
        assert fetch_calendar(f"{peer.url}/feed.ics") == FEED
