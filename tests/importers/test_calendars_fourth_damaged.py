"""The fourth round's calendars damaged as downloads and hand edits damage them: lines dropped,
cut short or given twice, bytes flipped. The reader refuses such a file (`FeedUnavailable`) or
reads what it can; it never fails otherwise, and never gives an event ending before it starts."""

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.importers.calendar_feeds import read_calendar
from turnout.importers.calendar_fetching import FeedUnavailable

FIXTURES = Path(__file__).parent / "fixtures" / "calendars4"
NAMES = sorted(path.name for path in FIXTURES.iterdir() if path.suffix in (".ics", ".vcs"))
NOW = datetime(2030, 3, 1, 12, tzinfo=UTC)


def _damaged(data: bytes, damage: str, where: int, byte: int) -> bytes:
    lines = data.split(b"\n")
    at = where % len(lines)
    if damage == "drop":
        del lines[at]
    elif damage == "cut":
        lines[at] = lines[at][: len(lines[at]) // 2]
    elif damage == "twice":
        lines.insert(at, lines[at])
    else:  # a byte flipped anywhere in the file
        flipped = bytearray(b"\n".join(lines))
        flipped[where % len(flipped)] ^= byte or 0x20
        return bytes(flipped)
    return b"\n".join(lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(NAMES),
    st.lists(
        st.tuples(
            st.sampled_from(["drop", "cut", "twice", "flip"]),
            st.integers(0, 100_000),
            st.integers(0, 255),
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_damaged_calendars_never_crash_nor_end_an_event_before_it_starts(name, damages):
    data = (FIXTURES / name).read_bytes()
    for damage, where, byte in damages:
        data = _damaged(data, damage, where, byte)
    try:
        reading = read_calendar(data, source=name, now=NOW)
    except FeedUnavailable:
        return  # refused whole, in words: nothing changes
    for entry in reading.entries:
        record = entry.record
        assert record.starts_at is not None and record.ends_at is not None
        assert record.ends_at.astimezone(UTC) > record.starts_at.astimezone(UTC), entry.title
        assert record.starts_at.tzinfo is not None
        assert entry.title == entry.title.strip()


def test_every_fixture_is_read_whole_before_it_is_damaged():
    """The property above starts from files the reader reads without a warning but the
    floating times it names (what damage then takes away is the damage's doing)."""
    for name in NAMES:
        reading = read_calendar((FIXTURES / name).read_bytes(), source=name, now=NOW)
        assert reading.entries, name
        assert all("no time zone" in w.message for w in reading.warnings), name
