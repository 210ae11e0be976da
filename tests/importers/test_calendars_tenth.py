"""Calendars from programs nobody here tested, tenth round: a Drupal site (date_ical, a
three-day camp, a fortnightly rule), Tockify (UTC times, a series called off on its master and
one occurrence on its own), Exchange 2010 (X-MICROSOFT-CDO-*, "Tokyo Standard Time", all-day
entries written as midnights), Thunderbird (reminders with a base64 sound, a base64 poster,
X-ALT-DESC), eM Client (RDATE and EXDATE lists in a Windows zone, an EXDATE that is a day),
Infomaniak (one occurrence moved to another city, THISANDFUTURE to a third), Google with
whole-day entries whose hour is in the description (Spanish, German, Japanese), plus codes
and geo: URIs in LOCATION (Portuguese), Naver (Korean addresses, lines folded inside
letters and emoji), two exports glued into one file, an old Joomla site in Latin-1 with LF
and CR endings, Open-Xchange's SEQUENCE raised between two syncs, RFC 9073's VLOCATION beside
tasks, journals, free-busy and availability (Greek), Mobilize (US zones across their change
to summer time), and Cybozu Office in Shift_JIS, as its server's Content-Type declares.

Damaged versions are in test_calendars_tenth_damaged.py; the fixtures in fixtures/calendars10/.
"""

import gzip
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.web.trickle import serving, trickling_http
from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed
from turnout.importers.calendar_fetching import fetch_calendar
from turnout.importers.calendar_plus_codes import plus_code_in, plus_code_point
from turnout.importers.models import ImportedEvent

from .calendar_builders import CalendarFolder, only, titled, warnings_of
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars10")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def shown(reading) -> list[tuple]:
    return shown_rows(reading, with_venue=False)


def days_of(entries) -> list[tuple[int, int]]:
    return [(e.record.starts_at.month, e.record.starts_at.day) for e in entries]


# --- Drupal, Tockify, Exchange, Thunderbird ---------------------------------------------------


def test_drupal_rally_camp_of_three_whole_days_and_a_fortnightly_plenum():
    reading = read("drupal-date-ical-de.ics")
    rally = only(reading, "Kundgebung vor dem Bundestag: KI-Entwicklung pausieren!")
    assert shown_rows(reading)[2] == (
        "Kundgebung vor dem Bundestag: KI-Entwicklung pausieren!", datetime(2030, 3, 23, 14),
        datetime(2030, 3, 23, 16, 30), "Europe/Berlin", "Berlin", "Platz der Republik 1",
    )  # fmt: skip
    assert rally.url == "https://pauseki-berlin.example.de/termine/kundgebung-bundestag"
    assert "<strong>" not in rally.description and "Reichstagsgebäude" in rally.description
    camp = only(reading, "Aktionscamp „Stopp den Wettlauf“")
    # DTEND 15 April is exclusive: Friday to Sunday, the whole of each day.
    local = camp.record.ends_at.astimezone(ZoneInfo(camp.record.timezone))
    assert (camp.record.day, local.date().isoformat()) == (
        datetime(2030, 4, 12).date(),
        "2030-04-14",
    )
    assert not camp.notes  # no hour in its words: it stays whole days
    plenum = titled(reading, "Offenes Plenum")
    # Every other Tuesday; UNTIL 17:00 UTC is 19:00 in Berlin's summer, so 16 April is kept.
    assert days_of(plenum) == [(3, 5), (3, 19), (4, 2), (4, 16)]
    assert {e.record.starts_at.astimezone(UTC).hour for e in plenum[2:]} == {17}
    assert not warnings_of(reading)


PANCARTES = "Atelier pancartes"
PROJECTION = "Projection-débat « The AI Dilemma »"


def test_tockify_times_in_utc_shown_on_paris_clock_and_what_is_called_off():
    reading = read("tockify-utc-fr.ics")
    rally = only(reading, "Rassemblement place de la République")
    assert (rally.record.city, rally.record.timezone) == ("Paris", "Europe/Paris")
    # 13:00 UTC is 14:00 in Paris in March.
    assert shown(reading)[3] == (
        "Rassemblement place de la République", datetime(2030, 3, 16, 14),
        datetime(2030, 3, 16, 16), "Europe/Paris", "Paris",
    )  # fmt: skip
    workshops = titled(reading, PANCARTES)
    assert days_of(workshops) == [(3, 6), (3, 13), (3, 20), (3, 27)]
    # One occurrence called off on its own: that one only.
    assert [days_of([e]) for e in workshops if e.is_cancelled] == [[(3, 20)]]
    # The master called off: every occurrence of it is.
    screenings = titled(reading, PROJECTION)
    assert days_of(screenings) == [(3, 9), (4, 13), (5, 11)]
    assert all(e.is_cancelled for e in screenings)


