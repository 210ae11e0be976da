"""Seventh round, continued: a series that Apple (or Outlook, or Nextcloud) split in two under a
new UID goes on with the same events, told from the data since the UID says nothing; a PHP
script's export with LF line endings, folded inside letters, among tasks and journals, in five
languages; and damaged versions of every seventh-round feed (lines dropped, repeated or broken
without a fold, folded inside letters, bytes cut) are read or refused in words, never crash or
hang.
"""

import time
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import SERIES_SECONDS, read_calendar, register_feed, sync_feed
from turnout.importers.calendar_fetching import FeedUnavailable
from turnout.importers.models import ImportedEvent

from .calendar_builders import calendar, vevent
from .test_calendars_fifth_damaged import _EDITS, _edited, _refolded, assert_read_or_refused
from .test_calendars_seventh import FIXTURES, NOW, fixture, only, read, shown, warnings_of

pytestmark = pytest.mark.django_db

OLD, NEW = "B5F0A2C4-1D3E-4F56-8A7B-9C0D1E2F3A4B", "E7A3C9B1-5F2D-4A8E-B0C6-D1E2F3A4B5C6"
MEETING = "Bristol group meeting"


def sync(url: str, data: bytes):
    feed = register_feed(url=url, campaign=None)
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: data)
    feed.refresh_from_db()
    return feed, summary


def _without_event(data: bytes, uid: str) -> bytes:
    at = data.index(f"UID:{uid}".encode())
    begin = data.rindex(b"BEGIN:VEVENT", 0, at)
    return data[:begin] + data[data.index(b"END:VEVENT", at) + len(b"END:VEVENT\r\n") :]


def test_an_icloud_series_split_at_a_new_time_goes_on_in_the_new_uids_series():
    reading = read("icloud-split-series-en.ics")
    meetings = [row for row in shown(reading) if row[0] == MEETING]
    assert [row[1] for row in meetings] == [
        *[datetime(2030, 3, day, 18, 30) for day in (5, 12, 19)],
        # From 26 March on, at seven: the new series.
        datetime(2030, 3, 26, 19),
        *[datetime(2030, 4, day, 19) for day in (2, 9, 16, 23, 30)],
    ]
    assert {e.split_from for e in reading.entries if e.uid == NEW} == {OLD}
    # A course that begins again elsewhere, at another hour, is not the old one going on.
    assert {e.split_from for e in reading.entries if e.title == "Leafleting training"} == {""}


def test_a_split_series_goes_on_with_the_same_events_and_cancels_only_what_is_gone():
    url = "https://p52-caldav.icloud.com/published/2/MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3"
    whole = fixture("icloud-split-series-en.ics")
    # Before the split: one series of ten Tuesdays at half past six, 5 March to 7 May.
    before = _without_event(whole, NEW).replace(
        b"RRULE:FREQ=WEEKLY;UNTIL=20300325T235959Z", b"RRULE:FREQ=WEEKLY;COUNT=10"
    )
    sync(url, before)
    tuesdays = LocalEvent.objects.filter(title=MEETING)
    assert tuesdays.count() == 10
    april = tuesdays.get(starts_at=datetime(2030, 4, 9, 17, 30, tzinfo=UTC))
    _feed, summary = sync(url, whole)
    # 26 March to 30 April are the same events at seven; 7 May is no longer held.
    assert summary.counts["events cancelled"] == 1
    assert tuesdays.count() == 10
    april.refresh_from_db()
    assert april.starts_at == datetime(2030, 4, 9, 18, tzinfo=UTC)
    assert april.status == LocalEvent.Status.APPROVED
    assert ImportedEvent.objects.get(event=april).uid == NEW
    cancelled = tuesdays.get(status=LocalEvent.Status.CANCELLED)
    assert cancelled.starts_at == datetime(2030, 5, 7, 17, 30, tzinfo=UTC)


