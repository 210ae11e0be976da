"""Calendars from programs nobody here tested, seventh round: Exchange 2019 with Teams (CDO
markers, a Windows zone and a display name, an override and an EXDATE, an all-day entry),
Zoho (DURATION, an all-day span, a Zoho Meeting call), Fastmail (a camp of three days),
Proton (Greek, an excluded and a called-off Wednesday), Thunderbird (a VTIMEZONE whose rule
is out of date), HCL Domino (TZIDs of "$" fields), Eventbrite, Meetup (Japanese), lu.ma
(Arabic, HTML), Mobilizon (GEO, an online address), Nextcloud (a moved occurrence, EXDATEs
in UTC and in libical's TZID form), entries in the far past and future, a daily rule of
10,000 occurrences.

Splits of a series under a new UID, a PHP script's LF file folded inside letters among tasks
and journals, and damaged versions of these feeds are in test_calendars_seventh_damaged.py.
The fixtures are in fixtures/calendars7/.
"""

import time
from datetime import UTC, datetime

import pytest

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import SERIES_SECONDS, register_feed, sync_feed
from turnout.importers.recurrence import MAX_OCCURRENCES_PER_SERIES

from .calendar_builders import CalendarFolder, only, warnings_of
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars7")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def shown(reading) -> list[tuple]:
    return shown_rows(reading, with_venue=False)


# --- Exchange 2019 and Teams -----------------------------------------------------------------

HAMBURG = "Ortsgruppentreffen Hamburg"


def test_exchange_2019_first_tuesdays_with_teams_a_later_one_and_an_excluded_may():
    reading = read("teams-exchange2019-de.ics")
    assert shown(reading) == [
        (HAMBURG, datetime(2030, 3, 5, 19), datetime(2030, 3, 5, 20, 30), "Europe/Berlin",
         "Hamburg"),
        # The April meeting was moved half an hour later; May is excluded (EXDATE).
        (f"{HAMBURG} (später)", datetime(2030, 4, 2, 19, 30), datetime(2030, 4, 2, 21),
         "Europe/Berlin", "Hamburg"),
        # "(UTC+01:00) Amsterdam, Berlin, ..." is Berlin's clock: summer time in April.
        ("Kundgebung: KI-Pause jetzt", datetime(2030, 4, 13, 14), datetime(2030, 4, 13, 16),
         "Europe/Berlin", "Berlin"),
        # X-MICROSOFT-CDO-ALLDAYEVENT: the whole day in Munich.
        ("Bundesweiter Aktionstag", datetime(2030, 5, 25), datetime(2030, 5, 25, 23, 59),
         "Europe/Berlin", "Munich"),
        (HAMBURG, datetime(2030, 6, 4, 19), datetime(2030, 6, 4, 20, 30), "Europe/Berlin",
         "Hamburg"),
        (HAMBURG, datetime(2030, 7, 2, 19), datetime(2030, 7, 2, 20, 30), "Europe/Berlin",
         "Hamburg"),
        (HAMBURG, datetime(2030, 8, 6, 19), datetime(2030, 8, 6, 20, 30), "Europe/Berlin",
         "Hamburg"),
    ]  # fmt: skip
    rally = only(reading, "Kundgebung: KI-Pause jetzt")
    assert rally.record.starts_at == datetime(2030, 4, 13, 12, tzinfo=UTC)
    # Someone's holiday in the published calendar is about a person, not an event in Palma.
    assert warnings_of(reading) == [
        "teams-exchange2019-de.ics: event 5 (“Urlaub Jana”) skipped: it is a person's absence"
        " (X-MICROSOFT-CDO-BUSYSTATUS:OOF)"
    ]


def test_an_entry_imported_before_is_withdrawn_once_it_is_marked_out_of_office():
    url = "https://outlook.office365.com/owa/calendar/0a1b2c3d@pauseai.example/calendar.ics"
    data = fixture("teams-exchange2019-de.ics")
    marked = b"X-MICROSOFT-CDO-BUSYSTATUS:OOF\r\nX-MICROSOFT-CDO-INTENDEDSTATUS:OOF"
    busy = b"X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\nX-MICROSOFT-CDO-INTENDEDSTATUS:BUSY"
    assert marked in data
    feed = register_feed(url=url, campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: data.replace(marked, busy))
    holiday = LocalEvent.objects.get(title="Urlaub Jana")
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: data)
    holiday.refresh_from_db()
    assert holiday.status == LocalEvent.Status.CANCELLED
    assert summary.counts["events cancelled"] == 1
    assert LocalEvent.objects.filter(status=LocalEvent.Status.APPROVED).count() == 7


