"""Calendars from programs nobody here wrote, fourth round: floating times with and without
X-WR-TIMEZONE, Outlook's Windows zone names and whole-day marker, Lotus Notes' own zones,
WordPress' "The Events Calendar", Nextcloud and Thunderbird series (RDATE with periods, the
last Friday of the month, EXDATE in another zone, moved and cancelled occurrences), lengths
given as DURATION or not at all, an organizer's METHOD:CANCEL, and files framed oddly (a BOM,
tabs as folds, a letter cut in two by a fold, lower-case names, windows-1252, LF endings).

The fixtures are in fixtures/calendars4/; `shown` gives each event as people read it: title,
local start and end, zone and city.
"""

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from turnout.campaigns.calendar import build_calendar, render_ics
from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import (
    import_calendar,
    read_calendar,
    register_feed,
    sync_feed,
)

from .calendar_builders import CalendarFolder, calendar, vevent
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars4")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def shown(reading) -> list[tuple]:
    return shown_rows(reading, with_venue=False)


def by_title(reading, title: str):
    return [entry for entry in reading.entries if entry.title == title]


# --- floating times ------------------------------------------------------------------------


def test_google_floating_times_are_read_in_the_calendars_zone_and_a_vtimezone_in_its_own():
    reading = read("google-floating-madrid-es.ics")
    weekly, congress = "Asamblea semanal", "Concentración ante el Congreso"
    assert shown(reading) == [
        # Floating 19:00 stays 19:00 across the change to summer time (31 March).
        (weekly, datetime(2030, 3, 21, 19), datetime(2030, 3, 21, 20, 30), "Europe/Madrid",
         "Madrid"),
        (weekly, datetime(2030, 3, 28, 19), datetime(2030, 3, 28, 20, 30), "Europe/Madrid",
         "Madrid"),
        (congress, datetime(2030, 4, 4, 18, 30), datetime(2030, 4, 4, 20), "Europe/Madrid",
         "Madrid"),
        (weekly, datetime(2030, 4, 4, 19), datetime(2030, 4, 4, 20, 30), "Europe/Madrid",
         "Madrid"),
        # The one event with its own TZID keeps it, though the calendar's zone is Madrid's.
        ("Marcha hermana en Ciudad de México", datetime(2030, 4, 5, 17), datetime(2030, 4, 5, 19),
         "America/Mexico_City", "Mexico City"),
        # Two whole days: DTEND (20 April) is the day after the last.
        ("Acampada por la seguridad de la IA", datetime(2030, 4, 18), datetime(2030, 4, 19, 23, 59),
         "Europe/Madrid", "Madrid"),
        ("Reunión de coordinación (en línea)", datetime(2030, 4, 22, 19), datetime(2030, 4, 22, 20),
         "Europe/Madrid", ""),
    ]  # fmt: skip
    (call,) = by_title(reading, "Reunión de coordinación (en línea)")
    assert call.is_online and call.meeting_url == "https://meet.google.com/xyz-abcd-efg"
    # The exact moments, not only the wall clock: 19:00 in Madrid is 18:00 UTC in winter.
    first = min(by_title(reading, weekly), key=lambda e: e.record.starts_at)
    assert first.record.starts_at == datetime(2030, 3, 21, 18, tzinfo=UTC)
    messages = [w.message for w in reading.warnings]
    assert messages == [
        "event 4 (“Reunión de coordinación (en línea)”): its time names no time zone; it was"
        " read as Europe/Madrid time"
    ]


def test_a_floating_time_in_another_zone_than_the_calendars_is_read_in_the_calendars_and_told():
    """X-WR-TIMEZONE is the clock the calendar's program showed its author, and a series of
    floating times is expanded in it: a single event is read the same way, and the user is
    told, as the place's clock differs."""
    event = vevent("mx@x", "SUMMARY:Marcha hermana", "DTSTART:20300405T170000",
                   "DTEND:20300405T190000",
                   location="Zócalo\\, Ciudad de México\\, México")  # fmt: skip
    reading = read_calendar(calendar(event, head="X-WR-TIMEZONE:Europe/Madrid"), source="x",
                            now=NOW)  # fmt: skip
    (entry,) = reading.entries
    assert entry.record.starts_at == datetime(2030, 4, 5, 15, tzinfo=UTC)  # 17:00 in Madrid
    assert entry.record.timezone == "America/Mexico_City"
    assert [w.message for w in reading.warnings] == [
        "event 1 (“Marcha hermana”): its time names no time zone; it was read as Europe/Madrid time"
    ]


