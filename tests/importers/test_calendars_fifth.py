"""Calendars from programs nobody here wrote, fifth round: Nextcloud's SabreDAV, Fastmail (a
weekly series with COUNT whose occurrence moved to London), Proton (its call in a property of
its own), Zoho (DTSTART with TZID, DTEND in UTC), Thunderbird (EXDATE in UTC), Apple's
structured location, a Teams meeting whose link is only in the description, Meetup, a zone of
a made-up name with only an offset, an international day in five languages, and a
byte-counting exporter that folds lines inside a letter.

The fixtures are in fixtures/calendars5/; each test reads what the importer produces back as
people would see it and checks it against what the feed means.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import import_calendar, read_calendar

from .calendar_builders import CalendarFolder, only
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars5")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def shown(reading) -> list[tuple]:
    return shown_rows(reading, with_venue=False)


def test_nextcloud_sabredav_export_keeps_its_public_entries_and_leaves_a_confidential_one():
    reading = read("nextcloud-sabredav-nl.ics")
    assert shown(reading) == [
        ("Wandeling langs de ministeries", datetime(2030, 3, 16, 13), datetime(2030, 3, 16, 16),
         "Europe/Amsterdam", "The Hague"),
        # A whole day: DTEND (12 April) is the day after.
        ("Flyeren op de markt", datetime(2030, 4, 11), datetime(2030, 4, 11, 23, 59),
         "Europe/Amsterdam", "Haarlem"),
    ]  # fmt: skip
    assert only(reading, "Wandeling langs de ministeries").record.venue == "Plein"
    assert [str(w) for w in reading.warnings] == [
        "nextcloud-sabredav-nl.ics: event 3 (“Voorbereiding Leidse wake”) skipped: it is marked"
        " private (CLASS:CONFIDENTIAL)"
    ]
    # Imported before and marked confidential since: the public event is called off.
    assert ("f0b3c1d2-0e9a-4b7c-8d6e-5a4b3c2d1e0f", "") in reading.cancelled


def test_fastmail_weekly_series_with_count_keeps_its_occurrence_moved_to_london():
    reading = read("fastmail-count-moved-de.ics")
    vigil, london = "Mahnwache vor dem Bundestag", "Mahnwache in London (gemeinsam mit der "
    london += "Londoner Gruppe)"
    assert shown(reading) == [
        (vigil, datetime(2030, 3, 20, 18, 30), datetime(2030, 3, 20, 20), "Europe/Berlin",
         "Berlin"),
        (vigil, datetime(2030, 3, 27, 18, 30), datetime(2030, 3, 27, 20), "Europe/Berlin",
         "Berlin"),
        # The third of four, moved a day on and to London's clock, lasting its own two hours.
        (london, datetime(2030, 4, 4, 12), datetime(2030, 4, 4, 14), "Europe/London", "London"),
        # COUNT=4 counts the moved one: the series ends on 10 April, not 17 April.
        (vigil, datetime(2030, 4, 10, 18, 30), datetime(2030, 4, 10, 20), "Europe/Berlin",
         "Berlin"),
    ]  # fmt: skip
    # Known by the start it replaces (3 April 18:30 in Berlin, summer time), not its new one.
    assert only(reading, london).recurrence_id == "20300403T163000Z"
    assert only(reading, london).record.starts_at == datetime(2030, 4, 4, 11, tzinfo=UTC)
    assert not reading.warnings


@pytest.mark.parametrize(
    ("rewrite", "moved_to", "replaces"),
    [
        # The override names the occurrence it replaces in UTC, as some servers rewrite it.
        ({b"RECURRENCE-ID;TZID=Europe/Berlin:20300403T183000": b"RECURRENCE-ID:20300403T163000Z"},
         datetime(2030, 4, 4, 12), datetime(2030, 4, 3, 18, 30)),
        # The last of the four moved a week past the series' end: still one of the four.
        ({b"RECURRENCE-ID;TZID=Europe/Berlin:20300403T183000":
              b"RECURRENCE-ID;TZID=Europe/Berlin:20300410T183000",
          b"DTSTART;TZID=Europe/London:20300404T120000":
              b"DTSTART;TZID=Europe/London:20300418T120000"},
         datetime(2030, 4, 18, 12), datetime(2030, 4, 10, 18, 30)),
    ],
    ids=["occurrence named in UTC", "last occurrence moved past the end"],
)  # fmt: skip
def test_fastmail_moved_occurrence_however_it_is_named_replaces_one_of_the_four(
    rewrite, moved_to, replaces
):
    data = (FIXTURES / "fastmail-count-moved-de.ics").read_bytes()
    for old, new in rewrite.items():
        data = data.replace(old, new)
    rows = shown(read_calendar(data, source="f", now=NOW))
    berlin = [row[1] for row in rows if row[3] == "Europe/Berlin"]
    london = [row[1] for row in rows if row[3] == "Europe/London"]
    assert london == [moved_to]
    wednesdays = [datetime(2030, 3, 20, 18, 30) + timedelta(weeks=n) for n in range(4)]
    assert berlin == [day for day in wednesdays if day != replaces]


def test_proton_gives_its_call_in_a_property_of_its_own_and_a_cancelled_entry_as_such():
    reading = read("proton-es.ics")
    talk = only(reading, "Charla en línea: ¿qué es la gobernanza de la IA?")
    assert talk.is_online
    assert talk.meeting_url == "https://meet.proton.me/join/id-8CK2Q7Z3XW#pwd-Hk29sLmQ"
    assert talk.record.timezone == "Europe/Madrid"
    assert talk.record.starts_at == datetime(2030, 3, 26, 19, tzinfo=ZoneInfo("Europe/Madrid"))
    chain = only(reading, "Cadena humana frente al Ministerio")
    assert (chain.record.city, chain.record.venue) == ("Madrid", "Paseo de la Castellana 162")
    assert only(reading, "Asamblea abierta (aplazada)").is_cancelled
    assert not reading.warnings


def test_a_proton_meet_link_given_only_as_the_location_is_the_call():
    data = (FIXTURES / "proton-es.ics").read_bytes()
    data = data.replace(b"X-PM-CONFERENCE-URL", b"X-PM-CONFERENCE-URL-OLD")
    reading = read_calendar(data, source="p", now=NOW)
    talk = only(reading, "Charla en línea: ¿qué es la gobernanza de la IA?")
    assert talk.meeting_url.startswith("https://meet.proton.me/join/")


def test_zoho_start_in_a_named_zone_and_end_in_utc_are_one_event_of_its_length():
    reading = read("zoho-utc-end-pl.ics")
    assert shown(reading) == [
        # 18:00 UTC is 19:00 in Warsaw before the change to summer time (31 March).
        ("Pikieta przed Sejmem", datetime(2030, 3, 28, 17), datetime(2030, 3, 28, 19),
         "Europe/Warsaw", "Warsaw"),
        # 12:30 UTC is 14:30 after it.
        ("Zbiórka podpisów na Rynku", datetime(2030, 4, 4, 12), datetime(2030, 4, 4, 14, 30),
         "Europe/Warsaw", "Kraków"),
    ]  # fmt: skip
    assert not reading.warnings


def test_thunderbird_monthly_series_leaves_out_the_saturday_its_utc_exdate_names():
    reading = read("thunderbird-wien-de.ics")
    stand = "Infostand am Stephansplatz"
    assert shown(reading) == [
        (stand, datetime(2030, 3, 2, 10), datetime(2030, 3, 2, 14), "Europe/Vienna", "Vienna"),
        ("Lesekreis: Risiken fortgeschrittener KI", datetime(2030, 3, 12, 18, 30),
         datetime(2030, 3, 12, 20), "Europe/Vienna", "Vienna"),
        # 6 April (08:00 UTC, 10:00 in Vienna) is excluded; COUNT=3 still ends with May.
        (stand, datetime(2030, 5, 4, 10), datetime(2030, 5, 4, 14), "Europe/Vienna", "Vienna"),
    ]  # fmt: skip


def test_apple_structured_location_gives_the_venue_and_its_exact_point():
    reading = read("apple-structured-location-en.ics")
    assert shown(reading) == [
        ("Rally at the Dáil", datetime(2030, 3, 30, 14), datetime(2030, 3, 30, 16),
         "Europe/Dublin", "Dublin"),
        ("Film night: screening and discussion", datetime(2030, 4, 8, 18, 30),
         datetime(2030, 4, 8, 20), "Europe/Dublin", "Dublin"),
    ]  # fmt: skip
    rally = only(reading, "Rally at the Dáil")
    assert rally.url == "https://pauseai.example.ie/dail-rally"
    assert rally.record.venue.startswith("Leinster House")
    # A venue alone in LOCATION is placed by Apple's coordinates, folded inside the number.
    film = only(reading, "Film night: screening and discussion")
    assert film.record.venue == "The Sugar Club"
    assert (film.record.latitude, film.record.longitude) == (53.336389, -6.255278)


def test_a_teams_meeting_with_its_link_only_in_the_description_is_online_in_paris_time():
    reading = read("teams-description-only-fr.ics")
    call = only(reading, "Point hebdomadaire des coordinateurs")
    assert call.is_online and call.record.city == ""
    assert call.meeting_url.startswith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_")
    assert "@thread.v2" in call.meeting_url.replace("%40", "@")
    # "Romance Standard Time" is Paris' clock; 25 March is still winter time there.
    assert call.record.timezone == "Europe/Paris"
    assert call.record.starts_at == datetime(2030, 3, 25, 17, 30, tzinfo=UTC)
    rally = only(reading, "Rassemblement place de la République")
    assert (rally.record.city, rally.attendance_mode) == ("Paris", LocalEvent.AttendanceMode.MIXED)
    assert rally.record.starts_at == datetime(2030, 4, 6, 13, tzinfo=UTC)  # summer time


def test_the_teams_link_is_kept_for_participants_and_the_description_published_without_it():
    reading = read("teams-description-only-fr.ics")
    import_calendar(reading=reading, campaign=None, now=NOW)
    call = LocalEvent.objects.get(title="Point hebdomadaire des coordinateurs")
    assert call.meeting_url.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert call.signup_url == ""  # the call itself is never the event's public page
    # Outlook's block of joining instructions (links, meeting ID, passcode) is not published.
    assert call.description == "Ordre du jour : bilan de la marche et prochaines étapes."
    for event in LocalEvent.objects.all():
        assert "teams.microsoft.com" not in event.description
        assert "7xQ9bT" not in event.description


def test_meetup_gives_a_venue_with_its_point_and_an_online_event_linked_to_its_page():
    reading = read("meetup-online-and-venue-en.ics")
    assert shown(reading) == [
        ("Pub quiz and petition signing", datetime(2030, 3, 27, 18, 30),
         datetime(2030, 3, 27, 20, 30), "Europe/London", "Edinburgh"),
        ("Online reading group: chapter 4", datetime(2030, 4, 2, 19), datetime(2030, 4, 2, 20),
         "Europe/London", ""),
    ]  # fmt: skip
    quiz = only(reading, "Pub quiz and petition signing")
    assert quiz.url == "https://www.meetup.com/ai-safety-edinburgh/events/305551212/"
    assert quiz.record.venue == "The Royal Oak, 1 Infirmary Street"
    online = only(reading, "Online reading group: chapter 4")
    assert online.is_online and online.meeting_url == ""  # the link is given on Meetup
    assert online.url == "https://www.meetup.com/ai-safety-edinburgh/events/305551290/"


def test_a_zone_of_a_made_up_name_with_only_an_offset_is_read_as_tokyo_time():
    reading = read("custom-offset-zone-ja.ics")
    assert shown(reading) == [
        ("AI安全を求めるスタンディング", datetime(2030, 3, 22, 14), datetime(2030, 3, 22, 16),
         "Asia/Tokyo", "Osaka"),
        ("国会前アピール", datetime(2030, 4, 5, 11), datetime(2030, 4, 5, 12, 30), "Asia/Tokyo",
         "Tokyo"),
        # Online, no place to tell the zone: the offset alone (+09:00, no summer time).
        ("オンライン勉強会：AIガバナンス入門", datetime(2030, 4, 10, 20), datetime(2030, 4, 10, 21),
         "Asia/Tokyo", ""),
    ]  # fmt: skip
    call = only(reading, "オンライン勉強会：AIガバナンス入門")
    assert call.record.starts_at == datetime(2030, 4, 10, 11, tzinfo=UTC)
    assert call.meeting_url.startswith("https://us02web.zoom.us/j/84512345678")
    # "参加リンク:" (join link) introduced the call only: with the link gone, so is it.
    assert call.description == ""
    assert only(reading, "AI安全を求めるスタンディング").description == (
        "プラカードを持って集まりましょう。"
    )


def test_an_international_day_in_five_languages_is_each_citys_own_clock():
    reading = read("google-international-day-mixed.ics")
    rows = {(row[0], row[4]): row[1:4] for row in shown(reading)}
    day = datetime(2030, 4, 13)
    assert rows == {
        # Google's UTC 10:00 is noon in Amsterdam in summer time.
        ("Actiedag: samen voor veilige AI", "Amsterdam"):
            (day.replace(hour=12), day.replace(hour=14), "Europe/Amsterdam"),
        ("Aktionstag: Kundgebung für sichere KI", "Munich"):
            (day.replace(hour=13), day.replace(hour=15), "Europe/Berlin"),
        ("Jornada de acción: concentración por una IA segura", "Seville"):
            (day.replace(hour=12), day.replace(hour=14), "Europe/Madrid"),
        ("Dzień akcji: bezpieczna sztuczna inteligencja", "Gdańsk"):
            (day.replace(hour=11), day.replace(hour=13), "Europe/Warsaw"),
        ("国際行動デー：安全なAIを", "Kyoto"):
            (day.replace(hour=15), day.replace(hour=17), "Asia/Tokyo"),
    }  # fmt: skip
    assert only(reading, "国際行動デー：安全なAIを").record.venue == "四条河原町"
    assert only(reading, "Dzień akcji: bezpieczna sztuczna inteligencja").record.venue == (
        "Długi Targ"
    )


def test_lines_folded_inside_a_letter_by_a_byte_counting_exporter_read_whole():
    raw = (FIXTURES / "icalcreator-folded-bytes-pl-ja.ics").read_bytes()
    # The fixture is what the test says: some of its physical lines end inside a letter.
    assert any(not _decodes(line) for line in raw.split(b"\r\n"))
    reading = read("icalcreator-folded-bytes-pl-ja.ics")
    march = (
        "Marsz żółtych parasolek — ogólnopolski dzień działań na rzecz bezpiecznej sztucznej"
        " inteligencji"
    )
    gathering = "安全なAIを求める市民の集い・渋谷駅前ハチ公広場でのスタンディングとチラシ配り"
    assert [entry.title for entry in reading.entries] == [march, gathering]
    assert "ściągawka z hasłami" in only(reading, march).description
    assert only(reading, march).record.city == "Warsaw"
    tokyo = only(reading, gathering)
    assert tokyo.record.timezone == "Asia/Tokyo" and tokyo.record.venue.startswith("ハチ公前広場")
    assert not reading.warnings


def test_a_japanese_address_ending_with_the_prefecture_names_tokyo():
    reading = read("icalcreator-folded-bytes-pl-ja.ics")
    gathering = "安全なAIを求める市民の集い・渋谷駅前ハチ公広場でのスタンディングとチラシ配り"
    assert only(reading, gathering).record.city == "Tokyo"


def _decodes(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