def test_exchange_meetings_in_a_room_with_teams_keep_the_call_but_not_its_boilerplate():
    reading = read("teams-exchange2019-de.ics")
    first = [e for e in reading.entries if e.title == HAMBURG][0]
    assert first.meeting_url.startswith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_")
    assert not first.is_online  # a room in Hamburg, and a call for who cannot come
    assert first.description == (
        "Monatliches Treffen der Ortsgruppe Hamburg. Wir planen die nächsten Aktionen."
    )
    assert "Besprechungs-ID" not in first.description and "Kennung" not in first.description
    assert first.record.venue == "Stadtteilzentrum Motte, Eulenstraße 43"
    # The moved April meeting is still the occurrence of 2 April, 19:00 (17:00 UTC).
    assert only(reading, f"{HAMBURG} (später)").recurrence_id == "20300402T170000Z"


# --- Zoho, Fastmail, Proton ------------------------------------------------------------------


def test_zoho_lengths_given_as_durations_and_three_days_of_leafleting():
    reading = read("zoho-duration-it.ics")
    rows = [row for row in shown(reading) if row[0] != "Riunione settimanale (online)"]
    assert rows == [
        ("Presidio davanti a Montecitorio", datetime(2030, 3, 23, 15),
         datetime(2030, 3, 23, 17, 30), "Europe/Rome", "Rome"),
        # DTEND;VALUE=DATE is the day after: 10, 11 and 12 May.
        ("Tre giorni di volantinaggio a Milano", datetime(2030, 5, 10),
         datetime(2030, 5, 12, 23, 59), "Europe/Rome", "Milan"),
    ]  # fmt: skip
    presidio = only(reading, "Presidio davanti a Montecitorio")
    assert presidio.description == (
        "Presidio pacifico per chiedere una pausa nello sviluppo dell'IA più avanzata.\n"
        "Portate cartelli e amici!"
    )
    assert presidio.record.country == "IT"


def test_a_zoho_meeting_link_makes_the_fortnightly_meeting_an_online_one():
    reading = read("zoho-duration-it.ics")
    meetings = [e for e in reading.entries if e.title == "Riunione settimanale (online)"]
    # Every other Monday at nine, until 15 April: 4 and 18 March, 1 and 15 April.
    assert [e.record.starts_at.astimezone(UTC) for e in meetings] == [
        datetime(2030, 3, 4, 20, tzinfo=UTC),
        datetime(2030, 3, 18, 20, tzinfo=UTC),
        datetime(2030, 4, 1, 19, tzinfo=UTC),
        datetime(2030, 4, 15, 19, tzinfo=UTC),
    ]
    assert all(e.is_online and "meeting.zoho.eu" in e.meeting_url for e in meetings)


def test_fastmail_a_camp_of_three_days_and_a_talk_in_porto_of_an_hour_and_a_half():
    reading = read("fastmail-allday-pt.ics")
    assert shown(reading) == [
        ("Conversa aberta no Porto", datetime(2030, 3, 26, 18, 30), datetime(2030, 3, 26, 20),
         "Europe/Lisbon", "Porto"),
        ("Acampamento pela pausa da IA", datetime(2030, 4, 18), datetime(2030, 4, 20, 23, 59),
         "Europe/Lisbon", "Lisbon"),
    ]  # fmt: skip
    talk = only(reading, "Conversa aberta no Porto")
    assert talk.url == "https://pauseia.example.pt/eventos/conversa-porto"
    assert talk.record.starts_at == datetime(2030, 3, 26, 18, 30, tzinfo=UTC)  # still WET
    camp = only(reading, "Acampamento pela pausa da IA")
    assert camp.description == (
        "Três dias de acampamento em frente à Assembleia da República.\n"
        "Traz tenda, saco-cama e água."
    )
    assert not warnings_of(reading)


