"""Calendars from programs nobody here wrote, and calendars written to break the importer.

The files in fixtures/unseen_calendars/ have the shapes of Google Calendar (Madrid: X-WR-TIMEZONE,
UNTIL in UTC, an EXDATE list, a moved and a cancelled occurrence, a three-day event, a Meet
call), Outlook/Exchange (Paris: Windows zone names, a custom VTIMEZONE, X-MICROSOFT-CDO, HTML
in X-ALT-DESC, a Teams call named as the location), Apple Calendar (Berlin:
X-APPLE-STRUCTURED-LOCATION, DURATION, floating time without an end) and Nextcloud (Den Haag: a
BOM, LF line ends, lowercase names, RDATE, VALARM, CATEGORIES). Others are written below.
"""

import time
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory
from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import (
    import_calendar,
    read_calendar,
    register_feed,
    sync_feed,
)
from turnout.importers.calendar_fetching import FeedUnavailable, fetch_calendar
from turnout.importers.recurrence import MAX_OCCURRENCES_PER_SERIES

from .calendar_builders import CalendarFolder, calendar, shown, vevent

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("unseen_calendars")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def test_every_fixture_is_a_real_calendar():
    for path in FIXTURES.glob("*.ics"):
        assert icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"), path.name


# --- Programs' own exports ----------------------------------------------------------------


def test_google_calendar_series_with_until_in_utc_exdates_a_move_and_a_cancellation():
    reading = read_calendar(fixture("google-madrid-es.ics"), source="g", now=NOW)
    assert not reading.warnings  # the cancelled occurrence has no place, and needs none
    weekly = "Reunión semanal PauseIA Madrid"
    assert shown(reading) == [
        (weekly, datetime(2030, 3, 5, 19), datetime(2030, 3, 5, 21), "Europe/Madrid", "Madrid",
         "Calle de Atocha 70"),
        # 12 and 19 March are excluded; 9 April is past UNTIL (16:59:59 UTC, 18:59:59 local).
        ("Formación online para nuevos voluntarios", datetime(2030, 3, 14, 19),
         datetime(2030, 3, 14, 20), "Europe/Madrid", "", ""),
        (f"{weekly} (miércoles)", datetime(2030, 3, 27, 18, 30), datetime(2030, 3, 27, 20, 30),
         "Europe/Madrid", "Madrid", "Calle de Atocha 70"),
        # A three-day event: DTEND (21 April) is exclusive.
        ("Jornadas de acción PauseIA", datetime(2030, 4, 18), datetime(2030, 4, 20, 23, 59),
         "Europe/Madrid", "Madrid", "Puerta del Sol"),
    ]  # fmt: skip
    # 2 April is cancelled: nothing to import, and an event imported for it is cancelled.
    assert reading.cancelled == {("5q2v8l1c0m3n4b5v6c7x8z9a0s@google.com", "20300402T170000Z")}
    assert reading.entries[0].description == (
        "Reunión semanal del grupo local.\nTraed ideas para la próxima acción.\n\n"
        "Más información: https://pauseia.es/madrid"
    )
    online = next(e for e in reading.entries if e.title.startswith("Formación"))
    assert (online.is_online, online.meeting_url) == (True, "https://meet.google.com/xyz-abcd-efg")
    assert reading.entries[0].recurrence_id == "20300305T180000Z"


def test_a_google_occurrence_cancelled_since_the_last_sync_is_cancelled():
    content = fixture("google-madrid-es.ics")
    before = content.replace(b"STATUS:CANCELLED", b"STATUS:CONFIRMED").replace(
        b"RECURRENCE-ID;TZID=Europe/Madrid:20300402T190000\r\n",
        b"RECURRENCE-ID;TZID=Europe/Madrid:20300402T190000\r\n"
        b"LOCATION:Calle de Atocha 70\\, 28012 Madrid\\, Espa\xc3\xb1a\r\n",
    )
    for sync in (True, False):  # a registered feed, and a one-off import of the file again
        LocalEvent.objects.all().delete()
        feed = register_feed(url="https://calendar.google.com/madrid.ics", campaign=None)
        sync_feed(feed=feed, now=NOW, fetch=lambda url: before)
        april = LocalEvent.objects.get(import_source__recurrence_id="20300402T170000Z")
        assert april.status == LocalEvent.Status.APPROVED
        reading = read_calendar(content, source="g", now=NOW)
        if sync:
            summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: content)
        else:
            summary = import_calendar(reading=reading, campaign=None, now=NOW)
        assert summary.counts["events cancelled"] == 1 and not summary.warnings
        april.refresh_from_db()
        assert april.status == LocalEvent.Status.CANCELLED
        assert LocalEvent.objects.exclude(status=LocalEvent.Status.CANCELLED).count() == 4


