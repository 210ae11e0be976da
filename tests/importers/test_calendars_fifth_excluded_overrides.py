"""An occurrence both excluded (EXDATE) and overridden (RECURRENCE-ID) in one series: what a
program leaves behind when someone removes an occurrence after moving it, or moves one that
was removed.

RFC 5545 lets an override name only an occurrence of the series, and an excluded one is none;
Apple's calendar server settles the contradiction for the override (it drops the EXDATE), so
iCloud and macOS show the moved occurrence. The revision numbers tell which change came last:
a master of a later SEQUENCE than the override was saved after it, so the removal counts; an
override of the same or a later one is shown, as Apple shows it. An override that cancels the
occurrence agrees with the EXDATE: nothing is imported.
"""

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import read_calendar, register_feed, sync_feed

from .calendar_builders import calendar, vevent
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 3, 1, 12, tzinfo=UTC)
UID = "wekelijkse-wake@nextcloud.example.org"
AMS = "Europe/Amsterdam"
TITLE = "Wekelijkse wake"
MOVED = "Wake (verplaatst naar vrijdag)"


def master(*extra: str, sequence: int = 0) -> str:
    """Every Thursday 19:00-20:00 in Utrecht, four times from 7 March 2030."""
    return vevent(UID, f"SUMMARY:{TITLE}", "DTSTART;TZID=Europe/Amsterdam:20300307T190000",
                  "DTEND;TZID=Europe/Amsterdam:20300307T200000", "RRULE:FREQ=WEEKLY;COUNT=4",
                  f"SEQUENCE:{sequence}", *extra)  # fmt: skip


def moved_to_friday(*extra: str, sequence: int = 0) -> str:
    """The occurrence of 14 March, moved to Friday 15 March 18:00-19:30."""
    return vevent(UID, f"SUMMARY:{MOVED}", "RECURRENCE-ID;TZID=Europe/Amsterdam:20300314T190000",
                  "DTSTART;TZID=Europe/Amsterdam:20300315T180000",
                  "DTEND;TZID=Europe/Amsterdam:20300315T193000", f"SEQUENCE:{sequence}",
                  *extra)  # fmt: skip


EXCLUDE_14_MARCH = "EXDATE;TZID=Europe/Amsterdam:20300314T190000"


def read(*events: str):
    return read_calendar(calendar(*events), source="feed", now=NOW)


def starts(reading) -> list[tuple[str, datetime]]:
    return [(title, start) for title, start, *_rest in shown_rows(reading)]


THURSDAYS_BUT_14 = [
    (TITLE, datetime(2030, 3, 7, 19)),
    (TITLE, datetime(2030, 3, 21, 19)),
    (TITLE, datetime(2030, 3, 28, 19)),
]


def test_an_occurrence_removed_after_it_was_moved_is_gone():
    """Master revised last (SEQUENCE 3 over 2): the person removed the moved occurrence, and
    the program kept its old override."""
    reading = read(master(EXCLUDE_14_MARCH, sequence=3), moved_to_friday(sequence=2))
    assert starts(reading) == THURSDAYS_BUT_14
    assert not reading.warnings


def test_an_occurrence_moved_after_it_was_removed_takes_place_where_it_was_moved():
    reading = read(master(EXCLUDE_14_MARCH, sequence=1), moved_to_friday(sequence=2))
    assert starts(reading) == [
        (TITLE, datetime(2030, 3, 7, 19)),
        (MOVED, datetime(2030, 3, 15, 18)),
        (TITLE, datetime(2030, 3, 21, 19)),
        (TITLE, datetime(2030, 3, 28, 19)),
    ]
    (friday,) = [e for e in reading.entries if e.title == MOVED]
    # Known by the occurrence it replaces, so a later sync updates the same event.
    assert friday.recurrence_id == "20300314T180000Z"
    assert friday.record.ends_at == datetime(2030, 3, 15, 19, 30, tzinfo=ZoneInfo(AMS))


