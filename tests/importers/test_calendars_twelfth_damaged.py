"""Twelfth round, damaged and lost on the way: every twelfth-round feed cut short anywhere,
with lines dropped, repeated, swapped or given other values, folded again anywhere or served
as UTF-16, is read or refused in words, never crashes nor runs long; a sync of it writes all
of what it reads or, refused, changes nothing. A Bookings export cut inside an event, without
its END:VCALENDAR, with a start of no date or of 20 kB, a zone nobody knows, a thousand
reminders begun and never ended or a description of 10 MB is refused or costs only the
damaged entry; a last-Sunday rule of a billion, every second or of no month is bounded and
told. A feed of 5,000 events is read in seconds.

Connections lost or answered oddly by a real (local) server: closed in the middle of the
body, a Content-Length longer or shorter than the body, chunks cut off, a body gzipped without
saying so, redirects in a loop, a 304 Not Modified to a request that asked for none, a server
that trickles a byte at a time: each within the fetch's deadline, said in words, and a sync
of it changes nothing.
"""

import gzip
import socket
import threading
import time
from zoneinfo import ZoneInfo

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.trickle import read_http_request, serving, trickling_http
from turnout.campaigns.models import LocalEvent
from turnout.importers import calendar_fetching
from turnout.importers.calendar_feeds import SERIES_SECONDS, register_feed, sync_feed
from turnout.importers.calendar_fetch_failures import fetch_failure
from turnout.importers.calendar_fetching import FeedUnavailable, fetch_calendar

from .calendar_builders import calendar, vevent
from .test_calendars_fifth_damaged import _EDITS, _edited, _refolded, assert_read_or_refused
from .test_calendars_twelfth import FIXTURES, FOLDER, NOW, fixture, read, titled, warnings_of

pytestmark = pytest.mark.django_db

FEEDS = sorted(path.name for path in FIXTURES.glob("*.ics"))
DAVX5 = "davx5-ical4j-it.ics"
PRESIDIO = "Presidio davanti a Montecitorio"


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(FEEDS),
    _EDITS,
    st.lists(st.integers(1, 90), min_size=1, max_size=4),
    st.booleans(),
)
def test_no_damage_to_a_twelfth_round_feed_crashes_or_hangs_the_importer(
    name, edits, widths, as_utf16
):
    data = _edited(_refolded(fixture(name), widths), edits)
    if as_utf16:
        data = data.decode("utf-8", errors="replace").encode("utf-16")
    began = time.monotonic()
    assert_read_or_refused(lambda: read(name, data))
    assert time.monotonic() - began < SERIES_SECONDS + 30


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FEEDS), _EDITS, st.integers(0, 100_000))
def test_a_sync_of_a_damaged_or_cut_feed_writes_what_it_reads_or_changes_nothing(name, edits, cut):
    damaged = _edited(fixture(name), edits)
    damaged = damaged[: cut % (len(damaged) + 1)] if cut % 3 == 0 else damaged
    FOLDER.assert_sync_writes_what_it_reads_or_nothing(name, damaged)


@pytest.mark.parametrize("name", FEEDS)
def test_a_feed_cut_anywhere_is_refused_as_cut_off_or_read_whole(name):
    FOLDER.assert_cut_anywhere_refused_or_read_whole(name)


@pytest.mark.parametrize(
    ("rule", "most", "told"),
    [(b"FREQ=MONTHLY;COUNT=1000000000;BYDAY=-1SU", 14, ""),
     (b"FREQ=SECONDLY;BYDAY=-1SU", 0, "more than once a day"),
     (b"FREQ=MONTHLY;BYDAY=-1SU;BYSETPOS=-1", 14, ""),
     # No month has a sixth Sunday from its end: the date it was written for, and said.
     (b"FREQ=MONTHLY;BYDAY=-6SU", 1, "never happens"),
     (b"FREQ=MONTHLY;UNTIL=20300631T235959;BYDAY=-1SU", 0, "cannot be read")],
)  # fmt: skip
def test_a_damaged_last_sunday_rule_is_bounded_fast_and_harms_no_other_entry(rule, most, told):
    data = fixture(DAVX5).replace(b"FREQ=MONTHLY;UNTIL=20300630T235959;BYDAY=-1SU", rule)
    began = time.monotonic()
    reading = read("d", data)
    assert time.monotonic() - began < 20
    assert len(titled(reading, PRESIDIO)) <= most
    assert titled(reading, "Volantinaggio in Piazza del Duomo")
    about = [w for w in warnings_of(reading) if PRESIDIO in w]
    assert bool(about) == bool(told) and all(told in w for w in about)


