"""More calendars from programs nobody here wrote: Outlook's own time zone names, vCalendar 1.0
from phones and old desktop programs, entries made private after they were published, and
files whose bytes are odd in ways a parser does not expect.

fixtures/more_calendars/ has an Exchange export of online meetings (a display name as TZID,
"Customized Time Zone" for Europe and the US, a Japanese display name, Brasília, an unquoted
"tzone://Microsoft/Utc") and a vCalendar 1.0 file as phones and Palm and Outlook wrote them
(quoted-printable in UTF-8, ISO-8859-1 and windows-1252 with soft line breaks, ISO dates in
the extended form, times without seconds, "W1 SA #3" and "MP1 1+ SA #2" rules).
"""

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.validators import available_time_zones
from turnout.importers.calendar_feeds import (
    import_calendar,
    read_calendar,
    register_feed,
    sync_feed,
)
from turnout.importers.calendar_fetching import FeedUnavailable
from turnout.notifications.models import OutboxMessage

from .calendar_builders import CalendarFolder, calendar, vevent
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("more_calendars")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def shown(reading) -> list[tuple]:
    return shown_rows(reading, with_venue=False)


def vtimezone(tzid: str, standard: str, daylight: str = "", *, us: bool = False) -> str:
    """A VTIMEZONE as Outlook writes it: rules from 1601, EU or (with `us`) US changes."""
    to_summer, to_winter = ("2SU", "1SU") if us else ("-1SU", "-1SU")
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}", "BEGIN:STANDARD", "DTSTART:16010101T030000",
             f"TZOFFSETFROM:{daylight or standard}", f"TZOFFSETTO:{standard}"]  # fmt: skip
    if daylight:
        lines += [f"RRULE:FREQ=YEARLY;BYDAY={to_winter};BYMONTH={11 if us else 10}",
                  "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:16010101T020000",
                  f"TZOFFSETFROM:{standard}", f"TZOFFSETTO:{daylight}",
                  f"RRULE:FREQ=YEARLY;BYDAY={to_summer};BYMONTH=3", "END:DAYLIGHT"]  # fmt: skip
    else:
        lines.append("END:STANDARD")
    return "\r\n".join([*lines, "END:VTIMEZONE"])


# --- Outlook's time zones -----------------------------------------------------------------


def test_exchange_online_meetings_are_shown_in_the_zone_their_tzid_means():
    data = fixture("exchange-online-zones.ics")
    assert b"TZID=tzone://Microsoft/Utc:" in data  # unquoted, as Exchange writes it
    reading = read_calendar(data, source="x", now=NOW)
    assert not reading.warnings
    german = "Koordinationsrunde Deutschland"
    assert shown(reading) == [
        # A custom zone with the US's rules, its texts tagged en-US.
        ("US organizers' call", datetime(2030, 3, 12, 18), datetime(2030, 3, 12, 19),
         "America/New_York", ""),
        # Europe's rules, an organizer in Germany and texts tagged de-DE: before and after
        # the change to summer time (31 March), still 19:00.
        (german, datetime(2030, 3, 25, 19), datetime(2030, 3, 25, 20), "Europe/Berlin", ""),
        (german, datetime(2030, 4, 1, 19), datetime(2030, 4, 1, 20), "Europe/Berlin", ""),
        # "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"
        ("Landelijk overleg actiegroepen", datetime(2030, 4, 10, 19), datetime(2030, 4, 10, 20, 30),
         "Europe/Amsterdam", ""),
        # "(UTC+09:00) 大阪、札幌、東京": no city of the IANA database, so its offsets.
        ("日本チーム定例ミーティング", datetime(2030, 4, 15, 20), datetime(2030, 4, 15, 21),
         "Asia/Tokyo", ""),
        ("Reunião do grupo PauseIA Brasil", datetime(2030, 4, 16, 19), datetime(2030, 4, 16, 20),
         "America/Sao_Paulo", ""),
        ("International coordination call", datetime(2030, 4, 17, 16), datetime(2030, 4, 17, 17),
         "UTC", ""),
    ]  # fmt: skip
    assert all(entry.is_online for entry in reading.entries)