def test_tockify_cancellations_reach_the_events_on_a_sync_and_none_is_open():
    feed = register_feed(url="https://tockify.com/api/feeds/ics/pauseia.idf", campaign=None)
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: fixture("tockify-utc-fr.ics"))
    cancelled = LocalEvent.objects.filter(status=LocalEvent.Status.CANCELLED)
    assert sorted((e.title, e.starts_at.date().isoformat()) for e in cancelled) == [
        (PANCARTES, "2030-03-20"), (PROJECTION, "2030-03-09"), (PROJECTION, "2030-04-13"),
        (PROJECTION, "2030-05-11"),
    ]  # fmt: skip
    assert LocalEvent.objects.exclude(status=LocalEvent.Status.CANCELLED).count() == 4


def test_exchange_tokyo_standard_time_and_whole_days_written_as_midnights():
    reading = read("exchange-cdo-tokyo-ja.ics")
    standing = only(reading, "AI開発の一時停止を求めるスタンディング")
    # 13:00 on Tokyo's clock is 04:00 UTC: the Windows name is Asia/Tokyo.
    assert standing.record.starts_at == datetime(2030, 3, 17, 4, tzinfo=UTC)
    assert (standing.record.city, standing.record.timezone) == ("Tokyo", "Asia/Tokyo")
    assert (
        standing.description
        == "日比谷公園の噴水前に集合してください。プラカードは各自ご持参ください。"
    )
    monthly = titled(reading, "月例ミーティング")
    assert days_of(monthly) == [(3, 5), (4, 2), (5, 7), (6, 4)]  # first Tuesdays
    assert {e.record.starts_at.astimezone(UTC).hour for e in monthly} == {10}
    # X-MICROSOFT-CDO-ALLDAYEVENT with midnight to midnight, and a DATE: both one whole day.
    for title, city, day in (
        ("大阪・中之島で署名集め", "Osaka", 20),
        ("新宿駅前チラシ配り(終日)", "Tokyo", 6),
    ):
        entry = only(reading, title)
        assert (entry.record.city, entry.record.day) == (city, datetime(2030, 4, day).date())
        local = entry.record.starts_at.astimezone(ZoneInfo(entry.record.timezone))
        assert local.hour == 0 and entry.record.ends_at - entry.record.starts_at < (
            datetime(2, 1, 2) - datetime(2, 1, 1)
        )
    assert not warnings_of(reading)


def test_thunderbird_reminders_and_base64_attachments_are_left_out_of_the_event():
    reading = read("thunderbird-valarm-attach-es.ics")
    assert shown_rows(reading) == [
        ("Concentración en la Puerta del Sol por una pausa en la IA", datetime(2030, 3, 22, 12),
         datetime(2030, 3, 22, 14), "Europe/Madrid", "Madrid", "Puerta del Sol"),
        ("Reunión de voluntarios en Barcelona", datetime(2030, 3, 27, 19),
         datetime(2030, 3, 27, 20, 30), "Europe/Madrid", "Barcelona",
         "Casal de Barri Pou de la Figuera, Carrer de Sant Pere Més Baix 70"),
    ]  # fmt: skip
    sol = only(reading, "Concentración en la Puerta del Sol por una pausa en la IA")
    # The reminder's words, place and address are the organizer's own, not the event's.
    assert sol.description == "Traed pancartas y agua. Inscripción: https://pausaia.example.es/sol"
    assert sol.url == "https://pausaia.example.es/sol"
    assert not warnings_of(reading)


# --- Added and excluded dates, moved occurrences ---------------------------------------------

KRAKOW = "Spotkanie grupy lokalnej PauseAI Kraków"


