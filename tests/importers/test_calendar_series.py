"""Calendars as programs export them: series expanded, occurrences kept apart, online events.

The files in fixtures/calendars/ have the shapes of Google Calendar (X-WR-TIMEZONE, VTIMEZONE,
a moved occurrence), Outlook (Windows zone names, X-MICROSOFT-CDO, a Teams meeting), Apple
Calendar, Nextcloud (a Zoom link as location), Mobilizon (GEO, CONFERENCE, a cancelled entry)
and Thunderbird (EXDATE in UTC, a Jitsi link in the description), in Dutch, German and English.
"""

import io
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from tests.factories import CampaignFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.selectors import campaign_reach
from turnout.geo.worldmap import build_world_map
from turnout.importers.calendar_feeds import (
    import_calendar,
    read_calendar,
    register_feed,
    sync_feed,
)
from turnout.importers.models import ImportedEvent
from turnout.importers.recurrence import import_window
from turnout.signups.emails import signup_confirmed
from turnout.signups.invites import invite_ics
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

CALENDARS = Path(__file__).parent / "fixtures" / "calendars"
NOW = datetime(2030, 3, 1, 12, tzinfo=UTC)
SERIES_UID = "0ck6hb1ktm9ltq8kqd5l3vq4s8@google.com"
ZOOM = "https://us06web.zoom.us/j/81234567890?pwd=QWxhZGRpbjpvcGVuIHNlc2FtZQ"


def feed(name: str) -> bytes:
    return (CALENDARS / name).read_bytes()


def load(name: str, *, campaign=None, now: datetime = NOW, **window):
    reading = read_calendar(
        feed(name), source=name, now=now, window=import_window(now=now, **window)
    )
    return import_calendar(reading=reading, campaign=campaign, now=now), reading


def local_starts(uid: str) -> list[datetime]:
    events = LocalEvent.objects.filter(import_source__uid=uid).order_by("starts_at")
    return [event.local_starts_at.replace(tzinfo=None) for event in events]


def test_every_fixture_is_a_real_calendar():
    for path in CALENDARS.glob("*.ics"):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert calendar.walk("VEVENT"), path.name


def test_a_weekly_series_becomes_an_event_per_occurrence_with_its_exclusion_addition_and_move():
    summary, reading = load("google-weekly-nl.ics")
    assert not reading.warnings
    assert local_starts(SERIES_UID) == [
        datetime(2030, 3, 5, 19),
        datetime(2030, 3, 12, 19),  # 19 March is excluded (EXDATE)
        datetime(2030, 3, 27, 20),  # moved from Tuesday 26 March (RECURRENCE-ID)
        datetime(2030, 4, 2, 19),  # still 19:00 after the change to summer time
        datetime(2030, 4, 9, 19),
        datetime(2030, 4, 16, 19),
        datetime(2030, 4, 23, 19),
        datetime(2030, 4, 30, 19),  # the last before UNTIL
        datetime(2030, 5, 2, 14),  # added (RDATE)
    ]
    moved = LocalEvent.objects.get(import_source__recurrence_id="20300326T180000Z")
    assert moved.title == "Brievenavond Utrecht (verplaatst naar woensdag)"
    assert moved.description == "Deze week op woensdag, in de bibliotheek."
    first = LocalEvent.objects.get(import_source__recurrence_id="20300305T180000Z")
    assert (first.title, first.city, first.country) == ("Brievenavond Utrecht", "Utrecht", "NL")
    assert first.signup_url == "https://lu.ma/pauseai-utrecht-brieven"
    # Each occurrence is an event of its own, with its own calendar identity.
    assert (
        len({event.uid for event in LocalEvent.objects.filter(import_source__uid=SERIES_UID)}) == 9
    )
    assert summary.counts["events created"] == 11  # 9 occurrences, an online and an all-day one


def test_an_all_day_event_keeps_its_day():
    load("google-weekly-nl.ics")
    day = LocalEvent.objects.get(title="Landelijke actiedag Amsterdam")
    assert (day.local_starts_at.date(), day.local_ends_at.date()) == (date(2030, 4, 12),) * 2
    assert day.import_source.recurrence_id == ""


