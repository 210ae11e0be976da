"""Fifth-round feeds damaged on the way: a Nextcloud download cut off inside an event, a Google
export without its END:VCALENDAR, an association's export giving one UID several times with
different revisions (SEQUENCE); and properties over every fifth-round feed: no change to its
text crashes the importer, and folding its lines anywhere, inside a letter too, changes
nothing that is read.
"""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import read_calendar, register_feed, sync_feed
from turnout.importers.calendar_fetching import FeedUnavailable

from .calendar_builders import shown

FIXTURES = Path(__file__).parent / "fixtures" / "calendars5"
NOW = datetime(2030, 3, 1, 12, tzinfo=UTC)
FEEDS = sorted(path.name for path in FIXTURES.glob("*.ics"))
WHOLE = [name for name in FEEDS if name not in ("nextcloud-truncated-nl.ics",
                                                "google-missing-end-es.ics")]  # fmt: skip


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def sync(url: str, data: bytes):
    feed = register_feed(url=url, campaign=None)
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: data)
    feed.refresh_from_db()
    return feed, summary


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["nextcloud-truncated-nl.ics", "google-missing-end-es.ics"])
def test_a_feed_that_stops_before_its_end_changes_nothing_and_says_why(name):
    """What came after the cut is unknown: the events it held would look gone and be called
    off. The events already imported stay as they are, and the feed's error says why."""
    whole = fixture(name).rstrip(b"\r\n")
    whole = whole[: whole.rfind(b"BEGIN:VEVENT")] if b"END:VEVENT" not in whole[-40:] else whole
    whole += b"\r\nEND:VCALENDAR\r\n"
    url = f"https://example.org/{name}"
    sync(url, whole)
    before = sorted(LocalEvent.objects.values_list("title", "status", "starts_at"))
    assert before and all(status == LocalEvent.Status.APPROVED for _t, status, _s in before)
    feed, summary = sync(url, fixture(name))
    assert "stops before its end (END:VCALENDAR)" in feed.last_error
    assert [str(w) for w in summary.warnings] == [f"{url}: {feed.last_error}"]
    assert sorted(LocalEvent.objects.values_list("title", "status", "starts_at")) == before
    with pytest.raises(FeedUnavailable, match="as a download broken off does"):
        read_calendar(fixture(name), source=name, now=NOW)


@pytest.mark.django_db
def test_an_entry_given_three_times_is_its_latest_revision_wherever_it_stands():
    reading = read_calendar(fixture("duplicated-uids-sequence-de.ics"), source="d", now=NOW)
    (panel,) = [e for e in reading.entries if e.title.startswith("Podiumsdiskussion")]
    assert (panel.title, panel.sequence, panel.record.venue) == (
        "Podiumsdiskussion",
        3,
        "Volkshochschule, Löhrstraße 3-7",
    )
    # A series given twice: the later revision (Tuesdays) counts, the Wednesdays not at all.
    rows = [row[:3] for row in shown(reading) if row[0].startswith("Stammtisch")]
    assert rows == [
        ("Stammtisch (neu: dienstags)", datetime(2030, 3, d, 19, 30), datetime(2030, 3, d, 21, 30))
        for d in (5, 12, 19)
    ]
    assert not reading.warnings


@pytest.mark.django_db
def test_a_sync_of_duplicated_entries_updates_the_event_once_to_the_latest_revision():
    url = "https://verein.example.de/termine.ics"
    first = fixture("duplicated-uids-sequence-de.ics")
    # Before the association changed it: only the first revision of the panel.
    older = first[: first.index(b"BEGIN:VEVENT", first.index(b"SEQUENCE:1"))] + b"END:VCALENDAR\r\n"
    sync(url, older)
    assert LocalEvent.objects.get().title == "Podiumsdiskussion (alter Raum)"
    _feed, summary = sync(url, first)
    panel = LocalEvent.objects.get(title__startswith="Podiumsdiskussion")
    assert panel.title == "Podiumsdiskussion" and panel.venue == "Volkshochschule, Löhrstraße 3-7"
    assert "events cancelled" not in summary.counts
    assert not [w for w in summary.warnings if "older revision" in w.message]


