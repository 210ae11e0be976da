"""Eleventh round, damaged: every eleventh-round feed cut short anywhere, with lines dropped,
repeated, swapped or given other values, folded again anywhere or served as UTF-16, is read or
refused in words, never crashes nor runs long; a sync of it writes all of what it reads or,
refused, changes nothing. RFC 7529's rules damaged (a calendar of no name, a SKIP of no kind,
a billion occurrences written out forward, a SKIP rule repeating every second) are bounded
and told; VTIMEZONEs of odd offsets (seconds, beyond a day) and zones written as no
abbreviation harm no other entry; a feed cut inside an event, without its END:VCALENDAR,
with starts that are no dates, a TZID nobody knows, components begun inside one another, a
description of ten megabytes: each refused or read as far as it can be, quickly.
"""

import time
from datetime import UTC

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import SERIES_SECONDS, register_feed, sync_feed
from turnout.importers.calendar_fetching import FeedUnavailable

from .calendar_builders import shown as shown_rows
from .test_calendars_eleventh import FIXTURES, FOLDER, fixture, read, titled, warnings_of
from .test_calendars_fifth_damaged import _EDITS, _edited, _refolded, assert_read_or_refused

pytestmark = pytest.mark.django_db

FEEDS = sorted(path.name for path in FIXTURES.glob("*.ics"))


def _damaged(name: str, damage) -> bytes:
    """The feed `name` damaged by `damage` (which edits CRLF lines), in its own line endings:
    Org mode, calcurse and Horde write LF."""
    data = fixture(name)
    if b"\r\n" in data:
        return damage(data)
    return damage(data.replace(b"\n", b"\r\n")).replace(b"\r\n", b"\n")


FASTMAIL = "fastmail-rscale-skip-en.ics"
VIGIL_RULE = b"RRULE:RSCALE=GREGORIAN;FREQ=MONTHLY;COUNT=6;SKIP=BACKWARD"
VIGIL = "Month's-end vigil at Parliament Square"


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(FEEDS),
    _EDITS,
    st.lists(st.integers(1, 90), min_size=1, max_size=4),
    st.booleans(),
)
def test_no_damage_to_an_eleventh_round_feed_crashes_or_hangs_the_importer(
    name, edits, widths, as_utf16
):
    data = _damaged(name, lambda data: _edited(_refolded(data, widths), edits))
    if as_utf16:  # Windows' "Unicode" export, with its byte order mark
        data = data.decode("utf-8", errors="replace").encode("utf-16")
    began = time.monotonic()
    assert_read_or_refused(lambda: read(name, data))
    assert time.monotonic() - began < SERIES_SECONDS + 30


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FEEDS), _EDITS, st.integers(0, 100_000))
def test_a_sync_of_a_damaged_or_cut_feed_writes_what_it_reads_or_changes_nothing(name, edits, cut):
    damaged = _damaged(name, lambda data: _edited(data, edits))
    damaged = damaged[: cut % (len(damaged) + 1)] if cut % 3 == 0 else damaged
    FOLDER.assert_sync_writes_what_it_reads_or_nothing(name, damaged)


@pytest.mark.parametrize("name", FEEDS)
def test_a_feed_cut_anywhere_is_refused_as_cut_off_or_read_whole(name):
    FOLDER.assert_cut_anywhere_refused_or_read_whole(name)


def test_an_org_export_folded_again_with_lf_reads_as_exported():
    data = fixture("orgmode-abbreviated-zone-en.ics")
    crlf = data.replace(b"\n", b"\r\n")
    refolded = _refolded(crlf, [17, 40]).replace(b"\r\n", b"\n")
    assert shown_rows(read("o", refolded)) == shown_rows(read("o", data))


