"""Eighth round, damaged: every eighth-round feed with its lines dropped, repeated, swapped or
given other values, folded again anywhere, its line endings or character set changed, or cut
short, is read or refused in words and never crashes; a sync of a damaged feed writes all of
what it reads or, refused, changes nothing. Damage to the shapes this round brought (a PERIOD
cut in half, an UNTIL of no date, coordinates of words, an attachment cut short, a stray
RFC 6868 caret, a UTF-16 file cut inside a character) is told in words.
"""

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.importers.calendar_feeds import SERIES_SECONDS
from turnout.importers.calendar_fetching import FeedUnavailable

from .test_calendars_eighth import FIXTURES, FOLDER, fixture, only, read, shown, warnings_of
from .test_calendars_fifth_damaged import _EDITS, _edited, _refolded, assert_read_or_refused

pytestmark = pytest.mark.django_db

FEEDS = sorted(path.name for path in FIXTURES.iterdir())
# As exported with CRLF in UTF-8: the others are told apart by their bytes.
PLAIN = [n for n in FEEDS if not n.startswith(("kerio", "discord", "civicrm", "yahoo"))]


def as_crlf_utf8(name: str) -> bytes:
    """The feed's text as UTF-8 with CRLF line endings, whatever its own bytes."""
    data = fixture(name)
    if data.startswith(b"\xff\xfe"):
        data = data.decode("utf-16").encode()
    elif name.startswith("civicrm"):
        data = data.decode("cp1252").encode()
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").replace(b"\n", b"\r\n")


def _written_as(data: bytes, ending: str, encoding: str) -> bytes:
    text = data.decode().replace("\r\n", {"crlf": "\r\n", "lf": "\n", "cr": "\r"}[ending])
    if encoding == "utf-16":
        return b"\xff\xfe" + text.encode("utf-16-le", errors="surrogatepass")
    return text.encode("utf-8", errors="surrogatepass")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(FEEDS),
    _EDITS,
    st.lists(st.integers(1, 90), min_size=1, max_size=4),
    st.sampled_from(["crlf", "lf", "cr"]),
    st.sampled_from(["utf-8", "utf-16"]),
)
def test_no_damage_to_an_eighth_round_feed_crashes_or_hangs_the_importer(
    name, edits, widths, ending, encoding
):
    damaged = _edited(_refolded(as_crlf_utf8(name), widths), edits)
    try:
        damaged.decode()
    except UnicodeDecodeError:
        encoding = "bytes"  # a fold or a cut inside a letter: kept as bytes
    data = damaged if encoding == "bytes" else _written_as(damaged, ending, encoding)
    began = time.monotonic()
    assert_read_or_refused(lambda: read(name, data))
    assert time.monotonic() - began < SERIES_SECONDS + 30


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FEEDS), _EDITS)
def test_a_sync_of_a_damaged_feed_writes_what_it_reads_or_changes_nothing(name, edits):
    FOLDER.assert_sync_writes_what_it_reads_or_nothing(name, _edited(as_crlf_utf8(name), edits))


@pytest.mark.parametrize("name", PLAIN)
def test_an_eighth_round_feed_cut_in_its_last_event_is_refused_in_words(name):
    data = fixture(name)
    for at in range(data.rindex(b"BEGIN:VEVENT"), data.rindex(b"END:VCALENDAR"), 89):
        with pytest.raises(FeedUnavailable, match="as a download broken off does"):
            read(name, data[:at])


def test_a_utf16_file_cut_inside_a_character_is_refused_in_words():
    data = fixture("discord-bot-utf16-ko.ics")
    with pytest.raises(FeedUnavailable):
        read("d", data[: len(data) // 2 + 1])


VIGIL = "Mahnwache vor dem Bundestag"


@pytest.mark.parametrize(
    "period", ["20300413T110000/", "20300413T110000/20300413T100000", "/PT4H", "20300413T110000"]
)
def test_a_broken_or_backwards_period_costs_that_series_alone_in_words(period):
    data = fixture("tuta-last-sunday-rdate-de.ics").replace(
        b"20300413T110000/20300413T150000", period.encode()
    )
    reading = read("t", data)
    assert len([e for e in reading.entries if e.title != VIGIL]) == 3  # Leipzig is read
    vigils = [row for row in shown(reading) if row[0] == VIGIL]
    if vigils:  # read as a start alone, or with the series' own length
        assert all(row[1] < row[2] for row in vigils)
        assert {row[1].hour for row in vigils} <= {11, 14}
    else:
        assert any(VIGIL in warning for warning in warnings_of(reading))


@pytest.mark.parametrize("until", ["2030-03-26", "20301326T190000", "NEVER", ""])
def test_an_until_of_no_date_costs_its_series_in_words_not_the_feed(until):
    data = fixture("sogo-montreal-until-local-fr.ics").replace(
        b"UNTIL=20300326T190000", f"UNTIL={until}".encode()
    )
    reading = read("s", data)
    assert only(reading, "Rassemblement devant l'Assemblée nationale")
    assembly = [e for e in reading.entries if e.title == "Assemblée hebdomadaire"]
    assert assembly or any("Assemblée hebdomadaire" in w for w in warnings_of(reading))


@pytest.mark.parametrize("geo", ["45.464211,abc", "45,464211;9,191383", "91.5,9.19", ","])
def test_coordinates_that_are_no_point_leave_the_place_to_its_words(geo):
    data = fixture("gancio-geo-comma-it.ics").replace(
        b"GEO:45.464211,9.191383", f"GEO:{geo}".encode()
    )
    presidio = only(read("g", data), "Presidio per una pausa nello sviluppo dell'IA")
    assert (presidio.record.city, presidio.record.venue) == ("Milan", "Piazza del Duomo")


def test_an_attachment_cut_short_is_no_reason_to_leave_the_call_out():
    data = fixture("calendly-base64-attach-en.ics").replace(b"\r\n ", b"")  # unfolded
    start = data.index(b"X-FILENAME=volunteer-guide.pdf:") + 40
    cut = data[:start] + b"JVBERi0xLjQK=\r\n" + data[data.index(b"END:VEVENT") :]
    (call,) = read("c", cut).entries
    assert call.meeting_url == "https://meet.google.com/abc-defg-hij"


def test_a_caret_that_escapes_nothing_stays_as_written():
    data = fixture("baikal-rfc6868-el.ics").replace(b"\r\n ", b"")  # unfolded
    data = data.replace(
        "X-TITLE=\"Καφέ ^'Η Στοά^'\"".encode(), 'X-TITLE="Καφέ ^Η Στοά"'.encode()
    ).replace("LOCATION:Αριστοτέλους 1\\, Θεσσαλονίκη\r\n".encode(), b"")
    talk = only(read("b", data), "Ανοιχτή συζήτηση στη Θεσσαλονίκη")
    assert talk.record.venue == "Καφέ ^Η Στοά"


def test_a_quoted_printable_text_whose_soft_break_ends_the_file_is_refused_or_read():
    data = fixture("yahoo-vcal10-qp-tr-el.vcs")
    at = data.index(b"Eylem saat")
    assert_read_or_refused(lambda: read("y", data[:at]))


def test_windows_1252_lines_among_utf8_ones_are_each_read_as_written():
    utf8 = as_crlf_utf8("civicrm-windows-1252-es.ics")
    mixed = utf8.replace(
        "SUMMARY:Concentración – Pausa en la IA ya".encode(),
        "SUMMARY:Concentración – Pausa en la IA ya".encode("cp1252"),
    )
    assert shown(read("m", mixed)) == shown(read("c", fixture("civicrm-windows-1252-es.ics")))