@pytest.mark.parametrize("value", ["", "nächste Woche", "2030-04-08 19:00", "20300408T190000,"])
def test_an_exclusion_that_cannot_be_read_skips_its_series_with_a_warning(value):
    """Left out rather than imported with an occurrence the organizer removed."""
    data = fixture("outlook-removed-after-move-de.ics").replace(
        b"EXDATE;TZID=W. Europe Standard Time:20300408T190000,20300415T190000",
        b"EXDATE;TZID=W. Europe Standard Time:" + value.encode(),
    )
    reading = read_calendar(data, source="outlook", now=NOW)
    assert reading.entries == []
    (warning,) = [str(w) for w in reading.warnings]
    assert warning.startswith("outlook: event 1 (“Offenes Treffen”) skipped: its EXDATE")


# --- properties over every fifth-round feed ------------------------------------------------

_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["drop", "repeat", "cut", "insert", "swap", "value"]),
        st.integers(min_value=0, max_value=10_000),
        st.one_of(
            st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
            st.text(alphabet="0123456789TZ-+:;=,/PWDHMSFREQYLCOUNT", max_size=30),
        ),
    ),
    max_size=4,
)


_TIMED = re.compile(rb"(DTSTART|DTEND|DURATION|RRULE|RDATE|EXDATE|RECURRENCE-ID)[;:]")


def _edited(data: bytes, edits) -> bytes:
    lines = data.split(b"\r\n")
    for kind, at, text in edits:
        at %= max(len(lines), 1)
        if kind == "drop":
            del lines[at]
        elif kind == "repeat":
            lines.insert(at, lines[at])
        elif kind == "swap":
            lines[at], lines[-1 - at] = lines[-1 - at], lines[at]
        elif kind == "insert":
            lines.insert(at, text.encode())
        elif kind == "value":  # a date's or rule's value replaced, name and parameters kept
            timed = [n for n, line in enumerate(lines) if _TIMED.match(line)] or [at]
            at = timed[at % len(timed)]
            lines[at] = lines[at].partition(b":")[0] + b":" + text.encode()
        else:
            joined = b"\r\n".join(lines)
            return joined[: at % max(len(joined), 1)]
        if not lines:
            break
    return b"\r\n".join(lines)


def assert_read_or_refused(read) -> None:
    """A damaged feed is refused with a reason, or read into entries that end after they
    start (within a century) and warnings that say something."""
    try:
        reading = read()
    except FeedUnavailable as error:
        assert str(error)
        return
    for entry in reading.entries:
        assert entry.record.starts_at < entry.record.ends_at
        assert entry.record.ends_at - entry.record.starts_at < timedelta(days=36500)
    assert all(str(w) for w in reading.warnings)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None)
@given(st.sampled_from(FEEDS), _EDITS)
def test_no_change_to_a_feeds_text_crashes_the_importer(name, edits):
    assert_read_or_refused(
        lambda: read_calendar(_edited(fixture(name), edits), source=name, now=NOW)
    )


def _refolded(data: bytes, widths: list[int]) -> bytes:
    """Every line of `data` folded again at these byte widths, letters cut or not."""
    unfolded = data.replace(b"\r\n ", b"").split(b"\r\n")
    folded = []
    for number, line in enumerate(unfolded):
        width = widths[number % len(widths)]
        pieces = [line[:width]] + [line[at : at + width] for at in range(width, len(line), width)]
        folded.append(b"\r\n ".join(pieces))
    return b"\r\n".join(folded)


@pytest.mark.django_db
@settings(max_examples=30, deadline=None)
@given(st.sampled_from(WHOLE), st.lists(st.integers(min_value=1, max_value=80), min_size=1))
def test_folding_lines_anywhere_changes_nothing_that_is_read(name, widths):
    as_exported = read_calendar(fixture(name), source=name, now=NOW)
    refolded = read_calendar(_refolded(fixture(name), widths), source=name, now=NOW)
    assert shown(refolded) == shown(as_exported)
    assert [e.description for e in refolded.entries] == [e.description for e in as_exported.entries]
    assert [str(w) for w in refolded.warnings] == [str(w) for w in as_exported.warnings]