def test_count_and_until_rules_end_where_they_say_in_the_zone_they_name():
    load("outlook-teams-de.ics")  # monthly, COUNT=4, zone "W. Europe Standard Time"
    plenum = LocalEvent.objects.filter(title="Plenum Ortsgruppe Berlin").order_by("starts_at")
    assert [e.local_starts_at.replace(tzinfo=None) for e in plenum] == [
        datetime(2030, 3, 7, 18, 30),
        datetime(2030, 4, 4, 18, 30),
        datetime(2030, 5, 2, 18, 30),
        datetime(2030, 6, 6, 18, 30),
    ]
    assert {(e.city, e.country, e.timezone) for e in plenum} == {("Berlin", "DE", "Europe/Berlin")}
    load("apple-ical-en.ics")  # every two weeks UNTIL 20 April
    assert local_starts("6D5A1F3C-8E2B-4C7A-9F10-2B3C4D5E6F70") == [
        datetime(2030, 3, 9, 12),
        datetime(2030, 3, 23, 12),
        datetime(2030, 4, 6, 12),
        datetime(2030, 4, 20, 12),
    ]
    load("thunderbird-de.ics")  # weekly UNTIL, EXDATE given in UTC
    assert local_starts("3f9e2d1c-4b5a-4c6d-8e7f-901a2b3c4d5e") == [
        datetime(2030, 3, 4, 18),
        datetime(2030, 3, 11, 18),
        datetime(2030, 3, 25, 18),
    ]


def test_a_later_sync_updates_occurrences_and_cancels_one_excluded_since():
    registered = register_feed(url="https://example.org/pauseai.ics", campaign=None)
    content = feed("google-weekly-nl.ics")
    sync_feed(feed=registered, now=NOW, fetch=lambda url: content)
    ids = dict(LocalEvent.objects.values_list("import_source__recurrence_id", "pk"))
    changed = content.replace(
        b"EXDATE;TZID=Europe/Amsterdam:20300319T190000",
        b"EXDATE;TZID=Europe/Amsterdam:20300319T190000,20300409T190000",
    ).replace(b"SUMMARY:Brievenavond Utrecht\r\n", b"SUMMARY:Brievenavond Utrecht (Neude)\r\n")
    summary = sync_feed(feed=registered, now=NOW, fetch=lambda url: changed)
    assert summary.counts["events cancelled"] == 1
    assert "events created" not in summary.counts
    assert dict(LocalEvent.objects.values_list("import_source__recurrence_id", "pk")) == ids
    excluded = LocalEvent.objects.get(import_source__recurrence_id="20300409T170000Z")
    assert excluded.status == LocalEvent.Status.CANCELLED  # kept, and participants are told
    assert (
        LocalEvent.objects.get(pk=ids["20300402T170000Z"]).title == "Brievenavond Utrecht (Neude)"
    )
    # The moved occurrence keeps its own title: the master's change is not the override's.
    assert "verplaatst" in LocalEvent.objects.get(pk=ids["20300326T180000Z"]).title
    again = sync_feed(feed=registered, now=NOW, fetch=lambda url: changed)
    assert set(again.counts) == {"events unchanged"}


def test_the_horizon_bounds_a_series_and_a_later_window_adds_without_cancelling():
    registered = register_feed(url="https://example.org/xr.ics", campaign=None)
    content = feed("nextcloud-zoom.ics")  # six fortnightly occurrences, 4 March to 13 May
    reading = read_calendar(content, source="xr", window=import_window(now=NOW, horizon_days=30))
    import_calendar(reading=reading, campaign=None, feed=registered, now=NOW)
    assert LocalEvent.objects.count() == 2  # 4 and 18 March
    later = NOW + timedelta(days=20)
    with override_settings(TURNOUT_CALENDAR_HORIZON_DAYS=60):
        sync_feed(feed=registered, now=later, fetch=lambda url: content)
    assert LocalEvent.objects.count() == 6
    assert not LocalEvent.objects.filter(status=LocalEvent.Status.CANCELLED).exists()
    narrow = read_calendar(content, source="xr", window=import_window(now=later, horizon_days=10))
    import_calendar(reading=narrow, campaign=None, feed=registered, now=later)
    # Occurrences beyond a narrower window were not looked at, so they are not gone either.
    assert not LocalEvent.objects.filter(status=LocalEvent.Status.CANCELLED).exists()


def test_an_event_imported_whole_before_series_were_expanded_becomes_its_occurrence():
    legacy = LocalEvent.objects.create(
        title="Brievenavond Utrecht", city="Utrecht", country="NL", timezone="Europe/Amsterdam",
        starts_at=datetime(2030, 3, 5, 18, tzinfo=UTC),
        ends_at=datetime(2030, 3, 5, 20, tzinfo=UTC), status=LocalEvent.Status.APPROVED,
    )  # fmt: skip
    ImportedEvent.objects.create(event=legacy, uid=SERIES_UID)
    SignupFactory(event=legacy)
    load("google-weekly-nl.ics")
    legacy.import_source.refresh_from_db()
    assert legacy.import_source.recurrence_id == "20300305T180000Z"
    assert LocalEvent.objects.filter(import_source__uid=SERIES_UID).count() == 9