BOOKINGS = "ms-bookings-fr.ics"
RALLY = "Rassemblement place des Terreaux"
SESSION = "Séance d'information en ligne"
_RALLY_START = b"DTSTART;TZID=Romance Standard Time:20300323T140000"
_BOOKINGS_DAMAGE = {
    "cut inside an event": lambda d: d[: d.index(b"X-MICROSOFT-CDO-IMPORTANCE")],
    "no END:VCALENDAR": lambda d: d.replace(b"END:VCALENDAR\r\n", b""),
    "a start of no date": lambda d: d.replace(_RALLY_START, _RALLY_START[:-15] + b"2030-03-23 14h"),
    "a start of 20 kB": lambda d: d.replace(_RALLY_START, _RALLY_START + b"0" * 20_000),
    "a zone nobody knows": lambda d: d.replace(b"TZID=Romance Standard Time:20300323",
                                               "TZID=Heure de Paris (été?):20300323".encode()),
    "begun, never ended": lambda d: d.replace(
        b"CLASS:PUBLIC\r\nPRIORITY", b"BEGIN:VALARM\r\n" * 2000 + b"CLASS:PUBLIC\r\nPRIORITY"),
    "a description of 10 MB": lambda d: d.replace(
        b"DESCRIPTION;LANGUAGE=fr-FR:S", b"DESCRIPTION;LANGUAGE=fr-FR:" + b"x" * (10 << 20) + b"S"),
}  # fmt: skip


@pytest.mark.parametrize("damage", _BOOKINGS_DAMAGE, ids=list(_BOOKINGS_DAMAGE))
def test_a_damaged_bookings_export_is_refused_or_costs_only_the_damaged_entry(damage):
    data = _BOOKINGS_DAMAGE[damage](fixture(BOOKINGS))
    began = time.monotonic()
    try:
        reading = read(BOOKINGS, data)
    except FeedUnavailable as error:
        assert "stops before its end" in str(error) and time.monotonic() - began < 20
        FOLDER.assert_sync_writes_what_it_reads_or_nothing(BOOKINGS, data)
        return
    assert time.monotonic() - began < 30
    titles = {e.title for e in reading.entries}
    assert RALLY in titles or SESSION in titles
    for title in {RALLY, SESSION} - titles:
        assert any(title in w for w in warnings_of(reading))
    if RALLY in titles:  # its own zone, or its place's: 14:00 in Lyon
        (rally,) = titled(reading, RALLY)
        local = rally.record.starts_at.astimezone(ZoneInfo(rally.record.timezone))
        assert (rally.record.timezone, local.hour) == ("Europe/Paris", 14)
    FOLDER.assert_sync_writes_what_it_reads_or_nothing(BOOKINGS, data)


def test_a_feed_of_five_thousand_events_is_read_whole_in_seconds():
    stalls = [vevent(f"stall-{n}@gancio.example.nl", f"SUMMARY:Infokraam {n}", "DURATION:PT2H",
                     f"DTSTART;TZID=Europe/Amsterdam:203003{1 + n % 28:02d}T{9 + n % 9:02d}0000")
              for n in range(5000)]  # fmt: skip
    data = calendar(*stalls)
    began = time.monotonic()
    reading = read("many", data)
    assert time.monotonic() - began < 30
    assert len(reading.entries) == 5000 and not warnings_of(reading)
    assert {e.record.city for e in reading.entries} == {"Utrecht"}


# --- Lost connections ---------------------------------------------------------------------------

DEADLINE = 2.0
FEED = calendar(vevent("vigil@x", "SUMMARY:Wake voor een pauze", "DURATION:PT2H",
                       "DTSTART;TZID=Europe/Amsterdam:20300316T140000"))  # fmt: skip


@pytest.fixture
def local_feeds(monkeypatch, settings):
    monkeypatch.setattr(calendar_fetching, "FETCH_TIMEOUT_SECONDS", DEADLINE)
    settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES = True  # the servers below are local


def _answering(head: bytes, body: bytes, *, then_close: bool = True):
    """A server that sends `head` and `body` to every request, then closes (or stays open)."""

    def handle(connection: socket.socket, stop: threading.Event) -> None:
        read_http_request(connection)
        connection.sendall(head + b"\r\n" + body)
        if not then_close:
            stop.wait(DEADLINE * 3)

    return handle


def _head(*lines: str) -> bytes:
    return "".join(f"{line}\r\n" for line in ["HTTP/1.1 200 OK", *lines]).encode()


def _fetched(handle, path: str = "/agenda.ics") -> bytes:
    with serving(handle) as peer:
        return fetch_calendar(f"{peer.url}{path}")


def _assert_refused_in_time(handle, match: str) -> None:
    began = time.monotonic()
    with pytest.raises(FeedUnavailable, match=match) as refused:
        fetch_calendar_and_read(handle)
    assert time.monotonic() - began < DEADLINE + 2
    assert len(str(refused.value)) < 400


def fetch_calendar_and_read(handle):
    return read("feed", _fetched(handle))


def _assert_a_sync_changes_nothing(handle) -> None:
    feed = register_feed(url="https://agenda.example.nl/feed.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: FEED)
    before = list(LocalEvent.objects.values_list("pk", "title", "starts_at", "status"))
    with serving(handle) as peer:
        summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: fetch_calendar(peer.url))
    feed.refresh_from_db()
    assert feed.last_error and [str(w) for w in summary.warnings] == [
        f"{feed.url}: {feed.last_error}"
    ]
    assert list(LocalEvent.objects.values_list("pk", "title", "starts_at", "status")) == before