def _pair(old_rule: str, new_start: str, *, title: str = "Open meeting", place: str = "Leeds",
          new_place: str = "Leeds", new_title: str = "") -> bytes:  # fmt: skip
    return calendar(
        vevent("old-series-1", f"SUMMARY:{title}", "DTSTART;TZID=Europe/London:20300305T183000",
               "DTEND;TZID=Europe/London:20300305T200000", f"RRULE:{old_rule}",
               location=place),
        vevent("new-series-2", f"SUMMARY:{new_title or title}",
               f"DTSTART;TZID=Europe/London:{new_start}", "RRULE:FREQ=WEEKLY;COUNT=3",
               location=new_place),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("data", "is_split"),
    [
        # The time changed from the next Tuesday on.
        (_pair("FREQ=WEEKLY;UNTIL=20300318T235959Z", "20300319T190000"), True),
        # The place changed, the clock did not; "this and following" from two weeks on.
        (_pair("FREQ=WEEKLY;INTERVAL=2;UNTIL=20300318T235959Z", "20300402T183000",
               new_place="Hyde Park Book Club\\, Leeds"), True),
        # Outlook's UNTIL is the last occurrence's own start.
        (_pair("FREQ=WEEKLY;UNTIL=20300312T183000Z", "20300319T183000"), True),
        # Another meeting of its own name.
        (_pair("FREQ=WEEKLY;UNTIL=20300318T235959Z", "20300319T183000",
               new_title="Reading group"), False),
        # Elsewhere at another hour: a new series, not this one going on.
        (_pair("FREQ=WEEKLY;UNTIL=20300318T235959Z", "20300319T190000",
               new_place="Sheffield"), False),
        # Weeks after the old one ended: a new season.
        (_pair("FREQ=WEEKLY;UNTIL=20300318T235959Z", "20300423T183000"), False),
        # Outlook's UNTIL, and a series that begins later the same day: both are held.
        (_pair("FREQ=DAILY;UNTIL=20300310T183000Z", "20300310T210000"), False),
        # The old series never ended.
        (_pair("FREQ=WEEKLY;COUNT=20", "20300319T183000"), False),
    ],
    ids=["new time", "new place", "outlook until", "other title", "other place and time",
         "weeks later", "same day", "no until"],
)  # fmt: skip
def test_which_series_goes_on_from_one_that_ended(data, is_split):
    reading = read("pair", data)
    new = [e for e in reading.entries if e.uid == "new-series-2"]
    assert len(new) == 3
    assert {e.split_from for e in new} == {"old-series-1" if is_split else ""}
    assert {e.split_from for e in reading.entries if e.uid == "old-series-1"} == {""}


def test_a_google_split_is_still_known_by_its_uid_alone():
    data = _pair("FREQ=WEEKLY;UNTIL=20300318T235959Z", "20300319T183000", new_place="Sheffield",
                 new_title="Something else")  # fmt: skip
    data = data.replace(b"old-series-1", b"abc@google.com")
    data = data.replace(b"new-series-2", b"abc_R20300319T183000@google.com")
    url = "https://calendar.google.com/calendar/ical/leeds/public/basic.ics"
    before = data.replace(b"UNTIL=20300318T235959Z", b"COUNT=5")
    before = before[: before.index(b"BEGIN:VEVENT", before.index(b"COUNT=5"))] + b"END:VCALENDAR"
    sync(url, before)
    assert LocalEvent.objects.count() == 5
    _feed, summary = sync(url, data)
    assert summary.counts.get("events cancelled", 0) == 0
    assert LocalEvent.objects.count() == 5


# --- line endings, folds inside letters, other components ----------------------------------

FIVE_LANGUAGES = [
    ("Manifestação pela pausa na inteligência artificial em frente à Assembleia da República",
     datetime(2030, 4, 15, 18), "Europe/Lisbon", "Lisbon"),
    ("人工知能の開発一時停止を求める街頭アピール（大阪・梅田）", datetime(2030, 4, 19, 14),
     "Asia/Tokyo", "Osaka"),
    ("Διαμαρτυρία για παύση στην ανάπτυξη προηγμένης τεχνητής νοημοσύνης",
     datetime(2030, 4, 20, 12), "Europe/Athens", "Thessaloniki"),
    ("Żądamy wstrzymania wyścigu sztucznej inteligencji – zgromadzenie w Poznaniu",
     datetime(2030, 4, 21, 17), "Europe/Warsaw", "Poznań"),
    ("وقفة سلمية للمطالبة بإيقاف تطوير الذكاء الاصطناعي المتقدم مؤقتاً",
     datetime(2030, 4, 22, 18), "Asia/Amman", "Amman"),
]  # fmt: skip


def test_a_php_export_with_lf_folds_inside_letters_tasks_and_journals_in_five_languages():
    raw = fixture("php-lf-mixed-components.ics")
    assert b"\r" not in raw
    assert any(_cut_inside_a_letter(line) for line in raw.split(b"\n"))
    reading = read("php-lf-mixed-components.ics")
    assert [(row[0], row[1], row[3], row[4]) for row in shown(reading)] == FIVE_LANGUAGES
    # Neither the to-dos, nor the minutes, nor the reminder is an event.
    others = {"Imprimir cartazes para a manifestação", "Ata da reunião de março",
              "Alugar sistema de som", "Lembrete"}  # fmt: skip
    assert not others & {e.title for e in reading.entries}
    lisbon = only(reading, FIVE_LANGUAGES[0][0])
    assert lisbon.description.startswith("Concentração pacífica com intervenções")
    assert not warnings_of(reading)


@pytest.mark.parametrize(
    "name", ["php-lf-mixed-components.ics", "teams-exchange2019-de.ics", "meetup-tokyo-ja.ics"]
)
def test_crlf_and_lf_line_endings_read_the_same(name):
    data = fixture(name)
    lf = data.replace(b"\r\n", b"\n")
    crlf = lf.replace(b"\n", b"\r\n")
    assert shown(read(name, lf)) == shown(read(name, crlf)) == shown(read(name))
    assert [e.description for e in read(name, lf).entries] == [
        e.description for e in read(name, crlf).entries
    ]