def test_em_client_rdate_and_exdate_lists_in_a_windows_zone():
    reading = read("emclient-rdate-exdate-pl.ics")
    meetings = titled(reading, KRAKOW)
    # Thursdays but 21 March and 4 April, the Saturdays added instead, and 11 May after UNTIL.
    assert days_of(meetings) == [
        (3, 7), (3, 14), (3, 23), (3, 28), (4, 6), (4, 11), (4, 18), (4, 25), (5, 11)
    ]  # fmt: skip
    # 18:00 in Kraków each time: 17:00 UTC in winter, 16:00 UTC from 31 March.
    assert [e.record.starts_at.astimezone(UTC).hour for e in meetings] == [17] * 4 + [16] * 5
    assert {(e.record.city, e.record.timezone) for e in meetings} == {("Kraków", "Europe/Warsaw")}
    assert len({e.recurrence_id for e in meetings}) == 9
    # An EXDATE written as a day excludes that day's occurrence of a timed series.
    leaflets = titled(reading, "Rozdawanie ulotek na Długim Targu")
    assert days_of(leaflets) == [(3, 2), (3, 9), (3, 23), (3, 30)]
    assert {e.record.city for e in leaflets} == {"Gdańsk"}
    assert not warnings_of(reading)


PRESIDIO = "Presidio mensile per una pausa nello sviluppo dell'IA"


def test_infomaniak_an_occurrence_moved_to_turin_and_the_rest_to_bologna():
    reading = read("infomaniak-moved-city-it.ics")
    assert shown(reading) == [
        (PRESIDIO, datetime(2030, 3, 2, 15), datetime(2030, 3, 2, 17), "Europe/Rome", "Milan"),
        (PRESIDIO, datetime(2030, 4, 6, 16), datetime(2030, 4, 6, 18), "Europe/Rome", "Turin"),
        (PRESIDIO, datetime(2030, 5, 4, 15), datetime(2030, 5, 4, 17), "Europe/Rome", "Milan"),
        (PRESIDIO, datetime(2030, 6, 1, 17), datetime(2030, 6, 1, 19), "Europe/Rome", "Bologna"),
        (PRESIDIO, datetime(2030, 7, 6, 17), datetime(2030, 7, 6, 19), "Europe/Rome", "Bologna"),
        (PRESIDIO, datetime(2030, 8, 3, 17), datetime(2030, 8, 3, 19), "Europe/Rome", "Bologna"),
    ]
    turin = [e for e in reading.entries if e.record.city == "Turin"]
    assert [e.record.venue for e in turin] == ["Piazza Castello"]
    # Each keeps the occurrence it moved: a later sync finds the same events.
    assert [e.recurrence_id for e in reading.entries] == [
        "20300302T140000Z", "20300406T130000Z", "20300504T130000Z", "20300601T130000Z",
        "20300706T130000Z", "20300803T130000Z",
    ]  # fmt: skip


def test_a_moved_occurrence_keeps_its_event_and_its_new_city_on_a_second_sync():
    feed = register_feed(url="https://sync.infomaniak.example/calendars/presidio", campaign=None)
    for _sync in range(2):
        sync_feed(feed=feed, now=NOW, fetch=lambda _url: fixture("infomaniak-moved-city-it.ics"))
    assert LocalEvent.objects.count() == ImportedEvent.objects.count() == 6
    cities = LocalEvent.objects.order_by("starts_at").values_list("city", flat=True)
    assert list(cities) == ["Milan", "Turin", "Milan", "Bologna", "Bologna", "Bologna"]
    assert not LocalEvent.objects.filter(status=LocalEvent.Status.CANCELLED).exists()


# --- Hours written in words, places written as codes -----------------------------------------


def test_whole_day_entries_at_the_hour_their_description_gives():
    reading = read("google-allday-time-in-text.ics")
    assert shown(reading) == [
        ("Concentración frente al Ayuntamiento de Sevilla", datetime(2030, 3, 14, 18, 30),
         datetime(2030, 3, 14, 20, 30), "Europe/Madrid", "Seville"),
        ("Mahnwache am Jungfernstieg", datetime(2030, 3, 21, 14), datetime(2030, 3, 21, 16),
         "Europe/Berlin", "Hamburg"),
        # 14:00 in Kyoto, though the calendar's own zone is Madrid's.
        ("京都駅前スタンディング", datetime(2030, 3, 30, 14), datetime(2030, 3, 30, 16),
         "Asia/Tokyo", "Kyoto"),
        # Several days: the hours are its opening hours, it stays whole days.
        ("Ausstellung in der Zentralbibliothek", datetime(2030, 4, 8),
         datetime(2030, 4, 10, 23, 59), "Europe/Berlin", "Hamburg"),
        # "12 ciudades" is no hour.
        ("Día de acción descentralizado", datetime(2030, 4, 25), datetime(2030, 4, 25, 23, 59),
         "Europe/Madrid", "Seville"),
    ]  # fmt: skip
    told = [w for w in warnings_of(reading) if "its hour was read from its description" in w]
    assert len(told) == 3 and "Mahnwache am Jungfernstieg" in told[1]