def test_floating_times_without_a_calendar_zone_are_the_clock_of_the_place_and_of_the_feed():
    """CiviCRM writes floating times and no X-WR-TIMEZONE: an event in London is at London's
    clock, and the online call of a London group at London's too, not UTC's."""
    reading = read("civicrm-floating-london-en.ics")
    assert shown(reading) == [
        ("Letter-writing evening", datetime(2030, 4, 2, 18, 30), datetime(2030, 4, 2, 20),
         "Europe/London", "London"),
        ("Vigil outside the Department for Science", datetime(2030, 4, 10, 18),
         datetime(2030, 4, 10, 19, 30), "Europe/London", "London"),
        ("New volunteers' welcome call", datetime(2030, 4, 15, 19), datetime(2030, 4, 15, 20),
         "Europe/London", ""),
    ]  # fmt: skip
    (call,) = by_title(reading, "New volunteers' welcome call")
    assert call.record.starts_at == datetime(2030, 4, 15, 18, tzinfo=UTC)  # 19:00 BST
    assert call.record.day == date(2030, 4, 15)
    (vigil,) = by_title(reading, "Vigil outside the Department for Science")
    assert vigil.url == "https://pauseai.example.org/civicrm/event/info?id=118&reset=1"
    assert [w.message for w in reading.warnings] == [
        "event 3 (“New volunteers' welcome call”): its time names no time zone; it was read as"
        " Europe/London time"
    ]


def test_a_floating_online_call_in_a_feed_of_several_zones_stays_at_utc_and_says_so():
    call = vevent("call@x", "SUMMARY:Online-Treffen", "DTSTART:20300401T190000",
                  "DTEND:20300401T200000", location="https://zoom.us/j/123456789")  # fmt: skip
    berlin = vevent("b@x", "SUMMARY:Demo", "DTSTART:20300402T190000", "DTEND:20300402T200000",
                    location="Alexanderplatz\\, Berlin")  # fmt: skip
    london = vevent("l@x", "SUMMARY:Rally", "DTSTART:20300403T190000", "DTEND:20300403T200000",
                    location="Trafalgar Square\\, London\\, United Kingdom")  # fmt: skip
    reading = read_calendar(calendar(call, berlin, london), source="x", now=NOW)
    (entry,) = by_title(reading, "Online-Treffen")
    assert entry.record.timezone == "UTC"
    assert entry.record.starts_at == datetime(2030, 4, 1, 19, tzinfo=UTC)
    assert any("it was read as UTC time" in w.message for w in reading.warnings)


def test_a_floating_online_call_in_a_feed_of_calls_only_is_at_its_one_vtimezones_clock():
    berlin = "\r\n".join([
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:STANDARD", "DTSTART:19701025T030000",
        "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD", "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "END:VTIMEZONE",
    ])  # fmt: skip
    call = vevent("call@x", "SUMMARY:Online-Plenum", "DTSTART:20300405T170000",
                  "DTEND:20300405T190000", location="https://zoom.us/j/1234567890")  # fmt: skip
    reading = read_calendar(calendar(berlin, call), source="x", now=NOW)
    assert shown(reading) == [
        ("Online-Plenum", datetime(2030, 4, 5, 17), datetime(2030, 4, 5, 19), "Europe/Berlin", "")
    ]


def test_a_floating_online_call_across_the_change_to_summer_time_is_read_by_the_clock():
    # 01:30 to 03:30 in Berlin on the night the clocks go forward: an hour passes.
    call = vevent("night@x", "SUMMARY:Nachtschicht online", "DTSTART:20300331T013000",
                  "DTEND:20300331T033000", location="https://meet.jit.si/Nachtschicht")  # fmt: skip
    berlin = vevent("b@x", "SUMMARY:Demo", "DTSTART:20300402T190000", "DTEND:20300402T200000",
                    location="Alexanderplatz\\, Berlin")  # fmt: skip
    reading = read_calendar(calendar(call, berlin), source="x", now=NOW)
    (entry,) = by_title(reading, "Nachtschicht online")
    assert entry.record.timezone == "Europe/Berlin"
    assert entry.record.starts_at == datetime(2030, 3, 31, 0, 30, tzinfo=UTC)
    assert entry.record.ends_at == datetime(2030, 3, 31, 1, 30, tzinfo=UTC)