def test_outlook_windows_zone_names_custom_zones_and_a_teams_call():
    reading = read_calendar(fixture("outlook-paris-fr.ics"), source="o", now=NOW)
    assert not reading.warnings
    march = "Marche pour une IA sûre"
    assert shown(reading) == [
        ("Solidarity rally New York", datetime(2030, 3, 15, 12), datetime(2030, 3, 15, 14),
         "America/New_York", "New York City", "Washington Square Park"),
        (march, datetime(2030, 3, 16, 14, 30), datetime(2030, 3, 16, 17), "Europe/Paris", "Paris",
         "Place de la République"),
        # The custom zone is Paris's: its offsets, and its texts are tagged fr-FR.
        ("Réunion de coordination (Teams)", datetime(2030, 4, 10, 18),
         datetime(2030, 4, 10, 19, 30), "Europe/Paris", "", ""),
        (march, datetime(2030, 4, 20, 14, 30), datetime(2030, 4, 20, 17), "Europe/Paris", "Paris",
         "Place de la République"),  # the third Saturday, in summer time
        ("Rassemblement Lyon", datetime(2030, 4, 20, 15), datetime(2030, 4, 20, 17),
         "Europe/Paris", "Lyon", "Place Bellecour"),
        (march, datetime(2030, 5, 18, 14, 30), datetime(2030, 5, 18, 17), "Europe/Paris", "Paris",
         "Place de la République"),
    ]  # fmt: skip
    paris = next(e for e in reading.entries if e.title == march)
    assert paris.description.startswith("Bonjour à toutes et à tous,\n\nRendez-vous place")
    assert "<html>" not in paris.description
    teams = next(e for e in reading.entries if "Teams" in e.title)
    assert teams.is_online and teams.meeting_url.startswith("https://teams.microsoft.com/l/")


def test_apple_calendar_duration_and_a_floating_time_without_an_end():
    reading = read_calendar(fixture("apple-berlin-de.ics"), source="a", now=NOW)
    assert not reading.warnings
    assert shown(reading) == [
        ("Kundgebung „Sichere KI jetzt“", datetime(2030, 3, 23, 14), datetime(2030, 3, 23, 16),
         "Europe/Berlin", "Berlin", "Brandenburger Tor, Pariser Platz"),
        # Floating: the place's wall time; no DTEND: two hours.
        ("Stammtisch Köln", datetime(2030, 3, 26, 19), datetime(2030, 3, 26, 21), "Europe/Berlin",
         "Cologne", "Heumarkt"),
        ("Infostand Hamburg", datetime(2030, 3, 30, 11), datetime(2030, 3, 30, 14, 30),
         "Europe/Berlin", "Hamburg", "Jungfernstieg"),
    ]  # fmt: skip
    assert reading.entries[0].url == "https://pauseai.info/berlin"


def test_nextcloud_with_a_bom_lf_lines_and_lowercase_names():
    data = fixture("nextcloud-lf-nl.ics")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r" not in data and b"begin:vevent" in data
    reading = read_calendar(data, source="n", now=NOW)
    assert not reading.warnings
    wake = [row[1] for row in shown(reading) if row[0] == "Wake bij het Binnenhof"]
    assert wake == [
        datetime(2030, 3, 11, 20),  # 4 and 18 March and 1 April are excluded (EXRULE)
        datetime(2030, 3, 25, 20),
        datetime(2030, 4, 2, 20),  # added (RDATE)
        datetime(2030, 4, 8, 20),
    ]
    assert {(e.record.city, e.record.timezone) for e in reading.entries} == {
        ("The Hague", "Europe/Amsterdam"),
        ("Groningen", "Europe/Amsterdam"),
    }


