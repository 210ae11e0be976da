"""Fifteenth round, damaged: a Google export edited by hand in Bulgarian (lines ended by CRLF and
LF by turns, a line folded inside a Cyrillic letter, a TZID in quotes, GEO written with a comma,
a negative DURATION, a DTSTART cut short); a series whose RDATE list has one damaged or
backwards period loses that date only, told; a THISANDFUTURE override that calls off the rest;
EXDATEs in other zones than DTSTART; and every fifteenth-round feed cut, refolded, edited or
given with mixed line endings is read or refused in words, and a sync of it writes what it
reads or nothing.
"""

import random
import time
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed

from .calendar_builders import shown
from .test_calendars_fifteenth import FIXTURES, FOLDER, NOW, fixture, only, read, warnings_of
from .test_calendars_fifth_damaged import _EDITS, _edited, _refolded, assert_read_or_refused

pytestmark = pytest.mark.django_db

FEEDS = sorted(path.name for path in FIXTURES.glob("*.ics"))
WHOLE_FEEDS = [name for name in FEEDS if "hand-edited" not in name]


def _as_read(reading) -> tuple:
    return (
        shown(reading),
        sorted((e.description, e.meeting_url, e.url, e.is_cancelled) for e in reading.entries),
        [str(w) for w in reading.warnings],
    )


def _unfolded(data: bytes) -> bytes:
    return data.replace(b"\r\n ", b"")


# --- A Google export edited by hand ---------------------------------------------------------------

HAND = "hand-edited-mixed-endings-bg.ics"
SOFIA = "Протест пред Народното събрание"
PLOVDIV = "Лекция в Пловдив"
VARNA = "Среща на доброволци във Варна"


def test_hand_edited_feed_has_both_line_endings_and_a_fold_inside_a_letter():
    data = fixture(HAND)
    assert b"\r\n" in data and data.replace(b"\r\n", b"").count(b"\n") >= 10
    assert any(line[:1] == b" " and line[1] & 0xC0 == 0x80 for line in data.splitlines())


def test_hand_edited_feed_reads_its_events_in_sofias_zone_with_their_places():
    reading = read(HAND)
    assert [row[:5] for row in shown(reading)] == [
        (SOFIA, datetime(2030, 3, 28, 18), datetime(2030, 3, 28, 20), "Europe/Sofia", "Sofia"),
        (VARNA, datetime(2030, 4, 4, 18), datetime(2030, 4, 4, 19, 30), "Europe/Sofia", "Varna"),
        (PLOVDIV, datetime(2030, 4, 10, 18, 30), datetime(2030, 4, 10, 20, 30), "Europe/Sofia",
         "Plovdiv"),
    ]  # fmt: skip
    sofia = only(reading, SOFIA)
    # Folded inside a letter and ended by LF: read as one whole sentence.
    assert sofia.description == (
        "Събираме се пред парламента с плакати. Носете вода и добро настроение."
    )
    assert sofia.record.venue == "пл. „Народно събрание“ 2"
    # GEO written with a comma, as people write coordinates: still the point.
    assert (sofia.record.latitude, sofia.record.longitude) == (42.6934, 23.3325)
    assert (only(reading, VARNA).record.latitude, only(reading, VARNA).record.longitude) == (
        43.2048,
        27.9208,
    )


def test_hand_edited_feed_a_negative_length_and_a_cut_start_cost_those_entries_only():
    reading = read(HAND)
    told = warnings_of(reading)
    assert len(told) == 2
    (length,) = [w for w in told if PLOVDIV in w]
    assert "DURATION" in length and "negative" in length
    (cut,) = [w for w in told if "Щанд в Бургас" in w]
    assert "skipped" in cut and "DTSTART" in cut and "2030041" in cut


def test_hand_edited_feed_synced_keeps_the_cut_entry_as_it_was():
    feed = register_feed(url="https://calendars.example.org/bg.ics", campaign=None)
    whole = fixture(HAND).replace(b"DTSTART;TZID=Europe/Sofia:2030041\r\n",
                                  b"DTSTART;TZID=Europe/Sofia:20300418T170000\r\n")  # fmt: skip
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: whole)
    assert LocalEvent.objects.filter(title="Щанд в Бургас").count() == 1
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: fixture(HAND))
    assert "events cancelled" not in summary.counts
    burgas = LocalEvent.objects.get(title="Щанд в Бургас")
    assert burgas.status != LocalEvent.Status.CANCELLED
    assert burgas.starts_at == datetime(2030, 4, 18, 14, tzinfo=UTC)


# --- A series' RDATE periods, one of them damaged -------------------------------------------------

RDATES = "rdate-periods-script-ko.ics"


@pytest.mark.parametrize(
    "damaged",
    [
        b"20300323T010000Z/",  # cut short
        b"20300323T010000Z/20300322T010000Z",  # ends the day before it starts
        b"20300323T010000Z/-PT2H",  # a negative length
        b"next saturday",  # words
    ],
)
def test_one_damaged_rdate_period_costs_that_date_only_and_is_named(damaged):
    data = _unfolded(fixture(RDATES)).replace(b"20300323T010000Z/PT2H30M", damaged)
    reading = read(RDATES, data)
    days = [e.record.day for e in reading.entries]
    assert days == [date(2030, 3, 9), date(2030, 3, 16), date(2030, 3, 30)]
    (told,) = warnings_of(reading)
    assert "RDATE" in told and "부산 거리 캠페인" in told and "left out" in told
    assert damaged.split(b"/")[0].decode()[:8] in told or damaged.decode() in told


