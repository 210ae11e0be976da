"""A calendar with a damaged event is read for all its other events: the parser refuses a whole
document for one part of one event it cannot read, so such a document is read again event by
event (`importers/calendar_parsing.py`), the damaged event named in a warning and, on a feed,
kept as imported rather than cancelled. A damaged zone, calendar line or a document cut off
still refuse the whole feed: nothing changes rather than something wrong."""

import time as clock
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import read_calendar, register_feed, sync_feed
from turnout.importers.calendar_fetching import FeedUnavailable

from .calendar_builders import calendar, vevent

NOW = datetime(2030, 3, 1, 12, tzinfo=UTC)
TITLES = ("Fietsdemo", "Klimaatwake", "Buurtoverleg", "Mahnwache")


def event(n: int, *, start: str | None = None, title: str | None = None) -> str:
    return vevent(
        f"e{n}@example.org",
        f"SUMMARY:{title or TITLES[n]}",
        f"DTSTART;TZID=Europe/Amsterdam:{start or f'2030040{n + 1}T140000'}",
        f"DTEND;TZID=Europe/Amsterdam:2030040{n + 1}T160000",
    )


def _with_a_reminder_cut_short(entry: str) -> str:
    """The entry with a reminder whose time is cut short ("-PT15" for "-PT15M"): a value the
    parser refuses the whole document for, where it tolerates a damaged start."""
    alarm = "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15\r\nEND:VALARM\r\n"
    return entry.replace("END:VEVENT", alarm + "END:VEVENT")


def _with_a_line_begun_and_never_ended(entry: str) -> str:
    """The entry with a damaged line that opens a component nothing closes."""
    return entry.replace("END:VEVENT", "BEGIN:€ENCODING=BASE64\r\nEND:VEVENT")


def titles(ics: bytes) -> list[str]:
    return sorted(entry.title for entry in read_calendar(ics, source="f.ics").entries)


def warnings(ics: bytes) -> list[str]:
    return [notice.message for notice in read_calendar(ics, source="f.ics").warnings]


def test_a_start_the_parser_cannot_read_leaves_out_that_event_only():
    ics = calendar(event(0), event(1, start="20300402T14000"), event(2), event(3))
    assert titles(ics) == ["Buurtoverleg", "Fietsdemo", "Mahnwache"]
    (warning,) = warnings(ics)
    assert "“Klimaatwake”" in warning and "skipped" in warning


def test_a_damaged_reminder_leaves_its_event_whole():
    ics = calendar(event(0), _with_a_reminder_cut_short(event(1)), event(2))
    assert titles(ics) == ["Buurtoverleg", "Fietsdemo", "Klimaatwake"]
    assert warnings(ics) == []


def test_an_event_whose_end_was_lost_is_read_whole():
    ics = calendar(event(0), event(1).replace("\r\nEND:VEVENT", ""), event(2))
    assert titles(ics) == ["Buurtoverleg", "Fietsdemo", "Klimaatwake"]


def test_an_event_the_parser_cannot_read_is_left_out_and_named():
    ics = calendar(event(0), _with_a_line_begun_and_never_ended(event(1)), event(2))
    assert titles(ics) == ["Buurtoverleg", "Fietsdemo"]
    assert warnings(ics) == ["event “Klimaatwake” skipped: a line of it cannot be read"]


def test_an_event_without_a_title_is_named_as_such():
    damaged = event(1).replace("SUMMARY:Klimaatwake\r\n", "").replace("UID:e1@example.org\r\n", "")
    ics = calendar(_with_a_line_begun_and_never_ended(damaged), event(0))
    assert warnings(ics) == ["an event without a title skipped: a line of it cannot be read"]


def test_an_event_left_open_does_not_take_the_events_after_it():
    ics = calendar(event(0), _with_a_line_begun_and_never_ended(event(1)).replace(
        "\r\nEND:VEVENT", ""), event(2), event(3))  # fmt: skip
    assert titles(ics) == ["Buurtoverleg", "Fietsdemo", "Mahnwache"]


@pytest.mark.parametrize(
    "damaged",
    [
        # A zone that cannot be read: its events would be read on another clock.
        calendar(
            "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\nBEGIN:STANDARD\r\n"
            "DTSTART:19701025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+01\r\n"
            "END:STANDARD\r\nEND:VTIMEZONE",
            event(0),
            _with_a_reminder_cut_short(event(1)),
        ),
        # The calendar's own lines: an error page before it, or a line that cannot be read.
        calendar(event(0), _with_a_reminder_cut_short(event(1)), head="<html><body>"),
        # Cut off: every event after the cut would look gone from the feed.
        calendar(event(0), _with_a_reminder_cut_short(event(1)), event(2))[:-30],
        # Two calendars in one file, the second cut off, or an END where none belongs: the
        # same (two whole calendars glued together are read as one, see calendar_concatenated).
        calendar(event(0), _with_a_reminder_cut_short(event(1)))
        + b"\r\n"
        + calendar(event(2))[:-30],
        calendar(event(0), "END:VCALENDAR", _with_a_reminder_cut_short(event(1)), event(2)),
    ],
    ids=["zone", "calendar line", "cut off", "two calendars", "an early end"],
)
def test_what_is_not_one_events_damage_still_refuses_the_whole_document(damaged):
    with pytest.raises(FeedUnavailable, match="not an iCalendar feed"):
        read_calendar(damaged, source="f.ics")


@pytest.mark.django_db
def test_on_a_feed_the_damaged_event_is_kept_as_imported_not_cancelled():
    feed = register_feed(url="https://example.org/agenda.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(event(0), event(1), event(2)))
    damaged = calendar(
        event(0),
        _with_a_line_begun_and_never_ended(event(1, title="Klimaatwake verzet")),
        event(2, title="Buurtfeest"),
    )
    result = sync_feed(feed=feed, now=NOW, fetch=lambda url: damaged)
    assert sorted(LocalEvent.objects.values_list("title", "status")) == [
        ("Buurtfeest", LocalEvent.Status.APPROVED),
        ("Fietsdemo", LocalEvent.Status.APPROVED),
        ("Klimaatwake", LocalEvent.Status.APPROVED),
    ]
    assert "events cancelled" not in result.counts
    assert [w.message for w in result.warnings] == [
        "event “Klimaatwake verzet” skipped: a line of it cannot be read"
    ]


_DAMAGE = st.lists(
    st.sampled_from([*'0123456789TZ:;=,-\\"/ ÿé€', "\x00", "VALUE=DATE", "TZID=", "T1400"]),
    max_size=12,
).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 3), st.integers(0, 4), _DAMAGE, st.booleans())
def test_damage_to_one_line_of_one_event_never_loses_the_others(which, line, damage, replace):
    """Any one line of one event (its UID, title, start or end; not its BEGIN or END) damaged
    or with something appended: every other event is still read, within a second."""
    lines = event(which).split("\r\n")[1:-1]  # between BEGIN:VEVENT and END:VEVENT
    index = line % len(lines)
    lines[index] = damage if replace else lines[index] + damage
    damaged = "\r\n".join(["BEGIN:VEVENT", *lines, "END:VEVENT"])
    events = [damaged if n == which else event(n) for n in range(4)]
    started = clock.process_time()
    read = titles(calendar(*events))
    assert clock.process_time() - started < 1
    others = [TITLES[n] for n in range(4) if n != which]
    assert set(others) <= set(read)
