"""Thirteenth round, damaged and served oddly: every thirteenth-round feed cut short anywhere,
with lines dropped, repeated, swapped or given other values, folded again anywhere (also in
the middle of a Hebrew, Korean, Greek or Finnish letter) or served as UTF-16, is read or
refused in words, never crashes; a sync of it writes all of what it reads or, refused,
changes nothing. A byte order mark in the middle of a feed (before a line, inside a title or
a fold, before END:VCALENDAR), as files pasted together from Notepad's carry, changes nothing
that is read. One entry given twice with different SEQUENCEs, or the same SEQUENCE and other
stamps, is its latest revision wherever each stands.

Servers answering oddly (a real local server): 500 with an error page, an error page as 200,
redirects between two addresses in a loop, a redirect to an error, a 304 nobody asked for,
headers then nothing: each refused within the fetch's deadline, in words, and a sync of it
changes nothing; a server slow to begin but whole within the deadline is read.
"""

import socket
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.trickle import read_http_request, serving
from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed
from turnout.importers.calendar_fetching import FeedUnavailable, fetch_calendar

from .calendar_builders import shown
from .test_calendars_fifth_damaged import _EDITS, _edited, _refolded, assert_read_or_refused
from .test_calendars_thirteenth import FIXTURES, FOLDER, NOW, fixture, read, warnings_of
from .test_calendars_twelfth_damaged import DEADLINE, local_feeds  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

FEEDS = sorted(path.name for path in FIXTURES.glob("*.ics"))
BOM = b"\xef\xbb\xbf"


def _as_read(reading) -> tuple:
    return (
        shown(reading),
        sorted(e.description for e in reading.entries),
        [str(w) for w in reading.warnings],
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(FEEDS),
    _EDITS,
    st.lists(st.integers(1, 90), min_size=1, max_size=4),
    st.booleans(),
)
def test_no_damage_to_a_thirteenth_round_feed_crashes_the_importer(name, edits, widths, utf16):
    data = _edited(_refolded(fixture(name), widths), edits)
    if utf16:
        data = data.decode("utf-8", errors="replace").encode("utf-16")
    assert_read_or_refused(lambda: read(name, data))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FEEDS), _EDITS, st.integers(0, 100_000))
def test_a_sync_of_a_damaged_or_cut_feed_writes_what_it_reads_or_changes_nothing(name, edits, cut):
    damaged = _edited(fixture(name), edits)
    damaged = damaged[: cut % (len(damaged) + 1)] if cut % 3 == 0 else damaged
    FOLDER.assert_sync_writes_what_it_reads_or_nothing(name, damaged)


@pytest.mark.parametrize("name", FEEDS)
def test_a_feed_cut_anywhere_is_refused_as_cut_off_or_read_whole(name):
    FOLDER.assert_cut_anywhere_refused_or_read_whole(name)


# --- Folded inside a letter ---------------------------------------------------------------------


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FEEDS), st.lists(st.integers(1, 80), min_size=1, max_size=5))
def test_lines_folded_anywhere_even_inside_a_letter_read_as_exported(name, widths):
    assert _as_read(read(name, _refolded(fixture(name), widths))) == _as_read(read(name))


@pytest.mark.parametrize(
    ("name", "title"),
    [("thunderbird-jerusalem-he.ics", "עצרת בכיכר הבימה"),
     ("outlook-com-moved-month-ko.ics", "광화문 광장 집회"),
     ("meetup-group-el.ics", "Συνάντηση γνωριμίας PauseAI"),
     ("nextcloud-talk-fi.ics", "Mielenosoitus eduskuntatalon edessä")],
)  # fmt: skip
def test_a_title_folded_after_each_byte_of_its_first_letter_reads_whole(name, title):
    data = fixture(name)
    letter = title.encode()[: len(title[0].encode())]
    for cut in range(1, len(letter) + 1):
        folded = data.replace(
            b":" + title.encode(), b":" + letter[:cut] + b"\r\n " + title.encode()[cut:]
        )
        assert folded != data
        assert _as_read(read(name, folded)) == _as_read(read(name))


# --- A byte order mark in the middle -------------------------------------------------------------

HEBREW = "thunderbird-jerusalem-he.ics"
_RALLY_TA = "עצרת בכיכר הבימה".encode()
_WITH_BOM = {
    "before an event": lambda d: d.replace(b"BEGIN:VEVENT\r\nCREATED:20300212",
                                           BOM + b"BEGIN:VEVENT\r\nCREATED:20300212"),
    "before its title": lambda d: d.replace(b"SUMMARY:" + _RALLY_TA, BOM + b"SUMMARY:" + _RALLY_TA),
    "inside its title": lambda d: d.replace(b"SUMMARY:" + _RALLY_TA, b"SUMMARY:" + BOM + _RALLY_TA),
    "before its start": lambda d: d.replace(b"DTSTART;TZID=Asia/Jerusalem:20300412",
                                            BOM + b"DTSTART;TZID=Asia/Jerusalem:20300412"),
    "inside a fold": lambda d: d.replace(b"\r\n \xd7\x94: ", b"\r\n " + BOM + b"\xd7\x94: "),
    "before END:VCALENDAR": lambda d: d.replace(b"END:VCALENDAR", BOM + b"END:VCALENDAR"),
    "every line": lambda d: BOM + d.replace(b"\r\n", b"\r\n" + BOM).removesuffix(BOM),
    "in UTF-16": lambda d: d.replace(b"SUMMARY:" + _RALLY_TA,
                                     BOM + b"SUMMARY:" + _RALLY_TA).decode().encode("utf-16"),
}  # fmt: skip


