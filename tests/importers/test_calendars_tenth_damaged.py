"""Tenth round, damaged: every tenth-round feed cut short anywhere, with lines dropped,
repeated, swapped or given other values, folded again anywhere, served as UTF-16 or glued to
another export, is read or refused in words, never crashes nor runs long; a sync of it writes
all of what it reads or, refused, changes nothing. One entry given twice with the same
SEQUENCE is its later-stamped version; a series' master given twice, the higher revision. A
rule of 100 000 occurrences, or one without end, stays bounded and fast; a property of a
megabyte (text, place, parameter, a UID) is read in seconds without harming the other
entries; a component begun and never ended (a reminder, an event inside an event, a
thousand nested ones) costs at most its own entry.
"""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_address_parts import address_parts
from turnout.importers.calendar_charsets import in_declared_charset
from turnout.importers.calendar_concatenated import as_one_calendar
from turnout.importers.calendar_feeds import SERIES_SECONDS, register_feed, sync_feed
from turnout.importers.calendar_fetching import FeedUnavailable
from turnout.importers.calendar_plus_codes import plus_code_in, plus_code_point
from turnout.importers.models import ImportedEvent

from .calendar_builders import shown as shown_rows
from .test_calendars_fifth_damaged import _EDITS, _edited, _refolded, assert_read_or_refused
from .test_calendars_tenth import FIXTURES, FOLDER, NOW, fixture, read, titled

pytestmark = pytest.mark.django_db

FEEDS = sorted(path.name for path in FIXTURES.glob("*.ics"))
# Feeds written with CRLF, whose lines the edits below find.
CRLF_FEEDS = [name for name in FEEDS if b"\r\n" in fixture(name)]


def _served(data: bytes, how: str) -> bytes:
    if how == "utf-16":  # Windows' "Unicode" export, with its byte order mark
        return data.decode("utf-8", errors="replace").encode("utf-16")
    if how == "glued":  # a script that appends another export
        return data + b"\r\n" + fixture("concatenated-exports-sv.ics")
    return data


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(CRLF_FEEDS),
    _EDITS,
    st.lists(st.integers(1, 90), min_size=1, max_size=4),
    st.sampled_from(["plain", "utf-16", "glued"]),
)
def test_no_damage_to_a_tenth_round_feed_crashes_or_hangs_the_importer(name, edits, widths, how):
    data = _served(_edited(_refolded(fixture(name), widths), edits), how)
    began = time.monotonic()
    assert_read_or_refused(lambda: read(name, data))
    assert time.monotonic() - began < SERIES_SECONDS + 30


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CRLF_FEEDS), _EDITS, st.integers(0, 100_000))
def test_a_sync_of_a_damaged_or_cut_feed_writes_what_it_reads_or_changes_nothing(name, edits, cut):
    damaged = _edited(fixture(name), edits)
    damaged = damaged[: cut % (len(damaged) + 1)] if cut % 3 == 0 else damaged
    FOLDER.assert_sync_writes_what_it_reads_or_nothing(name, damaged)


_LINES = st.sampled_from(
    ["BEGIN:VCALENDAR", "END:VCALENDAR", "BEGIN:VEVENT", "END:VEVENT", "BEGIN:VALARM",
     "END:VALARM", "BEGIN:VLOCATION", "END:VLOCATION", "UID:a@b", "UID:a@b", "SEQUENCE:9",
     "DTSTAMP:20300101T000000Z", "LAST-MODIFIED:2030", "DTSTART;VALUE=DATE:20300314",
     "DTSTART;TZID=Tokyo Standard Time:20300317T130000", "DTEND:20300316T150000Z",
     "RRULE:FREQ=SECONDLY", "RRULE:FREQ=DAILY;COUNT=100000", "RDATE:20300320T100000Z,x",
     "EXDATE;VALUE=DATE:20300316", "RECURRENCE-ID;RANGE=THISANDFUTURE:20300320T100000Z",
     "STATUS:CANCELLED", "SUMMARY:Mahnwache von 14 bis 16 Uhr", "DESCRIPTION:Hora: 18:30 h",
     "LOCATION:PV57+2C Lisboa\\, Portugal", "LOCATION:8CHH49WQ+VH", "LOCATION:서울특별시 종로구",
     "NAME:Πλατεία Αριστοτέλους", "GEO:40.6,22.9", "LOCATION:geo:40.2\\,-8.4\\;u=35", " 折り返し",
     "\ufeffBEGIN:VCALENDAR"]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(_LINES, st.text(max_size=30)), max_size=40),
    st.sampled_from(["\r\n", "\n", "\r"]),
)
def test_no_feed_text_of_these_rounds_lines_crashes_the_reader_or_runs_long(lines, ending):
    data = ending.join(["BEGIN:VCALENDAR", *lines, "END:VCALENDAR"]).encode()
    began = time.monotonic()
    assert_read_or_refused(lambda: read("t", data))
    assert time.monotonic() - began < 20


