"""An export older than what was imported (a feed served from a stale cache, a file sent round
by email and imported late) does not undo a later change: entries carry their revision
(SEQUENCE), and one lower than the imported revision is kept as imported, with a warning."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import read_calendar, register_feed, sync_feed
from turnout.importers.models import ImportedEvent

from .calendar_builders import calendar, vevent

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 3, 1, 12, tzinfo=UTC)
FEED = "https://example.org/agenda.ics"


def export(sequence: int | None, hour: int, *, title: str = "Klimaatwake") -> bytes:
    lines = [f"SUMMARY:{title}", f"DTSTART;TZID=Europe/Amsterdam:20300406T{hour:02d}0000",
             f"DTEND;TZID=Europe/Amsterdam:20300406T{hour + 2:02d}0000"]  # fmt: skip
    if sequence is not None:
        lines.append(f"SEQUENCE:{sequence}")
    return calendar(vevent("wake-2030@example.org", *lines))


def sync(ics: bytes):
    feed = register_feed(url=FEED, campaign=None)
    return sync_feed(feed=feed, now=NOW, fetch=lambda url: ics)


def local_hour() -> int:
    event = LocalEvent.objects.get()
    return event.starts_at.astimezone(ZoneInfo("Europe/Amsterdam")).hour


def test_an_older_revision_does_not_undo_a_later_change():
    sync(export(2, 14))
    older = sync(export(1, 12, title="Klimaatwake (oud)"))
    assert local_hour() == 14
    assert LocalEvent.objects.get().title == "Klimaatwake"
    assert LocalEvent.objects.get().status != LocalEvent.Status.CANCELLED  # not "gone" either
    (warning,) = [w.message for w in older.warnings]
    assert "older revision" in warning and "SEQUENCE 1, 2 imported" in warning
    assert ImportedEvent.objects.get().sequence == 2


def test_a_later_revision_and_one_that_never_counts_update_as_before():
    sync(export(1, 12))
    assert local_hour() == 12
    later = sync(export(3, 15))
    assert local_hour() == 15 and not later.warnings
    assert ImportedEvent.objects.get().sequence == 3
    # Programs that never raise SEQUENCE (the same number, or none after one) still update.
    same = sync(export(3, 16))
    assert local_hour() == 16 and not same.warnings


def test_a_program_that_writes_no_sequence_is_always_followed():
    for hour in (12, 17, 13):
        result = sync(export(None, hour))
        assert local_hour() == hour and not result.warnings


@pytest.mark.parametrize(
    ("written", "read"), [("7", 7), (" 12 ", 12), ("-3", 0), ("x", 0), ("99999999999", 2**31 - 1)]
)
def test_a_revision_is_read_as_a_number_or_as_none(written, read):
    ics = calendar(
        vevent(
            "r@example.org",
            "SUMMARY:Wake",
            "DTSTART;TZID=Europe/Amsterdam:20300406T120000",
            f"SEQUENCE:{written}",
        )
    )
    (entry,) = read_calendar(ics, source="r.ics").entries
    assert entry.sequence == read