def test_plus_codes_and_a_geo_uri_with_its_uncertainty_place_the_entries():
    reading = read("plus-codes-geo-uri-pt.ics")
    points = {
        e.title: (e.record.city, e.record.timezone, e.record.latitude, e.record.longitude)
        for e in reading.entries
    }
    assert points == {
        # A short code, completed by the city after it.
        "Concentração na Praça do Comércio": ("Lisbon", "Europe/Lisbon", 38.707563, -9.136437),
        # A full code alone.
        "Panfletagem na Avenida dos Aliados": ("Porto", "Europe/Lisbon", 41.147188, -8.611063),
        "Conversa na Praça 8 de Maio": ("Coimbra", "Europe/Lisbon", 40.20888, -8.42931),
    }
    # 14:00 UTC is 15:00 in Lisbon's summer time (from 31 March).
    porto = only(reading, "Panfletagem na Avenida dos Aliados")
    assert porto.record.starts_at.astimezone(ZoneInfo("Europe/Lisbon")).hour == 15
    assert not warnings_of(reading)


@pytest.mark.parametrize(
    ("code", "near", "point"),
    [("8FVC9G8F+6X", None, (47.365563, 8.524938)),  # Zürich, Open Location Code's example
     ("9G8F+6X Zürich", (47.37, 8.54), (47.365563, 8.524937)),
     ("CWC8+R9 Mountain View", (37.4, -122.1), (37.422063, -122.084063)),
     # Near the edge of the area its own digits name: the nearer area is meant.
     ("X2X2+X2 Somewhere", (0.01, 0.01), (-0.000062, 0.000063)),
     ("PV57+2C", None, None)],  # a short code without its place is no point
)  # fmt: skip
def test_a_plus_code_names_the_centre_of_its_area(code, near, point):
    found = plus_code_point(plus_code_in(code), near)
    assert found == point if point is None else found == pytest.approx(point, abs=2e-6)


@pytest.mark.parametrize(
    "location", ["Praça do Comércio, Lisboa", "PV57 Lisboa", "8CHH+", "2030+12 Porto", ""]
)
def test_what_is_no_plus_code_is_not_read_as_one(location):
    assert plus_code_in(location) is None


# --- Bytes: folds inside letters, glued files, Latin-1 -----------------------------------------

RELAY = "🛑🤖 광화문 1인 시위 릴레이 — AI 개발을 멈춰 주세요 🙏✊🏽"


def test_naver_lines_folded_inside_letters_and_korean_addresses():
    data = fixture("naver-folded-inside-letters-ko.ics")
    cut_letters = [p for p in data.split(b"\r\n ")[1:] if p and p[0] & 0xC0 == 0x80]
    assert cut_letters  # the file does fold in the middle of characters
    reading = read("naver-folded-inside-letters-ko.ics", data)
    relay = only(reading, RELAY)
    assert (relay.record.city, relay.record.timezone, relay.record.venue) == (
        "Seoul",
        "Asia/Seoul",
        "광화문광장, 서울특별시 종로구 세종대로 172",  # the whole address, city included
    )
    assert relay.description.endswith("https://pauseai.example.kr/relay")
    assert "🪧" in relay.description and "\ufffd" not in relay.description + relay.title
    reading_group = titled(reading, "정기 모임 📚 「AI 안전」 책 읽기")
    assert days_of(reading_group) == [(3, 27), (4, 3), (4, 10)]
    assert {e.record.venue for e in reading_group} == {"서울특별시 마포구 망원동 412-5"}
    assert not warnings_of(reading)


