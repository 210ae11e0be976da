"""Calendars from programs nobody here tested, sixth round: Google splitting a series whose
host moved to London, Outlook.com (Windows display names, the last Saturday of the month,
CDO markers, a tentative entry), Yahoo (DURATION of a day and two hours, an Eventbrite page
as the location), Samsung (VALUE=DATE-TIME, GEO, Korean), Tuta (COUNT with EXDATE,
BYWEEKNO), SOGo on Posteo (VTODO and VJOURNAL mixed in, CLASS:PRIVATE, ALTREP, ATTACH),
Radicale (RDATE periods of their own length, a city of two countries), DAViCal (a
THISANDFUTURE override moved to London's clock, a title in two languages), a Calendly
invitation, a Confluence team calendar, a zone unknown to zoneinfo given by its VTIMEZONE,
and files damaged on the way (a BOM, mixed line endings and folds inside a letter; a text
line broken without a fold; an entry without DTSTART; a download cut inside a letter).

The fixtures are in fixtures/calendars6/; each test reads what the importer produces back as
people would see it and checks it against what the feed means.
"""

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import (
    import_calendar,
    register_feed,
    sync_feed,
)
from turnout.importers.calendar_fetching import FeedUnavailable

from .calendar_builders import CalendarFolder, only
from .calendar_builders import shown as shown_rows
from .test_calendars_fifth_damaged import _EDITS, _edited, _refolded, assert_read_or_refused

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars6")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def shown(reading) -> list[tuple]:
    return shown_rows(reading, with_venue=False)


def sync(url: str, data: bytes):
    feed = register_feed(url=url, campaign=None)
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: data)
    feed.refresh_from_db()
    return feed, summary


# --- Google Calendar: "this and following events" moved to London's clock ----------------

CALL = "Coördinatie-overleg"


def test_google_split_series_goes_on_in_london_time_after_its_until():
    reading = read("google-split-series-nl.ics")
    assert shown(reading) == [
        (CALL, datetime(2030, 3, 6, 19), datetime(2030, 3, 6, 20), "Europe/Amsterdam", ""),
        # 13 March is called off by its override; the first series ends with 20 March.
        (CALL, datetime(2030, 3, 20, 19), datetime(2030, 3, 20, 20), "Europe/Amsterdam", ""),
        # The new series is London's clock: 18:00 GMT, then 18:00 BST after 31 March.
        (CALL, datetime(2030, 3, 27, 18), datetime(2030, 3, 27, 19), "Europe/London", ""),
        (CALL, datetime(2030, 4, 3, 18), datetime(2030, 4, 3, 19), "Europe/London", ""),
        ("Actie bij de Tweede Kamer", datetime(2030, 4, 6, 13), datetime(2030, 4, 6, 15, 30),
         "Europe/Amsterdam", "The Hague"),
        (CALL, datetime(2030, 4, 10, 18), datetime(2030, 4, 10, 19), "Europe/London", ""),
        (CALL, datetime(2030, 4, 17, 18), datetime(2030, 4, 17, 19), "Europe/London", ""),
    ]  # fmt: skip
    london = [e for e in reading.entries if e.record.timezone == "Europe/London"]
    assert [e.record.starts_at.astimezone(UTC).hour for e in london] == [18, 17, 17, 17]
    assert all(e.is_online and e.meeting_url.startswith("https://meet.google.com/") for e in london)
    assert ("4q7n2k9v0s8c1m3b5x6z7l8p9r@google.com", "20300313T180000Z") in reading.cancelled
    assert not reading.warnings