TOKYO = "渋谷駅前で、安全なAIを求めるデモを行います。" * 4

EVENT_PAGES = [
    # lu.ma: the page as URL, a long description with links.
    vevent("evt-Xyz12AbC@lu.ma", "SUMMARY:PauseAI Protest Amsterdam",
           "DTSTART:20300413T120000Z", "DTEND:20300413T140000Z", "URL:https://lu.ma/pauseai-ams",
           "DESCRIPTION:Get up-to-date information at: https://lu.ma/pauseai-ams\\n\\n"
           + "Join us on the Dam. " * 60,
           location="Dam\\, 1012 JS Amsterdam\\, Netherlands"),
    # Meetup: the group's page, a time in the group's zone.
    vevent("event_298765432@meetup.com", "SUMMARY:AI Safety Meetup – Lisboa",
           "DTSTART;TZID=Europe/Lisbon:20300417T183000", "DTEND;TZID=Europe/Lisbon:20300417T203000",
           "URL:https://www.meetup.com/ai-safety-lisbon/events/298765432/",
           location="Praça do Comércio\\, Lisboa\\, Portugal"),
    # Eventbrite: times in UTC.
    vevent("1234567890123@eventbrite.com", "SUMMARY:Stop the race – London rally",
           "DTSTART:20300419T130000Z", "DTEND:20300419T150000Z",
           "URL:https://www.eventbrite.co.uk/e/stop-the-race-london-rally-tickets-1234567890123",
           location="Parliament Square\\, London\\, United Kingdom"),
    # Facebook: a long line folded in the middle of a character, below.
    vevent("e1096545@facebook.com", "SUMMARY:AI安全のためのデモ 東京",
           "DTSTART:20300420T040000Z", "DTEND:20300420T060000Z",
           "URL:https://www.facebook.com/events/1096545/", f"DESCRIPTION:{TOKYO}",
           location="Shibuya Station\\, Tokyo\\, Japan"),
]  # fmt: skip


def fold_inside_characters(data: bytes) -> bytes:
    """Fold every line after 75 bytes, as RFC 5545 says, cutting characters in two."""
    lines = []
    for line in data.split(b"\r\n"):
        while len(line) > 75:
            lines.append(line[:75])
            line = b" " + line[75:]
        lines.append(line)
    return b"\r\n".join(lines)


def is_utf8(line: bytes) -> bool:
    try:
        line.decode()
    except UnicodeDecodeError:
        return False
    return True


def test_event_platforms_pages_languages_and_lines_folded_inside_a_character():
    data = fold_inside_characters(calendar(*EVENT_PAGES))
    assert not all(is_utf8(line) for line in data.split(b"\r\n"))  # a character cut in two
    reading = read_calendar(data, source="p", now=NOW)
    assert not reading.warnings
    assert [(e.title, e.url, e.record.platform) for e in reading.entries] == [
        ("PauseAI Protest Amsterdam", "https://lu.ma/pauseai-ams", "luma"),
        ("AI Safety Meetup – Lisboa",
         "https://www.meetup.com/ai-safety-lisbon/events/298765432/", "meetup"),
        ("Stop the race – London rally",
         "https://www.eventbrite.co.uk/e/stop-the-race-london-rally-tickets-1234567890123",
         "eventbrite"),
        ("AI安全のためのデモ 東京", "https://www.facebook.com/events/1096545/", "facebook"),
    ]  # fmt: skip
    assert [row[1:4] for row in shown(reading)] == [
        (datetime(2030, 4, 13, 14), datetime(2030, 4, 13, 16), "Europe/Amsterdam"),
        (datetime(2030, 4, 17, 18, 30), datetime(2030, 4, 17, 20, 30), "Europe/Lisbon"),
        (datetime(2030, 4, 19, 14), datetime(2030, 4, 19, 16), "Europe/London"),
        (datetime(2030, 4, 20, 13), datetime(2030, 4, 20, 15), "Asia/Tokyo"),
    ]
    assert reading.entries[0].description.endswith("Join us on the Dam.")
    assert reading.entries[-1].description == TOKYO