def test_two_exports_glued_into_one_file_are_read_as_one_calendar():
    data = fixture("concatenated-exports-sv.ics")
    assert data.count(b"BEGIN:VCALENDAR") == 2 and b"\xef\xbb\xbfBEGIN:VCALENDAR" in data
    assert shown(read("concatenated-exports-sv.ics")) == [
        ("Manifestation på Gustaf Adolfs torg", datetime(2030, 3, 15, 12),
         datetime(2030, 3, 15, 13, 30), "Europe/Stockholm", "Gothenburg"),
        ("Studiecirkel om AI-risker", datetime(2030, 3, 22, 18), datetime(2030, 3, 22, 20),
         "Europe/Stockholm", "Malmö"),
        ("Flygbladsutdelning på Stortorget", datetime(2030, 4, 5, 11), datetime(2030, 4, 5, 13),
         "Europe/Stockholm", "Malmö"),
    ]  # fmt: skip


def test_an_old_joomla_site_in_latin_1_with_lf_and_cr_endings():
    data = fixture("jevents-latin1-fr.ics")
    assert "é".encode("latin-1") in data and b"\r\n" not in data and b"\r" in data
    reading = read("jevents-latin1-fr.ics", data)
    meeting = only(reading, "Réunion d'information à Besançon")
    assert meeting.record.city == "Besançon"
    assert meeting.description == "Présentation du mouvement et débat. Entrée libre."
    stands = titled(reading, "Stand d'information place Granvelle")
    assert days_of(stands) == [(4, 6), (4, 13), (4, 20)]
    # 10:00 in summer time: 08:00 UTC (the VTIMEZONE gives only this year's two changes).
    assert {e.record.starts_at.astimezone(UTC).hour for e in stands} == {8}
    assert only(reading, "Réunion d'information à Besançon").record.starts_at.hour == 18


# --- Revisions between syncs ------------------------------------------------------------------

DEMO = "Demonstration på Christiansborg Slotsplads"
TALK = "Foredrag: Hvorfor en pause?"


def _sync_ox(name: str):
    feed = register_feed(url="https://dav.mailbox.example/pauseai-dk.ics", campaign=None)
    return sync_feed(feed=feed, now=NOW, fetch=lambda _url: fixture(name))


def _events() -> list[tuple]:
    rows = LocalEvent.objects.order_by("starts_at").values_list("title", "starts_at", "status")
    return [(t, s.astimezone(UTC).strftime("%m-%d %H:%M"), str(status)) for t, s, status in rows]


def test_open_xchange_sequence_raised_moves_one_event_and_calls_off_two():
    _sync_ox("ox-mailbox-sequence-da.ics")
    assert LocalEvent.objects.count() == 6
    summary = _sync_ox("ox-mailbox-sequence-da-later.ics")
    approved, cancelled = LocalEvent.Status.APPROVED, LocalEvent.Status.CANCELLED
    assert _events() == [
        ("Fællesmøde i Aarhus", "03-07 18:00", approved),
        ("Fællesmøde i Aarhus", "03-14 18:00", approved),
        (DEMO, "03-16 13:00", approved),  # 14:00 in Copenhagen, an hour later than first
        ("Fællesmøde i Aarhus", "03-21 18:00", cancelled),
        ("Fællesmøde i Aarhus", "03-28 18:00", approved),
        (TALK, "04-03 16:00", cancelled),
    ]
    assert summary.counts.get("events cancelled") == 2
    # Nothing doubled: the same six events, each one imported entry.
    assert ImportedEvent.objects.count() == 6
    assert ImportedEvent.objects.get(event__title=DEMO).sequence == 2


def test_open_xchange_an_older_revision_served_again_changes_nothing():
    _sync_ox("ox-mailbox-sequence-da.ics")
    _sync_ox("ox-mailbox-sequence-da-later.ics")
    after = _events()
    summary = _sync_ox("ox-mailbox-sequence-da.ics")  # a cache serving last week's file
    assert _events() == after
    older = [str(w) for w in summary.warnings if "older revision" in str(w)]
    assert any(DEMO in w and "SEQUENCE 0, 2 imported" in w for w in older)
    assert any(TALK in w for w in older)


# --- Components beside events, US zones -------------------------------------------------------