@pytest.mark.parametrize(
    ("tzid", "zone"),
    [
        ('"(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"', "Europe/Brussels"),
        ('"(UTC+01:00) Amsterdam, Berlijn, Bern, Rome, Stockholm, Wenen"', "Europe/Amsterdam"),
        ('"(UTC-05:00) Eastern Time (US & Canada)"', "America/New_York"),
        ('"(GMT+01.00) Sarajevo / Skopje / Warsaw / Zagreb"', "Europe/Sarajevo"),
    ],
)
def test_an_outlook_display_name_without_a_vtimezone_is_read_as_the_zone_it_means(tzid, zone):
    event = vevent("call@x", "SUMMARY:Videocall", f"DTSTART;TZID={tzid}:20300410T190000",
                   f"DTEND;TZID={tzid}:20300410T200000",
                   "X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij",
                   location="Online")  # fmt: skip
    reading = read_calendar(calendar(event), source="z", now=NOW)
    assert shown(reading) == [
        ("Videocall", datetime(2030, 4, 10, 19), datetime(2030, 4, 10, 20), zone, "")
    ]


def test_a_series_in_a_zone_named_as_outlook_shows_it_keeps_its_hour_through_summer_time():
    tzid = '"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"'
    event = vevent("weekly@x", "SUMMARY:Belrondje", f"DTSTART;TZID={tzid}:20300325T190000",
                   f"DTEND;TZID={tzid}:20300325T200000", "RRULE:FREQ=WEEKLY;COUNT=2",
                   "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/2",
                   location="Microsoft Teams-vergadering")  # fmt: skip
    reading = read_calendar(calendar(event), source="s", now=NOW)
    assert [row[1:4] for row in shown(reading)] == [
        (datetime(2030, 3, 25, 19), datetime(2030, 3, 25, 20), "Europe/Amsterdam"),
        (datetime(2030, 4, 1, 19), datetime(2030, 4, 1, 20), "Europe/Amsterdam"),
    ]
    assert [e.recurrence_id for e in reading.entries] == ["20300325T180000Z", "20300401T170000Z"]


def test_a_windows_zone_with_outdated_rules_is_read_by_its_name():
    # An Exchange 2003 VTIMEZONE for Eastern time: summer time from the first Sunday of April,
    # as before 2007. On 20 March 2030 New York is on summer time; the organizer meant 12:00.
    zone = "\r\n".join(["BEGIN:VTIMEZONE", "TZID:Eastern Standard Time", "BEGIN:STANDARD",
                        "DTSTART:16010101T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500",
                        "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
                        "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:-0500",
                        "TZOFFSETTO:-0400", "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4",
                        "END:DAYLIGHT", "END:VTIMEZONE"])  # fmt: skip
    event = vevent("ny@x", "SUMMARY:Rally at City Hall",
                   "DTSTART;TZID=Eastern Standard Time:20300320T120000",
                   "DTEND;TZID=Eastern Standard Time:20300320T140000",
                   location="City Hall Park\\, New York\\, United States")  # fmt: skip
    reading = read_calendar(calendar(zone, event), source="n", now=NOW)
    assert shown(reading) == [
        ("Rally at City Hall", datetime(2030, 3, 20, 12), datetime(2030, 3, 20, 14),
         "America/New_York", "New York City"),
    ]  # fmt: skip
    assert reading.entries[0].record.starts_at == datetime(2030, 3, 20, 16, tzinfo=UTC)


def test_a_custom_zone_is_the_zone_the_calendar_names_elsewhere():
    # No language tag, no organizer: the same rules as its "Romance Standard Time".
    zones = [vtimezone("Romance Standard Time", "+0100", "+0200"),
             vtimezone("Customized Time Zone", "+0100", "+0200")]  # fmt: skip
    lyon = vevent("lyon@x", "SUMMARY:Rassemblement",
                  "DTSTART;TZID=Romance Standard Time:20300420T150000",
                  location="Place Bellecour\\, Lyon\\, France")  # fmt: skip
    call = vevent("call@x", "SUMMARY:Point d'étape",
                  "DTSTART;TZID=Customized Time Zone:20300410T180000",
                  "DTEND;TZID=Customized Time Zone:20300410T190000",
                  "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/1",
                  location="Réunion Microsoft Teams")  # fmt: skip
    reading = read_calendar(calendar(*zones, lyon, call), source="c", now=NOW)
    assert shown(reading)[0] == (
        "Point d'étape",
        datetime(2030, 4, 10, 18),
        datetime(2030, 4, 10, 19),
        "Europe/Paris",
        "",
    )


