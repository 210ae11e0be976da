"""A registered feed's server is asked whether the feed changed since it was read last
(If-None-Match with its ETag, If-Modified-Since with its Last-Modified): an answer of 304 Not
Modified costs neither side the download nor the reading, and changes nothing. The version is
kept only once a sync has read and imported the feed; a feed is read whole at least once a
day, so that a series' later dates come into the import window; a validator no header can
carry is not kept; and a feed given another address forgets the old one's version."""

import socket
import threading
from datetime import timedelta

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from tests.factories import UserFactory
from tests.web.trickle import read_http_request, serving
from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed
from turnout.importers.calendar_fetching import FeedVersion
from turnout.importers.models import CalendarFeed

from .calendar_builders import calendar, vevent
from .test_calendars_twelfth import NOW

pytestmark = pytest.mark.django_db

VIGIL = calendar(vevent("vigil@x", "SUMMARY:Wake voor een pauze", "DURATION:PT2H",
                        "LOCATION:Dam\\, Amsterdam\\, Nederland",
                        "DTSTART;TZID=Europe/Amsterdam:20300316T140000"))  # fmt: skip
VIGIL_MOVED = VIGIL.replace(b"20300316T140000", b"20300316T160000")
LAST_MODIFIED = "Tue, 12 Feb 2030 09:00:00 GMT"


@pytest.fixture(autouse=True)
def local_feeds(settings):
    settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES = True  # the servers below are local


class FeedServer:
    """A feed server that keeps every request's head and answers 304 when asked about the
    version it has (by ETag, or else by date), the feed with its validators otherwise."""

    def __init__(self, feed: bytes, *, etag: str = '"v1"', last_modified: str = LAST_MODIFIED):
        self.feed, self.etag, self.last_modified = feed, etag, last_modified
        self.asked: list[bytes] = []

    def handle(self, connection: socket.socket, stop: threading.Event) -> None:
        request = read_http_request(connection)
        self.asked.append(request.lower())
        head = {
            name.strip().lower(): value.strip()
            for name, _, value in (line.partition(b":") for line in request.split(b"\r\n")[1:])
        }
        validators = []
        if self.etag:
            validators.append(f"ETag: {self.etag}")
        if self.last_modified:
            validators.append(f"Last-Modified: {self.last_modified}")
        if b"if-none-match" in head:  # RFC 9110 13.2.2: then If-Modified-Since is ignored
            still = bool(self.etag) and head[b"if-none-match"] == self.etag.encode()
        else:
            since = head.get(b"if-modified-since")
            still = bool(self.last_modified) and since == self.last_modified.encode()
        if still:
            lines = ["HTTP/1.1 304 Not Modified", *validators, "Connection: close"]
            connection.sendall("".join(f"{line}\r\n" for line in lines).encode() + b"\r\n")
            return
        lines = ["HTTP/1.1 200 OK", "Content-Type: text/calendar; charset=utf-8", *validators,
                 f"Content-Length: {len(self.feed)}", "Connection: close"]  # fmt: skip
        connection.sendall("".join(f"{line}\r\n" for line in lines).encode() + b"\r\n" + self.feed)


def _vigil() -> LocalEvent:
    return LocalEvent.objects.get(import_source__uid="vigil@x")


def test_an_unchanged_feed_is_asked_about_and_not_read_again():
    server = FeedServer(VIGIL)
    with serving(server.handle) as peer:
        feed = register_feed(url=f"{peer.url}/feed.ics", campaign=None)
        first = sync_feed(feed=feed, now=NOW)
        assert first.counts and not first.warnings
        again = sync_feed(feed=feed, now=NOW + timedelta(hours=6))
    assert b"if-none-match" not in server.asked[0]
    assert b'if-none-match: "v1"' in server.asked[1]
    assert f"if-modified-since: {LAST_MODIFIED}".lower().encode() in server.asked[1]
    assert dict(again.counts) == {"feeds unchanged since they were last read": 1}
    assert again.warnings == []
    feed.refresh_from_db()
    assert (feed.last_synced_at, feed.last_read_whole_at) == (NOW + timedelta(hours=6), NOW)
    assert feed.last_error == ""
    assert _vigil().status != LocalEvent.Status.CANCELLED  # nothing was taken for gone


def test_a_changed_feed_is_read_and_its_new_version_kept():
    server = FeedServer(VIGIL)
    with serving(server.handle) as peer:
        feed = register_feed(url=f"{peer.url}/feed.ics", campaign=None)
        sync_feed(feed=feed, now=NOW)
        server.feed, server.etag = VIGIL_MOVED, '"v2"'
        sync_feed(feed=feed, now=NOW + timedelta(hours=6))
        sync_feed(feed=feed, now=NOW + timedelta(hours=12))
    assert b'if-none-match: "v1"' in server.asked[1]
    assert b'if-none-match: "v2"' in server.asked[2]
    assert _vigil().starts_at.hour == 15  # 16:00 in Amsterdam, in UTC
    assert CalendarFeed.objects.get().etag == '"v2"'


