"""Calendars from programs nobody here tested, twelfth round: Cal.com (the `ics` library of
npm: UTC starts with a DURATION, unescaped commas in LOCATION, the booking's own cancel and
reschedule links beside a signup page, a Cal Video call), DAVx⁵ (ical4j's PRODID, an Italian
X-WR-CALNAME, the last Sunday of each month UNTIL a local time, a tentative entry, a private
one, a VTODO with only a reminder), Microsoft Bookings (French, "Romance Standard Time", a
UID folded over two lines, a Teams call in X-MICROSOFT-SKYPETEAMSMEETINGURL marked
TENTATIVE as busy status), Partiful (an emoji title, a line of 250 characters never
folded, an RSVP page as URL) and Google with its calendar of Dutch holidays merged into a
group's actions (whole days with UIDs of their date: not events, said so, even one that names
a country as its place; a group's own whole day of leafleting kept).

And what syncs of a feed change: a feed that makes its UIDs afresh on every export doubles
nothing and calls nothing off; an event whose city changes, or which moves to the next day,
is updated, not added.

Damaged versions and lost connections are in test_calendars_twelfth_damaged.py; the fixtures
in fixtures/calendars12/.
"""

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed
from turnout.importers.models import ImportedEvent

from .calendar_builders import CalendarFolder, calendar, only, titled, vevent, warnings_of
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars12")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def days_of(entries) -> list[tuple[int, int]]:
    return [(e.record.starts_at.month, e.record.starts_at.day) for e in entries]


# --- Cal.com -----------------------------------------------------------------------------------

CALCOM = "calcom-booking-pt.ics"
TRAINING = "Formação de voluntários entre PauseIA Porto e Marta Sousa"


def test_calcom_a_booking_in_utc_with_a_duration_is_placed_in_porto():
    reading = read(CALCOM)
    training = only(reading, TRAINING)
    # 15:00 UTC is 15:00 in Lisbon's zone in winter; DURATION:PT1H30M.
    assert shown_rows(reading)[0] == (TRAINING, datetime(2030, 3, 15, 15),
                                      datetime(2030, 3, 15, 16, 30), "Europe/Lisbon", "Porto",
                                      "Rua do Rosário 281")  # fmt: skip
    # The page to sign up for the march, not the booking's own cancel or reschedule links.
    assert training.url == "https://pauseia.example.pt/porto"
    assert "Gato Vadio" in training.description


def test_calcom_a_call_on_cal_video_is_imported_online():
    call = only(read(CALCOM), "Conversa de acolhimento entre PauseIA Lisboa e João Pereira")
    assert call.is_online and call.meeting_url.startswith("https://app.cal.com/video/")


def test_calcom_a_booking_on_cal_video_leaves_nothing_to_warn_of():
    assert warnings_of(read(CALCOM)) == []


# --- DAVx⁵ -------------------------------------------------------------------------------------

DAVX5 = "davx5-ical4j-it.ics"
PRESIDIO = "Presidio davanti a Montecitorio"


def test_davx5_the_last_sunday_of_each_month_until_a_local_midnight():
    reading = read(DAVX5)
    presidi = titled(reading, PRESIDIO)
    # BYDAY=-1SU until 30 June 23:59:59 in Rome: 30 June is the last.
    assert days_of(presidi) == [(2, 24), (3, 31), (4, 28), (5, 26), (6, 30)]
    # 11:00 in Rome: 10:00 UTC before 31 March's change of clocks, 09:00 from then on.
    assert [e.record.starts_at.astimezone(UTC).hour for e in presidi] == [10, 9, 9, 9, 9]
    assert {(e.record.city, e.record.venue) for e in presidi} == {
        ("Rome", "Piazza di Montecitorio")
    }
    assert {e.url for e in presidi} == {"https://pauseai.example.it/roma"}


def test_davx5_a_tentative_entry_is_imported_and_said_a_private_one_is_not_nor_a_task():
    reading = read(DAVX5)
    titles = {e.title for e in reading.entries}
    assert "Riunione del direttivo" not in titles  # CLASS:PRIVATE: never public
    assert "Stampare 500 volantini per il presidio" not in titles  # a VTODO with a VALARM
    flyers = only(reading, "Volantinaggio in Piazza del Duomo")
    assert (flyers.record.city, flyers.record.venue) == ("Milan", "Piazza del Duomo")
    told = warnings_of(reading)
    assert len(told) == 2
    assert "Volantinaggio" in told[0] and "STATUS:TENTATIVE" in told[0]
    assert "Riunione del direttivo" in told[1] and "CLASS:PRIVATE" in told[1]