def test_a_windows_name_as_the_calendars_own_zone_places_its_floating_times():
    event = vevent("f@x", "SUMMARY:Overleg", "DTSTART:20300410T190000", "DTEND:20300410T200000",
                   "URL:https://zoom.us/j/987654321", location="Zoom")  # fmt: skip
    reading = read_calendar(
        calendar(event, head="X-WR-TIMEZONE:W. Europe Standard Time"), source="w", now=NOW
    )
    assert shown(reading) == [
        ("Overleg", datetime(2030, 4, 10, 19), datetime(2030, 4, 10, 20), "Europe/Berlin", "")
    ]


# --- vCalendar 1.0 ------------------------------------------------------------------------


def test_vcalendar_1_0_from_phones_palm_and_old_outlook_is_decoded():
    data = fixture("vcalendar-1.0-phones.vcs")
    assert b"=C3=A9=C3=A9n" in data and b"Da=\r\nm" in data  # quoted-printable, soft breaks
    reading = read_calendar(data, source="v", now=NOW)
    assert not reading.warnings
    dam = "Demonstratie op de Dam: één stem voor veilige AI"
    sejm = "Protest przed Sejmem – bezpieczeństwo sztucznej inteligencji"
    assert shown(reading) == [
        # "MP1 1+ SA #2": the first Saturday of two months.
        (sejm, datetime(2030, 4, 6, 13), datetime(2030, 4, 6, 15), "Europe/Warsaw", "Warsaw"),
        # "W1 SA #3": three Saturdays.
        (dam, datetime(2030, 4, 13, 14), datetime(2030, 4, 13, 16), "Europe/Amsterdam",
         "Amsterdam"),
        # ISO-8859-1 as Windows writes it (its "–" is windows-1252's 0x96); "2030-04-14T10:00:00Z"
        # and "20300414T1200Z".
        ("Mahnwache für eine sichere KI – Bürger:innen", datetime(2030, 4, 14, 12),
         datetime(2030, 4, 14, 14), "Europe/Berlin", "Munich"),
        (dam, datetime(2030, 4, 20, 14), datetime(2030, 4, 20, 16), "Europe/Amsterdam",
         "Amsterdam"),
        ("Rassemblement « IA sûre » – cœur de Lyon", datetime(2030, 4, 20, 15),
         datetime(2030, 4, 20, 17), "Europe/Paris", "Lyon"),
        (dam, datetime(2030, 4, 27, 14), datetime(2030, 4, 27, 16), "Europe/Amsterdam",
         "Amsterdam"),
        (sejm, datetime(2030, 5, 4, 13), datetime(2030, 5, 4, 15), "Europe/Warsaw", "Warsaw"),
    ]  # fmt: skip
    by_title = {entry.title: entry for entry in reading.entries}
    assert by_title[dam].description == (
        "Neem je spandoek mee.\nWe verzamelen bij het Nationaal Monument; daarna lopen we naar"
        " het Spui."
    )
    assert by_title[dam].record.venue == "Dam"
    assert by_title["Rassemblement « IA sûre » – cœur de Lyon"].description == (
        "Participation libre (don conseillé : 5 €).\n“Venez nombreux !”"
    )


@pytest.mark.parametrize(
    ("first", "rule", "starts"),
    [
        ("0311", "D7 #3", ["03-11", "03-18", "03-25"]),
        ("0311", "W2 MO #2", ["03-11", "03-25"]),
        ("0315", "MD1 15 #2", ["03-15", "04-15"]),
        ("0329", "MP1 1- FR 20300501T000000Z", ["03-29", "04-26"]),
        ("0331", "MD1 1- #3", ["03-31", "04-30", "05-31"]),
    ],
)
def test_vcalendar_1_0_rules_repeat_as_they_say(first, rule, starts):
    event = vevent("r@x", "SUMMARY:Spotkanie", f"DTSTART:2030{first}T180000Z", f"RRULE:{rule}",
                   location="Rynek Główny, Kraków, Polska")  # fmt: skip
    reading = read_calendar(calendar(event, version="1.0"), source="r", now=NOW)
    assert not reading.warnings
    assert [f"{row[1]:%m-%d}" for row in shown(reading)] == starts


# --- An entry made private since it was imported ------------------------------------------


THUNDERBIRD_FEED = "https://cloud.example.org/remote.php/dav/public-calendars/Xk2a9?export"