def test_with_no_revision_to_tell_them_apart_the_override_is_shown_as_apple_shows_it():
    reading = read(master(EXCLUDE_14_MARCH), moved_to_friday())
    assert (MOVED, datetime(2030, 3, 15, 18)) in starts(reading)
    assert len(reading.entries) == 4


def test_the_exclusion_matches_the_override_by_its_moment_whatever_zone_each_names():
    """Outlook writes the EXDATE in UTC, the override in the series' zone: the same moment."""
    reading = read(master("EXDATE:20300314T180000Z", sequence=5), moved_to_friday(sequence=4))
    assert starts(reading) == THURSDAYS_BUT_14
    newer = read(master("EXDATE:20300314T180000Z", sequence=4), moved_to_friday(sequence=5))
    assert (MOVED, datetime(2030, 3, 15, 18)) in starts(newer)


def test_the_exclusion_matches_the_override_in_a_zone_named_the_way_outlook_shows_it():
    """Outlook's display name for a zone, and no VTIMEZONE to say what it means: the EXDATE is
    in the zone the name means, as the series and the override are."""
    zone = '"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"'
    series = [f"DTSTART;TZID={zone}:20300307T190000", f"DTEND;TZID={zone}:20300307T200000"]
    moved = [f"RECURRENCE-ID;TZID={zone}:20300314T190000", f"DTSTART;TZID={zone}:20300315T180000",
             f"DTEND;TZID={zone}:20300315T193000"]  # fmt: skip
    reading = read(
        vevent(UID, f"SUMMARY:{TITLE}", *series, "RRULE:FREQ=WEEKLY;COUNT=4", "SEQUENCE:1",
               f"EXDATE;TZID={zone}:20300314T190000,20300328T190000"),
        vevent(UID, f"SUMMARY:{MOVED}", *moved, "SEQUENCE:2"),
    )  # fmt: skip
    assert starts(reading) == [
        (TITLE, datetime(2030, 3, 7, 19)),
        (MOVED, datetime(2030, 3, 15, 18)),
        (TITLE, datetime(2030, 3, 21, 19)),
    ]
    assert {entry.record.timezone for entry in reading.entries} == {AMS}


def test_an_exclusion_of_the_whole_day_is_one_of_the_occurrence_that_day():
    """EXDATE;VALUE=DATE in a series with times, as some exporters write it: the day goes."""
    excluded_day = "EXDATE;VALUE=DATE:20300314"
    reading = read(master(excluded_day, sequence=3), moved_to_friday(sequence=2))
    assert starts(reading) == THURSDAYS_BUT_14
    newer = read(master(excluded_day, sequence=2), moved_to_friday(sequence=3))
    assert (MOVED, datetime(2030, 3, 15, 18)) in starts(newer) and len(newer.entries) == 4


def test_the_first_occurrence_excluded_and_overridden_follows_the_same_rule():
    exclude_first = "EXDATE;TZID=Europe/Amsterdam:20300307T190000"
    first_moved = vevent(UID, "SUMMARY:Wake op zaterdag",
                         "RECURRENCE-ID;TZID=Europe/Amsterdam:20300307T190000",
                         "DTSTART;TZID=Europe/Amsterdam:20300309T110000",
                         "DTEND;TZID=Europe/Amsterdam:20300309T120000", "SEQUENCE:2")  # fmt: skip
    kept = read(master(exclude_first, sequence=1), first_moved)
    assert starts(kept)[0] == ("Wake op zaterdag", datetime(2030, 3, 9, 11))
    assert len(kept.entries) == 4
    removed = read(master(exclude_first, sequence=3), first_moved)
    assert starts(removed) == [(TITLE, datetime(2030, 3, d, 19)) for d in (14, 21, 28)]