@pytest.mark.parametrize(
    ("length", "last_day"),
    [("DURATION:P3D", 20), ("DURATION:P1W", 24),
     # Its own day as its end (older Notes, Yahoo): that day, with nothing to warn about.
     ("DTEND;VALUE=DATE:20300418", 18),
     # Hours given to a day, which RFC 5545 does not allow: still that day, not two hours of it.
     ("DURATION:PT20H", 18), ("DURATION:P1DT2H", 19)],
)  # fmt: skip
def test_a_camps_length_in_whole_days_however_it_is_written(length, last_day):
    data = fixture("fastmail-allday-pt.ics").replace(b"DTEND;VALUE=DATE:20300421", length.encode())
    assert length.encode() in data
    reading = read("f", data)
    camp = only(reading, "Acampamento pela pausa da IA")
    rows = [row for row in shown(reading) if row[0] == camp.title]
    assert rows == [(camp.title, datetime(2030, 4, 18), datetime(2030, 4, last_day, 23, 59),
                     "Europe/Lisbon", "Lisbon")]  # fmt: skip
    assert not warnings_of(reading)


def test_proton_greek_wednesdays_one_excluded_one_called_off_still_counted():
    reading = read("proton-athens-el.ics")
    meeting = "Ανοιχτή συνάντηση Θεσσαλονίκης"
    assert shown(reading) == [
        ("Συγκέντρωση στο Σύνταγμα για ασφαλή τεχνητή νοημοσύνη", datetime(2030, 3, 30, 11),
         datetime(2030, 3, 30, 13, 30), "Europe/Athens", "Athens"),
        # COUNT=4 counts 3, 10, 17 and 24 April; the 17th is excluded, the 10th called off.
        (meeting, datetime(2030, 4, 3, 19), datetime(2030, 4, 3, 20, 30), "Europe/Athens",
         "Thessaloniki"),
        (meeting, datetime(2030, 4, 10, 19), datetime(2030, 4, 10, 20, 30), "Europe/Athens",
         "Thessaloniki"),
        (meeting, datetime(2030, 4, 24, 19), datetime(2030, 4, 24, 20, 30), "Europe/Athens",
         "Thessaloniki"),
    ]  # fmt: skip
    called_off = [e.record.starts_at.day for e in reading.entries if e.is_cancelled]
    assert called_off == [10]
    assert {e.record.country for e in reading.entries} == {"GR"}
    # Athens is two hours ahead of UTC until 31 March, three after.
    rally = only(reading, "Συγκέντρωση στο Σύνταγμα για ασφαλή τεχνητή νοημοσύνη")
    assert rally.record.starts_at == datetime(2030, 3, 30, 9, tzinfo=UTC)
    hours = [e.record.starts_at.astimezone(UTC).hour for e in reading.entries if e.title == meeting]
    assert hours == [16] * 3


# --- Thunderbird, Domino ---------------------------------------------------------------------


def test_thunderbird_zone_whose_rule_is_out_of_date_reads_the_warsaw_of_today():
    """The VTIMEZONE still ends summer time in September (Poland's rule until 1995); the TZID
    names Warsaw, whose clock in October 2030 is summer time."""
    reading = read("thunderbird-old-zone-rule-pl.ics")
    assert shown(reading) == [
        ("Spotkanie grupy w Gdańsku", datetime(2030, 4, 5, 18), datetime(2030, 4, 5, 20),
         "Europe/Warsaw", "Gdańsk"),
        ("Pikieta przed Sejmem", datetime(2030, 10, 12, 12), datetime(2030, 10, 12, 14),
         "Europe/Warsaw", "Warsaw"),
    ]  # fmt: skip
    picket = only(reading, "Pikieta przed Sejmem")
    assert picket.record.starts_at == datetime(2030, 10, 12, 10, tzinfo=UTC)
    assert not warnings_of(reading)


def test_domino_zones_named_by_their_dollar_fields_are_berlins_clock():
    reading = read("lotus-domino-dollar-zones-de.ics")
    group = "Arbeitsgruppe Öffentlichkeitsarbeit"
    assert shown(reading) == [
        ("Infoabend: Risiken fortgeschrittener KI", datetime(2030, 3, 21, 18),
         datetime(2030, 3, 21, 20), "Europe/Berlin", "Stuttgart"),
        # UNTIL is the last Tuesday's own start in UTC: 23 April is the last one.
        *[(group, datetime(2030, 4, day, 18, 30), datetime(2030, 4, day, 20), "Europe/Berlin",
           "Karlsruhe") for day in (2, 9, 16, 23)],
    ]  # fmt: skip
    assert only(reading, "Infoabend: Risiken fortgeschrittener KI").record.starts_at == (
        datetime(2030, 3, 21, 17, tzinfo=UTC)
    )
    assert not warnings_of(reading)