def test_an_old_outlook_export_in_the_windows_code_page_is_read():
    event = vevent("cp@x", "SUMMARY:Kundgebung für sichere KI", "DTSTART:20300310T120000Z",
                   location="Marienplatz\\, München\\, Deutschland")  # fmt: skip
    (entry,) = read_calendar(calendar(event).decode().encode("cp1252"), source="c").entries
    assert (entry.title, entry.record.city) == ("Kundgebung für sichere KI", "Munich")


@pytest.mark.parametrize("line_end", [b"\n", b"\r"], ids=["LF", "CR"])
def test_folded_lines_are_read_with_any_line_ending(line_end):
    data = fold_inside_characters(calendar(*EVENT_PAGES)).replace(b"\r\n", line_end)
    titles = [e.title for e in read_calendar(data, source="p", now=NOW).entries]
    assert titles[-1] == "AI安全のためのデモ 東京" and len(titles) == 4
    assert read_calendar(data, source="p", now=NOW).entries[-1].description == TOKYO


# --- Ends, durations, duplicates ----------------------------------------------------------


def test_an_end_that_is_missing_or_not_after_the_start():
    reading = read_calendar(calendar(
        vevent("a@x", "SUMMARY:Day", "DTSTART;VALUE=DATE:20300310"),
        vevent("b@x", "SUMMARY:Same day", "DTSTART;VALUE=DATE:20300311",
               "DTEND;VALUE=DATE:20300311"),
        vevent("c@x", "SUMMARY:Backwards", "DTSTART:20300312T120000Z", "DTEND:20300312T100000Z"),
        vevent("p@x", "SUMMARY:Two days", "DTSTART;VALUE=DATE:20300314", "DURATION:P2D"),
        vevent("d@x", "SUMMARY:Weekly", "DTSTART;TZID=Europe/Amsterdam:20300313T190000",
               "RRULE:FREQ=WEEKLY;COUNT=2"),
    ), source="e", now=NOW)  # fmt: skip
    assert [row[:3] for row in shown(reading)] == [
        ("Day", datetime(2030, 3, 10), datetime(2030, 3, 10, 23, 59)),  # its day, not 2 hours
        ("Same day", datetime(2030, 3, 11), datetime(2030, 3, 11, 23, 59)),
        ("Backwards", datetime(2030, 3, 12, 13), datetime(2030, 3, 12, 15)),
        # An occurrence gets the same two hours as a single event without an end.
        ("Weekly", datetime(2030, 3, 13, 19), datetime(2030, 3, 13, 21)),
        ("Two days", datetime(2030, 3, 14), datetime(2030, 3, 15, 23, 59)),
        ("Weekly", datetime(2030, 3, 20, 19), datetime(2030, 3, 20, 21)),
    ]


def test_one_event_given_twice_counts_in_its_latest_version():
    first = vevent("dup@x", "SUMMARY:Old", "SEQUENCE:2", "DTSTART:20300310T120000Z")
    older = vevent("dup@x", "SUMMARY:Older", "SEQUENCE:1", "DTSTART:20300309T120000Z")
    reading = read_calendar(calendar(first, older), source="d", now=NOW)
    assert [e.title for e in reading.entries] == ["Old"]
    summary = import_calendar(reading=reading, campaign=None, now=NOW)
    assert dict(summary.counts) == {"events created": 1}
    assert LocalEvent.objects.get().sequence == 0  # not rewritten, so nobody is told of a change


def test_a_change_to_this_and_future_occurrences_keeps_each_occurrence_apart():
    master = vevent(
        "taf@x",
        "SUMMARY:Wake",
        "DTSTART;TZID=Europe/Amsterdam:20300305T190000",
        "DTEND;TZID=Europe/Amsterdam:20300305T200000",
        "RRULE:FREQ=WEEKLY;COUNT=4",
    )
    later = vevent("taf@x", "SUMMARY:Wake (later)",
                   "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=Europe/Amsterdam:20300312T190000",
                   "DTSTART;TZID=Europe/Amsterdam:20300312T200000",
                   "DTEND;TZID=Europe/Amsterdam:20300312T210000")  # fmt: skip
    reading = read_calendar(calendar(master, later), source="t", now=NOW)
    assert [(e.title, e.recurrence_id) for e in reading.entries] == [
        ("Wake", "20300305T180000Z"),
        ("Wake (later)", "20300312T180000Z"),
        ("Wake (later)", "20300319T180000Z"),
        ("Wake (later)", "20300326T180000Z"),
    ]
    import_calendar(reading=reading, campaign=None, now=NOW)
    assert LocalEvent.objects.count() == 4