def test_a_google_series_split_in_two_keeps_its_events_and_their_participants():
    url = "https://calendar.google.com/calendar/ical/pauseai-nl/public/basic.ics"
    whole = fixture("google-split-series-nl.ics")
    # Before the split: one series of seven Wednesdays, none of them called off yet.
    before = whole.replace(b"UNTIL=20300326T175959Z", b"COUNT=7")
    for later in (b"DTSTART;TZID=Europe/London", b"DTSTART;TZID=Europe/Amsterdam:20300313"):
        block = before.index(b"BEGIN:VEVENT\r\n" + later)
        before = before[:block] + before[before.index(b"END:VEVENT", block) + 12 :]
    sync(url, before)
    assert LocalEvent.objects.count() == 8
    moved = LocalEvent.objects.get(starts_at=datetime(2030, 4, 3, 17, tzinfo=UTC))
    _feed, summary = sync(url, whole)
    # The occurrences Google moved to the new series are the same events, now on London's
    # clock: only 13 March, called off by the organizer, is cancelled.
    assert summary.counts["events cancelled"] == 1
    assert LocalEvent.objects.count() == 8
    moved.refresh_from_db()
    assert (moved.timezone, moved.status) == ("Europe/London", LocalEvent.Status.APPROVED)
    assert moved.import_source.uid == "4q7n2k9v0s8c1m3b5x6z7l8p9r_R20300327T180000@google.com"
    cancelled = LocalEvent.objects.get(status=LocalEvent.Status.CANCELLED)
    assert cancelled.starts_at == datetime(2030, 3, 13, 18, tzinfo=UTC)


# --- Outlook.com ---------------------------------------------------------------------------


def test_outlook_com_last_saturdays_all_day_entry_and_a_call_on_buenos_aires_time():
    reading = read("outlook-com-last-saturday-fr.ics")
    circle = "Cercle de silence pour une IA sûre"
    assert shown(reading) == [
        # BYSETPOS=-1 of the Saturdays: 30 March, 27 April, 25 May.
        (circle, datetime(2030, 3, 30, 15), datetime(2030, 3, 30, 16, 30), "Europe/Paris",
         "Paris"),
        ("Réunion publique à Lille (à confirmer)", datetime(2030, 4, 9, 19),
         datetime(2030, 4, 9, 21), "Europe/Paris", "Lille"),
        # "(UTC-03:00) City of Buenos Aires" is Buenos Aires' own zone, not a bare offset.
        ("Échange avec le groupe de Buenos Aires", datetime(2030, 4, 12, 17),
         datetime(2030, 4, 12, 18, 30), "America/Argentina/Buenos_Aires", ""),
        ("Journée nationale d'action", datetime(2030, 4, 15), datetime(2030, 4, 15, 23, 59),
         "Europe/Paris", "Lyon"),
        (circle, datetime(2030, 4, 27, 15), datetime(2030, 4, 27, 16, 30), "Europe/Paris",
         "Paris"),
        (circle, datetime(2030, 5, 25, 15), datetime(2030, 5, 25, 16, 30), "Europe/Paris",
         "Paris"),
    ]  # fmt: skip
    call = only(reading, "Échange avec le groupe de Buenos Aires")
    assert call.record.starts_at == datetime(2030, 4, 12, 20, tzinfo=UTC)
    assert call.description == "Un échange en visio avec nos camarades argentins."
    assert [str(w) for w in reading.warnings] == [
        "outlook-com-last-saturday-fr.ics: event 3 (“Réunion publique à Lille (à confirmer)”):"
        " it is marked tentative (STATUS:TENTATIVE); it was imported with its details to be"
        " announced"
    ]


@pytest.mark.parametrize(
    "written",
    [b"TZID=(UTC+01:00) Brussels, Copenhagen, Madrid, Paris",
     b"TZID=(UTC+01:00) Brussels\\, Copenhagen\\, Madrid\\, Paris"],
    ids=["unquoted", "unquoted, commas escaped"],
)  # fmt: skip
def test_a_display_name_written_without_quotes_is_still_the_zone_it_names(written):
    """The colon of "(UTC+01:00)" is not where the value begins."""
    data = fixture("outlook-com-last-saturday-fr.ics")
    data = data.replace(b'TZID="(UTC+01:00) Brussels, Copenhagen, Madrid, Paris"', written)
    assert written in data
    assert shown(read("o", data)) == shown(read("outlook-com-last-saturday-fr.ics"))


def test_a_tentative_entry_is_published_with_details_to_be_announced_until_confirmed():
    """A calendar publishes a tentative entry, so people may plan for it; it is not shown as
    settled. Once the organizer confirms it, the next sync approves it."""
    url = "https://outlook.live.com/owa/calendar/00000000/reachcalendar.ics"
    data = fixture("outlook-com-last-saturday-fr.ics")
    sync(url, data)
    title = "Réunion publique à Lille (à confirmer)"
    assert LocalEvent.objects.get(title=title).status == LocalEvent.Status.DETAILS_TBA
    assert LocalEvent.objects.get(title="Journée nationale d'action").status == (
        LocalEvent.Status.APPROVED
    )
    sync(url, data.replace(b"STATUS:TENTATIVE", b"STATUS:CONFIRMED"))
    assert LocalEvent.objects.get(title=title).status == LocalEvent.Status.APPROVED