def test_a_floating_online_call_in_the_skipped_hour_still_ends_after_it_starts():
    call = vevent("gap@x", "SUMMARY:Kurz", "DTSTART:20300331T021000",
                  "DTEND:20300331T025000", location="https://meet.jit.si/Kurz")  # fmt: skip
    berlin = vevent("b@x", "SUMMARY:Demo", "DTSTART:20300402T190000", "DTEND:20300402T200000",
                    location="Alexanderplatz\\, Berlin")  # fmt: skip
    reading = read_calendar(calendar(call, berlin), source="x", now=NOW)
    (entry,) = by_title(reading, "Kurz")
    assert entry.record.ends_at.astimezone(UTC) > entry.record.starts_at.astimezone(UTC)


# --- Outlook, Exchange and Lotus Notes -------------------------------------------------------


def test_outlook_windows_zone_names_are_read_as_the_zones_they_mean():
    reading = read("outlook-windows-zones-de.ics")
    meeting = "Aktionstreffen"
    assert shown(reading) == [
        ("March to City Hall", datetime(2030, 3, 9, 10), datetime(2030, 3, 9, 12),
         "America/Los_Angeles", "San Francisco"),
        (meeting, datetime(2030, 3, 26, 19), datetime(2030, 3, 26, 20, 30), "Europe/Berlin",
         "Berlin"),
        # Thursday's meeting moved to the Wednesday before, half an hour earlier.
        ("Aktionstreffen (verschoben auf Mittwoch)", datetime(2030, 3, 27, 18, 30),
         datetime(2030, 3, 27, 20), "Europe/Berlin", "Berlin"),
        ("Rally in Parliament Square", datetime(2030, 3, 29, 11), datetime(2030, 3, 29, 13),
         "Europe/London", "London"),
        # Tuesday 2 April excluded by an EXDATE written in UTC (17:00Z is 19:00 in Berlin).
        (meeting, datetime(2030, 4, 4, 19), datetime(2030, 4, 4, 20, 30), "Europe/Berlin",
         "Berlin"),
        ("Mahnwache vor dem Kanzleramt", datetime(2030, 4, 6, 14), datetime(2030, 4, 6, 16),
         "Europe/Berlin", "Berlin"),
        ("Rassemblement place de la République", datetime(2030, 4, 7, 15),
         datetime(2030, 4, 7, 17), "Europe/Paris", "Paris"),
        ("Abgesagt: Aktionstreffen", datetime(2030, 4, 9, 19), datetime(2030, 4, 9, 20, 30),
         "Europe/Berlin", "Berlin"),
        # UNTIL=20300411T170000Z is this meeting's own start: the last one.
        (meeting, datetime(2030, 4, 11, 19), datetime(2030, 4, 11, 20, 30), "Europe/Berlin",
         "Berlin"),
        ("AI安全のための東京行進", datetime(2030, 4, 12, 13), datetime(2030, 4, 12, 15),
         "Asia/Tokyo", "Tokyo"),
    ]  # fmt: skip
    assert not reading.warnings
    cancelled = [e.title for e in reading.entries if e.is_cancelled]
    assert cancelled == ["Abgesagt: Aktionstreffen"]
    series = [e for e in reading.entries if e.uid.endswith("CC11")]
    assert len({e.recurrence_id for e in series}) == len(series) == 5
    (moved,) = by_title(reading, "Aktionstreffen (verschoben auf Mittwoch)")
    assert moved.recurrence_id == "20300328T180000Z"  # the Thursday it was
    (vigil,) = by_title(reading, "Mahnwache vor dem Kanzleramt")
    # DESCRIPTION is empty; X-ALT-DESC's HTML is what the organizer wrote.
    assert vigil.description == (
        "**Mahnwache** vor dem Kanzleramt.\n\n"
        "Anmeldung: [pauseai.example.de/mahnwache](https://pauseai.example.de/mahnwache)"
    )
    (tokyo,) = by_title(reading, "AI安全のための東京行進")
    assert tokyo.record.venue == "代々木公園, 渋谷区"


def test_outlook_display_names_and_a_customized_zone_are_read_as_the_zones_they_mean():
    reading = read("outlook-display-names-nl.ics")
    assert shown(reading) == [
        ("Demonstratie op het Museumplein", datetime(2030, 4, 13, 13, 30),
         datetime(2030, 4, 13, 16), "Europe/Amsterdam", "Amsterdam"),
        ("Flyeren op de Grote Markt", datetime(2030, 4, 20, 11), datetime(2030, 4, 20, 13),
         "Europe/Amsterdam", "Groningen"),
    ]  # fmt: skip
    groningen = by_title(reading, "Flyeren op de Grote Markt")[0]
    assert groningen.record.starts_at == datetime(2030, 4, 20, 9, tzinfo=UTC)