def test_an_event_moved_then_deleted_between_syncs():
    feed = register_feed(url="https://example.org/moves.ics", campaign=None)
    stay = vevent("stay@x", "SUMMARY:Blijft", "DTSTART:20300320T120000Z")
    move = vevent("move@x", "SUMMARY:Verplaatst", "SEQUENCE:0", "DTSTART:20300321T120000Z")
    moved = move.replace("SEQUENCE:0", "SEQUENCE:1").replace("20300321T12", "20300322T15")
    sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(stay, move))
    event = LocalEvent.objects.get(title="Verplaatst")
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(stay, moved))
    assert summary.counts["events updated"] == 1
    event.refresh_from_db()
    assert (event.local_starts_at.replace(tzinfo=None), event.sequence) == (
        datetime(2030, 3, 22, 16),
        1,
    )
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(stay))
    assert summary.counts["events cancelled"] == 1
    event.refresh_from_db()
    assert event.status == LocalEvent.Status.CANCELLED
    assert LocalEvent.objects.get(title="Blijft").status == LocalEvent.Status.APPROVED


# --- Hostile feeds ------------------------------------------------------------------------


def test_rules_that_repeat_within_a_day_are_refused_at_once():
    seconds = ",".join(str(s) for s in range(60))
    started = time.process_time()
    reading = read_calendar(calendar(
        vevent("s@x", "SUMMARY:Secondly", "DTSTART:20300310T120000Z", "RRULE:FREQ=SECONDLY"),
        vevent("b@x", "SUMMARY:By second", "DTSTART:20300310T120000Z",
               f"RRULE:FREQ=DAILY;BYMINUTE={seconds};BYSECOND={seconds}"),
        vevent("t@x", "SUMMARY:Twice", "DTSTART:20300310T090000Z", "RRULE:FREQ=WEEKLY;BYHOUR=9,17"),
        vevent("c@x", "SUMMARY:Forever", "DTSTART:20290310T120000Z",
               "RRULE:FREQ=DAILY;COUNT=1000000000"),
    ), source="h", now=NOW)  # fmt: skip
    assert time.process_time() - started < 20
    messages = [str(w) for w in reading.warnings]
    assert messages[0] == (
        "h: event 1 (“Secondly”) skipped: its repeat rule “FREQ=SECONDLY” repeats more than"
        " once a day"
    )
    assert "“By second”) skipped: its repeat rule “FREQ=DAILY;" in messages[1]
    assert messages[1].endswith("repeats more than once a day")
    assert messages[2].endswith("“FREQ=WEEKLY;BYHOUR=9,17” repeats more than once a day")
    assert messages[3] == (
        f"h: event 4 (“Forever”): only its first {MAX_OCCURRENCES_PER_SERIES} occurrences were read"
    )
    assert {e.title for e in reading.entries} == {"Forever"}


def test_impossible_dates_and_nested_events_are_warned_of_once_each():
    nested = "\r\n".join(["BEGIN:VEVENT"] * 2000 + ["END:VEVENT"] * 2000)
    reading = read_calendar(calendar(
        vevent("feb@x", "SUMMARY:Dertig februari", "DTSTART:20250230T120000Z"),
        vevent("day@x", "SUMMARY:Datum", "DTSTART;VALUE=DATE:20250230"),
        nested,
        vevent("ok@x", "SUMMARY:Goed", "DTSTART:20300310T120000Z"),
    ), source="x", now=NOW)  # fmt: skip
    assert [str(w) for w in reading.warnings] == [
        "x: event 1 (“Dertig februari”) skipped: its DTSTART “20250230T120000Z” is not a date"
        " or a time",
        "x: event 2 (“Datum”) skipped: its DTSTART “20250230” is not a date or a time",
        "x: event 3 (“3”) skipped: it has no start (DTSTART)",
    ]
    assert [e.title for e in reading.entries] == ["Goed"]


