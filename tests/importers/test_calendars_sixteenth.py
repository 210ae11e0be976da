"""Calendars from programs nobody here tested, sixteenth round: a Humanitix organiser's feed
(Sydney, across the end of summer time, ticket links, one cancelled by the host), a Timely
public feed (Québec, one called off by its category "Annulé" alone), WebUntis (a school's pupils'
council in Cologne, no VTIMEZONE, one "abgesagt" by category), a Persian calendar (Tehran,
X-WR-CALNAME between right-to-left marks), Outlook with X-MICROSOFT-CDO properties (Spanish: a
day of action written midnight to midnight, a colleague's absence), a feed merger's calendar
nested inside another (Arabic), a server that shows the .ics as a web page inside <pre>
(Chinese), a VTIMEZONE with no rules in it (Brazilian Portuguese), a monthly series of whole
days whose moved day a program wrote as a floating midnight (Dutch), a Google appointment
schedule's booking (English), CalendarWiz with LF endings and floating times (Thai) and a
Teams meeting in Italian.

Damaged versions are in test_calendars_sixteenth_damaged.py; the fixtures in
fixtures/calendars16/, written here.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed

from .calendar_builders import CalendarFolder, only, warnings_of
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars16")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read
# Shapes the icalendar library refuses or misreads by design: the importer's own reading.
NOT_FOR_THE_LIBRARY = (
    "html-pre-feed-zh.ics",
    "nested-vcalendar-twice-ar.ics",
    "vtimezone-without-rules-pt-br.ics",
)


def sync(name: str, data: bytes | None = None):
    feed = register_feed(url=f"https://calendars.example.org/{name}", campaign=None)
    data = fixture(name) if data is None else data
    return feed, sync_feed(feed=feed, now=NOW, fetch=lambda _url: data)


def test_every_fixture_but_the_odd_shapes_is_a_calendar_the_icalendar_library_reads():
    for path in sorted(FIXTURES.glob("*.ics")):
        if path.name in NOT_FOR_THE_LIBRARY:
            continue
        assert Calendar.from_ical(path.read_bytes()).walk("VEVENT"), path.name


# --- Humanitix ------------------------------------------------------------------------------------

HUMANITIX = "humanitix-organizer-en-au.ics"
RALLY = "Rally for AI Safety at Hyde Park"
LETTERS = "Letter-writing night in Newtown"
STALL = "Stall at Parramatta Farmers Market"


def test_humanitix_events_keep_sydneys_clock_across_the_end_of_summer_time():
    reading = read(HUMANITIX)
    rally, letters = only(reading, RALLY), only(reading, LETTERS)
    # Summer time ends on 7 April 2030: the rally is on +11, the letter night a week on +10.
    assert rally.record.starts_at.astimezone(UTC) == datetime(2030, 4, 6, 0, tzinfo=UTC)
    assert letters.record.starts_at.astimezone(UTC) == datetime(2030, 4, 13, 8, tzinfo=UTC)
    assert [row[:4] for row in shown_rows(reading)] == [
        (RALLY, datetime(2030, 4, 6, 11), datetime(2030, 4, 6, 13), "Australia/Sydney"),
        (LETTERS, datetime(2030, 4, 13, 18), datetime(2030, 4, 13, 19, 30), "Australia/Sydney"),
        (STALL, datetime(2030, 4, 20, 10), datetime(2030, 4, 20, 12), "Australia/Sydney"),
    ]  # fmt: skip
    assert not warnings_of(reading)


def test_humanitix_ticket_page_is_the_events_link_and_its_place_is_the_fountain():
    rally = only(read(HUMANITIX), RALLY)
    assert rally.url == "https://events.humanitix.com/rally-for-ai-safety-sydney"
    assert (rally.record.city, rally.record.venue) == (
        "Sydney",
        "Archibald Fountain, Hyde Park North, Elizabeth St",
    )
    assert (rally.record.latitude, rally.record.longitude) == (-33.870833, 151.211944)
    assert rally.description.startswith("Join us at the Archibald Fountain with your signs.")


def test_humanitix_an_event_the_host_cancelled_is_imported_as_cancelled():
    feed, _summary = sync(HUMANITIX)
    statuses = dict(LocalEvent.objects.values_list("title", "status"))
    assert statuses[STALL] == LocalEvent.Status.CANCELLED
    assert statuses[RALLY] != LocalEvent.Status.CANCELLED
    assert not feed.last_error


@pytest.mark.xfail(strict=True, reason="places reads 'Newtown NSW 2042' as the city 'Newtown NSW'")
def test_humanitix_an_australian_suburb_is_named_without_its_states_abbreviation():
    assert only(read(HUMANITIX), LETTERS).record.city == "Newtown"


# --- Timely ---------------------------------------------------------------------------------------

TIMELY = "timely-public-feed-fr-ca.ics"
ASSEMBLEE = "Manifestation devant l'Assemblée nationale"
SOIREE = "Soirée d'information à Montréal"
TRACTS = "Distribution de tracts au centre-ville"


def test_timely_events_are_on_quebecs_clock_in_quebec_city_and_montreal():
    assert [row[:5] for row in shown_rows(read(TIMELY))] == [
        (ASSEMBLEE, datetime(2030, 3, 14, 17, 30), datetime(2030, 3, 14, 19), "America/Toronto",
         "Quebec City"),
        (SOIREE, datetime(2030, 3, 21, 19), datetime(2030, 3, 21, 21), "America/Toronto",
         "Montreal"),
        (TRACTS, datetime(2030, 4, 4, 12), datetime(2030, 4, 4, 13, 30), "America/Toronto",
         "Montreal"),
    ]  # fmt: skip


def test_timely_an_event_whose_only_category_is_annule_is_called_off():
    reading = read(TIMELY)
    assert only(reading, SOIREE).is_cancelled
    # "Manifestation", "Sensibilisation": themes, not a calling off.
    assert not only(reading, ASSEMBLEE).is_cancelled and not only(reading, TRACTS).is_cancelled


def test_timely_description_is_the_plain_text_and_the_link_the_events_page():
    assemblee = only(read(TIMELY), ASSEMBLEE)
    assert assemblee.description == (
        "Rassemblement pour une pause de l'IA de pointe. Apportez vos pancartes!"
    )
    assert assemblee.url == "https://calendar.time.ly/abcd1234/event/91532847"


# --- WebUntis -------------------------------------------------------------------------------------

UNTIS = "untis-school-union-de.ics"
VERSAMMLUNG = "Vollversammlung zum Schulstreik"
DEMO = "Schulstreik-Demo Roncalliplatz"
WORKSHOP = "Workshop Plakate malen"


def test_untis_times_name_berlins_zone_without_a_vtimezone_and_read_in_cologne():
    reading = read(UNTIS)
    assert [row[:5] for row in shown_rows(reading)] == [
        (VERSAMMLUNG, datetime(2030, 3, 18, 13, 45), datetime(2030, 3, 18, 15, 15),
         "Europe/Berlin", "Cologne"),
        (DEMO, datetime(2030, 3, 22, 11), datetime(2030, 3, 22, 13), "Europe/Berlin", "Cologne"),
        (WORKSHOP, datetime(2030, 3, 25, 14), datetime(2030, 3, 25, 15, 30), "Europe/Berlin",
         "Cologne"),
    ]  # fmt: skip
    assert only(reading, DEMO).record.venue == "Roncalliplatz"
    assert not warnings_of(reading)


def test_untis_a_workshop_in_the_category_abgesagt_is_imported_as_cancelled():
    _feed, _summary = sync(UNTIS)
    statuses = dict(LocalEvent.objects.values_list("title", "status"))
    assert statuses[WORKSHOP] == LocalEvent.Status.CANCELLED
    assert statuses[DEMO] != LocalEvent.Status.CANCELLED  # "Veranstaltung": a kind, no more


# --- A Persian calendar ---------------------------------------------------------------------------

PERSIAN = "persian-rtl-calname-fa.ics"
LALEH = "گردهمایی در پارک لاله"
ISFAHAN = "نشست گفت\u200cوگو در اصفهان"


def test_persian_calendar_reads_on_tehrans_half_hour_clock_in_tehran_and_isfahan():
    reading = read(PERSIAN)
    assert [row[:5] for row in shown_rows(reading)] == [
        (LALEH, datetime(2030, 4, 4, 17), datetime(2030, 4, 4, 19), "Asia/Tehran", "Tehran"),
        (ISFAHAN, datetime(2030, 4, 11, 18, 30), datetime(2030, 4, 11, 20), "Asia/Tehran",
         "Isfahan"),
    ]  # fmt: skip
    laleh = only(reading, LALEH)
    assert laleh.record.starts_at.utcoffset() == timedelta(hours=3, minutes=30)
    assert laleh.record.venue.startswith("پارک لاله")
    assert "با پلاکارد بیایید" in laleh.description
    assert not warnings_of(reading)


# --- Outlook's X-MICROSOFT-CDO properties ---------------------------------------------------------

OUTLOOK = "outlook-cdo-allday-busy-es.ics"
JORNADA = "Jornada de acción por una IA segura"
MINISTERIO = "Concentración ante el Ministerio"


def test_outlook_a_day_marked_all_day_is_the_whole_day_in_madrid():
    reading = read(OUTLOOK)
    assert [row[:5] for row in shown_rows(reading)] == [
        (JORNADA, datetime(2030, 3, 23), datetime(2030, 3, 23, 23, 59), "Europe/Madrid", "Madrid"),
        (MINISTERIO, datetime(2030, 3, 23, 11, 30), datetime(2030, 3, 23, 13), "Europe/Madrid",
         "Madrid"),
    ]  # fmt: skip
    assert only(reading, JORNADA).record.day == date(2030, 3, 23)


def test_outlook_a_colleagues_absence_is_left_out_and_said_why():
    reading = read(OUTLOOK)
    assert "Vacaciones de Lucía" not in [entry.title for entry in reading.entries]
    (warning,) = warnings_of(reading)
    assert "Vacaciones de Lucía" in warning and "absence" in warning


# --- A calendar nested inside another -------------------------------------------------------------

NESTED = "nested-vcalendar-twice-ar.ics"


def test_a_calendar_nested_in_a_calendar_gives_its_events_in_cairo():
    reading = read(NESTED)
    assert [row[:5] for row in shown_rows(reading)] == [
        ("وقفة أمام نقابة الصحفيين", datetime(2030, 3, 19, 17), datetime(2030, 3, 19, 19),
         "Africa/Cairo", "Cairo"),
        ("ندوة في الإسكندرية", datetime(2030, 4, 2, 18), datetime(2030, 4, 2, 20), "Africa/Cairo",
         "Alexandria"),
    ]  # fmt: skip
    assert not warnings_of(reading)


def test_a_nested_calendar_syncs_its_events_rather_than_nothing():
    feed, _summary = sync(NESTED)
    assert LocalEvent.objects.count() == 2 and not feed.last_error


# --- A calendar shown as a web page ---------------------------------------------------------------

HTML_PRE = "html-pre-feed-zh.ics"


def test_a_web_page_showing_the_calendar_in_pre_is_read_as_the_calendar():
    reading = read(HTML_PRE)
    assert [row[:5] for row in shown_rows(reading)] == [
        ("立法院前集會", datetime(2030, 3, 23, 14), datetime(2030, 3, 23, 16, 30), "Asia/Taipei",
         "Taipei"),
        ("台中講座：<AI 風險>", datetime(2030, 4, 6, 19), datetime(2030, 4, 6, 21), "Asia/Taipei",
         "Taichung"),
    ]  # fmt: skip
    # The page's "&amp;" is the feed's "&".
    assert only(reading, "立法院前集會").description == "請帶標語 & 水。我們在青島東路側門集合。"


# --- A VTIMEZONE with no rules --------------------------------------------------------------------

NO_RULES = "vtimezone-without-rules-pt-br.ics"


def test_a_vtimezone_without_rules_costs_nothing_and_times_read_in_brasilia():
    reading = read(NO_RULES)
    assert [row[:5] for row in shown_rows(reading)] == [
        ("Ato na Avenida Paulista", datetime(2030, 3, 16, 10), datetime(2030, 3, 16, 12),
         "America/Sao_Paulo", "São Paulo"),
        ("Roda de conversa no Rio", datetime(2030, 3, 30, 15), datetime(2030, 3, 30, 17),
         "America/Sao_Paulo", "Rio de Janeiro"),
    ]  # fmt: skip
    paulista = only(reading, "Ato na Avenida Paulista").record
    assert paulista.starts_at.astimezone(UTC) == datetime(2030, 3, 16, 13, tzinfo=UTC)


# --- A series of whole days with a moved day at a floating midnight -------------------------------

WHOLE_DAYS = "allday-series-floating-override-nl.ics"
ACTIEDAG = "Actiedag: flyeren op het Vredenburgplein"


def test_a_moved_day_written_as_floating_midnight_is_a_whole_day_like_the_others():
    reading = read(WHOLE_DAYS)
    assert [row[1:3] + row[5:] for row in shown_rows(reading)] == [
        (datetime(2030, 3, 16), datetime(2030, 3, 16, 23, 59), "Vredenburgplein"),
        (datetime(2030, 4, 20), datetime(2030, 4, 20, 23, 59), "Stadsschouwburg, Lucasbolwerk 24"),
        (datetime(2030, 6, 15), datetime(2030, 6, 15, 23, 59), "Vredenburgplein"),
    ]  # fmt: skip
    moved = [entry for entry in reading.entries if "Stadsschouwburg" in entry.record.venue]
    assert [entry.record.day for entry in moved] == [date(2030, 4, 20)]


def test_a_day_of_the_series_cancelled_by_a_floating_recurrence_id_is_not_imported():
    reading = read(WHOLE_DAYS)
    assert date(2030, 5, 18) not in [entry.record.day for entry in reading.entries]
    assert all(entry.title == ACTIEDAG for entry in reading.entries)
    assert not warnings_of(reading)


# --- A Google appointment schedule ----------------------------------------------------------------

APPOINTMENT = "google-appointment-schedule-en.ics"
ONBOARDING = "Volunteer onboarding call (Jordan Smith)"


def test_a_google_booking_keeps_its_call_but_not_who_booked_it_or_their_links():
    onboarding = only(read(APPOINTMENT), ONBOARDING)
    assert onboarding.meeting_url == "https://meet.google.com/abc-defg-hij"
    assert onboarding.attendance_mode == LocalEvent.AttendanceMode.ONLINE
    for private in ("jordan.smith@", "Booked by", "appointments/schedules", "Attendee answers"):
        assert private not in onboarding.description
    assert "You are receiving this" not in onboarding.description


def test_google_utc_times_are_read_on_chicagos_summer_clock():
    reading = read(APPOINTMENT)
    assert [row[:5] for row in shown_rows(reading)][1] == (
        "Evening vigil at Federal Plaza", datetime(2030, 3, 28, 18), datetime(2030, 3, 28, 20),
        "America/Chicago", "Chicago",
    )  # fmt: skip
    assert only(reading, ONBOARDING).record.timezone == "America/Chicago"


# --- CalendarWiz ----------------------------------------------------------------------------------

CALENDARWIZ = "calendarwiz-lf-th.ics"
BACC = "ชุมนุมหน้าหอศิลป์กรุงเทพฯ"
CHIANG_MAI = "เสวนาที่เชียงใหม่"


def test_calendarwiz_floating_times_with_lf_endings_read_on_bangkoks_clock():
    reading = read(CALENDARWIZ)
    assert b"\r\n" not in fixture(CALENDARWIZ)
    assert [row[:5] for row in shown_rows(reading)] == [
        (BACC, datetime(2030, 3, 22, 16), datetime(2030, 3, 22, 18), "Asia/Bangkok", "Bangkok"),
        (CHIANG_MAI, datetime(2030, 4, 5, 10), datetime(2030, 4, 5, 12), "Asia/Bangkok",
         "Chiang Mai"),
    ]  # fmt: skip
    assert only(reading, BACC).record.starts_at.astimezone(UTC) == datetime(
        2030, 3, 22, 9, tzinfo=UTC
    )


def test_calendarwiz_a_talk_in_the_thai_category_cancelled_is_called_off():
    reading = read(CALENDARWIZ)
    assert only(reading, CHIANG_MAI).is_cancelled and not only(reading, BACC).is_cancelled


# --- A Teams meeting in Italian -------------------------------------------------------------------

TEAMS = "outlook-teams-meeting-it.ics"
RIUNIONE = "Riunione organizzativa (online)"
PRESIDIO = "Presidio davanti a Montecitorio"


def test_an_italian_teams_meeting_is_online_with_its_link_and_without_its_invitation():
    riunione = only(read(TEAMS), RIUNIONE)
    assert riunione.attendance_mode == LocalEvent.AttendanceMode.ONLINE
    assert riunione.meeting_url.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert riunione.description == "Riunione di coordinamento per il presidio del 6 aprile."
    assert riunione.record.venue == "" and riunione.record.city == ""
    assert riunione.record.starts_at.astimezone(UTC) == datetime(2030, 3, 25, 19, 30, tzinfo=UTC)


def test_the_presidio_in_the_windows_zone_is_in_rome_at_three():
    reading = read(TEAMS)
    assert [row for row in shown_rows(reading) if row[0] == PRESIDIO] == [
        (PRESIDIO, datetime(2030, 4, 6, 15), datetime(2030, 4, 6, 17), "Europe/Rome", "Rome",
         "Piazza di Monte Citorio"),
    ]  # fmt: skip
    assert not warnings_of(reading)