def test_an_entry_made_private_is_withdrawn_and_its_participants_are_told():
    feed = register_feed(url=THUNDERBIRD_FEED, campaign=None)
    demo = vevent("demo-1@nextcloud", "SUMMARY:Demo Neude", "DTSTART:20300315T130000Z",
                  "CLASS:PUBLIC")  # fmt: skip
    wake = vevent("wake-1@nextcloud", "SUMMARY:Wake bij het Binnenhof",
                  "DTSTART;TZID=Europe/Amsterdam:20300311T200000", "RRULE:FREQ=WEEKLY;COUNT=3",
                  location="Binnenhof\\, Den Haag\\, Nederland")  # fmt: skip
    sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(demo, wake))
    event = LocalEvent.objects.get(title="Demo Neude")
    signup = SignupFactory(event=event, email="deelnemer@example.nl", language="nl")
    assert event.status == LocalEvent.Status.APPROVED

    private = demo.replace("CLASS:PUBLIC", "CLASS:PRIVATE").replace("Demo Neude", "Overleg")
    # Apple's calendar server marks a whole series confidential in its own property.
    hidden = wake.replace("RRULE:", "X-CALENDARSERVER-ACCESS:CONFIDENTIAL\r\nRRULE:")
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(private, hidden))
    assert summary.counts["events cancelled"] == 4
    assert "it is marked private (CLASS:PRIVATE)" in str(summary.warnings[0])
    event.refresh_from_db()
    assert (event.status, event.title) == (LocalEvent.Status.CANCELLED, "Demo Neude")
    assert not LocalEvent.objects.exclude(status=LocalEvent.Status.CANCELLED).exists()
    told = OutboxMessage.objects.filter(to_email=signup.email, kind="event_cancelled")
    assert told.count() == 1

    again = sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(private, hidden))
    assert "events cancelled" not in again.counts  # withdrawn once; nobody is told twice
    assert OutboxMessage.objects.filter(kind="event_cancelled").count() == 1


def test_a_one_off_import_of_the_file_again_withdraws_an_entry_made_confidential():
    demo = vevent("d@x", "SUMMARY:Kundgebung", "DTSTART:20300315T130000Z",
                  location="Marienplatz\\, München\\, Deutschland")  # fmt: skip
    import_calendar(reading=read_calendar(calendar(demo), source="f"), campaign=None, now=NOW)
    confidential = demo.replace("SUMMARY:", "CLASS:CONFIDENTIAL\r\nSUMMARY:")
    summary = import_calendar(
        reading=read_calendar(calendar(confidential), source="f"), campaign=None, now=NOW
    )
    assert summary.counts["events cancelled"] == 1
    assert LocalEvent.objects.get().status == LocalEvent.Status.CANCELLED


# --- Bytes a parser does not expect -------------------------------------------------------


def test_a_file_of_lines_with_mixed_endings_is_read():
    # Entries pasted together from a CRLF export and an old Mac's CR file.
    first = calendar(vevent("a@x", "SUMMARY:Eerste", "DTSTART:20300310T120000Z"))
    second = vevent("b@x", "SUMMARY:Tweede", "DTSTART:20300311T120000Z").replace("\r\n", "\r")
    data = first.replace(b"END:VCALENDAR", second.encode() + b"\rEND:VCALENDAR")
    assert b"\r\n" in data and b"\rBEGIN:VEVENT" not in data and b"Tweede\rDTSTART" in data
    titles = [entry.title for entry in read_calendar(data, source="m", now=NOW).entries]
    assert titles == ["Eerste", "Tweede"]


def test_a_windows_unicode_export_in_utf16_is_read():
    event = vevent("u@x", "SUMMARY:Manifestación por una IA segura", "DTSTART:20300310T120000Z",
                   location="Puerta del Sol\\, Madrid\\, España")  # fmt: skip
    data = calendar(event).decode().encode("utf-16")
    assert data.startswith(b"\xff\xfe")
    (entry,) = read_calendar(data, source="u", now=NOW).entries
    assert (entry.title, entry.record.city) == ("Manifestación por una IA segura", "Madrid")


def test_a_time_zone_named_twice_refuses_the_feed_in_plain_words():
    zone = vtimezone("W. Europe Standard Time", "+0100", "+0200").replace(
        "TZID:W. Europe Standard Time", "TZID:W. Europe Standard Time\r\nTZID:Europe/Berlin"
    )
    event = vevent("t@x", "SUMMARY:Demo", "DTSTART;TZID=Europe/Berlin:20300310T120000")
    with pytest.raises(FeedUnavailable, match="not an iCalendar feed"):
        read_calendar(calendar(zone, event), source="t", now=NOW)


