"""iCalendar imports: de-duplication by UID and URL, registered feeds, broken feeds."""

import http.server
import io
import threading
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import CommandError, call_command

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import (
    import_calendar,
    read_calendar,
    register_feed,
    sync_feed,
)
from turnout.importers.calendar_fetching import FeedUnavailable
from turnout.importers.models import CalendarFeed, ImportedEvent
from turnout.importers.tasks import sync_due_feeds

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def vevent(uid: str, start: str, location: str, *, url: str = "", summary: str = "Protest",
           status: str = "") -> str:  # fmt: skip
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        "DTSTAMP:20300101T000000Z",
        f"DTSTART;TZID=Europe/Amsterdam:{start}",
        f"DTEND;TZID=Europe/Amsterdam:{start[:9]}{int(start[9:11]) + 2:02d}0000",
        f"SUMMARY:{summary}",
        f"LOCATION:{location}",
    ]
    if url:
        lines.append(f"URL:{url}")
    if status:
        lines.append(f"STATUS:{status}")
    return "\r\n".join([*lines, "END:VEVENT"])


def calendar(*events: str) -> bytes:
    body = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *events,
                        "END:VCALENDAR"])  # fmt: skip
    return body.encode()


AMSTERDAM = vevent(
    "a@lu.ma", "20300513T140000", "Museumplein\\, Amsterdam\\, Netherlands",
    url="https://lu.ma/ams", summary="Protest Amsterdam",
)  # fmt: skip
UTRECHT = vevent("u@lu.ma", "20300513T150000", "Neude\\, 3512 AE Utrecht\\, Nederland")
UNPLACEABLE = vevent("x@lu.ma", "20300513T150000", "Online")


def test_a_feed_becomes_events_in_their_own_time_zone_and_place():
    reading = read_calendar(calendar(AMSTERDAM, UTRECHT, UNPLACEABLE), source="feed.ics")
    summary = import_calendar(reading=reading, campaign=None, now=NOW)
    assert summary.counts["events created"] == 2
    amsterdam = LocalEvent.objects.get(city="Amsterdam")
    assert (amsterdam.country, amsterdam.timezone) == ("NL", "Europe/Amsterdam")
    assert (amsterdam.local_starts_at.hour, amsterdam.local_ends_at.hour) == (14, 16)
    assert (amsterdam.title, amsterdam.signup_platform) == ("Protest Amsterdam", "luma")
    assert amsterdam.venue == "Museumplein"
    assert LocalEvent.objects.get(city="Utrecht").country == "NL"
    assert [str(w) for w in summary.warnings] == [
        "feed.ics: event 3 (“Protest”) skipped: it names neither a place nor a meeting link "
        "(LOCATION “Online”)"
    ]


@pytest.mark.parametrize("line_end", [b"\r\n", b"\n", b"\r"], ids=["CRLF", "LF", "CR"])
def test_every_line_ending_a_program_writes_is_read(line_end):
    data = calendar(AMSTERDAM, UTRECHT).replace(b"\r\n", line_end)
    reading = read_calendar(data, source="feed.ics", now=NOW)
    assert [entry.title for entry in reading.entries] == ["Protest Amsterdam", "Protest"]
    assert reading.entries[0].record.starts_at.hour == 14 and not reading.warnings


def test_a_stray_carriage_return_in_a_text_is_kept_as_text():
    data = calendar(AMSTERDAM.replace("SUMMARY:Protest Amsterdam", "SUMMARY:Protest\rAmsterdam"))
    assert b"Protest\rAmsterdam" in data
    (entry,) = read_calendar(data, source="feed.ics", now=NOW).entries
    assert "Amsterdam" in entry.title


def test_the_same_uid_again_updates_the_event_and_bumps_its_sequence():
    import_calendar(reading=read_calendar(calendar(AMSTERDAM), source="f"), campaign=None, now=NOW)
    moved = AMSTERDAM.replace("20300513T14", "20300513T17").replace("T160000", "T190000")
    import_calendar(reading=read_calendar(calendar(moved), source="f"), campaign=None, now=NOW)
    event = LocalEvent.objects.get()
    assert event.local_starts_at.hour == 17
    assert event.sequence == 1
    assert ImportedEvent.objects.get().uid == "a@lu.ma"


def test_an_event_already_known_by_its_link_is_updated_not_duplicated():
    campaign = CampaignFactory()
    known = LocalEventFactory(campaign=campaign, city="Amsterdam", signup_url="https://lu.ma/ams")
    import_calendar(reading=read_calendar(calendar(AMSTERDAM), source="f"), campaign=None, now=NOW)
    assert LocalEvent.objects.count() == 1
    assert ImportedEvent.objects.get().event == known