# --- RFC 7529 rules damaged -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "told", "most"),
    [(b"RSCALE=;FREQ=MONTHLY;COUNT=6;SKIP=BACKWARD", "", 6),  # no name: the Gregorian
     (b"RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=SIDEWAYS", "cannot be read", 0),
     (b"RSCALE=GREGORIAN;FREQ=MONTHLY;COUNT=1000000000;SKIP=FORWARD", "", 13),
     (b"RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=FORWARD;UNTIL=99991231T235959Z", "", 13),
     (b"RSCALE=GREGORIAN;FREQ=SECONDLY;SKIP=FORWARD", "more than once a day", 0),
     (b"RSCALE=CHINESE;FREQ=SECONDLY;COUNT=1000000000", "more than once a day", 0),
     (b"RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=FORWARD;INTERVAL=0", "no interval", 0),
     (b"RSCALE=GREGORIAN;FREQ=MONTHLY;SKIP=FORWARD;UNTIL=x", "cannot be read", 0),
     (b"RSCALE=" + b"X" * 100_000 + b";FREQ=MONTHLY", "only its first date", 1),
     # 30 February, moved forward: 1 March each year, no impossible rule to tell.
     (b"RSCALE=GREGORIAN;FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;SKIP=FORWARD", "", 2),
     (b"SKIP=BACKWARD;FREQ=MONTHLY;COUNT=3", "", 3),  # SKIP without RSCALE: as meant
     # A leap month of the Hebrew or Chinese calendar in a Gregorian rule: no month at all.
     (b"RSCALE=GREGORIAN;FREQ=YEARLY;BYMONTH=5L;BYMONTHDAY=31;SKIP=BACKWARD", "cannot be read",
      0)],
    ids=["no calendar", "skip sideways", "a billion forward", "until 9999", "secondly",
         "chinese secondly", "interval 0", "until of no date", "a calendar of 100 kB",
         "30 february", "skip alone", "leap month"],
)  # fmt: skip
def test_a_damaged_rfc_7529_rule_stays_bounded_fast_and_told(rule, told, most):
    data = fixture(FASTMAIL).replace(VIGIL_RULE, b"RRULE:" + rule)
    began = time.monotonic()
    reading = read("r", data)
    assert time.monotonic() - began < 20
    vigils = titled(reading, VIGIL)
    assert len(vigils) == most
    about = [w for w in warnings_of(reading) if VIGIL in w]
    assert all(told in w for w in about) and bool(about) == bool(told)
    assert all(len(w) < 400 for w in about)
    # The feed's other series are read as ever.
    assert len(titled(reading, "Leafleting at Piccadilly Gardens")) == 6


def test_a_sync_of_a_feed_whose_rule_is_of_another_calendar_keeps_its_first_date():
    data = fixture(FASTMAIL).replace(VIGIL_RULE, b"RRULE:RSCALE=ETHIOPIC;FREQ=MONTHLY;COUNT=6")
    (vigil,) = titled(read("r", data), VIGIL)
    FOLDER.assert_sync_writes_what_it_reads_or_nothing(FASTMAIL, data)
    # Its later dates are not read, so none imported before is called off.
    assert LocalEvent.objects.filter(title=VIGIL).count() == 6
    assert not LocalEvent.objects.filter(status=LocalEvent.Status.CANCELLED).exists()


# --- Zones and their offsets ------------------------------------------------------------------

YANDEX = "yandex-tzurl-history-ru.ics"
PICKET = "Пикет за паузу в разработке сверхмощного ИИ"


@pytest.mark.parametrize(
    "offset",
    [b"+0230177", b"+99", b"+2400", b"-250000", b"", b"MSK", b"+03:00", b"+0300" * 2000],
)
def test_a_vtimezone_offset_of_no_clock_harms_no_entry_of_a_known_zone(offset):
    data = fixture(YANDEX).replace(b"TZOFFSETTO:+023017", b"TZOFFSETTO:" + offset)
    try:
        reading = read("y", data)
    except FeedUnavailable as error:  # the zone cannot be read: refused in words
        assert "zone" in str(error).lower() or str(error)
        return
    picket = titled(reading, PICKET)
    # Europe/Moscow is named: its VTIMEZONE's history says nothing of 2030.
    assert [e.record.starts_at.astimezone(UTC).hour for e in picket] in ([10], [])


ORG = "orgmode-abbreviated-zone-en.ics"
RALLY = "Rally at Union Square: pause frontier AI"


@pytest.mark.parametrize(
    ("zone", "utc_hour"),
    [(b"EST", 16), (b"EDT", 16), (b"CEST", 16), (b"", 16), (b"America/New_York", 16),
     (b"EST5EDT", 16), (b"est", 16), (b"X" * 100_000, 16),
     # A fixed offset named as such is what its author chose: read so, and said.
     (b"Etc/GMT+5", 17)],
)  # fmt: skip
def test_whatever_zone_org_mode_writes_a_rally_in_new_york_is_at_new_yorks_noon(zone, utc_hour):
    data = fixture(ORG).replace(b"X-WR-TIMEZONE:EST", b"X-WR-TIMEZONE:" + zone)
    (rally,) = titled(read("o", data), RALLY)
    assert rally.record.starts_at.astimezone(UTC).hour == utc_hour


# --- What the brief names: each refused or capped, in words, and fast ---------------------------

PRETIX = "pretix-subevents-de.ics"
BERLIN = "Aktionstag KI-Pause – Berlin"


def _timed(data: bytes) -> float:
    began = time.monotonic()
    try:
        read("d", data)
    except FeedUnavailable:
        pass
    return time.monotonic() - began


def test_a_feed_cut_inside_an_event_is_refused_and_a_sync_changes_nothing():
    data = fixture(PRETIX)
    cut = data[: data.index(b"LOCATION:Jungfernstieg")]
    with pytest.raises(FeedUnavailable, match="stops before its end"):
        read("p", cut)
    FOLDER.assert_sync_writes_what_it_reads_or_nothing(PRETIX, cut)


def test_a_feed_without_its_end_vcalendar_is_refused_as_cut_off():
    data = fixture(PRETIX).replace(b"END:VCALENDAR\r\n", b"")
    with pytest.raises(FeedUnavailable, match="stops before its end"):
        read("p", data)