def test_garbage_inside_an_event_is_passed_over_and_outside_refuses_the_whole_feed():
    good = vevent("g@x", "SUMMARY:Goed", "DTSTART:20300310T120000Z", "dit is geen regel")
    assert [e.title for e in read_calendar(calendar(good), source="g").entries] == ["Goed"]
    feed = register_feed(url="https://example.org/garbage.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(good))
    broken = [
        calendar(good, head="<html><body>"),
        calendar(good)[:-20],  # cut off in the middle of the download
        calendar(good).replace(b"END:VCALENDAR", b""),  # cut off after a whole line
    ]
    for data in broken:
        summary = sync_feed(feed=feed, now=NOW, fetch=lambda url, data=data: data)
        feed.refresh_from_db()
        assert "not an iCalendar feed" in feed.last_error and summary.warnings
    assert LocalEvent.objects.get().status == LocalEvent.Status.APPROVED  # nothing changed


def test_a_file_larger_than_a_feed_may_be_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.ics"
    path.write_bytes(
        calendar(vevent("big@x", "SUMMARY:Big", "DTSTART:20300310T120000Z",
                        "DESCRIPTION:" + "x" * (10 * 1024 * 1024)))
    )  # fmt: skip
    with pytest.raises(FeedUnavailable, match="larger than 5 MB"):
        fetch_calendar(str(path))


def test_a_huge_feed_is_read_in_reasonable_time():
    events = [
        vevent(
            f"{n}@x", f"SUMMARY:Event {n}", f"DTSTART:2030{3 + n % 9:02d}{1 + n % 28:02d}T120000Z"
        )
        for n in range(2000)
    ]
    started = time.process_time()
    reading = read_calendar(calendar(*events), source="big", now=NOW)
    assert len(reading.entries) == 2000 and not reading.warnings
    assert time.process_time() - started < 60


# --- Round trip and properties ------------------------------------------------------------


def test_imported_events_come_back_out_of_the_public_feed(client):
    campaign = CampaignFactory(slug="spring", starts_on=date(2030, 3, 1), ends_on=date(2030, 5, 31))
    reading = read_calendar(fixture("outlook-paris-fr.ics"), source="o", now=NOW)
    import_calendar(reading=reading, campaign=campaign, now=NOW)
    response = client.get("/feeds/campaigns/spring.ics")
    assert response.status_code == 200
    published = icalendar.Calendar.from_ical(response.content)
    starts = sorted(
        (str(v["SUMMARY"]), v.decoded("DTSTART").astimezone(UTC)) for v in published.walk("VEVENT")
    )
    assert ("Marche pour une IA sûre", datetime(2030, 4, 20, 12, 30, tzinfo=UTC)) in starts
    assert ("Solidarity rally New York", datetime(2030, 3, 15, 16, tzinfo=UTC)) in starts
    assert len(starts) == LocalEvent.objects.count() == 6


SEED = fold_inside_characters(calendar(*EVENT_PAGES)) + fixture("google-madrid-es.ics")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, len(SEED)), st.integers(0, 40), st.binary(max_size=12)),
        max_size=6,
    )
)
def test_no_mangled_calendar_crashes_the_reader(edits):
    data = SEED
    for at, cut, insert in edits:
        data = data[:at] + insert + data[at + cut :]
    try:
        reading = read_calendar(data, source="fuzz", now=NOW)
    except FeedUnavailable as error:
        assert str(error)
        return
    for entry in reading.entries:
        assert entry.record.starts_at <= entry.record.ends_at
        assert entry.record.ends_at - entry.record.starts_at < timedelta(days=36500)
    assert all(str(w) for w in reading.warnings)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["DTSTART", "DTEND", "RRULE", "EXDATE", "RDATE", "DURATION", "RECURRENCE-ID"]),
    st.sampled_from(["", ";VALUE=DATE", ";TZID=W. Europe Standard Time", ";TZID=Nowhere"]),
    st.text(alphabet="0123456789TZ-+:;=,PWDHMS/FREQYLCOUNT", max_size=30),
)
def test_no_value_of_a_date_or_rule_property_crashes_the_reader(name, parameters, value):
    lines = ["SUMMARY:Fuzz", "DTSTART:20300310T120000Z", "RRULE:FREQ=WEEKLY;COUNT=3"]
    lines = [line for line in lines if not line.startswith(name + ":")]
    data = calendar(vevent("fuzz@x", *lines, f"{name}{parameters}:{value}"))
    reading = read_calendar(data, source="fuzz", now=NOW)
    assert len(reading.entries) + len(reading.warnings) >= 1


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "mailto:info@example.org", "www.eventbrite.com/e/123",
     "https://exa mple.org/x", "https://example.org/" + "a" * 600],
)  # fmt: skip
def test_a_link_that_is_no_web_address_is_left_out_and_the_event_kept(link):
    event = vevent("link@x", "SUMMARY:Demo", "DTSTART:20300310T120000Z", f"URL:{link}")
    reading = read_calendar(calendar(event), source="l", now=NOW)
    summary = import_calendar(reading=reading, campaign=None, now=NOW)
    assert dict(summary.counts) == {"events created": 1} and not summary.warnings
    assert (LocalEvent.objects.get().title, LocalEvent.objects.get().signup_url) == ("Demo", "")