# --- Yahoo, Samsung, Tuta -------------------------------------------------------------------


def test_yahoo_lengths_given_as_durations_and_an_eventbrite_page_as_the_location():
    reading = read("yahoo-durations-en.ics")
    town_hall = "Town hall on AI risk (online)"
    assert shown(reading) == [
        ("Letter-writing evening", datetime(2030, 3, 7, 18, 30), datetime(2030, 3, 7, 20),
         "America/New_York", "New York City"),
        (town_hall, datetime(2030, 3, 14, 20), datetime(2030, 3, 14, 21), "America/New_York",
         ""),
        # P1DT2H: a day and two hours, through the night.
        ("Overnight vigil outside the UN", datetime(2030, 4, 19, 10), datetime(2030, 4, 20, 12),
         "America/New_York", "New York City"),
    ]  # fmt: skip
    online = only(reading, town_hall)
    assert online.is_online and online.meeting_url == ""  # the link comes with registration
    assert online.url == ("https://www.eventbrite.com/e/town-hall-on-ai-risk-tickets-912345678901")
    assert not reading.warnings


def test_samsung_explicit_date_time_values_a_day_long_vigil_and_a_call_in_utc():
    reading = read("samsung-seoul-ko.ics")
    assert shown(reading) == [
        ("광화문 밤샘 촛불 집회", datetime(2030, 3, 23, 14), datetime(2030, 3, 24, 16),
         "Asia/Seoul", "Seoul"),
        # Given in UTC; online, so shown on the clock of the feed's events in person.
        ("온라인 세미나: AI 안전 기초", datetime(2030, 4, 2, 20), datetime(2030, 4, 2, 21, 30),
         "Asia/Seoul", ""),
    ]  # fmt: skip
    vigil = only(reading, "광화문 밤샘 촛불 집회")
    assert (vigil.record.latitude, vigil.record.longitude) == (37.5726, 126.9769)
    assert only(reading, "온라인 세미나: AI 안전 기초").meeting_url.startswith(
        "https://us06web.zoom.us/j/81234567890"
    )
    assert not reading.warnings


def test_tuta_count_still_counts_the_excluded_saturday_and_a_week_numbered_action_day():
    reading = read("tuta-count-exdate-weekno-de.ics")
    stand = "Infostand vor dem Hauptbahnhof"
    rows = [row[:3] for row in shown(reading)]
    assert rows == [
        (stand, datetime(2030, 3, 9, 11), datetime(2030, 3, 9, 14)),
        (stand, datetime(2030, 3, 16, 11), datetime(2030, 3, 16, 14)),
        # 23 March is excluded, and is still one of the five: the series ends on 6 April.
        ("Vortrag: Warum wir eine Pause brauchen", datetime(2030, 3, 28, 18),
         datetime(2030, 3, 28, 19, 30)),
        (stand, datetime(2030, 3, 30, 11), datetime(2030, 3, 30, 14)),
        (stand, datetime(2030, 4, 6, 11), datetime(2030, 4, 6, 14)),
        # The Saturday of ISO week 16; week 16 of 2031 lies beyond the year imported.
        ("Aktionstag in Kalenderwoche 16", datetime(2030, 4, 20, 13), datetime(2030, 4, 20, 16)),
    ]  # fmt: skip
    assert {row[3:] for row in shown(reading)} == {("Europe/Berlin", "Leipzig")}
    assert not reading.warnings


# --- SOGo on Posteo, Radicale, DAViCal ------------------------------------------------------