def test_a_private_davx5_entry_never_reaches_the_site_through_a_sync():
    feed = register_feed(url="https://dav.example.it/presidi.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: fixture(DAVX5))
    assert not LocalEvent.objects.filter(title="Riunione del direttivo").exists()
    assert LocalEvent.objects.filter(title=PRESIDIO).count() == 5


# --- Microsoft Bookings ------------------------------------------------------------------------

BOOKINGS = "ms-bookings-fr.ics"


def test_bookings_a_windows_zone_a_folded_uid_and_the_bookings_page_as_signup():
    reading = read(BOOKINGS)
    assert shown_rows(reading)[0] == (
        "Rassemblement place des Terreaux", datetime(2030, 3, 23, 14), datetime(2030, 3, 23, 16),
        "Europe/Paris", "Lyon", "Place des Terreaux",
    )  # fmt: skip
    rally = only(reading, "Rassemblement place des Terreaux")
    assert rally.uid.startswith("040000008200E00074C5B7101A82E008") and rally.uid.endswith("A5B")
    assert rally.url.endswith("/bookings/s/rassemblement-lyon")
    assert not warnings_of(reading)


def test_bookings_a_teams_session_is_online_at_seven_in_paris():
    session = only(read(BOOKINGS), "Séance d'information en ligne")
    assert session.is_online and "teams.microsoft.com/l/meetup-join/" in session.meeting_url
    assert session.record.starts_at == datetime(2030, 3, 26, 18, tzinfo=UTC)
    assert "Réunion Microsoft Teams" not in session.description


# --- Partiful ----------------------------------------------------------------------------------


def test_partiful_an_unfolded_line_an_emoji_title_and_its_rsvp_page():
    data = fixture("partiful-en.ics")
    assert max(map(len, data.split(b"\r\n"))) > 200
    reading = read("partiful-en.ics", data)
    (picnic,) = reading.entries
    assert shown_rows(reading) == [
        ("Picnic & teach-in: why pause frontier AI? 🧺", datetime(2030, 3, 23, 12),
         datetime(2030, 3, 23, 15), "America/Los_Angeles", "San Francisco",
         "Mission Dolores Park, Dolores St & 19th St"),
    ]  # fmt: skip
    assert picnic.url == "https://partiful.com/e/Qm7XrT2bLw9NcK4sVh1p"
    assert not warnings_of(reading)


# --- Google, with a calendar of holidays merged in ---------------------------------------------

HOLIDAYS = "google-holidays-mixed-nl.ics"


def test_google_holidays_merged_into_a_groups_calendar_are_not_imported_and_said_so():
    reading = read(HOLIDAYS)
    assert shown_rows(reading) == [
        ("Flyerdag op de Dam", datetime(2030, 4, 5), datetime(2030, 4, 5, 23, 59),
         "Europe/Amsterdam", "Amsterdam", "Dam"),
        ("Actie op het Vredenburgplein", datetime(2030, 5, 5, 13), datetime(2030, 5, 5, 15),
         "Europe/Amsterdam", "Utrecht", "Vredenburgplein"),
    ]  # fmt: skip
    told = warnings_of(reading)
    assert [w.split("“")[1].split("”")[0] for w in told] == [
        "Tweede paasdag", "Koningsdag", "Bevrijdingsdag"
    ]  # fmt: skip
    assert all("public holiday" in w for w in told)
    assert only(reading, "Actie op het Vredenburgplein").url == (
        "https://pauseai.example.nl/bevrijdingsdag"
    )


@pytest.mark.parametrize(
    ("uid", "start", "is_holiday"),
    [("20300427_ch2vbr4n9ujm2h3tn3ffplkb0s@google.com", "DTSTART;VALUE=DATE:20300427", True),
     # The same UID at an hour is some program's own event, not Google's holiday.
     ("20300427_ch2vbr4n9ujm2h3tn3ffplkb0s@google.com", "DTSTART:20300427T120000Z", False),
     ("ch2vbr4n9ujm2h3tn3ffplkb0s@google.com", "DTSTART;VALUE=DATE:20300427", False),
     ("20300427_ch2vbr4n9ujm2h3tn3ffplkb0s@example.org", "DTSTART;VALUE=DATE:20300427", False),
     ("abc_R20300427T120000@google.com", "DTSTART;VALUE=DATE:20300427", False)],
)  # fmt: skip
def test_which_whole_days_are_googles_holidays(uid, start, is_holiday):
    day = vevent(uid, "SUMMARY:Koningsdag", start, location="Dam\\, Amsterdam\\, Nederland")
    reading = read("h", calendar(day))
    assert (not reading.entries) == is_holiday
    assert any("public holiday" in w for w in warnings_of(reading)) == is_holiday


# --- What a sync changes -----------------------------------------------------------------------


def _vigil(uid: str, *, day: str = "20300316", place: str = "Neude\\, Utrecht\\, Nederland"):
    return vevent(uid, "SUMMARY:Wake voor een pauze", f"DTSTART;TZID=Europe/Amsterdam:{day}T140000",
                  f"DTEND;TZID=Europe/Amsterdam:{day}T160000", location=place)  # fmt: skip


GRONINGEN = "Grote Markt\\, Groningen\\, Nederland"


def test_a_feed_that_makes_its_uids_afresh_on_every_export_doubles_nothing():
    feed = register_feed(url="https://site.example.nl/agenda.ics", campaign=None)
    for export in range(3):
        summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url, n=export: calendar(
            _vigil(f"{n}-a8f3"), _vigil(f"{n}-c41d", place=GRONINGEN)))  # fmt: skip
        assert "events cancelled" not in summary.counts
    # The same two vigils, one in each city, and no participant told of a cancellation.
    assert sorted(LocalEvent.objects.values_list("city", "status")) == [
        ("Groningen", "approved"),
        ("Utrecht", "approved"),
    ]
    assert set(ImportedEvent.objects.values_list("uid", flat=True)) == {"2-a8f3", "2-c41d"}