def test_a_damaged_rdate_period_does_not_call_off_the_date_imported_before():
    feed = register_feed(url="https://calendars.example.org/ko.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: fixture(RDATES))
    moment = datetime(2030, 3, 23, 1, tzinfo=UTC)
    assert LocalEvent.objects.get(starts_at=moment).status != LocalEvent.Status.CANCELLED
    damaged = _unfolded(fixture(RDATES)).replace(b"/PT2H30M", b"/PT")
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: damaged)
    assert "events cancelled" not in summary.counts
    assert LocalEvent.objects.get(starts_at=moment).status != LocalEvent.Status.CANCELLED
    assert LocalEvent.objects.filter(title="부산 거리 캠페인").count() == 4


# --- Overrides and exclusions written otherwise ---------------------------------------------------

BAIKAL = "baikal-infcloud-series-cs.ics"
_FUTURE_END = b"DTEND;TZID=Europe/Prague:20300328T183000\r\n"


def test_a_thisandfuture_override_that_is_cancelled_calls_off_the_rest_of_the_series():
    data = fixture(BAIKAL).replace(_FUTURE_END, _FUTURE_END + b"STATUS:CANCELLED\r\n")
    reading = read(BAIKAL, data)
    held = [e.record.day for e in reading.entries if not e.is_cancelled]
    assert held == [date(2030, 3, 7), date(2030, 3, 21)]
    off = [e.record.day for e in reading.entries if e.is_cancelled]
    assert off == [date(2030, 3, 14), date(2030, 3, 28), date(2030, 4, 4), date(2030, 4, 11),
                   date(2030, 4, 25)]  # fmt: skip


@pytest.mark.parametrize(
    "exdate",
    [
        b"EXDATE;TZID=America/New_York:20300418T120000",  # noon in New York, six in Prague
        b"EXDATE;TZID=Asia/Tokyo:20300419T010000",  # one at night on the 19th in Tokyo
        b"EXDATE;VALUE=DATE:20300418",  # the day alone
        b'EXDATE;TZID="Europe/Prague":20300418T180000',  # the zone in quotes
    ],
)
def test_an_exdate_in_another_zone_than_the_series_excludes_the_same_moment(exdate):
    data = fixture(BAIKAL).replace(b"EXDATE:20300418T160000Z", exdate)
    assert data != fixture(BAIKAL)
    assert _as_read(read(BAIKAL, data)) == _as_read(read(BAIKAL))


EXCHANGE = "outlook-windows-zone-exdate-utc-uk.ics"


@pytest.mark.parametrize(
    ("quoted", "plain"),
    [
        (b'TZID="FLE Standard Time"', b"TZID=FLE Standard Time"),
        (b'TZID="FLE Standard Time"', b'TZID="Europe/Kyiv"'),
        (b"EXDATE:20300323T100000Z", b'EXDATE;TZID="FLE Standard Time":20300323T120000'),
    ],
)
def test_a_windows_zone_named_in_quotes_or_not_or_by_its_iana_name_reads_alike(quoted, plain):
    data = fixture(EXCHANGE).replace(quoted, plain)
    assert _as_read(read(EXCHANGE, data)) == _as_read(read(EXCHANGE))


# --- Discord and Zoom texts that would take long --------------------------------------------------


def test_a_description_of_many_discord_timestamps_and_digits_is_read_in_time():
    name = "discord-bot-scheduled-events-en.ics"
    text = "<t:1901707200:F> " * 20_000 + ("+4930" + "1" * 40_000 + ",,12345678")
    data = _unfolded(fixture(name)).replace(
        b"DESCRIPTION:Bring a sign!", b"DESCRIPTION:" + text.encode() + b" Bring a sign!"
    )
    started = time.monotonic()
    reading = read(name, data)
    assert time.monotonic() - started < 20
    assert "<t:" not in only(reading, "Protest at Parliament Square").description[:2000]


# --- Every fifteenth-round feed damaged anywhere --------------------------------------------------


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FEEDS), _EDITS, st.lists(st.integers(1, 90), min_size=1, max_size=4))
def test_no_damage_to_a_fifteenth_round_feed_crashes_the_importer(name, edits, widths):
    data = _edited(_refolded(fixture(name), widths), edits)
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


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(WHOLE_FEEDS), st.lists(st.integers(1, 80), min_size=1, max_size=5))
def test_lines_folded_anywhere_even_inside_a_letter_read_as_exported(name, widths):
    assert _as_read(read(name, _refolded(fixture(name), widths))) == _as_read(read(name))


@pytest.mark.parametrize("name", WHOLE_FEEDS)
@pytest.mark.parametrize("seed", [1, 2])
def test_lines_ended_by_crlf_lf_and_cr_by_turns_read_as_exported(name, seed):
    chooser = random.Random(seed)
    lines = fixture(name).split(b"\r\n")
    data = b"".join(line + chooser.choice([b"\r\n", b"\n", b"\r"]) for line in lines if line)
    assert _as_read(read(name, data)) == _as_read(read(name))
