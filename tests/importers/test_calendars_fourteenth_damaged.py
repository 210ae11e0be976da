"""Fourteenth round, damaged: every fourteenth-round feed cut short anywhere, with lines dropped,
repeated, swapped or given other values, or folded again anywhere (also inside a Thai,
Chinese, Japanese, Arabic or Turkish letter), is read or refused in words, never crashes; a
sync of it writes all of what it reads or, refused, changes nothing. Lines ended by CR alone,
every line of a feed given twice (also the first part of a folded one), parameters quoted with
commas, colons and semicolons in them, and a DESCRIPTION of megabytes are read as the feed
says; two glued calendars cut between them are read or refused, never half of the second.
"""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.importers.calendar_fetching import FeedUnavailable

from .calendar_builders import shown
from .test_calendars_fifth_damaged import _EDITS, _edited, _refolded, assert_read_or_refused
from .test_calendars_fourteenth import FIXTURES, FOLDER, fixture, read, warnings_of

pytestmark = pytest.mark.django_db

FEEDS = sorted(path.name for path in FIXTURES.glob("*.ics"))


def _as_read(reading) -> tuple:
    return (
        shown(reading),
        sorted((e.description, e.meeting_url, e.url) for e in reading.entries),
        [str(w) for w in reading.warnings],
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FEEDS), _EDITS, st.lists(st.integers(1, 90), min_size=1, max_size=4))
def test_no_damage_to_a_fourteenth_round_feed_crashes_the_importer(name, edits, widths):
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
@given(st.sampled_from(FEEDS), st.lists(st.integers(1, 80), min_size=1, max_size=5))
def test_lines_folded_anywhere_even_inside_a_letter_read_as_exported(name, widths):
    assert _as_read(read(name, _refolded(fixture(name), widths))) == _as_read(read(name))


# --- Line endings and lines given twice ---------------------------------------------------------


@pytest.mark.parametrize("name", FEEDS)
def test_lines_ended_by_cr_alone_read_as_exported(name):
    data = fixture(name)
    assert _as_read(read(name, data.replace(b"\r\n", b"\r"))) == _as_read(read(name))


@pytest.mark.parametrize("name", FEEDS)
def test_every_line_given_twice_reads_as_the_feed(name):
    # A broken export that writes each line twice: also the first part of a folded line,
    # whose next parts then go on from the second (a DESCRIPTION cut short, then whole).
    lines = fixture(name).split(b"\r\n")
    inside = [False]

    def twice(line: bytes) -> list[bytes]:
        if line.startswith(b"BEGIN:VEVENT"):
            inside[0] = True
        elif line.startswith(b"END:VEVENT"):
            inside[0] = False
        elif inside[0] and not line.startswith((b" ", b"BEGIN:", b"END:")):
            return [line, line]
        return [line]

    data = b"\r\n".join(copy for line in lines for copy in twice(line))
    assert data != fixture(name)
    assert _as_read(read(name, data)) == _as_read(read(name))


# --- Parameters quoted with commas, colons and semicolons -----------------------------------------

ACTION = "action-network-add-to-calendar-tr.ics"
_QUOTED = [
    (b"LOCATION:", b'LOCATION;ALTREP="https://maps.example.org/?q=40.99,29.02&z=17":'),
    (b"SUMMARY:", b'SUMMARY;LANGUAGE=tr;X-NOTE="a:b;c,d":'),
    (b"URL:", 'URL;X-LABEL="Kayıt, bilgi: burada":'.encode()),
    (b"DTSTART:20300322T110000Z", b'DTSTART;TZID="Europe/Istanbul":20300322T140000'),
    (b"DTEND:20300322T133000Z", b'DTEND;TZID="Europe/Istanbul":20300322T163000'),
    (b"ORGANIZER;CN=", b'ORGANIZER;SENT-BY="mailto:a@x.tr";DIR="ldap://x.tr/cn=a,o=b";CN='),
]


@pytest.mark.parametrize("number", range(len(_QUOTED) + 1))
def test_parameters_quoted_with_commas_colons_and_semicolons_read_as_without(number):
    data = fixture(ACTION)
    for plain, quoted in _QUOTED[:number] if number < len(_QUOTED) else _QUOTED:
        data = data.replace(plain, quoted, 1)
    assert number == 0 or data != fixture(ACTION)
    assert _as_read(read(ACTION, data)) == _as_read(read(ACTION))


# --- A huge DESCRIPTION ---------------------------------------------------------------------------

TIMETREE = "timetree-shared-ja.ics"


def test_a_description_of_megabytes_is_read_to_its_beginning_in_time_and_told():
    huge = ("プラカードを持って集まりましょう。" * 150_000).encode()  # about 7.6 MB
    data = fixture(TIMETREE).replace(
        "DESCRIPTION:プラカードを持って集まりましょう。\\n雨天決行。".encode(),
        b"DESCRIPTION:" + huge,
    )
    assert len(data) > 7_000_000
    began = time.monotonic()
    reading = read(TIMETREE, data)
    assert time.monotonic() - began < 30
    assert shown(reading) == shown(read(TIMETREE))
    standing = [e for e in reading.entries if e.description][0]
    assert 40_000 < len(standing.description) <= 50_002 and standing.description.endswith("…")
    (told,) = warnings_of(reading)
    assert "only its beginning was kept" in told


# --- Glued calendars cut between them ------------------------------------------------------------

GLUED = "concatenated-webcal-tr-ar.ics"


@pytest.mark.parametrize(
    "cut_after",
    [b"END:VCALENDAR\r\n", b"END:VCALENDAR\r\nBEGIN:VCALENDAR\r\n",
     b"X-WR-TIMEZONE:Asia/Dubai\r\n", b"UID:5hd4k8w1q3ae@google.com\r\n"],
)  # fmt: skip
def test_glued_calendars_cut_between_them_read_the_first_or_are_refused(cut_after):
    data = fixture(GLUED)
    data = data[: data.index(cut_after, data.index(b"Europe/Istanbul")) + len(cut_after)]
    whole = {(e.title, e.record.starts_at) for e in read(GLUED).entries}
    try:
        reading = read(GLUED, data)
    except FeedUnavailable as error:
        assert "cut off" in str(error) or str(error)
        return
    read_now = {(e.title, e.record.starts_at) for e in reading.entries}
    assert read_now <= whole
    assert {e.record.timezone for e in reading.entries} <= {"Europe/Istanbul"}