def test_count_zero_repeats_without_end_as_vcalendars_hash_zero_did():
    event = vevent("c@x", "SUMMARY:Maandelijks", "DTSTART:20300310T120000Z",
                   "RRULE:FREQ=MONTHLY;COUNT=0")  # fmt: skip
    reading = read_calendar(calendar(event), source="c", now=NOW)
    assert [f"{row[1]:%m-%d}" for row in shown(reading)][:3] == [
        "03-10",
        "04-10",
        "05-10",
    ]


def test_rules_that_never_match_are_read_at_once():
    rules = ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=YEARLY;BYMONTH=13",
             "FREQ=MONTHLY;BYDAY=6MO;COUNT=5", "FREQ=MONTHLY;BYMONTHDAY=1;BYDAY=2MO",
             "FREQ=DAILY;UNTIL=30300101T000000Z;BYMONTH=2;BYMONTHDAY=31"]  # fmt: skip
    events = [vevent(f"{n}@x", f"SUMMARY:Regel {n}", "DTSTART:20300310T120000Z", f"RRULE:{rule}")
              for n, rule in enumerate(rules)]  # fmt: skip
    read_calendar(calendar(vevent("w@x", "DTSTART:20300310T120000Z")), source="w")  # warm up
    started = time.process_time()
    reading = read_calendar(calendar(*events), source="n", now=NOW)
    assert time.process_time() - started < 3  # each was seconds of dateutil walking to year 9999
    # The start is the first occurrence whatever the rule says (RFC 5545 3.8.5.3).
    assert [e.title for e in reading.entries] == [f"Regel {n}" for n in range(len(rules))]


def test_rules_the_standard_forbids_are_refused_and_a_slow_feed_stops_expanding(monkeypatch):
    feed = register_feed(url="https://example.org/slow.ics", campaign=None)
    weekly = vevent("w@x", "SUMMARY:Wekelijks", "DTSTART:20300310T120000Z",
                    "RRULE:FREQ=WEEKLY;COUNT=3")  # fmt: skip
    sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(weekly))
    assert LocalEvent.objects.count() == 3
    # The second Tuesday of a day, a week number in a month: RFC 5545 3.3.10 has no such rule.
    rules = ["FREQ=DAILY;BYDAY=2TU", "FREQ=MONTHLY;BYWEEKNO=3"]
    forbidden = [vevent(f"f{n}@x", "SUMMARY:Verboden", "DTSTART:20300310T120000Z", f"RRULE:{r}")
                 for n, r in enumerate(rules)]  # fmt: skip
    monkeypatch.setattr("turnout.importers.calendar_feeds.SERIES_SECONDS", -1)
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: calendar(weekly, *forbidden))
    assert [str(w).split(": ", 1)[1] for w in summary.warnings] == [
        "event 1 (“Wekelijks”) skipped: the feed's repeat rules took too long to read",
        "event 2 (“Verboden”) skipped: the feed's repeat rules took too long to read",
        "event 3 (“Verboden”) skipped: the feed's repeat rules took too long to read",
    ]
    assert "events cancelled" not in summary.counts  # not read is not gone
    monkeypatch.undo()
    reading = read_calendar(calendar(*forbidden), source="f", now=NOW)
    assert [str(w) for w in reading.warnings] == [
        "f: event 1 (“Verboden”) skipped: its repeat rule “FREQ=DAILY;BYDAY=2TU” cannot be read",
        "f: event 2 (“Verboden”) skipped: its repeat rule “FREQ=MONTHLY;BYWEEKNO=3” cannot be read",
    ]


# --- The export, read back ------------------------------------------------------------------


def test_outlook_online_meetings_come_back_out_of_the_feed_at_their_local_time(client):
    reading = read_calendar(fixture("exchange-online-zones.ics"), source="x", now=NOW)
    import_calendar(reading=reading, campaign=None, now=NOW)
    response = client.get("/feeds/countries/NL.ics")
    published = icalendar.Calendar.from_ical(client.get("/feeds/events.ics").content)
    assert response.status_code == 200
    found = recurring_ical_events.of(published).between(NOW, NOW + timedelta(days=90))
    starts = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in found}
    japan = starts["日本チーム定例ミーティング"]
    assert (japan.replace(tzinfo=None), str(japan.tzinfo)) == (
        datetime(2030, 4, 15, 20),
        "Asia/Tokyo",
    )
    assert starts["Landelijk overleg actiegroepen"].replace(tzinfo=None) == datetime(
        2030, 4, 10, 19
    )


