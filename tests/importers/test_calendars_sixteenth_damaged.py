"""Sixteenth round, damaged: a Persian place whose Arabic commas were escaped like ASCII ones
(and a Chinese one's full-width comma), a Humanitix event whose start was cut short, a calendar
nested in another whose inner END was lost, a page showing the feed in <pre> with links drawn
around its addresses (and a page with no feed in it), a VTIMEZONE without rules and no
X-WR-TIMEZONE either, categories that call off or merely mention calling off, an Outlook whole
day with no end; and every sixteenth-round feed cut, refolded, edited or given with mixed line
endings is read or refused in words, and a sync of it writes what it reads or nothing.
"""

import random
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.importers.calendar_fetching import FeedUnavailable

from .calendar_builders import shown
from .test_calendars_fifth_damaged import _EDITS, _edited, _refolded, assert_read_or_refused
from .test_calendars_sixteenth import FIXTURES, FOLDER, fixture, only, read, warnings_of

pytestmark = pytest.mark.django_db

FEEDS = sorted(path.name for path in FIXTURES.glob("*.ics"))
# Written with CRLF, as nearly every program writes them (the others: LF, or a web page).
CRLF_FEEDS = [name for name in FEEDS if b"\r\n" in fixture(name)]


def _as_read(reading) -> tuple:
    return (
        shown(reading),
        sorted((e.description, e.meeting_url, e.url, e.is_cancelled) for e in reading.entries),
        [str(w) for w in reading.warnings],
    )


# --- Wide commas escaped --------------------------------------------------------------------------

PERSIAN = "persian-rtl-calname-fa.ics"


def test_an_arabic_comma_escaped_like_an_ascii_one_leaves_no_backslash_in_the_place():
    data = fixture(PERSIAN).replace("پارک لاله،".encode(), "پارک لاله\\،".encode())
    assert data != fixture(PERSIAN)
    venue = only(read(PERSIAN, data), "گردهمایی در پارک لاله").record.venue
    assert "\\" not in venue and venue.startswith("پارک لاله")
    assert _as_read(read(PERSIAN, data)) == _as_read(read(PERSIAN))


def test_a_full_width_comma_escaped_in_a_chinese_place_reads_as_the_comma():
    name = "html-pre-feed-zh.ics"
    data = fixture(name).replace("台中市民廣場\\,".encode(), "台中市民廣場\\，".encode())
    assert data != fixture(name)
    venue = only(read(name, data), "台中講座：<AI 風險>").record.venue
    assert "\\" not in venue and venue.startswith("台中市民廣場")


# --- A start cut short ----------------------------------------------------------------------------

HUMANITIX = "humanitix-organizer-en-au.ics"


def test_a_humanitix_start_cut_short_costs_that_event_only_and_says_so():
    data = fixture(HUMANITIX).replace(
        b"DTSTART;TZID=Australia/Sydney:20300413T180000", b"DTSTART;TZID=Australia/Sydney:2030041"
    )
    reading = read(HUMANITIX, data)
    assert sorted(entry.title for entry in reading.entries) == [
        "Rally for AI Safety at Hyde Park",
        "Stall at Parramatta Farmers Market",
    ]
    (warning,) = warnings_of(reading)
    assert "Letter-writing night in Newtown" in warning


# --- A nested calendar damaged --------------------------------------------------------------------

NESTED = "nested-vcalendar-twice-ar.ics"


def test_a_nested_calendar_whose_inner_end_was_lost_is_read_or_refused_in_words():
    data = fixture(NESTED).replace(b"END:VCALENDAR\r\nEND:VCALENDAR", b"END:VCALENDAR")
    assert data.count(b"END:VCALENDAR") == 1
    try:
        reading = read(NESTED, data)
    except FeedUnavailable as error:
        assert "cut off" in str(error) or "iCalendar" in str(error)
        return
    assert {entry.title for entry in reading.entries} <= {e.title for e in read(NESTED).entries}