def test_a_weekly_series_exported_under_a_new_uid_each_time_keeps_its_occurrences():
    feed = register_feed(url="https://bot.example.nl/discord-events.ics", campaign=None)
    for export in ("9f1c", "04ab"):
        series = _vigil(f"{export}@bot", day="20300302").replace(
            "END:VEVENT", "RRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT"
        )
        summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url, s=series: calendar(s))
        assert "events cancelled" not in summary.counts
    assert LocalEvent.objects.count() == 4
    assert set(ImportedEvent.objects.values_list("uid", flat=True)) == {"04ab@bot"}


def test_an_event_gone_under_one_uid_while_another_is_new_elsewhere_is_called_off():
    feed = register_feed(url="https://site.example.nl/agenda.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: calendar(_vigil("first")))
    # Another city under a new UID is another event: Utrecht's is called off.
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: calendar(_vigil("second", place=GRONINGEN)))
    assert sorted(LocalEvent.objects.values_list("city", "status")) == [
        ("Groningen", "approved"),
        ("Utrecht", "cancelled"),
    ]


def test_an_event_whose_city_changes_between_syncs_is_updated_not_added():
    feed = register_feed(url="https://site.example.nl/agenda.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: calendar(_vigil("v1")))
    first = LocalEvent.objects.get()
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: calendar(_vigil("v1", place=GRONINGEN)))
    moved = LocalEvent.objects.get()
    assert (moved.pk, moved.city, moved.venue, moved.status) == (
        first.pk,
        "Groningen",
        "Grote Markt",
        LocalEvent.Status.APPROVED,
    )


def test_an_event_moved_to_the_next_day_is_updated_not_added():
    feed = register_feed(url="https://site.example.nl/agenda.ics", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: calendar(_vigil("v1")))
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: calendar(_vigil("v1", day="20300317")))
    (event,) = LocalEvent.objects.all()
    assert event.starts_at == datetime(2030, 3, 17, 13, tzinfo=UTC)
    assert event.status == LocalEvent.Status.APPROVED


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.sampled_from(["Utrecht", "Groningen", "Zwolle"]), min_size=1, max_size=4),
    st.lists(st.sampled_from(["20300316", "20300317"]), min_size=1, max_size=4),
    st.integers(0, 3),
)
def test_no_run_of_exports_with_new_uids_leaves_more_open_events_than_entries(cities, days, runs):
    LocalEvent.objects.all().delete()
    feed = register_feed(url="https://site.example.nl/agenda.ics", campaign=None)
    entries = list(zip(cities, days, strict=False))
    for run in range(runs + 1):
        events = [_vigil(f"{run}-{n}", day=day, place=f"Centrum\\, {city}\\, Nederland")
                  for n, (city, day) in enumerate(entries)]  # fmt: skip
        sync_feed(feed=feed, now=NOW, fetch=lambda _url, e=events: calendar(*e))
    open_events = LocalEvent.objects.exclude(status=LocalEvent.Status.CANCELLED)
    assert open_events.count() == len(entries)