# --- Properties ---------------------------------------------------------------------------


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(max_size=60),
    st.sampled_from(["", "+0100", "+0900", "-0330", "+2500", "x"]),
    st.sampled_from(["", "+0200", "-0400"]),
)
def test_no_tzid_and_vtimezone_crashes_the_reader(tzid, standard, daylight):
    tzid = tzid.replace("\r", "").replace("\n", "")
    zones = [vtimezone(tzid, standard, daylight)] if standard else []
    event = vevent("z@x", "SUMMARY:Fuzz", f'DTSTART;TZID="{tzid}":20300410T190000',
                   "RRULE:FREQ=WEEKLY;COUNT=2", "URL:https://meet.jit.si/fuzz",
                   location="Online")  # fmt: skip
    try:
        reading = read_calendar(calendar(*zones, event), source="z", now=NOW)
    except FeedUnavailable:
        return
    for entry in reading.entries:
        assert entry.record.timezone in available_time_zones()
        assert entry.record.starts_at.tzinfo is not None
        local = entry.record.starts_at.astimezone(ZoneInfo(entry.record.timezone))
        # In the zone it is shown in, the hour written; a TZID of no zone is shown in UTC.
        assert local.hour == 19 or entry.record.timezone == "UTC"


VCAL_SEED = fixture("vcalendar-1.0-phones.vcs")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(VCAL_SEED)),
            st.integers(0, 30),
            st.one_of(
                st.binary(max_size=10),
                st.sampled_from([b"=", b"=\r\n", b"=C3", b"=ZZ", b"\r", b"\n ", b"\t", b";",
                                 b";CHARSET=nope", b";ENCODING=QUOTED-PRINTABLE", b"#0", b" 1- ",
                                 b"\xff\xfe", b"\x00", b"T1200", b"-", b":"]),
            ),
        ),
        max_size=6,
    )
)  # fmt: skip
def test_no_mangled_vcalendar_crashes_the_reader(edits):
    data = VCAL_SEED
    for at, cut, insert in edits:
        data = data[:at] + insert + data[at + cut :]
    try:
        reading = read_calendar(data, source="fuzz", now=NOW)
    except FeedUnavailable as error:
        assert str(error)
        return
    for entry in reading.entries:
        assert entry.record.starts_at <= entry.record.ends_at
        assert "\x00" not in entry.title
    assert all(str(w) for w in reading.warnings)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
    st.lists(
        st.tuples(
            st.sampled_from(["BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS"]),
            st.integers(-400, 400),
        ),
        max_size=3,
    ),
    st.sampled_from(["", "MO", "2TU", "-1FR", "6SA", "-60SU"]),
    st.sampled_from(["", ";COUNT=3", ";COUNT=0", ";UNTIL=30300101T000000Z"]),
)
def test_no_repeat_rule_keeps_the_reader_long(frequency, parts, weekday, end):
    rule = f"FREQ={frequency}" + "".join(f";{name}={value}" for name, value in parts)
    rule += f";BYDAY={weekday}" if weekday else ""
    event = vevent("r@x", "SUMMARY:Regel", "DTSTART:20300310T120000Z", f"RRULE:{rule}{end}")
    read_calendar(calendar(vevent("w@x", "DTSTART:20300310T120000Z")), source="w")  # warm up
    started = time.process_time()
    reading = read_calendar(calendar(event), source="r", now=NOW)
    assert time.process_time() - started < 5
    assert len(reading.entries) + len(reading.warnings) >= 1


IMPORT_SEED = fixture("exchange-online-zones.ics").replace(
    b"END:VCALENDAR\r\n", b""
) + b"\r\n".join(VCAL_SEED.split(b"\r\n")[5:])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, len(IMPORT_SEED)), st.integers(0, 30), st.binary(max_size=10)),
        max_size=5,
    )
)
def test_no_mangled_feed_crashes_the_import_into_the_database(edits):
    data = IMPORT_SEED
    for at, cut, insert in edits:
        data = data[:at] + insert + data[at + cut :]
    feed = register_feed(url="https://example.org/fuzz.ics", campaign=None)
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda url: data)
    assert all(str(w) for w in summary.warnings)
    for event in LocalEvent.objects.filter(import_source__feed=feed):
        assert event.starts_at <= event.ends_at and event.timezone in available_time_zones()
        assert "\x00" not in event.title + event.description