# --- Cut short ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", FEEDS)
def test_a_feed_cut_anywhere_is_refused_as_cut_off_or_read_whole(name):
    FOLDER.assert_cut_anywhere_refused_or_read_whole(name)


def test_a_feed_cut_inside_an_event_changes_nothing_on_a_sync():
    data = fixture("ox-mailbox-sequence-da-later.ics")
    cut = data[: data.index(b"SUMMARY:Foredrag")]
    FOLDER.assert_sync_writes_what_it_reads_or_nothing("ox-mailbox-sequence-da.ics", cut)
    feed = register_feed(
        url="https://calendars.example.org/ox-mailbox-sequence-da.ics", campaign=None
    )
    assert "stops before its end" in feed.last_error
    assert not LocalEvent.objects.filter(status=LocalEvent.Status.CANCELLED).exists()


def test_the_second_of_two_glued_exports_cut_short_refuses_the_whole_file():
    data = fixture("concatenated-exports-sv.ics")
    with pytest.raises(FeedUnavailable, match="stops before its end"):
        read("c", data[: data.rindex(b"END:VEVENT")])


# --- One UID given twice ---------------------------------------------------------------------

DEMO = "Demonstration på Christiansborg Slotsplads"


def _demo_block(data: bytes) -> tuple[int, int]:
    begins = data.index(b"BEGIN:VEVENT")
    return begins, data.index(b"END:VEVENT\r\n", begins) + len(b"END:VEVENT\r\n")


@pytest.mark.parametrize("newer_first", [True, False], ids=["newer first", "newer last"])
def test_an_entry_given_twice_with_one_sequence_is_its_later_stamped_version(newer_first):
    data = fixture("ox-mailbox-sequence-da.ics")
    begins, ends = _demo_block(data)
    older = data[begins:ends]
    # Edited an hour later, without raising SEQUENCE: LAST-MODIFIED says which is newer.
    newer = older.replace(b"DTSTAMP:20300201T090000Z", b"DTSTAMP:20300210T090000Z\r\n"
                          b"LAST-MODIFIED:20300210T085900Z")  # fmt: skip
    newer = newer.replace(b"20300316T130000", b"20300316T140000")
    newer = newer.replace(b"20300316T150000", b"20300316T160000")
    both = newer + older if newer_first else older + newer
    reading = read("o", data[:begins] + both + data[ends:])
    (demo,) = titled(reading, DEMO)
    assert demo.record.starts_at.astimezone(demo.record.starts_at.tzinfo).hour == 14
    assert not reading.warnings


def test_an_entry_given_twice_is_one_event_after_two_syncs():
    data = fixture("ox-mailbox-sequence-da.ics")
    begins, ends = _demo_block(data)
    changed = data[begins:ends].replace(b"Slotsplads\r\n", b"Slotsplads (flyttet)\r\n")
    twice = data[:ends] + changed + data[ends:]
    feed = register_feed(url="https://dav.mailbox.example/twice.ics", campaign=None)
    for _sync in range(2):
        sync_feed(feed=feed, now=NOW, fetch=lambda _url: twice)
    assert LocalEvent.objects.count() == ImportedEvent.objects.count() == 6
    titles = set(LocalEvent.objects.values_list("title", flat=True))
    assert f"{DEMO} (flyttet)" in titles and DEMO not in titles  # the one later in the file