def test_sogo_leaves_out_tasks_journals_and_a_private_meeting_and_keeps_a_tentative_talk():
    reading = read("sogo-posteo-fr.ics")
    talk = "Conférence-débat à l'université (date à confirmer)"
    assert shown(reading) == [
        ("Rassemblement au Capitole", datetime(2030, 3, 16, 14, 30), datetime(2030, 3, 16, 16, 30),
         "Europe/Paris", "Toulouse"),
        (talk, datetime(2030, 4, 10, 18, 30), datetime(2030, 4, 10, 20, 30), "Europe/Paris",
         "Toulouse"),
    ]  # fmt: skip
    rally = only(reading, "Rassemblement au Capitole")
    assert rally.description == "Rassemblement pacifique. Programme complet sur notre site."
    assert only(reading, talk).record.is_to_be_announced
    assert not rally.record.is_to_be_announced
    # A private meeting at someone's home is never published; its address goes nowhere.
    assert [str(w) for w in reading.warnings] == [
        "sogo-posteo-fr.ics: event 2 (“Réunion interne du bureau”) skipped: it is marked private"
        " (CLASS:PRIVATE)",
        f"sogo-posteo-fr.ics: event 3 (“{talk}”): it is marked tentative (STATUS:TENTATIVE); it"
        " was imported with its details to be announced",
    ]
    assert ("5B1-65F0A1C0-2-9A0B1C00", "") in reading.cancelled


def test_radicale_added_dates_keep_their_own_length_and_valencia_is_spains():
    reading = read("radicale-rdate-period-es.ics")
    meeting = "Asamblea abierta de PauseIA Valencia"
    assert shown(reading) == [
        # The first Thursdays (2 May excluded), and two added periods of their own length.
        (meeting, datetime(2030, 3, 7, 18), datetime(2030, 3, 7, 19, 30), "Europe/Madrid",
         "Valencia"),
        (meeting, datetime(2030, 4, 4, 18), datetime(2030, 4, 4, 19, 30), "Europe/Madrid",
         "Valencia"),
        ("Concentración frente a las Corts", datetime(2030, 4, 13, 12),
         datetime(2030, 4, 13, 13, 30), "Europe/Madrid", "Valencia"),
        (meeting, datetime(2030, 4, 18, 18), datetime(2030, 4, 18, 21), "Europe/Madrid",
         "Valencia"),
        (meeting, datetime(2030, 4, 25, 19), datetime(2030, 4, 25, 21, 30), "Europe/Madrid",
         "Valencia"),
    ]  # fmt: skip
    assert {entry.record.country for entry in reading.entries} == {"ES"}
    assert not reading.warnings