def test_a_nested_calendar_given_as_two_glued_ones_reads_alike():
    head, _, rest = fixture(NESTED).partition(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google")
    glued = head + b"END:VCALENDAR\r\nBEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Google" + rest
    glued = glued.removesuffix(b"END:VCALENDAR\r\n")
    assert glued.count(b"BEGIN:VCALENDAR") == glued.count(b"END:VCALENDAR") == 2
    assert shown(read(NESTED, glued)) == shown(read(NESTED))


# --- Web pages ------------------------------------------------------------------------------------

HTML_PRE = "html-pre-feed-zh.ics"


def test_a_page_that_drew_links_around_the_feeds_addresses_still_gives_the_feed():
    data = fixture(HTML_PRE).replace(
        "請帶標語".encode(), '<a href="https://example.tw/">請帶標語</a>'.encode()
    )
    assert _as_read(read(HTML_PRE, data)) == _as_read(read(HTML_PRE))


def test_a_page_with_other_text_in_pre_is_still_refused_as_a_web_page():
    data = b"<!DOCTYPE html><html><body><pre>Sign in to see this calendar.</pre></body></html>"
    with pytest.raises(FeedUnavailable, match="web page"):
        read(HTML_PRE, data)


# --- A VTIMEZONE without rules --------------------------------------------------------------------

NO_RULES = "vtimezone-without-rules-pt-br.ics"


def test_a_vtimezone_without_rules_and_no_calendar_zone_reads_where_the_places_are():
    data = fixture(NO_RULES).replace(b"X-WR-TIMEZONE:America/Sao_Paulo\r\n", b"")
    assert data != fixture(NO_RULES)
    reading = read(NO_RULES, data)
    assert [row[:4] for row in shown(reading)] == [row[:4] for row in shown(read(NO_RULES))]


def test_a_vtimezone_with_a_rule_still_counts_beside_one_without():
    data = fixture(NO_RULES).replace(
        b"BEGIN:VTIMEZONE\r\nTZID:Hor\xc3\xa1rio de Bras\xc3\xadlia\r\nEND:VTIMEZONE",
        b"BEGIN:VTIMEZONE\r\nTZID:Hor\xc3\xa1rio de Bras\xc3\xadlia\r\nBEGIN:STANDARD\r\n"
        b"DTSTART:19700101T000000\r\nTZOFFSETFROM:-0300\r\nTZOFFSETTO:-0300\r\n"
        b"END:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VTIMEZONE\r\nTZID:Empty\r\nEND:VTIMEZONE",
    )
    reading = read(NO_RULES, data)
    paulista = only(reading, "Ato na Avenida Paulista").record
    assert paulista.starts_at.astimezone(UTC) == datetime(2030, 3, 16, 13, tzinfo=UTC)


# --- Categories -----------------------------------------------------------------------------------

TIMELY = "timely-public-feed-fr-ca.ics"
SOIREE = "Soirée d'information à Montréal"


@pytest.mark.parametrize(
    ("categories", "is_cancelled"),
    [
        (b"CATEGORIES:Conf\xc3\xa9rence,ANNUL\xc3\x89", True),  # among others, in capitals
        (b"CATEGORIES:Cancelled", True),
        (b"CATEGORIES:Conf\xc3\xa9rence\r\nCATEGORIES:abgesagt", True),  # given twice
        (b"CATEGORIES:Conf\xc3\xa9rence", False),
        (b"CATEGORIES:Actions annul\xc3\xa9es ou report\xc3\xa9es l'an dernier et reprises", False),
        (b"CATEGORIES:", False),
    ],
)
def test_a_category_calls_off_only_when_it_says_no_more_than_that(categories, is_cancelled):
    data = fixture(TIMELY).replace(b"CATEGORIES:Annul\xc3\xa9", categories)
    assert data != fixture(TIMELY)
    assert only(read(TIMELY, data), SOIREE).is_cancelled is is_cancelled


# --- Outlook whole day without an end -------------------------------------------------------------

OUTLOOK = "outlook-cdo-allday-busy-es.ics"


def test_an_outlook_whole_day_without_its_end_is_still_that_day():
    data = fixture(OUTLOOK).replace(b'DTEND;TZID="Romance Standard Time":20300324T000000\r\n', b"")
    assert data != fixture(OUTLOOK)
    jornada = only(read(OUTLOOK, data), "Jornada de acción por una IA segura")
    assert jornada.record.day == read(OUTLOOK).entries[0].record.day
    assert jornada.record.starts_at.astimezone(UTC) == datetime(2030, 3, 22, 23, tzinfo=UTC)


# --- Every sixteenth-round feed damaged anywhere --------------------------------------------------


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FEEDS), _EDITS, st.lists(st.integers(1, 90), min_size=1, max_size=4))
def test_no_damage_to_a_sixteenth_round_feed_crashes_the_importer(name, edits, widths):
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
@given(st.sampled_from(CRLF_FEEDS), st.lists(st.integers(1, 80), min_size=1, max_size=5))
def test_lines_folded_anywhere_even_inside_a_letter_read_as_exported(name, widths):
    assert _as_read(read(name, _refolded(fixture(name), widths))) == _as_read(read(name))


@pytest.mark.parametrize("name", CRLF_FEEDS)
@pytest.mark.parametrize("seed", [1, 2])
def test_lines_ended_by_crlf_lf_and_cr_by_turns_read_as_exported(name, seed):
    chooser = random.Random(seed)
    lines = fixture(name).split(b"\r\n")
    data = b"".join(line + chooser.choice([b"\r\n", b"\n", b"\r"]) for line in lines if line)
    assert _as_read(read(name, data)) == _as_read(read(name))
