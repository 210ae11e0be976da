"""Seventh round, zones written the way few programs write them: Lotus Notes / HCL Domino's
"$"-field TZIDs when the file gives no VTIMEZONE for them, and the same Nextcloud exclusion
written in UTC, an IANA zone, a Windows zone or as a day."""

from datetime import UTC, datetime

import pytest

from .calendar_builders import calendar, vevent
from .test_calendars_seventh import fixture, read, shown

pytestmark = pytest.mark.django_db


def _without_zones(data: bytes) -> bytes:
    while b"BEGIN:VTIMEZONE" in data:
        begin = data.index(b"BEGIN:VTIMEZONE")
        data = data[:begin] + data[data.index(b"END:VTIMEZONE\r\n", begin) + 15 :]
    return data


def test_domino_zones_read_by_their_dollar_fields_alone_when_no_vtimezone_is_given():
    data = _without_zones(fixture("lotus-domino-dollar-zones-de.ics"))
    assert b"VTIMEZONE" not in data and b"$ZN=W. Europe" in data
    reading = read("lotus-domino-dollar-zones-de.ics", data)
    assert shown(reading) == shown(read("lotus-domino-dollar-zones-de.ics"))
    assert not reading.warnings


@pytest.mark.parametrize(
    ("tzid", "zone", "utc_hour"),
    [
        ("Z=5$DO=1$DL=3 2 1 11 1 1$ZX=43$ZN=Eastern", "America/New_York", 14),
        ("Z=-9$DO=0$ZX=67$ZN=Tokyo", "Asia/Tokyo", 1),
        ("Z=0$DO=1$DL=3 -1 1 10 -1 1$ZX=53$ZN=GMT", "Europe/London", 9),
        ("Z=-10$DO=1$DL=10 1 1 4 1 1$ZX=72$ZN=AUS Eastern", "Australia/Sydney", 0),
        ("Z=-2$DO=1$DL=3 -1 1 10 -1 1$ZX=26$ZN=GTB", "Europe/Bucharest", 7),
        # A name Windows does not know, no summer time: the offset alone is its clock.
        ("Z=-4$DO=0$ZX=99$ZN=Gulf", "Etc/GMT-4", 6),
    ],
)
def test_a_notes_zone_is_the_windows_zone_it_names_with_the_offset_it_gives(tzid, zone, utc_hour):
    data = calendar(
        vevent("notes-1", "SUMMARY:Online-Treffen", f'DTSTART;TZID="{tzid}":20300415T100000',
               f'DTEND;TZID="{tzid}":20300415T110000',
               location="https://meet.jit.si/pauseai-treffen"),
    )  # fmt: skip
    (entry,) = read("notes", data).entries
    assert entry.record.timezone == zone
    assert entry.record.starts_at.astimezone(UTC).hour == utc_hour


@pytest.mark.parametrize(
    "tzid", ["Z=-1$DO=1$ZN=Eastern", "Z=abc$ZN=W. Europe", "Z=-99$DO=0$ZN=W. Europe", "$$$", "Z="]
)
def test_a_notes_zone_whose_fields_disagree_or_cannot_be_read_is_not_guessed(tzid):
    """Eastern is not one hour east of UTC: the zone is not taken from a name its offset
    contradicts; the entry is read as a time without a zone is, and the user told."""
    data = calendar(
        vevent("notes-2", "SUMMARY:Online-Treffen", f'DTSTART;TZID="{tzid}":20300415T100000',
               f'DTEND;TZID="{tzid}":20300415T110000',
               location="https://meet.jit.si/pauseai-treffen"),
    )  # fmt: skip
    reading = read("notes", data)
    assert [e.record.timezone for e in reading.entries] == ["UTC"]
    assert [str(w) for w in reading.warnings] == [
        "notes: event 1 (“Online-Treffen”): its time names no time zone; it was read as UTC time"
    ]


@pytest.mark.parametrize(
    "exclusion",
    [b"EXDATE:20300416T173000Z", b"EXDATE;TZID=Europe/Amsterdam:20300416T193000",
     b'EXDATE;TZID="W. Europe Standard Time":20300416T193000',
     b"EXDATE;VALUE=DATE:20300416"],
    ids=["utc", "iana", "windows name", "a day only"],
)  # fmt: skip
def test_an_exclusion_is_the_same_tuesday_whichever_way_it_is_written(exclusion):
    data = fixture("nextcloud-moved-exdate-nl.ics")
    # libical's "globally unique" TZID, as Evolution and old Thunderbirds write it.
    libical = (
        b"EXDATE;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Amsterdam:203004\r\n 16T193000"
    )
    assert libical in data
    rows = shown(read("n", data.replace(libical, exclusion)))
    assert rows == shown(read("nextcloud-moved-exdate-nl.ics"))
    assert datetime(2030, 4, 16, 19, 30) not in [row[1] for row in rows]


def test_a_zone_whose_rules_all_ended_in_2006_is_the_zone_that_kept_them_on_its_clock_now():
    """The exporter's zone table stops with the US rules of before 2007 (summer time from the
    first Sunday of April): read as written, every 2030 time would be winter time. The zone
    that kept those offsets then is New York, read on New York's clock of 2030."""
    reading = read("intranet-ended-zone-rules-en.ics")
    assert shown(reading) == [
        ("Volunteer call", datetime(2030, 3, 20, 19), datetime(2030, 3, 20, 20),
         "America/New_York", ""),
        ("Rally in Union Square", datetime(2030, 7, 20, 12), datetime(2030, 7, 20, 14),
         "America/New_York", "New York City"),
        ("End of year gathering", datetime(2030, 12, 15, 18), datetime(2030, 12, 15, 21),
         "America/New_York", "New York City"),
    ]  # fmt: skip
    # Summer time from the second Sunday of March (10 March 2030), as New York keeps it now.
    assert [e.record.starts_at.astimezone(UTC).hour for e in reading.entries] == [23, 16, 23]
    assert not reading.warnings


def test_a_zone_whose_rules_go_on_is_still_read_by_them_and_not_by_their_past():
    """The twin: the same VTIMEZONE with rules that go on (no UNTIL) is read by its own rules
    where no zone keeps them in 2030, as a custom zone is."""
    data = fixture("intranet-ended-zone-rules-en.ics")
    for until in (b";UNTIL=20061029T060000Z", b";UNTIL=20060402T070000Z"):
        assert until in data
        data = data.replace(until, b"")
    call = [e for e in read("i", data).entries if e.title == "Volunteer call"]
    # 20 March is before the first Sunday of April: winter time (-05) by these rules.
    assert [e.record.starts_at.astimezone(UTC).hour for e in call] == [0]