# --- Eventbrite, Meetup, lu.ma, Mobilizon ----------------------------------------------------


def test_eventbrite_a_full_address_in_london_and_the_page_as_link():
    reading = read("eventbrite-london-en.ics")
    (march,) = reading.entries
    assert shown(reading) == [
        # Still GMT: summer time begins on 31 March.
        ("PauseAI London: March for a pause on frontier AI", datetime(2030, 3, 30, 12),
         datetime(2030, 3, 30, 15), "Europe/London", "London"),
    ]  # fmt: skip
    assert (march.record.country, march.record.venue) == ("GB", "Parliament Square, Westminster")
    assert march.url == "https://www.eventbrite.co.uk/e/pause-ai-london-march-tickets-998877665544"
    assert "Bring a sign, bring a friend.\n\nAccessibility: step-free route" in march.description
    assert not march.is_online


def test_meetup_in_japanese_tokyo_and_osaka_with_their_coordinates():
    reading = read("meetup-tokyo-ja.ics")
    assert shown(reading) == [
        ("AIの安全性を考える勉強会", datetime(2030, 3, 15, 14), datetime(2030, 3, 15, 16),
         "Asia/Tokyo", "Tokyo"),
        ("大阪駅前でのビラ配り", datetime(2030, 4, 12, 13), datetime(2030, 4, 12, 15),
         "Asia/Tokyo", "Osaka"),
    ]  # fmt: skip
    osaka = only(reading, "大阪駅前でのビラ配り")
    assert (osaka.record.latitude, osaka.record.longitude) == (34.7025, 135.4959)
    assert osaka.url == "https://www.meetup.com/pauseai-tokyo/events/305234567/"
    assert "大阪での初めての活動です。" in osaka.description
    assert {e.record.country for e in reading.entries} == {"JP"}


def test_luma_in_arabic_utc_times_on_dubais_clock_and_its_html_as_text():
    reading = read("luma-dubai-ar.ics")
    meeting = "لقاء مفتوح حول مخاطر الذكاء الاصطناعي"
    webinar = "ندوة عبر الإنترنت: لماذا نحتاج إلى توقف؟"
    assert shown(reading) == [
        (meeting, datetime(2030, 3, 18, 19), datetime(2030, 3, 18, 21), "Asia/Dubai", "Dubai"),
        # Online, its page as LOCATION: shown on the clock of the feed's events in person.
        (webinar, datetime(2030, 4, 2, 21), datetime(2030, 4, 2, 22), "Asia/Dubai", ""),
    ]  # fmt: skip
    first = only(reading, meeting)
    assert "<p>" not in first.description and "<strong>" not in first.description
    assert first.description.startswith("انضموا إلينا في")
    assert first.record.country == "AE"
    assert only(reading, webinar).is_online
    assert only(reading, webinar).url == "https://lu.ma/pauseai-webinar-ar"


def test_mobilizon_coordinates_an_html_list_and_a_tentative_call():
    reading = read("mobilizon-geo-bruxelles-fr.ics")
    rally, call = "Rassemblement devant le Parlement européen", "Réunion mensuelle en ligne"
    assert shown(reading) == [
        (rally, datetime(2030, 4, 6, 14), datetime(2030, 4, 6, 17), "Europe/Brussels",
         "Brussels"),
        (call, datetime(2030, 4, 9, 20), datetime(2030, 4, 9, 21), "Europe/Brussels", ""),
    ]  # fmt: skip
    gathering = only(reading, rally)
    assert (gathering.record.latitude, gathering.record.longitude) == (50.838611, 4.375278)
    assert gathering.description.endswith("- Prises de parole\n- Musique")
    online = only(reading, call)
    assert online.is_online and online.meeting_url == "https://meet.jit.si/pauseia-be-reunion"
    assert online.record.is_to_be_announced
    assert warnings_of(reading) == [
        f"mobilizon-geo-bruxelles-fr.ics: event 2 (“{call}”): it is marked tentative"
        " (STATUS:TENTATIVE); it was imported with its details to be announced"
    ]