def test_a_server_that_names_its_version_only_by_date_is_asked_by_date():
    server = FeedServer(VIGIL, etag="")
    with serving(server.handle) as peer:
        feed = register_feed(url=f"{peer.url}/feed.ics", campaign=None)
        sync_feed(feed=feed, now=NOW)
        again = sync_feed(feed=feed, now=NOW + timedelta(hours=1))
    assert b"if-none-match" not in server.asked[1]
    assert f"if-modified-since: {LAST_MODIFIED}".lower().encode() in server.asked[1]
    assert "feeds unchanged since they were last read" in again.counts


def test_a_feed_is_read_whole_once_a_day_though_its_server_says_it_is_unchanged():
    server = FeedServer(VIGIL)
    with serving(server.handle) as peer:
        feed = register_feed(url=f"{peer.url}/feed.ics", campaign=None)
        sync_feed(feed=feed, now=NOW)
        sync_feed(feed=feed, now=NOW + timedelta(hours=23))
        whole = sync_feed(feed=feed, now=NOW + timedelta(days=1))
        # A clock set back reads it whole too, rather than trust a version from "the future".
        feed.refresh_from_db()
        sync_feed(feed=feed, now=NOW + timedelta(days=1) - timedelta(hours=2))
    assert [b"if-none-match" in head for head in server.asked] == [False, True, False, False]
    assert "feeds unchanged since they were last read" not in whole.counts
    feed.refresh_from_db()
    assert feed.last_read_whole_at == NOW + timedelta(days=1) - timedelta(hours=2)


def test_a_version_is_kept_only_once_the_feed_was_read_and_imported():
    broken = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n"  # cut off: refused
    server = FeedServer(broken)
    with serving(server.handle) as peer:
        feed = register_feed(url=f"{peer.url}/feed.ics", campaign=None)
        failed = sync_feed(feed=feed, now=NOW)
        feed.refresh_from_db()
        kept_after_failing = (feed.etag, feed.last_read_whole_at)
        server.feed = VIGIL  # mended, though its server still calls it "v1"
        mended = sync_feed(feed=feed, now=NOW + timedelta(hours=1))
    assert failed.warnings and kept_after_failing == ("", None)
    assert b"if-none-match" not in server.asked[1]  # so the mended feed is read
    assert not mended.warnings and _vigil().title == "Wake voor een pauze"


@pytest.mark.parametrize(
    "etag",
    ['"' + "a" * 400 + '"', '"vérsion"', '"v1"\tX-Injected: 1'],
    ids=["too long for a column", "not ASCII", "a tab and another header"],
)
def test_a_validator_no_header_can_carry_is_not_kept(etag):
    def handle(connection, stop):
        read_http_request(connection)
        head = (
            (
                "HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\n"
                f"Content-Length: {len(VIGIL)}\r\nConnection: close\r\n"
            ).encode()
            + b"ETag: "
            + etag.encode("utf-8")
            + b"\r\n\r\n"
        )
        connection.sendall(head + VIGIL)

    with serving(handle) as peer:
        feed = register_feed(url=f"{peer.url}/feed.ics", campaign=None)
        summary = sync_feed(feed=feed, now=NOW)
    assert not summary.warnings
    feed.refresh_from_db()
    assert feed.etag == "" and feed.last_read_whole_at == NOW


def test_asking_sends_only_the_validators_there_are():
    assert FeedVersion().asking() == {}
    assert FeedVersion(etag='W/"3"').asking() == {"If-None-Match": 'W/"3"'}
    assert FeedVersion(last_modified=LAST_MODIFIED).asking() == {"If-Modified-Since": LAST_MODIFIED}


def test_a_feed_given_another_address_in_the_admin_forgets_the_old_addresss_version():
    feed = register_feed(url="https://agenda.example.nl/feed.ics", campaign=None)
    feed.etag, feed.last_modified, feed.last_read_whole_at = '"v1"', LAST_MODIFIED, NOW
    feed.save()
    request = RequestFactory().post("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    admin = site._registry[CalendarFeed]
    form_class = admin.get_form(request, feed, change=True)
    data = {"url": "https://other.example.org/actions.ics", "name": "", "sync_every_hours": 6,
            "is_active": "on"}  # fmt: skip
    form = form_class(data=data, instance=feed)
    assert form.is_valid(), form.errors
    admin.save_model(request, form.save(commit=False), form, change=True)
    feed.refresh_from_db()
    assert (feed.url, feed.etag, feed.last_modified, feed.last_read_whole_at) == (
        "https://other.example.org/actions.ics", "", "", None)  # fmt: skip