def test_an_added_period_in_a_windows_zone_is_the_series_own_city_and_clock():
    data = fixture("radicale-rdate-period-es.ics").replace(
        b"RDATE;VALUE=PERIOD:20300418T160000Z/20300418T190000Z,20300425T170000Z/PT2H3\r\n 0M",
        b"RDATE;VALUE=PERIOD;TZID=Romance Standard Time:20300418T180000/PT3H",
    )
    rows = [row for row in shown(read("r", data)) if row[1].day == 18]
    assert rows == [
        ("Asamblea abierta de PauseIA Valencia", datetime(2030, 4, 18, 18),
         datetime(2030, 4, 18, 21), "Europe/Madrid", "Valencia"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("rewrite", "country"),
    [
        # Times in UTC: the coordinates alone say which Valencia.
        ({b"DTSTART;TZID=Europe/Madrid:20300413T120000": b"DTSTART:20300413T100000Z",
          b"DTEND;TZID=Europe/Madrid:20300413T133000": b"DTEND:20300413T113000Z"}, "ES"),
        # A country written out is never overruled by the zone.
        ({b"LOCATION:Plaza de San Lorenzo\\, Valencia":
              b"LOCATION:Plaza de San Lorenzo\\, Valencia\\, Venezuela",
          b"GEO:39.477800;-0.375600\r\n": b""},
         "VE"),
    ],
    ids=["by its coordinates", "country named"],
)  # fmt: skip
def test_which_valencia_a_rally_is_in_follows_what_the_entry_says(rewrite, country):
    data = fixture("radicale-rdate-period-es.ics")
    for old, new in rewrite.items():
        assert old in data
        data = data.replace(old, new)
    rally = only(read("r", data), "Concentración frente a las Corts")
    assert (rally.record.city, rally.record.country) == ("Valencia", country)


def test_davical_this_and_future_override_moves_the_rest_of_the_series_to_london():
    reading = read("davical-thisandfuture-ch.ics")
    zurich, london = "Stammtisch der Ortsgruppe", "Stammtisch der Ortsgruppe (in London)"
    tuesdays = [datetime(2030, 3, day) for day in (5, 12, 19, 26)]
    moved = [datetime(2030, 4, day) for day in (2, 9, 16, 23, 30)]
    rows = shown(reading)
    assert [row for row in rows if row[0] == zurich] == [
        (zurich, day.replace(hour=19), day.replace(hour=21), "Europe/Zurich", "Zürich")
        for day in tuesdays
    ]
    # Half past six in London is half past seven in Zürich: each later Tuesday is moved so.
    assert [row for row in rows if row[0] == london] == [
        (london, day.replace(hour=18, minute=30), day.replace(hour=20, minute=30),
         "Europe/London", "London")
        for day in moved
    ]  # fmt: skip
    # Each is still known by the start it replaces (19:00 in Zürich, summer time).
    assert [e.recurrence_id for e in reading.entries if e.title == london] == [
        f"2030040{d}T170000Z" if d < 10 else f"203004{d}T170000Z" for d in (2, 9, 16, 23, 30)
    ]
    assert not reading.warnings


@pytest.mark.parametrize(
    ("language", "title", "description"),
    [
        (None, "Aktionstag für sichere KI", "Kundgebung mit Reden und Musik."),
        ("de", "Aktionstag für sichere KI", "Kundgebung mit Reden und Musik."),
        ("fr", "Journée d'action pour une IA sûre", "Rassemblement avec discours et musique."),
    ],
)
def test_a_title_given_in_two_languages_is_read_in_the_imports_language(
    language, title, description
):
    reading = read("davical-thisandfuture-ch.ics", language=language)
    (day,) = [e for e in reading.entries if not e.recurrence_id]
    assert (day.title, day.description) == (title, description)
    assert (day.record.city, day.record.timezone) == ("Bern", "Europe/Zurich")


# --- Calendly, Confluence, a zone zoneinfo does not know -----------------------------------


def test_a_calendly_invitation_publishes_neither_its_call_nor_its_cancel_links():
    reading = read("calendly-invite-en.ics")
    session = only(reading, "New volunteer welcome session")
    assert session.is_online
    assert session.meeting_url.startswith("https://us06web.zoom.us/j/86712345678")
    assert session.record.starts_at == datetime(2030, 3, 12, 18, tzinfo=UTC)
    # Whoever holds these links cancels or moves the organizer's booking.
    assert "calendly.com/cancellations" not in session.description
    assert "calendly.com/reschedulings" not in session.description
    assert "Need to make changes" not in session.description
    assert "A short welcome for people who just signed up" in session.description
    import_calendar(reading=reading, campaign=None, now=NOW)
    stored = LocalEvent.objects.get()
    assert "calendly.com/" not in stored.description.replace("Calendly.com", "")
    assert "zoom.us" not in stored.description


def test_a_confluence_team_calendar_leaves_out_a_persons_travel():
    reading = read("confluence-team-calendar-en.ics")
    assert shown(reading) == [
        ("Stall at Leeds Kirkgate Market", datetime(2030, 3, 23, 10), datetime(2030, 3, 23, 13),
         "Europe/London", "Leeds"),
        ("Week of action", datetime(2030, 5, 6), datetime(2030, 5, 10, 23, 59), "Europe/London",
         "Manchester"),
    ]  # fmt: skip
    assert [str(w) for w in reading.warnings] == [
        "confluence-team-calendar-en.ics: event 3 (“Priya – travelling”) skipped: it is a"
        " person's leave, travel or birthday in a team calendar (travel)"
    ]


def test_a_zone_zoneinfo_does_not_know_is_read_by_the_rules_its_vtimezone_gives():
    reading = read("chile-custom-zone-es.ics")
    assert shown(reading) == [
        ("Marcha por una IA segura", datetime(2030, 3, 30, 11), datetime(2030, 3, 30, 13),
         "America/Santiago", "Santiago"),
        ("Charla en línea: riesgos de la IA", datetime(2030, 4, 10, 19),
         datetime(2030, 4, 10, 20, 30), "America/Santiago", ""),
        ("Taller de pancartas", datetime(2030, 9, 7, 16), datetime(2030, 9, 7, 18),
         "America/Santiago", "Santiago"),
    ]  # fmt: skip
    starts = {e.title: e.record.starts_at.astimezone(UTC) for e in reading.entries}
    # Summer time (-03) until 7 April, winter time (-04) until the Sunday after 1 September.
    assert starts == {
        "Marcha por una IA segura": datetime(2030, 3, 30, 14, tzinfo=UTC),
        "Charla en línea: riesgos de la IA": datetime(2030, 4, 10, 23, tzinfo=UTC),
        "Taller de pancartas": datetime(2030, 9, 7, 20, tzinfo=UTC),
    }
    assert {e.record.country for e in reading.entries if not e.is_online} == {"CL"}
    assert not reading.warnings


# --- damaged on the way ----------------------------------------------------------------------


def test_a_bom_mixed_line_endings_and_folds_inside_letters_read_as_written():
    raw = fixture("bom-mixed-endings-pl.ics")
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and b"\n" in raw.replace(b"\r\n", b"")
    assert any(not _decodes(line) for line in raw.replace(b"\r\n", b"\n").split(b"\n"))
    reading = read("bom-mixed-endings-pl.ics")
    picket = (
        "Pikieta na Rynku Głównym — żądamy przerwy w wyścigu ku coraz potężniejszej sztucznej"
        " inteligencji"
    )
    meeting = "Spotkanie otwarte we Wrocławiu: jak rozmawiać o zagrożeniach związanych z AI"
    assert shown(reading) == [
        (picket, datetime(2030, 3, 16, 12), datetime(2030, 3, 16, 14), "Europe/Warsaw", "Kraków"),
        (meeting, datetime(2030, 4, 4, 18), datetime(2030, 4, 4, 20), "Europe/Warsaw", "Wrocław"),
    ]  # fmt: skip
    assert only(reading, picket).description.endswith("znajdziecie na naszej stronie.")
    assert only(reading, picket).record.venue == "Rynek Główny, przy pomniku Adama Mickiewicza"
    assert (only(reading, picket).record.latitude, only(reading, picket).record.longitude) == (
        50.0617,
        19.9373,
    )
    assert not reading.warnings


def test_a_line_break_written_unescaped_stays_in_the_text_and_an_entry_without_start_is_named():
    reading = read("wordpress-broken-line-nl.ics")
    assert [e.title for e in reading.entries] == [
        "Flyeren op de Neude",
        "Wandeling langs het Domplein",
        "Stil protest bij het stadhuis",
    ]
    walk = only(reading, "Wandeling langs het Domplein")
    assert walk.description == (
        "We lopen samen van het Domplein naar de Stadsschouwburg.\n"
        "Neem een regenjas mee; we gaan bij elk weer."
    )
    assert walk.record.venue == "Domplein"
    assert [str(w) for w in reading.warnings] == [
        "wordpress-broken-line-nl.ics: event 3 (“Filmavond (datum volgt)”) skipped: it has no"
        " start (DTSTART)"
    ]


def test_a_download_cut_inside_a_letter_changes_nothing_and_says_why():
    url = "https://radicale.example.es/pauseia/valencia.ics/"
    sync(url, fixture("radicale-rdate-period-es.ics"))
    before = sorted(LocalEvent.objects.values_list("title", "status", "starts_at"))
    feed, _summary = sync(url, fixture("radicale-truncated-es.ics"))
    assert "stops before its end (END:VCALENDAR)" in feed.last_error
    assert sorted(LocalEvent.objects.values_list("title", "status", "starts_at")) == before
    with pytest.raises(FeedUnavailable, match="as a download broken off does"):
        read("radicale-truncated-es.ics")


FEEDS = sorted(path.name for path in FIXTURES.glob("*.ics"))
WHOLE = [name for name in FEEDS if name not in ("radicale-truncated-es.ics",
                                                "bom-mixed-endings-pl.ics")]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(FEEDS), _EDITS)
def test_no_change_to_a_sixth_round_feed_crashes_the_importer(name, edits):
    assert_read_or_refused(lambda: read(name, _edited(fixture(name), edits)))


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(WHOLE), st.lists(st.integers(min_value=1, max_value=80), min_size=1))
def test_folding_a_sixth_round_feed_anywhere_changes_nothing_that_is_read(name, widths):
    as_exported = read(name)
    refolded = read(name, _refolded(fixture(name), widths))
    assert shown(refolded) == shown(as_exported)
    assert [e.description for e in refolded.entries] == [e.description for e in as_exported.entries]
    assert [str(w) for w in refolded.warnings] == [str(w) for w in as_exported.warnings]


def _decodes(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