def test_a_private_entry_from_a_calendars_secret_address_is_not_published():
    data = calendar(
        vevent("pub@x", "SUMMARY:Demo", "CLASS:PUBLIC", "DTSTART:20300310T120000Z"),
        vevent("priv@x", "SUMMARY:Overleg advocaat", "CLASS:PRIVATE", "DTSTART:20300311T120000Z"),
        vevent("conf@x", "SUMMARY:Bestuur", "CLASS:confidential", "DTSTART:20300312T120000Z"),
    )
    reading = read_calendar(data, source="s", now=NOW)
    assert [e.title for e in reading.entries] == ["Demo"]
    assert [str(w) for w in reading.warnings] == [
        "s: event 2 (“Overleg advocaat”) skipped: it is marked private (CLASS:PRIVATE)",
        "s: event 3 (“Bestuur”) skipped: it is marked private (CLASS:CONFIDENTIAL)",
    ]
    with translation.override("nl"):
        dutch = str(read_calendar(data, source="s", now=NOW).warnings[0])
    assert dutch == (
        "s: evenement 2 (“Overleg advocaat”) overgeslagen: het is als privé gemarkeerd"
        " (CLASS:PRIVATE)"
    )


def test_the_iana_zone_named_by_a_tzid_counts_over_an_outdated_vtimezone_of_that_name():
    # An exporter's VTIMEZONE for Europe/Berlin without summer time: the name is trusted.
    head = "\n".join(["BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD",
                      "DTSTART:19700101T000000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0100",
                      "END:STANDARD", "END:VTIMEZONE"])  # fmt: skip
    event = vevent("s@x", "SUMMARY:Sommerfest", "DTSTART;TZID=Europe/Berlin:20300615T150000",
                   location="Alexanderplatz\\, Berlin\\, Deutschland")  # fmt: skip
    (entry,) = read_calendar(calendar(event, head=head), source="z", now=NOW).entries
    assert entry.record.starts_at.astimezone(UTC) == datetime(2030, 6, 15, 13, tzinfo=UTC)


@pytest.mark.parametrize(
    "location", ["渋谷駅、東京、日本", "渋谷駅，東京，日本", "渋谷駅\\, 東京\\, 日本"]
)
def test_a_place_written_in_japanese_with_its_own_commas_is_read(location):
    feed = "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT", "UID:tokyo-1",
        "SUMMARY:AI安全のためのデモ", "DTSTART:20300420T040000Z", "DTEND:20300420T060000Z",
        f"LOCATION:{location}", "END:VEVENT", "END:VCALENDAR", "",
    ])  # fmt: skip
    reading = read_calendar(feed.encode(), source="tokyo.ics")
    (entry,) = reading.entries
    assert (entry.record.venue, entry.record.country) == ("渋谷駅", "JP")
    assert entry.record.timezone == "Asia/Tokyo"
    assert not reading.warnings