CUT = len(FEED) // 2
LOST = {
    "closed mid-body": _answering(_head(f"Content-Length: {len(FEED)}"), FEED[:CUT]),
    "content-length too long": _answering(_head(f"Content-Length: {len(FEED) + 500}"), FEED),
    "chunks cut off": _answering(
        _head("Transfer-Encoding: chunked"), f"{len(FEED):x}\r\n".encode() + FEED[:CUT]
    ),
    "no length, closed mid-body": _answering(_head("Content-Type: text/calendar"), FEED[:CUT]),
}


@pytest.mark.usefixtures("local_feeds")
@pytest.mark.parametrize("lost", LOST, ids=list(LOST))
def test_a_connection_lost_in_the_body_is_refused_in_words_and_changes_nothing(lost):
    said = "closed before the whole feed had arrived|stops before its end"
    _assert_refused_in_time(LOST[lost], said)
    _assert_a_sync_changes_nothing(LOST[lost])


@pytest.mark.usefixtures("local_feeds")
def test_a_content_length_shorter_than_the_feed_is_read_as_cut_off():
    short = _answering(_head(f"Content-Length: {CUT}"), FEED, then_close=False)
    _assert_refused_in_time(short, "stops before its end")
    _assert_a_sync_changes_nothing(short)


@pytest.mark.usefixtures("local_feeds")
def test_a_feed_gzipped_without_saying_so_is_read_as_the_calendar_inside():
    packed = gzip.compress(FEED)
    handle = _answering(_head("Content-Type: text/calendar", f"Content-Length: {len(packed)}"),
                        packed)  # fmt: skip
    (vigil,) = fetch_calendar_and_read(handle).entries
    assert (vigil.title, vigil.record.city) == ("Wake voor een pauze", "Utrecht")


def _redirecting_forever(connection: socket.socket, stop: threading.Event) -> None:
    """Every request on the connection (kept open, as servers do) sent on to the next page."""
    for page in range(1000):
        if stop.is_set() or not read_http_request(connection):
            return
        moved = f"Location: /agenda-{page}.ics\r\nContent-Length: 0\r\n\r\n"
        connection.sendall(b"HTTP/1.1 302 Found\r\n" + moved.encode())


@pytest.mark.usefixtures("local_feeds")
def test_redirects_in_a_loop_are_given_up_in_words():
    _assert_refused_in_time(_redirecting_forever, "another address again and again")
    _assert_a_sync_changes_nothing(_redirecting_forever)


@pytest.mark.usefixtures("local_feeds")
def test_a_not_modified_to_a_request_that_asked_for_none_changes_nothing():
    not_modified = _answering(b'HTTP/1.1 304 Not Modified\r\nETag: "abc"\r\n', b"")
    _assert_refused_in_time(not_modified, r"had not changed \(304\), though nobody asked")
    _assert_a_sync_changes_nothing(not_modified)


@pytest.mark.usefixtures("local_feeds")
@pytest.mark.parametrize(
    ("status", "said"), [(b"404 Not Found", "answered 404 Not Found"),
                         (b"503 Service Unavailable", "answered 503 Service Unavailable")],
)  # fmt: skip
def test_an_error_from_the_server_is_named_by_its_status_and_changes_nothing(status, said):
    failing = _answering(b"HTTP/1.1 " + status + b"\r\nContent-Length: 0\r\n", b"")
    _assert_refused_in_time(failing, said)
    _assert_a_sync_changes_nothing(failing)


@pytest.mark.usefixtures("local_feeds")
def test_a_server_that_trickles_a_byte_at_a_time_is_given_up_at_the_deadline():
    handler = trickling_http(content_type=b"text/calendar", body=FEED, interval=0.2)
    _assert_refused_in_time(handler, "did not send the whole feed within 2 seconds")
    _assert_a_sync_changes_nothing(handler)


_ERRORS = st.one_of(
    st.builds(lambda text: httpx.RemoteProtocolError(text), st.text(max_size=2000)),
    st.builds(lambda text: httpx.ReadTimeout(text), st.text(max_size=50)),
    st.builds(lambda text: httpx.ConnectError(text), st.text(max_size=2000)),
    st.just(httpx.TooManyRedirects("Exceeded maximum allowed redirects.")),
)


@settings(max_examples=60, deadline=None)
@given(st.one_of(_ERRORS, st.integers(100, 999)), st.text(max_size=300), st.floats(0.1, 100))
def test_whatever_fails_a_fetch_is_said_in_one_short_sentence(failure, phrase, seconds):
    if isinstance(failure, int):  # a status the server answered, with its phrase
        request = httpx.Request("GET", "https://agenda.example.nl/feed.ics")
        response = httpx.Response(failure, request=request, extensions={
            "reason_phrase": phrase.encode("utf-8", "replace")})  # fmt: skip
        failure = httpx.HTTPStatusError("x", request=request, response=response)
    said = fetch_failure(failure, seconds=seconds)
    assert said.startswith("could not fetch the feed: ") and len(said) < 400