def test_lotus_notes_short_zone_name_is_read_by_the_rules_of_its_vtimezone():
    reading = read("lotus-notes-domino-de.ics")
    assert shown(reading) == [
        ("Infostand am Marienplatz", datetime(2030, 4, 25, 17), datetime(2030, 4, 25, 19),
         "Europe/Berlin", "Munich"),
    ]  # fmt: skip
    assert reading.entries[0].record.starts_at == datetime(2030, 4, 25, 15, tzinfo=UTC)


def test_outlooks_whole_day_marker_makes_midnight_to_midnight_whole_days():
    tzid = "W. Europe Standard Time"
    event = vevent("allday@x", "SUMMARY:Actiedagen", f"DTSTART;TZID={tzid}:20300401T000000",
                   f"DTEND;TZID={tzid}:20300403T000000",
                   "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE")  # fmt: skip
    reading = read_calendar(calendar(event), source="x", now=NOW)
    assert shown(reading) == [
        (
            "Actiedagen",
            datetime(2030, 4, 1),
            datetime(2030, 4, 2, 23, 59),
            "Europe/Amsterdam",
            "Utrecht",
        )
    ]


def test_the_whole_day_marker_leaves_an_event_with_a_time_of_day_as_it_is():
    event = vevent("timed@x", "SUMMARY:Ochtendactie",
                   "DTSTART;TZID=Europe/Amsterdam:20300401T070000",
                   "DTEND;TZID=Europe/Amsterdam:20300401T090000",
                   "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE")  # fmt: skip
    reading = read_calendar(calendar(event), source="x", now=NOW)
    assert shown(reading) == [
        (
            "Ochtendactie",
            datetime(2030, 4, 1, 7),
            datetime(2030, 4, 1, 9),
            "Europe/Amsterdam",
            "Utrecht",
        )
    ]


# --- WordPress, Mobilizon ------------------------------------------------------------------


def test_wordpress_events_calendar_places_descriptions_and_links():
    reading = read("wordpress-events-calendar-fr.ics")
    assert shown(reading) == [
        ("Marche pour une IA sûre – Lyon", datetime(2030, 4, 13, 14), datetime(2030, 4, 13, 17),
         "Europe/Paris", "Lyon"),
        # Three whole days, 24 to 26 May (DTEND 27 May is exclusive).
        ("Université d'été de PauseIA", datetime(2030, 5, 24), datetime(2030, 5, 26, 23, 59),
         "Europe/Paris", "Marseille"),
    ]  # fmt: skip
    lyon, summer = sorted(reading.entries, key=lambda e: e.record.starts_at)
    assert lyon.record.venue == "Place Bellecour"
    assert (lyon.record.latitude, lyon.record.longitude) == (45.757814, 4.832011)  # GEO
    assert lyon.url == "https://pauseia.example.fr/evenement/marche-lyon/"
    # Escaped commas and semicolons are the organizer's punctuation, not separators.
    assert lyon.description == (
        "Rendez-vous place Bellecour, côté statue. Apportez vos pancartes; nous fournissons"
        " les tracts."
    )
    assert summer.record.venue == "Maison des associations, 12 rue Colbert"
    assert summer.description == (
        "Trois jours d’ateliers, de débats et de formations.\n\n**Inscription obligatoire** :"
        " [sur Eventbrite](https://www.eventbrite.fr/e/universite-ete-pauseia-1234567890)"
    )
    assert summer.url == "https://pauseia.example.fr/evenement/universite-ete/"
    assert not reading.warnings


def test_mobilizon_conference_geo_and_cancelled_status():
    reading = read("mobilizon-conference-fr.ics")
    assert shown(reading) == [
        ("Atelier « Comprendre les risques de l'IA »", datetime(2030, 4, 16, 19),
         datetime(2030, 4, 16, 21), "Europe/Paris", "Rennes"),
        ("Visioconférence mensuelle des groupes locaux", datetime(2030, 4, 23, 20),
         datetime(2030, 4, 23, 21, 30), "Europe/Paris", ""),
        ("Rassemblement devant la mairie (annulé)", datetime(2030, 4, 30, 18),
         datetime(2030, 4, 30, 20), "Europe/Paris", "Rennes"),
    ]  # fmt: skip
    workshop, call, rally = sorted(reading.entries, key=lambda e: e.record.starts_at)
    assert (workshop.record.latitude, workshop.record.longitude) == (48.105, -1.6747)
    assert call.is_online and call.meeting_url == "https://meet.jit.si/PauseIA-Groupes-Locaux"
    assert call.url == "https://mobilizon.example.fr/events/c4d1f2b3-8a5e-4f9c-0d2b-3e4f5a6b7c8d"
    assert [e.is_cancelled for e in (workshop, call, rally)] == [False, False, True]