def test_an_exclusion_of_another_occurrence_leaves_the_override_alone():
    reading = read(
        master("EXDATE;TZID=Europe/Amsterdam:20300321T190000", sequence=9),
        moved_to_friday(sequence=1),
    )
    assert starts(reading) == [
        (TITLE, datetime(2030, 3, 7, 19)),
        (MOVED, datetime(2030, 3, 15, 18)),
        (TITLE, datetime(2030, 3, 28, 19)),
    ]


def test_an_override_that_cancels_an_excluded_occurrence_imports_nothing_for_it():
    reading = read(master(EXCLUDE_14_MARCH), moved_to_friday("STATUS:CANCELLED", sequence=1))
    assert starts(reading) == THURSDAYS_BUT_14
    assert not any(entry.is_cancelled for entry in reading.entries)


def test_outlook_series_with_one_occurrence_removed_after_its_move_and_one_moved_after():
    """Exchange's export names the zone the Windows way and lists both exclusions on one line:
    8 April was moved to the Tuesday (revision 3) and removed since (the series is revision
    4); 15 April was removed, then put back in the Stadtgarten an hour earlier (revision 5)."""
    data = Path(__file__).parent / "fixtures" / "calendars5" / "outlook-removed-after-move-de.ics"
    reading = read_calendar(data.read_bytes(), source="outlook", now=NOW)
    meeting = "Offenes Treffen"
    assert shown_rows(reading) == [
        (meeting, datetime(2030, 3, 18, 19), datetime(2030, 3, 18, 20, 30), "Europe/Berlin",
         "Cologne", "Bürgerzentrum Ehrenfeld, Venloer Straße 429"),
        (meeting, datetime(2030, 3, 25, 19), datetime(2030, 3, 25, 20, 30), "Europe/Berlin",
         "Cologne", "Bürgerzentrum Ehrenfeld, Venloer Straße 429"),
        (meeting, datetime(2030, 4, 1, 19), datetime(2030, 4, 1, 20, 30), "Europe/Berlin",
         "Cologne", "Bürgerzentrum Ehrenfeld, Venloer Straße 429"),
        ("Offenes Treffen (im Stadtgarten)", datetime(2030, 4, 15, 18), datetime(2030, 4, 15, 20),
         "Europe/Berlin", "Cologne", "Stadtgarten, Venloer Straße 40"),
        # UNTIL 17:00 UTC is 19:00 in Cologne: the last Monday is still in.
        (meeting, datetime(2030, 4, 22, 19), datetime(2030, 4, 22, 20, 30), "Europe/Berlin",
         "Cologne", "Bürgerzentrum Ehrenfeld, Venloer Straße 429"),
    ]  # fmt: skip
    assert not reading.warnings


def sync(ics: bytes):
    feed = register_feed(url="https://cloud.example.org/remote.php/dav/wake.ics", campaign=None)
    return sync_feed(feed=feed, now=NOW, fetch=lambda url: ics)


def test_a_moved_occurrence_removed_since_is_cancelled_on_the_next_sync():
    sync(calendar(master(sequence=1), moved_to_friday(sequence=1)))
    friday = LocalEvent.objects.get(title=MOVED)
    summary = sync(calendar(master(EXCLUDE_14_MARCH, sequence=2), moved_to_friday(sequence=1)))
    friday.refresh_from_db()
    assert friday.status == LocalEvent.Status.CANCELLED
    assert summary.counts.get("events cancelled") == 1
    assert LocalEvent.objects.exclude(status=LocalEvent.Status.CANCELLED).count() == 3


def test_a_removed_occurrence_moved_since_is_imported_on_the_next_sync():
    sync(calendar(master(EXCLUDE_14_MARCH, sequence=1)))
    assert LocalEvent.objects.count() == 3
    sync(calendar(master(EXCLUDE_14_MARCH, sequence=1), moved_to_friday(sequence=2)))
    friday = LocalEvent.objects.get(title=MOVED)
    assert friday.starts_at == datetime(2030, 3, 15, 18, tzinfo=ZoneInfo(AMS))
    assert friday.status != LocalEvent.Status.CANCELLED
    assert LocalEvent.objects.count() == 4
