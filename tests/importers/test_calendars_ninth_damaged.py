"""Ninth round, wrapped and damaged: a feed served gzip-compressed without saying so, or
zipped, reads as the file inside; a CalDAV server's multistatus answer as the calendars in its
`calendar-data` elements; a sign-in page is refused as a web page. Every ninth-round feed
with lines dropped, repeated, swapped or given other values, or folded again anywhere, is
read or refused in words and never crashes; a sync of a damaged feed writes all of what it
reads or, refused, changes nothing. Wrappings damaged on the way (a gzip or .zip download cut
short, a .zip without a calendar, a CalDAV answer cut inside its XML, a gzip that unpacks
beyond the size bound) are refused in words.
"""

import gzip
import io
import time
import zipfile
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.importers.calendar_feeds import SERIES_SECONDS
from turnout.importers.calendar_fetching import MAX_FEED_BYTES, FeedUnavailable

from .calendar_builders import shown as shown_rows
from .test_calendars_fifth_damaged import _EDITS, _edited, _refolded, assert_read_or_refused
from .test_calendars_ninth import FIXTURES, FOLDER, fixture, only, read, shown

pytestmark = pytest.mark.django_db

FEEDS = sorted(path.name for path in FIXTURES.iterdir())
TEXT_FEEDS = [name for name in FEEDS if name.endswith(".ics")]
WRAPPED = [name for name in FEEDS if not name.endswith(".ics")]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(TEXT_FEEDS),
    _EDITS,
    st.lists(st.integers(1, 90), min_size=1, max_size=4),
    st.sampled_from(["plain", "gzip", "zip"]),
)
def test_no_damage_to_a_ninth_round_feed_crashes_or_hangs_the_importer(
    name, edits, widths, wrapping
):
    damaged = _edited(_refolded(fixture(name), widths), edits)
    data = _wrapped(damaged, wrapping)
    began = time.monotonic()
    assert_read_or_refused(lambda: read(name, data))
    assert time.monotonic() - began < SERIES_SECONDS + 30


def _wrapped(data: bytes, wrapping: str) -> bytes:
    if wrapping == "gzip":
        return gzip.compress(data, mtime=0)
    if wrapping == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("feed.ics", data)
        return buffer.getvalue()
    return data


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(TEXT_FEEDS), _EDITS, st.sampled_from(["plain", "gzip", "cut"]))
def test_a_sync_of_a_damaged_feed_writes_what_it_reads_or_changes_nothing(name, edits, how):
    damaged = _edited(fixture(name), edits)
    if how == "gzip":
        damaged = gzip.compress(damaged, mtime=0)
    elif how == "cut":  # a compressed download broken off
        damaged = gzip.compress(damaged, mtime=0)[: len(damaged) // 3]
    FOLDER.assert_sync_writes_what_it_reads_or_nothing(name, damaged)


@pytest.mark.parametrize("name", WRAPPED)
def test_a_wrapped_feed_cut_short_is_refused_in_words_or_read_whole(name):
    data = fixture(name)
    whole = shown(read(name, data))
    for at in range(2, len(data), 97):
        try:
            reading = read(name, data[:at])
        except FeedUnavailable as error:
            assert str(error)
            continue
        # zlib may hand out what it unpacked before the cut: never more than the whole feed.
        assert set(shown(reading)) <= set(whole)


def test_a_zip_without_a_calendar_is_refused_in_words():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("README.txt", "no calendar here")
    with pytest.raises(FeedUnavailable, match="zip"):
        read("z", buffer.getvalue())


def test_a_gzip_that_unpacks_beyond_the_size_bound_is_refused():
    bomb = gzip.compress(b"BEGIN:VCALENDAR\r\n" + b" " * (MAX_FEED_BYTES + 10), mtime=0)
    assert len(bomb) < 100_000
    with pytest.raises(FeedUnavailable, match="5 MB"):
        read("b", bomb)


def test_a_caldav_answer_cut_inside_its_xml_is_refused_or_read_for_whole_calendars():
    data = fixture("caldav-multistatus-de.ics")
    for at in range(0, len(data), 61):
        assert_read_or_refused(lambda at=at: read("c", data[:at]))
    reading = read("c", data[: data.rindex(b"<d:response>") + 5])
    assert [row[0] for row in shown(reading)] == ["Kundgebung auf dem Rathausmarkt"]


def test_a_multistatus_whose_calendar_data_holds_entities_is_not_expanded():
    laugh = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]>'
    data = laugh + fixture("caldav-multistatus-de.ics").split(b"?>", 1)[1].replace(
        b"Bringt Schilder", b"&a;&a;&a; Bringt Schilder"
    )
    reading = read("c", data)
    assert len(reading.entries) == 2  # the unknown entity stays as written, nothing expands


def test_a_caldav_answer_without_calendar_data_is_refused_as_such():
    data = fixture("caldav-multistatus-de.ics")
    with pytest.raises(FeedUnavailable, match="CalDAV"):
        read("c", data[: data.index(b"<cal:calendar-data>")])


# --- Wrapped feeds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wrapped", "plain"),
    [("korganizer-kde-cs.ics.gz", "korganizer-kde-cs.ics"),
     ("evolution-kyiv-uk.zip", "evolution-kyiv-uk.ics")],
)  # fmt: skip
def test_a_feed_compressed_or_zipped_reads_as_the_file_inside(wrapped, plain):
    assert shown_rows(read(wrapped)) == shown_rows(read(plain))
    assert [e.url for e in read(wrapped).entries] == [e.url for e in read(plain).entries]


def test_a_caldav_multistatus_answer_is_read_for_the_calendars_inside():
    reading = read("caldav-multistatus-de.ics")
    assert shown(reading) == [
        ("Offenes Treffen im Centro Sociale", datetime(2030, 3, 12, 19), datetime(2030, 3, 12, 21),
         "Europe/Berlin", "Hamburg"),
        ("Kundgebung auf dem Rathausmarkt", datetime(2030, 3, 30, 14), datetime(2030, 3, 30, 16),
         "Europe/Berlin", "Hamburg"),
    ]  # fmt: skip
    # XML's escapes are undone once: the description is the organizer's own words.
    rally = only(reading, "Kundgebung auf dem Rathausmarkt")
    assert rally.description == "Bringt Schilder & Freunde mit <3"


def test_a_sign_in_page_is_refused_as_a_web_page():
    with pytest.raises(FeedUnavailable, match="web page"):
        read("login-page.ics")