# --- series --------------------------------------------------------------------------------


def test_nextcloud_series_with_periods_last_fridays_and_an_exdate_in_another_zone():
    reading = read("nextcloud-series-nl.ics")
    wake, flyers = "Vrijdagmiddagwake", "Flyeractie station"
    assert shown(reading) == [
        (wake, datetime(2030, 3, 29, 17), datetime(2030, 3, 29, 18, 30), "Europe/Amsterdam",
         "The Hague"),
        (flyers, datetime(2030, 4, 5, 10), datetime(2030, 4, 5, 12), "Europe/Amsterdam",
         "Utrecht"),
        (flyers, datetime(2030, 4, 19, 10), datetime(2030, 4, 19, 12), "Europe/Amsterdam",
         "Utrecht"),
        (wake, datetime(2030, 4, 26, 17), datetime(2030, 4, 26, 18, 30), "Europe/Amsterdam",
         "The Hague"),
        (flyers, datetime(2030, 5, 3, 10), datetime(2030, 5, 3, 12), "Europe/Amsterdam",
         "Utrecht"),
        # RDATE periods: their own ends, given as a time (UTC) and as a length.
        (flyers, datetime(2030, 5, 17, 10), datetime(2030, 5, 17, 15), "Europe/Amsterdam",
         "Utrecht"),
        (flyers, datetime(2030, 5, 24, 10), datetime(2030, 5, 24, 13), "Europe/Amsterdam",
         "Utrecht"),
        # 31 May is excluded by an EXDATE given in New York time (11:00 EDT is 17:00 here).
        (wake, datetime(2030, 6, 28, 17), datetime(2030, 6, 28, 18, 30), "Europe/Amsterdam",
         "The Hague"),
    ]  # fmt: skip
    assert not reading.warnings


def test_a_floating_series_with_a_calendar_zone_moves_and_cancels_its_occurrences():
    common = {"location": "Plaza Mayor\\, Valladolid\\, España"}
    master = vevent("s@x", "SUMMARY:Reunión semanal", "DTSTART:20300321T190000",
                    "DTEND:20300321T200000", "RRULE:FREQ=WEEKLY;COUNT=4",
                    "EXDATE:20300328T190000", **common)  # fmt: skip
    moved = vevent("s@x", "SUMMARY:Reunión semanal (miércoles)",
                   "RECURRENCE-ID:20300404T190000", "DTSTART:20300403T183000",
                   "DTEND:20300403T193000", **common)  # fmt: skip
    called_off = vevent("s@x", "SUMMARY:Reunión semanal (cancelada)",
                        "RECURRENCE-ID:20300411T190000", "DTSTART:20300411T190000",
                        "DTEND:20300411T200000", "STATUS:CANCELLED", **common)  # fmt: skip
    data = calendar(master, moved, called_off, head="X-WR-TIMEZONE:Europe/Madrid")
    reading = read_calendar(data, source="x", now=NOW)
    assert [(row[0], row[1], row[3]) for row in shown(reading)] == [
        ("Reunión semanal", datetime(2030, 3, 21, 19), "Europe/Madrid"),
        ("Reunión semanal (miércoles)", datetime(2030, 4, 3, 18, 30), "Europe/Madrid"),
        ("Reunión semanal (cancelada)", datetime(2030, 4, 11, 19), "Europe/Madrid"),
    ]
    assert [e.is_cancelled for e in sorted(reading.entries, key=lambda e: e.record.day)] == [
        False, False, True
    ]  # fmt: skip
    # The moved one is known by the Thursday it was, at 19:00 in Madrid.
    assert sorted(e.recurrence_id for e in reading.entries)[1] == "20300404T170000Z"


def test_a_days_until_includes_that_day_of_a_series_with_times():
    # Google and Outlook write UNTIL as a date for a timed series: the 15th still meets.
    event = vevent("weekly@x", "SUMMARY:Wekelijks overleg",
                   "DTSTART;TZID=Europe/Amsterdam:20300401T190000",
                   "DTEND;TZID=Europe/Amsterdam:20300401T200000",
                   "RRULE:FREQ=WEEKLY;UNTIL=20300415")  # fmt: skip
    reading = read_calendar(calendar(event), source="x", now=NOW)
    assert [row[1] for row in shown(reading)] == [
        datetime(2030, 4, 1, 19), datetime(2030, 4, 8, 19), datetime(2030, 4, 15, 19)
    ]  # fmt: skip