@pytest.mark.parametrize("where", _WITH_BOM, ids=list(_WITH_BOM))
def test_a_byte_order_mark_in_the_middle_of_a_feed_changes_nothing_read(where):
    data = _WITH_BOM[where](fixture(HEBREW))
    assert data != fixture(HEBREW)
    assert _as_read(read(HEBREW, data)) == _as_read(read(HEBREW))


def test_a_feed_with_a_byte_order_mark_before_a_line_syncs_as_the_feed():
    feed = register_feed(url="https://calendars.example.org/he.ics", campaign=None)
    for data in (fixture(HEBREW), _WITH_BOM["before its start"](fixture(HEBREW))):
        summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url, d=data: d)
        assert not summary.warnings
    assert LocalEvent.objects.filter(status=LocalEvent.Status.APPROVED).count() == 2


# --- One entry given twice -----------------------------------------------------------------------

NEXTCLOUD = "nextcloud-talk-fi.ics"
RALLY = "Mielenosoitus eduskuntatalon edessä"


def _block(data: bytes, uid: bytes) -> bytes:
    at = data.index(uid)
    begin = data.rindex(b"BEGIN:VEVENT", 0, at)
    return data[begin : data.index(b"END:VEVENT\r\n", at) + len(b"END:VEVENT\r\n")]


def _an_hour_earlier(block: bytes) -> bytes:
    return block.replace(b"T120000", b"T110000").replace(b"T140000", b"T130000")


_RALLY_BLOCK = _block(fixture(NEXTCLOUD), b"UID:3f9b0c1e")
_OLDER = _an_hour_earlier(_RALLY_BLOCK.replace(b"SEQUENCE:3", b"SEQUENCE:2")).replace(
    b"LAST-MODIFIED:20300221T190512Z", b"LAST-MODIFIED:20300210T100000Z"
)
# A copy the program stamped later without a new SEQUENCE or LAST-MODIFIED: the later one.
_RESTAMPED = _an_hour_earlier(_RALLY_BLOCK).replace(
    b"DTSTAMP:20300221T190512Z", b"DTSTAMP:20300225T080000Z"
)


@pytest.mark.parametrize(
    ("other", "before", "hour"),
    [(_OLDER, True, 12), (_OLDER, False, 12), (_RESTAMPED, True, 11), (_RESTAMPED, False, 11),
     (_an_hour_earlier(_RALLY_BLOCK.replace(b"SEQUENCE:3\r\n", b"")), False, 12)],
    ids=["older-seq-first", "older-seq-last", "restamped-first", "restamped-last", "no-seq"],
)  # fmt: skip
def test_an_entry_given_twice_is_its_latest_revision_wherever_it_stands(other, before, hour):
    data = fixture(NEXTCLOUD)
    data = data.replace(_RALLY_BLOCK, other + _RALLY_BLOCK if before else _RALLY_BLOCK + other)
    reading = read(NEXTCLOUD, data)
    (rally,) = [row for row in shown(reading) if row[0] == RALLY]
    assert rally[1].hour == hour
    assert warnings_of(reading) == []


def test_a_sync_of_an_entry_given_twice_updates_its_event_once_to_the_latest():
    feed = register_feed(url="https://calendars.example.org/fi.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: fixture(NEXTCLOUD))
    first = LocalEvent.objects.get(title=RALLY)
    twice = fixture(NEXTCLOUD).replace(_RALLY_BLOCK, _OLDER + _RESTAMPED)
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: twice)
    (rally,) = LocalEvent.objects.filter(title=RALLY)
    assert rally.pk == first.pk and rally.starts_at.hour == 9  # 11:00 in Helsinki, in UTC


def test_an_override_given_twice_is_its_latest_revision_wherever_it_stands():
    data = fixture("outlook-com-moved-month-ko.ics")
    override = data[data.index(b"BEGIN:VEVENT\r\nRECURRENCE-ID") : data.index(b"END:VCALENDAR")]
    older = override.replace(b"SEQUENCE:2", b"SEQUENCE:1").replace(b"20300504T1", b"20300503T1")
    for twice in (
        data.replace(override, older + override),
        data.replace(override, override + older),
    ):
        days = [row[1].day for row in shown(read("o", twice)) if row[1].month == 5]
        assert days == [4, 25]