def test_vlocation_places_an_entry_without_location_and_other_components_are_left_aside():
    reading = read("rfc9073-vlocation-el.ics")
    assert shown_rows(reading) == [
        ("Συγκέντρωση στην Πλατεία Αριστοτέλους", datetime(2030, 3, 16, 12),
         datetime(2030, 3, 16, 14), "Europe/Athens", "Thessaloniki", "Πλατεία Αριστοτέλους"),
        ("Ανοιχτή συζήτηση στο Σύνταγμα", datetime(2030, 3, 30, 18), datetime(2030, 3, 30, 20),
         "Europe/Athens", "Athens", "Πλατεία Συντάγματος"),
    ]  # fmt: skip
    square = only(reading, "Συγκέντρωση στην Πλατεία Αριστοτέλους")
    assert (square.record.latitude, square.record.longitude) == (40.632778, 22.940556)
    titles = {e.title for e in reading.entries}
    assert not titles & {"Εκτύπωση φυλλαδίων", "Πρακτικά συνέλευσης", "Ώρες γραφείου"}
    assert not warnings_of(reading)


def test_mobilize_rally_meetings_across_americas_summer_time_and_a_virtual_phone_bank():
    reading = read("mobilize-us-en.ics")
    rally = only(reading, "Rally for an AI Pause at Lafayette Square")
    # Noon in Washington after 10 March is EDT: 16:00 UTC.
    assert rally.record.starts_at == datetime(2030, 3, 16, 16, tzinfo=UTC)
    assert (rally.record.city, rally.record.timezone) == ("Washington", "America/New_York")
    meetings = titled(reading, "SF chapter meeting")
    # 18:30 in San Francisco: 02:30 UTC the next day in PST, 01:30 UTC in PDT.
    assert [e.record.starts_at.astimezone(UTC).strftime("%d %H:%M") for e in meetings] == [
        "08 02:30", "15 01:30", "22 01:30"
    ]  # fmt: skip
    assert {e.record.city for e in meetings} == {"San Francisco"}
    bank = only(reading, "Virtual phone bank: call your senators")
    assert bank.is_online and bank.meeting_url.startswith("https://us06web.zoom.us/j/81234567890")
    assert bank.record.timezone == "America/New_York"
    assert bank.url == "https://www.mobilize.example.us/pauseaius/event/612411/"
    assert not warnings_of(reading)


# --- The character set the server declares ----------------------------------------------------


@pytest.fixture
def local_feeds(settings):
    settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES = True  # the servers below are local


def _fetched(body: bytes, content_type: bytes) -> bytes:
    with serving(trickling_http(content_type=content_type, body=body, interval=0)) as peer:
        return fetch_calendar(f"{peer.url}/schedule.ics")


STANDING = "中之島公園でスタンディング"


def test_a_cybozu_feed_in_shift_jis_is_read_in_the_charset_its_server_declares(local_feeds):
    data = fixture("cybozu-shift-jis-ja.ics")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    # The file alone says nothing of its characters: read as Windows' Latin, it is mojibake.
    assert not titled(read("cybozu-shift-jis-ja.ics"), STANDING)
    fetched = _fetched(data, b"text/calendar; charset=Shift_JIS")
    reading = read("cybozu-shift-jis-ja.ics", fetched)
    assert shown_rows(reading) == [
        (STANDING, datetime(2030, 3, 23, 14), datetime(2030, 3, 23, 16), "Asia/Tokyo", "Osaka",
         "中之島公園"),
        ("京都での勉強会「AIのリスク」", datetime(2030, 4, 6, 13, 30), datetime(2030, 4, 6, 15),
         "Asia/Tokyo", "Kyoto", "京都市国際交流会館"),
    ]  # fmt: skip
    assert only(reading, STANDING).description == "プラカードを持って立ちます。雨天決行。"


@pytest.mark.parametrize(
    "content_type",
    [b"text/calendar; charset=ISO-8859-1", b'text/calendar; charset="windows-1251"',
     b"text/calendar; charset=no-such-charset", b"text/plain"],
)  # fmt: skip
def test_a_utf8_feed_stays_utf8_whatever_its_server_claims(local_feeds, content_type):
    data = fixture("drupal-date-ical-de.ics")
    assert _fetched(data, content_type) == data


def test_a_compressed_feed_is_not_decoded_as_text_whatever_its_server_claims(local_feeds):
    data = fixture("cybozu-shift-jis-ja.ics")
    packed = gzip.compress(data, mtime=0)
    assert _fetched(packed, b"application/octet-stream; charset=Shift_JIS") == packed