def test_a_days_until_of_a_floating_series_includes_that_day_too():
    event = vevent("weekly@x", "SUMMARY:Treffen", "DTSTART:20300401T190000",
                   "DTEND:20300401T200000", "RRULE:FREQ=WEEKLY;UNTIL=20300408",
                   location="Alexanderplatz\\, Berlin")  # fmt: skip
    reading = read_calendar(calendar(event), source="x", now=NOW)
    assert [row[1] for row in shown(reading)] == [
        datetime(2030, 4, 1, 19), datetime(2030, 4, 8, 19)
    ]  # fmt: skip


def test_a_whole_day_series_with_a_days_until_is_unchanged():
    event = vevent("days@x", "SUMMARY:Dagactie", "DTSTART;VALUE=DATE:20300401",
                   "DTEND;VALUE=DATE:20300402", "RRULE:FREQ=WEEKLY;UNTIL=20300415")  # fmt: skip
    reading = read_calendar(calendar(event), source="x", now=NOW)
    assert [row[1] for row in shown(reading)] == [
        datetime(2030, 4, 1), datetime(2030, 4, 8), datetime(2030, 4, 15)
    ]  # fmt: skip


def test_extra_and_excluded_days_of_a_series_with_times_are_at_its_time():
    # Yahoo and old Lotus Notes give a timed series' extra and excluded dates as days.
    event = vevent("days@x", "SUMMARY:Wekelijkse wake",
                   "DTSTART;TZID=Europe/Amsterdam:20300401T190000", "DURATION:PT1H",
                   "RRULE:FREQ=WEEKLY;COUNT=3", "EXDATE;VALUE=DATE:20300408",
                   "RDATE;VALUE=DATE:20300410,20300412")  # fmt: skip
    reading = read_calendar(calendar(event), source="x", now=NOW)
    assert [row[1:3] for row in shown(reading)] == [
        (datetime(2030, 4, 1, 19), datetime(2030, 4, 1, 20)),
        (datetime(2030, 4, 10, 19), datetime(2030, 4, 10, 20)),
        (datetime(2030, 4, 12, 19), datetime(2030, 4, 12, 20)),
        (datetime(2030, 4, 15, 19), datetime(2030, 4, 15, 20)),
    ]
    assert len({entry.recurrence_id for entry in reading.entries}) == 4


def test_thunderbird_lengths_durations_and_a_night_across_summer_time():
    reading = read("thunderbird-lengths-de.ics")
    posters = "Plakatieren in Kreuzberg"
    assert shown(reading) == [
        # 22:00 CET to 06:00 CEST: seven hours, as the clock went forward at 02:00.
        ("Nachtwache vor dem Bundestag", datetime(2030, 3, 30, 22), datetime(2030, 3, 31, 6),
         "Europe/Berlin", "Berlin"),
        (posters, datetime(2030, 4, 1, 18), datetime(2030, 4, 1, 20), "Europe/Berlin", "Berlin"),
        (posters, datetime(2030, 4, 3, 18), datetime(2030, 4, 3, 20), "Europe/Berlin", "Berlin"),
        (posters, datetime(2030, 4, 8, 18), datetime(2030, 4, 8, 20), "Europe/Berlin", "Berlin"),
        (posters, datetime(2030, 4, 10, 18), datetime(2030, 4, 10, 20), "Europe/Berlin",
         "Berlin"),
        # A date without DTEND is that one day.
        ("Aktionstag Klimagerechtigkeit und KI", datetime(2030, 5, 2), datetime(2030, 5, 2, 23, 59),
         "Europe/Berlin", "Cologne"),
        # A time without DTEND or DURATION: the usual two hours.
        ("Pressekonferenz", datetime(2030, 5, 3, 11), datetime(2030, 5, 3, 13), "Europe/Berlin",
         "Berlin"),
        ("Workshop: Sicherheit von KI-Systemen", datetime(2030, 5, 4, 10),
         datetime(2030, 5, 4, 16, 30), "Europe/Berlin", "Hamburg"),
        # DURATION:P3D on a date: three whole days.
        ("Zeltlager", datetime(2030, 5, 22), datetime(2030, 5, 24, 23, 59), "Europe/Berlin",
         "Berlin"),
    ]  # fmt: skip
    (night,) = by_title(reading, "Nachtwache vor dem Bundestag")
    length = night.record.ends_at.astimezone(UTC) - night.record.starts_at.astimezone(UTC)
    assert length.total_seconds() == 7 * 3600