def _cut_inside_a_letter(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def test_a_time_the_clocks_skip_is_imported_once_and_then_left_unchanged():
    """Half past two on the night summer time begins does not exist in Paris: it is read as
    the moment it falls on, so a second import of the same feed finds nothing changed."""
    data = calendar(
        vevent("vigil-1", "SUMMARY:Veillée de nuit", "DTSTART;TZID=Europe/Paris:20300331T023000",
               "DTEND;TZID=Europe/Paris:20300331T060000",
               location="Place de la République\\, Paris\\, France"),
    )  # fmt: skip
    assert shown(read("v", data)) == [
        ("Veillée de nuit", datetime(2030, 3, 31, 3, 30), datetime(2030, 3, 31, 6),
         "Europe/Paris", "Paris"),
    ]  # fmt: skip
    url = "https://nuage.example.fr/remote.php/dav/public-calendars/veillee?export"
    _feed, first = sync(url, data)
    _feed, again = sync(url, data)
    assert dict(first.counts) == {"events created": 1}
    assert dict(again.counts) == {"events unchanged": 1}
    assert LocalEvent.objects.get().starts_at == datetime(2030, 3, 31, 1, 30, tzinfo=UTC)


# --- damaged on the way -----------------------------------------------------------------------

FEEDS = sorted(path.name for path in FIXTURES.glob("*.ics"))
CRLF = [name for name in FEEDS if name != "php-lf-mixed-components.ics"]


def _broken(data: bytes, widths: list[int], unfolded: bool) -> bytes:
    """`data` folded again at these widths, letters cut; the continuation's space left out
    where `unfolded` (a line broken, as a careless script does)."""
    refolded = _refolded(data, widths)
    return refolded.replace(b"\r\n ", b"\r\n") if unfolded else refolded


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FEEDS), _EDITS, st.lists(st.integers(1, 90), min_size=1), st.booleans())
def test_no_damage_to_a_seventh_round_feed_crashes_or_hangs_the_importer(
    name, edits, widths, unfolded
):
    data = fixture(name).replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n")
    damaged = _edited(_broken(data, widths, unfolded), edits)
    began = time.monotonic()
    assert_read_or_refused(lambda: read(name, damaged))
    assert time.monotonic() - began < SERIES_SECONDS + 30


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(CRLF), st.lists(st.integers(min_value=1, max_value=80), min_size=1))
def test_folding_a_seventh_round_feed_anywhere_changes_nothing_that_is_read(name, widths):
    as_exported = read(name)
    refolded = read(name, _refolded(fixture(name), widths))
    assert shown(refolded) == shown(as_exported)
    assert [e.description for e in refolded.entries] == [e.description for e in as_exported.entries]
    assert [str(w) for w in refolded.warnings] == [str(w) for w in as_exported.warnings]


@pytest.mark.parametrize("name", FEEDS)
def test_a_feed_cut_anywhere_in_its_last_event_is_refused_in_words(name):
    data = fixture(name)
    end = data.rindex(b"END:VCALENDAR")
    for at in range(data.rindex(b"BEGIN:VEVENT"), end, 97):
        with pytest.raises(FeedUnavailable, match="as a download broken off does"):
            read(name, data[:at])


def test_a_zone_whose_rule_holds_an_escaped_line_break_is_refused_in_words():
    """icalendar asserts, while reading a zone, that no line holds a line break; '\\N' in a
    zone's RRULE becomes one (found by the mangled-feed property). icalendar keeps the zones
    it has read by TZID for the whole process, so this one's name is its own."""
    feed = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VTIMEZONE\r\n"
        b"TZID:Zone of the line break test\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\n"
        b"TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;\\NTH=3\r\n"
        b"END:DAYLIGHT\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:z@x\r\nSUMMARY:Wake\r\n"
        b"DTSTART;TZID=Zone of the line break test:20300310T120000\r\nDTEND;TZID=Zone of the line "
        b"break test:20300310T130000\r\nLOCATION:Utrecht\\, Netherlands\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    with pytest.raises(FeedUnavailable, match="a line in it cannot be read"):
        read_calendar(feed, source="zone.ics")


def test_an_entry_lasting_more_than_a_year_is_left_out_in_words():
    """Two entries run together by a damaged file (found by the damage property): one start in
    1968, the other's end in 2199. A month-long camp is still one event."""
    feed = calendar(
        vevent("run-together@x", "SUMMARY:Mars", "LOCATION:Puebla\\, Mexico",
               "DTSTART:20300310T170000Z", "DTEND:21991231T180000Z"),
        vevent("camp@x", "SUMMARY:Kamp", "LOCATION:Utrecht\\, Netherlands",
               "DTSTART;VALUE=DATE:20300401", "DTEND;VALUE=DATE:20300501"),
    )  # fmt: skip
    reading = read_calendar(feed, source="long.ics", now=NOW)
    assert [entry.title for entry in reading.entries] == ["Kamp"]
    assert any("lasts more than a year (from 2030-03-10 to 2199-12-31)" in str(w)
               for w in reading.warnings)  # fmt: skip