@pytest.mark.parametrize(
    "start",
    [b"DTSTART;TZID=Europe/Berlin:20301316T140000", b"DTSTART;TZID=Europe/Berlin:",
     b"DTSTART;TZID=Europe/Berlin:morgen 14 Uhr", b"DTSTART;VALUE=DATE:2030-03-16",
     b"DTSTART;TZID=Europe/Berlin:20300316T140000" + b"0" * 10_000],
)  # fmt: skip
def test_a_start_that_is_no_date_costs_its_own_entry_only(start):
    data = fixture(PRETIX).replace(b"DTSTART;TZID=Europe/Berlin:20300316T140000", start, 1)
    reading = read("p", data)
    titles = {e.title for e in reading.entries}
    assert (
        "Aktionstag KI-Pause – Hamburg" in titles and "Aktionswerkstatt: Kampagnen planen" in titles
    )
    if BERLIN not in titles:
        assert any("Berlin" in w for w in warnings_of(reading))


def test_a_tzid_nobody_knows_is_read_in_the_zone_of_its_place():
    data = fixture(PRETIX).replace(
        b"DTSTART;TZID=Europe/Berlin:20300316T140000",
        b"DTSTART;TZID=Mitteleurop\xc3\xa4ische Zeit (Sommer?):20300316T140000",
    )
    (berlin,) = titled(read("p", data), BERLIN)
    assert berlin.record.timezone == "Europe/Berlin"
    assert berlin.record.starts_at.astimezone(UTC).hour == 13


def test_components_begun_inside_an_event_and_never_ended_cost_at_most_that_event():
    opened = b"BEGIN:VEVENT\r\nUID:inner\r\nBEGIN:VALARM\r\n" + b"BEGIN:X-PRETIX\r\n" * 3000
    hamburg = "SUMMARY:Aktionstag KI-Pause – Hamburg\r\n".encode()
    data = fixture(PRETIX).replace(hamburg, hamburg + opened)
    assert _timed(data) < 20
    reading = read("p", data)
    assert {BERLIN, "Aktionswerkstatt: Kampagnen planen"} <= {e.title for e in reading.entries}


def test_a_description_of_ten_megabytes_is_read_in_seconds_or_refused_in_words():
    huge = b"DESCRIPTION:" + b"Tickets und Infos. " * (10 * 1024 * 1024 // 19)
    data = fixture(PRETIX).replace(
        b"DESCRIPTION:Tickets: https://pretix.eu/pauseai/aktionstag/2032/", huge, 1
    )
    assert len(data) > 10 * 1024 * 1024
    assert _timed(data) < 30
    try:
        reading = read("p", data)
    except FeedUnavailable as error:
        assert str(error)
        return
    (hamburg,) = titled(reading, "Aktionstag KI-Pause – Hamburg")
    assert len(hamburg.description) <= 50_002 and hamburg.description.endswith(" …")
    assert any("Hamburg" in w and "only its beginning" in w for w in warnings_of(reading))
    assert BERLIN in {e.title for e in reading.entries}


def test_a_sync_of_a_feed_with_a_ten_megabyte_description_writes_what_it_reads_or_nothing():
    huge = b"DESCRIPTION:" + b"x" * (10 * 1024 * 1024)
    data = fixture(PRETIX).replace(
        b"DESCRIPTION:Tickets: https://pretix.eu/pauseai/werkstatt/", huge
    )
    FOLDER.assert_sync_writes_what_it_reads_or_nothing(PRETIX, data)


@pytest.mark.parametrize(
    "rule", [b"FREQ=SECONDLY;COUNT=1000000000", b"FREQ=DAILY;COUNT=1000000000",
             b"FREQ=MINUTELY", b"FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11"],
)  # fmt: skip
def test_a_rule_of_a_billion_occurrences_is_capped_or_refused_and_fast(rule):
    data = fixture(YANDEX).replace(
        b"RRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=4;INTERVAL=1", b"RRULE:" + rule
    )
    began = time.monotonic()
    reading = read("y", data)
    assert time.monotonic() - began < 20
    leaflets = titled(reading, "Раздача листовок у метро «Китай-город»")
    assert len(leaflets) <= 400
    assert titled(reading, PICKET)


def test_a_sync_refused_for_a_cut_feed_then_whole_again_brings_the_events_back():
    data = fixture(YANDEX)
    feed = register_feed(url="https://calendar.yandex.ru/export/ics.xml?uid=1", campaign=None)
    sync_feed(feed=feed, now=FOLDER.now, fetch=lambda _url: data[: len(data) // 2])
    feed.refresh_from_db()
    assert feed.last_error and not LocalEvent.objects.exists()
    sync_feed(feed=feed, now=FOLDER.now, fetch=lambda _url: data)
    feed.refresh_from_db()
    assert not feed.last_error and LocalEvent.objects.filter(title=PICKET).exists()