def test_a_negative_duration_gives_the_usual_length_and_says_so():
    event = vevent("neg@x", "SUMMARY:Mahnwache", "DTSTART;TZID=Europe/Berlin:20300405T180000",
                   "DURATION:-PT1H", location="Alexanderplatz\\, Berlin")  # fmt: skip
    reading = read_calendar(calendar(event), source="x", now=NOW)
    assert shown(reading) == [
        ("Mahnwache", datetime(2030, 4, 5, 18), datetime(2030, 4, 5, 20), "Europe/Berlin",
         "Berlin")
    ]  # fmt: skip
    assert [w.message for w in reading.warnings] == [
        "event 1 (“Mahnwache”): its length (DURATION) is negative; it was given the usual length"
    ]


# --- METHOD:CANCEL and PUBLISH ---------------------------------------------------------------


def test_method_cancel_calls_off_the_events_it_gives():
    published = read("proton-publish-en.ics")
    cancelling = read("proton-cancel-en.ics")
    assert [e.is_cancelled for e in published.entries] == [False]
    assert [e.is_cancelled for e in cancelling.entries] == [True]
    assert shown(cancelling) == shown(published) == [
        ("Leafleting at Waverley Station", datetime(2030, 4, 5, 10), datetime(2030, 4, 5, 12),
         "Europe/London", "Edinburgh"),
    ]  # fmt: skip