# --- Servers answering oddly ------------------------------------------------------------------

FEED = fixture("outlook-com-moved-month-ko.ics")


def _answer(status: str, body: bytes, *headers: str):
    head = "".join(f"{line}\r\n" for line in [f"HTTP/1.1 {status}", *headers,
                                             f"Content-Length: {len(body)}"])  # fmt: skip

    def handle(connection: socket.socket, stop: threading.Event) -> None:
        while not stop.is_set() and read_http_request(connection):
            connection.sendall(head.encode() + b"\r\n" + body)

    return handle


def _between_two_addresses(connection: socket.socket, stop: threading.Event) -> None:
    """/a.ics sends to /b.ics, which sends back to /a.ics."""
    while not stop.is_set() and (request := read_http_request(connection)):
        to = "/b.ics" if request.startswith(b"GET /a.ics") else "/a.ics"
        connection.sendall(f"HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\n\r\n"
                           .encode())  # fmt: skip


def _to_an_error(connection: socket.socket, stop: threading.Event) -> None:
    while not stop.is_set() and (request := read_http_request(connection)):
        if request.startswith(b"GET /a.ics"):
            connection.sendall(b"HTTP/1.1 301 Moved Permanently\r\nLocation: /b.ics\r\n"
                               b"Content-Length: 0\r\n\r\n")  # fmt: skip
        else:
            connection.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n")


def _head_then_nothing(connection: socket.socket, stop: threading.Event) -> None:
    read_http_request(connection)
    connection.sendall(f"HTTP/1.1 200 OK\r\nContent-Length: {len(FEED)}\r\n\r\n".encode())
    stop.wait(DEADLINE * 3)


_ERROR_PAGE = (
    "<!DOCTYPE html><html><head><title>500 – Erro interno</title></head><body><h1>Erro</h1>"
    "<p>O servidor encontrou um erro.</p>" + "<!-- -->" * 20_000 + "</body></html>"
).encode()
ODD = {
    "500 with its page": (_answer("500 Internal Server Error", _ERROR_PAGE,
                                  "Content-Type: text/html"), "answered 500 Internal Server Error"),
    "an error page as 200": (_answer("200 OK", _ERROR_PAGE, "Content-Type: text/html"),
                             "not an iCalendar feed|web page"),
    "two addresses in a loop": (_between_two_addresses, "another address again and again"),
    "a redirect to an error": (_to_an_error, "answered 500 Internal Server Error"),
    "304 nobody asked for": (_answer("304 Not Modified", b"", 'ETag: "v7"'),
                             r"had not changed \(304\), though nobody asked"),
    "headers, then nothing": (_head_then_nothing, "within 2 seconds"),
}  # fmt: skip


def _fetched(handle) -> bytes:
    with serving(handle) as peer:
        return fetch_calendar(f"{peer.url}/a.ics")


@pytest.mark.usefixtures("local_feeds")
@pytest.mark.parametrize("odd", ODD, ids=list(ODD))
def test_a_server_answering_oddly_is_refused_in_time_in_words_and_changes_nothing(odd):
    handle, said = ODD[odd]
    began = time.monotonic()
    with pytest.raises(FeedUnavailable, match=said) as refused:
        read("feed", _fetched(handle))
    assert time.monotonic() - began < DEADLINE + 2 and len(str(refused.value)) < 400
    feed = register_feed(url="https://agenda.example.kr/feed.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: FEED)
    before = list(LocalEvent.objects.values_list("pk", "title", "starts_at", "status"))
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: _fetched(handle))
    feed.refresh_from_db()
    assert feed.last_error and [str(w) for w in summary.warnings] == [
        f"{feed.url}: {feed.last_error}"
    ]
    assert list(LocalEvent.objects.values_list("pk", "title", "starts_at", "status")) == before


@pytest.mark.usefixtures("local_feeds")
def test_a_server_slow_to_begin_but_whole_within_the_deadline_is_read():
    answer = _answer("200 OK", FEED, "Content-Type: text/calendar; charset=utf-8")

    def slow(connection: socket.socket, stop: threading.Event) -> None:
        stop.wait(DEADLINE / 3)
        answer(connection, stop)

    assert _as_read(read("feed", _fetched(slow))) == _as_read(read("feed", FEED))


@pytest.mark.parametrize("folder", ["Etc", "America", "Europe/"])
def test_a_tzid_naming_a_folder_of_the_zone_database_costs_only_its_entry(folder):
    data = fixture(NEXTCLOUD).replace(
        b"DTSTART;TZID=Europe/Helsinki:20300406", f'DTSTART;TZID="{folder}":20300406'.encode()
    )
    reading = read(NEXTCLOUD, data)
    assert "Tiedotustilaisuus Tampereella" not in {e.title for e in reading.entries}
    assert RALLY in {e.title for e in reading.entries}
    assert any("Tiedotustilaisuus Tampereella" in w for w in warnings_of(reading))