ONLINE = {
    "Kennismaking nieuwe vrijwilligers": ("google-weekly-nl.ics", "https://meet.google.com/abc-defg-hij"),
    "Online-Schulung: Gewaltfreie Aktion": ("outlook-teams-de.ics", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ4MzE2%40thread.v2/0?context=%7b%22Tid%22%3a%22a1b2%22%7d"),
    "Werkgroepoverleg (online)": ("nextcloud-zoom.ics", ZOOM),
    "Lezing: klimaatrechtvaardigheid": ("mobilizon-feed.ics", "https://bbb.example.org/b/kla-7xq-2mz"),
    "Vorbereitungstreffen (Jitsi)": ("thunderbird-de.ics", "https://meet.jit.si/FriedenLeipzigVorbereitung"),
}  # fmt: skip


@pytest.mark.parametrize("title", ONLINE)
def test_an_event_with_a_meeting_link_and_no_place_is_imported_as_online(title):
    name, link = ONLINE[title]
    summary, reading = load(name)
    assert not [w for w in reading.warnings if title in str(w)]
    event = LocalEvent.objects.filter(title=title).first()
    assert event is not None and event.is_online
    assert (event.city, event.country, event.latitude, event.venue) == ("", "", None, "")
    assert event.meeting_url == link
    assert "://" not in event.description.replace("mobilizon.example.org", "") or (
        link not in event.description
    )
    assert link not in event.description and link != event.signup_url


def test_an_online_event_keeps_the_zone_its_calendar_names():
    load("outlook-teams-de.ics")
    teams = LocalEvent.objects.get(title="Online-Schulung: Gewaltfreie Aktion")
    assert (teams.timezone, teams.local_starts_at.hour) == ("Europe/Berlin", 19)
    load("google-weekly-nl.ics")  # times in UTC, the calendar's X-WR-TIMEZONE
    meet = LocalEvent.objects.get(title="Kennismaking nieuwe vrijwilligers")
    assert (meet.timezone, meet.local_starts_at.hour) == ("Europe/Amsterdam", 19)


@pytest.fixture
def online_event():
    campaign = CampaignFactory(slug="spring", starts_on=date(2030, 3, 1), ends_on=date(2030, 5, 31))
    load("nextcloud-zoom.ics", campaign=campaign)
    load("google-weekly-nl.ics", campaign=campaign)
    return LocalEvent.objects.filter(title="Werkgroepoverleg (online)").order_by("starts_at")[1]


def test_the_meeting_link_is_never_public(client, online_event):
    page = client.get(online_event.get_absolute_url()).content.decode()
    assert "Online" in page and "zoom.us" not in page
    api = client.get(f"/api/v1/events/{online_event.pk}/").json()
    assert (api["attendance_mode"], api["is_online"], api["city"]) == ("online", True, "")
    assert "zoom.us" not in str(client.get("/api/v1/events/?page_size=100").content)
    public_feed = client.get("/feeds/campaigns/spring.ics")
    assert public_feed.status_code == 200 and b"zoom.us" not in public_feed.content
    (vevent,) = [
        v
        for v in icalendar.Calendar.from_ical(public_feed.content).walk("VEVENT")
        if str(v["summary"]) == online_event.title
        and v.decoded("dtstart") == online_event.starts_at
    ]
    assert str(vevent["location"]) == "Online"


def test_a_confirmed_participant_gets_the_link_and_someone_waiting_does_not(client, online_event):
    confirmed = SignupFactory(event=online_event)
    waiting = SignupFactory(event=online_event, state=Signup.State.AWAITING_CONFIRMATION)
    invite = icalendar.Calendar.from_ical(invite_ics(confirmed, now=NOW, method="REQUEST"))
    (vevent,) = invite.walk("VEVENT")
    assert str(vevent["conference"]) == ZOOM and ZOOM in str(vevent["location"])
    assert ZOOM in signup_confirmed(confirmed, now=NOW).text
    manage = client.get(f"/en/signups/{confirmed.token}/").content.decode()
    assert ZOOM.replace("&", "&amp;") in manage or ZOOM in manage
    assert ZOOM not in invite_ics(waiting, now=NOW, method="PUBLISH")
    assert "zoom.us" not in client.get(f"/en/signups/{waiting.token}/").content.decode()


def test_nearby_search_lists_online_events_apart_and_the_map_leaves_them_out(client, online_event):
    data = client.get("/api/v1/events/?near=Utrecht&radius_km=50&page_size=100").json()
    assert {e["city"] for e in data["results"]} == {"Utrecht", "Amsterdam"}
    assert {e["title"] for e in data["online"]} == {
        "Werkgroepoverleg (online)",
        "Kennismaking nieuwe vrijwilligers",
    }
    assert all(e["distance_km"] is None for e in data["online"])
    page = client.get("/en/events/?near=Utrecht&radius=50").content.decode()
    assert "Online events" in page and "Werkgroepoverleg (online)" in page
    world = build_world_map(LocalEvent.objects.all(), language="en")
    assert {place.name for place in world.places} == {"Utrecht", "Amsterdam"}
    # "N cities in M countries" counts places, and an online event has none.
    assert (
        campaign_reach(online_event.campaign).cities,
        campaign_reach(online_event.campaign).countries,
    ) == (2, 1)


BROKEN = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
BEGIN:VEVENT\r
UID:broken-start@test\r
SUMMARY:Demo Rotterdam\r
DTSTART:volgende zaterdag\r
LOCATION:Rotterdam, Nederland\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:broken-rule@test\r
SUMMARY:Wekelijkse wake\r
DTSTART;TZID=Europe/Amsterdam:20300305T190000\r
RRULE:FREQ=SOMETIMES;BYDAY=TU\r
LOCATION:Utrecht, Nederland\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:no-place@test\r
SUMMARY:Overleg\r
DTSTART:20300305T190000Z\r
LOCATION:Online\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_warnings_name_the_event_and_the_problem_without_python_words():
    reading = read_calendar(BROKEN, source="feed.ics", now=NOW)
    messages = [str(warning) for warning in reading.warnings]
    assert messages == [
        "feed.ics: event 1 (“Demo Rotterdam”) skipped: its DTSTART “volgende zaterdag” is not"
        " a date or a time",
        "feed.ics: event 2 (“Wekelijkse wake”) skipped: its repeat rule"
        " “FREQ=SOMETIMES;BYDAY=TU” cannot be read",
        "feed.ics: event 3 (“Overleg”) skipped: it names neither a place nor a meeting link"
        " (LOCATION “Online”)",
    ]
    with translation.override("nl"):
        dutch = [str(w) for w in read_calendar(BROKEN, source="feed.ics", now=NOW).warnings]
    assert dutch[0] == (
        "feed.ics: evenement 1 (“Demo Rotterdam”) overgeslagen: de DTSTART “volgende zaterdag”"
        " is geen datum of tijd"
    )


def test_a_dry_run_prints_each_occurrence_in_its_local_time_and_zone(tmp_path):
    path = tmp_path / "feed.ics"
    path.write_bytes(feed("google-weekly-nl.ics"))
    out = io.StringIO()
    call_command("import", "ical", str(path), "--dry-run", "--horizon", "36500",
                 stdout=out, stderr=io.StringIO())  # fmt: skip
    lines = out.getvalue().splitlines()
    assert (
        "Tuesday, 5 March 2030 19:00 CET (Europe/Amsterdam) Utrecht, NL: Brievenavond Utrecht"
        in lines
    )
    assert (
        "Tuesday, 2 April 2030 19:00 CEST (Europe/Amsterdam) Utrecht, NL: Brievenavond Utrecht"
        in lines
    )
    assert (
        "Tuesday, 12 March 2030 19:00 CET (Europe/Amsterdam) online: Kennismaking nieuwe"
        " vrijwilligers" in lines
    )
    assert LocalEvent.objects.count() == 0


RUNAWAY = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
BEGIN:VEVENT\r
UID:every-minute@test\r
SUMMARY:Minuut\r
DTSTART:20300513T120000Z\r
RRULE:FREQ=MINUTELY;INTERVAL=0\r
LOCATION:Utrecht, Nederland\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:since-1850@test\r
SUMMARY:Oud\r
DTSTART:18500513T120000Z\r
RRULE:FREQ=DAILY\r
LOCATION:Utrecht, Nederland\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:daily@test\r
SUMMARY:Dagelijks\r
DTSTART:20290513T120000Z\r
RRULE:FREQ=DAILY\r
LOCATION:Utrecht, Nederland\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_runaway_rule_is_refused_and_a_long_series_is_cut_with_a_warning():
    reading = read_calendar(RUNAWAY, source="feed.ics", now=NOW)
    assert [str(w) for w in reading.warnings] == [
        "feed.ics: event 1 (“Minuut”) skipped: its repeat rule “FREQ=MINUTELY;INTERVAL=0”"
        " repeats more than once a day",
        "feed.ics: event 2 (“Oud”) skipped: it starts before 1900",
        "feed.ics: event 3 (“Dagelijks”): only its first 400 occurrences were read",
    ]
    assert len(reading.entries) == 400