def test_method_cancel_on_a_feed_cancels_the_event_imported_before():
    feed = register_feed(url="https://calendar.proton.me/api/scotland.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda url: fixture("proton-publish-en.ics"))
    event = LocalEvent.objects.get(import_source__uid="Zx9yW8vU7tS6rQ5p@proton.me")
    assert event.status != LocalEvent.Status.CANCELLED
    sync_feed(feed=feed, now=NOW, fetch=lambda url: fixture("proton-cancel-en.ics"))
    event.refresh_from_db()
    assert event.status == LocalEvent.Status.CANCELLED


def test_method_cancel_of_an_entry_too_bare_to_read_still_cancels_it():
    bare = "\r\n".join(["BEGIN:VEVENT", "UID:bare@x", "DTSTAMP:20300101T000000Z",
                        "SEQUENCE:2", "END:VEVENT"])  # fmt: skip
    reading = read_calendar(calendar(bare, head="METHOD:CANCEL"), source="x", now=NOW)
    assert reading.entries == []
    assert reading.cancelled == {("bare@x", "")}
    assert not reading.warnings


def test_method_cancel_of_one_occurrence_by_its_recurrence_id_alone_cancels_that_one():
    series = vevent("wake@x", "SUMMARY:Wekelijkse wake",
                    "DTSTART;TZID=Europe/Amsterdam:20300401T190000", "DURATION:PT1H",
                    "RRULE:FREQ=WEEKLY;COUNT=3")  # fmt: skip
    import_calendar(reading=read_calendar(calendar(series), source="x", now=NOW), campaign=None,
                    now=NOW)  # fmt: skip
    cancel = "\r\n".join(["BEGIN:VEVENT", "UID:wake@x", "DTSTAMP:20300320T000000Z",
                           "RECURRENCE-ID;TZID=Europe/Amsterdam:20300408T190000", "SEQUENCE:1",
                           "END:VEVENT"])  # fmt: skip
    reading = read_calendar(calendar(cancel, head="METHOD:CANCEL"), source="x", now=NOW)
    assert reading.cancelled == {("wake@x", "20300408T170000Z")} and not reading.warnings
    import_calendar(reading=reading, campaign=None, now=NOW)
    statuses = {
        event.local_starts_at.day: event.status == LocalEvent.Status.CANCELLED
        for event in LocalEvent.objects.filter(import_source__uid="wake@x")
    }
    assert statuses == {1: False, 8: True, 15: False}


def test_an_override_without_a_start_leaves_the_rest_of_its_series_whole():
    series = vevent("s@x", "SUMMARY:Plenum", "DTSTART;TZID=Europe/Berlin:20300401T190000",
                    "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=3",
                    location="Alexanderplatz\\, Berlin")  # fmt: skip
    bare = "\r\n".join(["BEGIN:VEVENT", "UID:s@x", "DTSTAMP:20300320T000000Z",
                         "RECURRENCE-ID;TZID=Europe/Berlin:20300408T190000",
                         "SUMMARY:Plenum (neuer Titel)", "END:VEVENT"])  # fmt: skip
    reading = read_calendar(calendar(series, bare), source="x", now=NOW)
    assert [row[1] for row in shown(reading)] == [
        datetime(2030, 4, 1, 19), datetime(2030, 4, 8, 19), datetime(2030, 4, 15, 19)
    ]  # fmt: skip
    assert reading.cancelled == set()


def test_method_cancel_of_a_series_calls_off_each_occurrence():
    event = vevent("series@x", "SUMMARY:Reeks", "DTSTART;TZID=Europe/Amsterdam:20300401T190000",
                   "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=3")  # fmt: skip
    reading = read_calendar(calendar(event, head="METHOD:CANCEL"), source="x", now=NOW)
    assert [e.is_cancelled for e in reading.entries] == [True, True, True]


# --- framing and scripts ---------------------------------------------------------------------


def test_a_bom_tab_folds_a_letter_cut_by_a_fold_and_lower_case_names():
    data = fixture("zoho-yahoo-airtable-scripts.ics")
    assert data.startswith(b"\xef\xbb\xbf")
    assert re.search(rb"\r\n\t[\x80-\xbf]", data)  # a fold in the middle of a letter
    assert b"\r\n\r\n" in data and b"begin:vevent" in data
    assert max(len(line) for line in data.split(b"\r\n")) > 500  # a long line left unfolded
    reading = read_calendar(data, source="x", now=NOW)
    assert shown(reading) == [
        ("Πορεία για ασφαλή τεχνητή νοημοσύνη", datetime(2030, 4, 11, 18),
         datetime(2030, 4, 11, 20), "Europe/Athens", "Athens"),
        ("Пикет за безопасный ИИ у Бранденбургских ворот", datetime(2030, 4, 12, 14),
         datetime(2030, 4, 12, 16), "Europe/Berlin", "Berlin"),
        ("وقفة من أجل ذكاء اصطناعي آمن", datetime(2030, 4, 18, 18), datetime(2030, 4, 18, 20),
         "Europe/Brussels", "Brussels"),
    ]  # fmt: skip
    athens = by_title(reading, "Πορεία για ασφαλή τεχνητή νοημοσύνη")[0]
    assert athens.record.venue == "Πλατεία Συντάγματος"
    assert athens.description.count("Συγκέντρωση στο Σύνταγμα") == 6
    assert "\ufffd" not in athens.description + athens.title
    assert not reading.warnings


def test_windows_1252_bytes_with_lf_endings():
    data = fixture("agenda-cp1252-lf-es.ics")
    assert b"\r" not in data and b"\x96" in data and b"\x80" in data  # "–" and "€"
    reading = read_calendar(data, source="x", now=NOW)
    assert shown(reading) == [
        ("Charla: ¿Quién controla la IA? – coloquio abierto", datetime(2030, 4, 12, 19),
         datetime(2030, 4, 12, 21), "Europe/Madrid", "Barcelona"),
    ]  # fmt: skip
    assert reading.entries[0].description == (
        "Entrada libre. Aforo limitado a 80 personas; precio 0 €."
    )


# --- written back as iCalendar ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["outlook-windows-zones-de.ics", "civicrm-floating-london-en.ics",
     "thunderbird-lengths-de.ics", "zoho-yahoo-airtable-scripts.ics"],
)  # fmt: skip
def test_imported_events_written_as_ics_read_back_at_the_same_moments(name):
    reading = read(name)
    import_calendar(reading=reading, campaign=None, now=NOW)
    events = list(LocalEvent.objects.filter(import_source__isnull=False))
    assert len(events) == len(reading.entries)
    parsed = icalendar.Calendar.from_ical(render_ics(build_calendar(events, now=NOW)))
    written = {}
    for component in parsed.walk("VEVENT"):
        start, end = component.decoded("DTSTART"), component.decoded("DTEND")
        written[str(component["SUMMARY"]), start.astimezone(UTC)] = (
            end.astimezone(UTC),
            str(component["DTSTART"].params.get("TZID", "")),
            str(component["STATUS"]),
        )
    expected = {
        (e.title, e.record.starts_at.astimezone(UTC)): (
            e.record.ends_at.astimezone(UTC),
            e.record.timezone,
            "CANCELLED" if e.is_cancelled else "CONFIRMED",
        )
        for e in reading.entries
    }
    for key, (end, zone, status) in expected.items():
        assert written[key][0] == end and written[key][1] == zone
        assert (written[key][2] == "CANCELLED") == (status == "CANCELLED")
    assert len(written) == len(expected)
    # The wall clock in the event's own zone, as the organizer wrote it.
    for component in parsed.walk("VEVENT"):
        start = component.decoded("DTSTART")
        assert start.tzinfo is not None
        assert isinstance(start.tzinfo, ZoneInfo) or component["DTSTART"].params.get("TZID")