@pytest.mark.parametrize("higher_first", [True, False], ids=["higher first", "higher last"])
def test_a_series_master_given_twice_is_its_higher_revision(higher_first):
    data = fixture("mobilize-us-en.ics")
    begins = data.index(b"BEGIN:VEVENT\r\nUID:mobilize-event-612399")
    ends = data.index(b"END:VEVENT\r\n", begins) + len(b"END:VEVENT\r\n")
    master = data[begins:ends]
    revised = master.replace(b"COUNT=3", b"COUNT=2\r\nSEQUENCE:1").replace(b"T183000", b"T190000")
    both = revised + master if higher_first else master + revised
    reading = read("m", data[:begins] + both + data[ends:])
    meetings = titled(reading, "SF chapter meeting")
    assert [e.record.starts_at.strftime("%d %H:%M") for e in meetings] == ["07 19:00", "14 19:00"]


# --- Rules without bounds ------------------------------------------------------------------

RULED = fixture("mobilize-us-en.ics")


@pytest.mark.parametrize(
    ("rule", "is_told"),
    [("FREQ=DAILY;COUNT=100000", False), ("FREQ=DAILY", False),
     ("FREQ=WEEKLY;INTERVAL=1;UNTIL=99991231T235959Z", False),
     # More than once a day is no series of protests: the series is skipped, in words.
     ("FREQ=MINUTELY;COUNT=100000", True), ("FREQ=SECONDLY", True),
     ("FREQ=HOURLY;BYDAY=MO,TU,WE,TH,FR,SA,SU", True),
     # Never again: its first date only, in words.
     ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", True),
     ("FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4,6,9,11", True)],
)  # fmt: skip
def test_a_rule_without_bound_stays_bounded_and_fast(rule, is_told):
    data = RULED.replace(b"RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=3", f"RRULE:{rule}".encode())
    began = time.monotonic()
    reading = read("r", data)
    assert time.monotonic() - began < 20
    meetings = titled(reading, "SF chapter meeting")
    window = reading.window
    assert len(meetings) <= 400  # a year ahead, a year back: no more than a daily rule gives
    assert all(window.starts_at <= e.record.starts_at < window.ends_at for e in meetings)
    # The other entries are read as ever.
    assert titled(reading, "Rally for an AI Pause at Lafayette Square")
    assert titled(reading, "Virtual phone bank: call your senators")
    told = [str(w) for w in reading.warnings if "SF chapter meeting" in str(w)]
    assert bool(told) == is_told
    assert len(meetings) <= 1 if is_told else len(meetings) > 40


# --- A property of a megabyte -------------------------------------------------------------

MEGABYTE = 1024 * 1024