# --- Nextcloud ------------------------------------------------------------------------------

GRONINGEN = "Open avond PauseAI Groningen"


def test_nextcloud_a_tuesday_moved_to_thursday_and_exclusions_in_two_tzid_forms():
    reading = read("nextcloud-moved-exdate-nl.ics")
    tuesdays = [(3, 5), (3, 12), (3, 19), (4, 2), (4, 23), (4, 30)]
    assert shown(reading) == sorted(
        [(GRONINGEN, datetime(2030, m, d, 19, 30), datetime(2030, m, d, 21), "Europe/Amsterdam",
          "Groningen") for m, d in tuesdays]
        + [(f"{GRONINGEN} (verplaatst naar donderdag)", datetime(2030, 4, 11, 20),
            datetime(2030, 4, 11, 21, 30), "Europe/Amsterdam", "Groningen")],
        key=lambda row: row[1],
    )  # fmt: skip
    moved = only(reading, f"{GRONINGEN} (verplaatst naar donderdag)")
    assert moved.recurrence_id == "20300409T173000Z"  # the Tuesday it replaces
    assert not warnings_of(reading)


# --- the far past and future, a rule without end -------------------------------------------


def test_entries_of_1968_1970_and_2199_and_a_forum_in_monterrey():
    reading = read("far-past-and-future-es.ics")
    assert shown(reading) == [
        # A note of history is an entry like any other: a past event, as the calendar says.
        ("Aniversario (nota histórica)", datetime(1968, 10, 2, 17), datetime(1968, 10, 2, 19),
         "America/Mexico_City", "Mexico City"),
        ("Marcha por una pausa en la IA", datetime(2030, 4, 20, 11), datetime(2030, 4, 20, 14),
         "America/Mexico_City", "Mexico City"),
        ("Foro nacional 2031", datetime(2031, 2, 15, 10), datetime(2031, 2, 15, 18),
         "America/Monterrey", "Monterrey"),
    ]  # fmt: skip
    assert warnings_of(reading) == [
        "far-past-and-future-es.ics: event 2 (“Evento sin fecha”) skipped: its start is 1 January"
        " 1970 at midnight, the date a program writes when it has none",
        "far-past-and-future-es.ics: event 5 (“Reunión por definir”) skipped: its start"
        " 2199-12-31 is before 1900 or more than 10 years ahead",
    ]


@pytest.mark.parametrize(
    "written",
    ["DTSTART;VALUE=DATE:19700101\r\nDTEND;VALUE=DATE:19700102",
     "DTSTART:19700101T000000\r\nDTEND:19700101T010000"],
    ids=["a day", "floating midnight"],
)  # fmt: skip
def test_the_first_of_january_1970_written_otherwise_is_a_placeholder_too(written):
    data = fixture("far-past-and-future-es.ics").replace(
        b"DTSTART:19700101T000000Z\r\nDTEND:19700101T010000Z", written.encode()
    )
    assert written.encode() in data
    assert "Evento sin fecha" not in [e.title for e in read("f", data).entries]


def test_a_daily_rule_of_ten_thousand_days_reads_only_its_days_in_the_window_and_quickly():
    read("daily-count-10000-en.ics")  # the place names are loaded once, not timed here
    began = time.monotonic()
    reading = read("daily-count-10000-en.ics")
    assert time.monotonic() - began < SERIES_SECONDS / 2
    calls = [e for e in reading.entries if e.title == "Morning check-in call"]
    assert len(calls) == MAX_OCCURRENCES_PER_SERIES
    # From a year before now, day by day, on Sydney's clock (summer time until 7 April).
    assert calls[0].record.starts_at == datetime(2029, 3, 1, 21, tzinfo=UTC)
    assert calls[-1].record.starts_at == datetime(2030, 4, 4, 21, tzinfo=UTC)
    assert all(e.is_online and e.meeting_url.endswith("81122334455") for e in calls)
    assert warnings_of(reading) == [
        "daily-count-10000-en.ics: event 1 (“Morning check-in call”): only its first 400"
        " occurrences were read"
    ]
    rally = only(reading, "Rally at Parliament House")
    assert rally.record.starts_at == datetime(2030, 4, 6, 0, tzinfo=UTC)
    assert (rally.record.city, rally.record.timezone) == ("Sydney", "Australia/Sydney")