def test_a_registered_feed_cancels_upcoming_events_that_left_it_and_keeps_past_ones():
    feed = register_feed(url="https://example.org/feed.ics", campaign=None)
    past = vevent("old@lu.ma", "20300101T120000", "Amsterdam\\, Netherlands")
    sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(AMSTERDAM, UTRECHT, past))
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(UTRECHT))
    assert summary.counts["events cancelled"] == 1
    statuses = dict(LocalEvent.objects.values_list("title", "status"))
    assert statuses["Protest Amsterdam"] == "cancelled"
    assert LocalEvent.objects.filter(status="cancelled").count() == 1  # the past one stays
    assert LocalEvent.objects.count() == 3


def test_a_cancelled_entry_cancels_the_event():
    import_calendar(reading=read_calendar(calendar(AMSTERDAM), source="f"), campaign=None, now=NOW)
    cancelled = AMSTERDAM.replace("END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT")
    import_calendar(reading=read_calendar(calendar(cancelled), source="f"), campaign=None, now=NOW)
    assert LocalEvent.objects.get().status == "cancelled"


@pytest.mark.parametrize("garbage", [b"", b"not a calendar", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT"])
def test_a_broken_feed_is_recorded_and_cancels_nothing(garbage):
    feed = register_feed(url="https://example.org/feed.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(AMSTERDAM))
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: garbage)
    feed.refresh_from_db()
    assert "not an iCalendar feed" in feed.last_error
    assert summary.warnings and LocalEvent.objects.get().status == "approved"


def test_an_unreachable_feed_is_recorded():
    feed = register_feed(url="https://example.org/feed.ics", campaign=None)

    def down(url):
        raise FeedUnavailable("could not fetch the feed: connection refused")

    sync_feed(feed=feed, now=NOW, fetch=down)
    feed.refresh_from_db()
    assert feed.last_error == "could not fetch the feed: connection refused"
    assert feed.last_synced_at is None


@pytest.fixture
def served_feed(settings):
    """A feed served over HTTP from this machine, which feeds may be fetched from for it alone;
    its content can be changed by the test."""
    settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES = True
    content = {"body": calendar(AMSTERDAM, UTRECHT)}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.send_header("Content-Type", "text/calendar")
            self.end_headers()
            self.wfile.write(content["body"])

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.ics", content
    server.shutdown()
    server.server_close()


def test_command_registers_a_feed_and_the_scheduled_task_syncs_it_when_due(served_feed):
    url, content = served_feed
    campaign = CampaignFactory(slug="may")
    out = io.StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("import", "ical", url, "--campaign", "may", "--register", "--every", "6",
                     stdout=out, stderr=io.StringIO())  # fmt: skip
    assert "events created: 2" in out.getvalue()
    feed = CalendarFeed.objects.get(url=url)
    assert (feed.campaign, feed.sync_every_hours) == (campaign, 6)
    assert set(campaign.events.values_list("city", flat=True)) == {"Amsterdam", "Utrecht"}
    content["body"] = calendar(UTRECHT)
    with time_machine.travel(datetime(2030, 5, 1, 15, tzinfo=UTC), tick=False):
        assert sync_due_feeds.call() == 0  # synced three hours ago: not due
    with time_machine.travel(datetime(2030, 5, 1, 19, tzinfo=UTC), tick=False):
        assert sync_due_feeds.call() == 1
    assert LocalEvent.objects.get(city="Amsterdam").status == "cancelled"


def test_command_dry_run_lists_entries_and_writes_nothing(tmp_path):
    path = tmp_path / "feed.ics"
    path.write_bytes(calendar(AMSTERDAM))
    out = io.StringIO()
    call_command("import", "ical", str(path), "--dry-run", stdout=out, stderr=io.StringIO())
    # The event's own time and zone, not UTC (12:00 UTC).
    assert (
        "Monday, 13 May 2030 14:00 CEST (Europe/Amsterdam) Amsterdam, NL: Protest Amsterdam"
        in out.getvalue()
    )
    assert LocalEvent.objects.count() == 0


def test_command_refuses_a_file_that_is_not_a_calendar(tmp_path):
    path = tmp_path / "feed.ics"
    path.write_text("<html>404</html>")
    with pytest.raises(CommandError, match="not an iCalendar feed"):
        call_command("import", "ical", str(path))
    with pytest.raises(CommandError, match="no such file"):
        call_command("import", "ical", str(tmp_path / "missing.ics"))