@pytest.mark.parametrize(
    ("old", "new"),
    [(b"DESCRIPTION:Join us", b"DESCRIPTION:" + b"Lorem ipsum " * (MEGABYTE // 12) + b"Join us"),
     (b"LOCATION:The Commons", b"LOCATION:" + b"The Commons, " * (MEGABYTE // 13) + b"The Commons"),
     (b"LOCATION:The Commons", b"LOCATION:" + b"C" * MEGABYTE),
     (b"LOCATION:The Commons", b"LOCATION:" + "광장 ".encode() * (MEGABYTE // 7)),
     (b"SUMMARY:SF chapter", b"SUMMARY;X-NOTE=" + b"n" * MEGABYTE + b":SF chapter"),
     (b"SUMMARY:SF chapter", b"X-SPAM:" + b"\r\n ".join([b"s" * 74] * (MEGABYTE // 74))
      + b"\r\nSUMMARY:SF chapter"),
     (b"UID:mobilize-event-612345", b"UID:" + b"u" * MEGABYTE)],
    ids=["description", "location of commas", "location of one word", "korean location",
         "parameter", "folded x-property", "uid"],
)  # fmt: skip
def test_a_property_of_a_megabyte_is_read_in_seconds_and_harms_no_other_entry(old, new):
    data = RULED.replace(old, new, 1)
    assert len(data) > MEGABYTE
    began = time.monotonic()
    reading = read("big", data)
    assert time.monotonic() - began < 20
    assert titled(reading, "Virtual phone bank: call your senators")
    assert all(len(e.title) <= 200 and len(e.record.venue) <= 200 for e in reading.entries)
    assert all(len(e.uid) <= 500 for e in reading.entries)


def test_a_sync_of_a_feed_with_a_megabyte_description_writes_what_it_reads():
    data = RULED.replace(b"DESCRIPTION:Join us", b"DESCRIPTION:" + b"Lorem ipsum " * 90_000, 1)
    FOLDER.assert_sync_writes_what_it_reads_or_nothing("mobilize-us-en.ics", data)


# --- Components begun and never ended ------------------------------------------------------


@pytest.mark.parametrize(
    "opened",
    [b"BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nACTION:DISPLAY",
     b"BEGIN:VEVENT\r\nUID:inner@example.org\r\nSUMMARY:Inner",
     b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT",
     b"BEGIN:X-MOBILIZE-SHIFT\r\nX-ROLE:host",
     b"BEGIN:VLOCATION\r\nNAME:The Commons",
     b"BEGIN:X-A\r\n" * 5000],
    ids=["reminder", "event in the event", "calendar in the event", "unknown component",
         "vlocation", "5000 nested"],
)  # fmt: skip
def test_a_component_begun_and_never_ended_costs_at_most_its_own_entry(opened):
    data = RULED.replace(b"SUMMARY:SF chapter meeting", b"SUMMARY:SF chapter meeting\r\n" + opened)
    began = time.monotonic()
    reading = read("n", data)
    assert time.monotonic() - began < 20
    titles = {e.title for e in reading.entries}
    assert {"Rally for an AI Pause at Lafayette Square",
            "Virtual phone bank: call your senators"} <= titles  # fmt: skip
    assert "Inner" not in titles
    assert all(str(w) for w in reading.warnings)
    if "SF chapter meeting" not in titles:
        assert any("SF chapter meeting" in str(w) for w in reading.warnings)


@pytest.mark.parametrize("depth", [50, 3000])
def test_components_nested_deep_and_closed_are_read_around(depth):
    nested = b"BEGIN:X-A\r\n" * depth + b"END:X-A\r\n" * depth
    data = RULED.replace(
        b"SUMMARY:SF chapter meeting\r\n", b"SUMMARY:SF chapter meeting\r\n" + nested
    )
    reading = read("d", data)
    assert len(titled(reading, "SF chapter meeting")) == 3


# --- The readers this round added, on any input ------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.text(max_size=60), st.one_of(st.none(), st.tuples(st.floats(-90, 90), st.floats(-180, 180)))
)
def test_no_location_text_crashes_the_plus_code_reader(text, near):
    code = plus_code_in(text)
    if code is None:
        return
    point = plus_code_point(code, near)
    assert point is None or (-90 <= point[0] <= 90 and -180 <= point[1] <= 180)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=3000), max_size=60))
def test_the_parts_a_place_is_read_from_stay_few_and_short(parts):
    read = address_parts(parts)
    assert len(read) <= 12 and all(len(part) <= 200 for part in read)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200), st.text(max_size=80))
def test_no_body_or_content_type_crashes_the_charset_reading(body, content_type):
    data = b"BEGIN:VCALENDAR\r\n" + body
    assert isinstance(in_declared_charset(data, content_type), bytes)
    assert in_declared_charset(body, content_type) == body  # no calendar: left to the reader


_GLUED_LINES = [b"BEGIN:VCALENDAR", b"END:VCALENDAR", b"\xef\xbb\xbfBEGIN:VCALENDAR",
                b"BEGIN:VEVENT", b"END:VEVENT", b"PRODID:x", b"UID:1", b""]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_GLUED_LINES), max_size=30))
def test_gluing_calendars_keeps_every_event_and_adds_no_line(lines):
    glued = as_one_calendar(lines)
    for marker in (b"BEGIN:VEVENT", b"END:VEVENT"):
        assert glued.count(marker) == lines.count(marker)
    bare = [line.removeprefix(b"\xef\xbb\xbf") for line in lines]
    kept = [line.removeprefix(b"\xef\xbb\xbf") for line in glued]
    assert all(kept.count(line) <= bare.count(line) for line in kept)


def test_a_feed_in_utf_16_big_endian_with_its_mark_reads_as_in_utf_8():
    data = fixture("naver-folded-inside-letters-ko.ics")
    as_utf16 = b"\xfe\xff" + data.replace(b"\r\n ", b"").decode("utf-8").encode("utf-16-be")
    assert shown_rows(read("u", as_utf16)) == shown_rows(read("u", data))
