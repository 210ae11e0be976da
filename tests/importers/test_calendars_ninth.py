"""Calendars from programs nobody here tested, ninth round: Outlook.com (X-MS-OLK-*, a Windows
zone, a Teams series in Japanese, a private entry), Google (X-GOOGLE-CONFERENCE, attachments,
a Swedish signup link in HTML), Apple (a geo: URI with X-TITLE and no LOCATION), KOrganizer
(X-KDE-*, Czech, a VTODO beside the events), Evolution (Ukrainian, libical's TZIDs folded
after the colon), Fantastical (RFC 7986: COLOR, IMAGE, CONFERENCE, STRUCTURED-DATA), Spond
(Norwegian, a cancelled entry), a Finnish university timetable (overlapping weekly rules),
29 February and fifth Fridays in Sydney, EXDATEs in other zones than the series (São Paulo),
odd moments (an end before the start, a negative DURATION, a leap second, years 1 and 9999),
LOCATIONs that are only a map link, a Meetup group's feed of three years of past events, a
feed of tasks alone, Proton entries that look encrypted, and feeds that come wrapped: gzip
without a header, a .zip, a CalDAV multistatus answer, a sign-in page.

Wrapped feeds, and damaged versions of all, are in test_calendars_ninth_damaged.py. The
fixtures are in fixtures/calendars9/.
"""

from datetime import UTC, datetime

import pytest

from turnout.importers.recurrence import import_window

from .calendar_builders import CalendarFolder, only, titled, warnings_of
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars9")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def shown(reading) -> list[tuple]:
    return shown_rows(reading, with_venue=False)


# --- Outlook.com, Google, Apple -------------------------------------------------------------

STUDY = "AI安全性 勉強会(オンライン)"


def test_outlook_com_teams_series_in_tokyo_and_a_private_entry_left_out_in_words():
    reading = read("outlook-com-olk-ja.ics")
    study = titled(reading, STUDY)
    # The second Thursday of four months, at 19:30 on Tokyo's clock (10:30 UTC).
    assert [e.record.starts_at for e in study] == [
        datetime(2030, m, d, 10, 30, tzinfo=UTC) for m, d in ((3, 14), (4, 11), (5, 9), (6, 13))
    ]
    assert {e.record.timezone for e in study} == {"Asia/Tokyo"}
    assert all(e.is_online for e in study)
    assert {e.meeting_url for e in study} == {
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ5YjM4%40thread.v2/0"
        "?context=%7b%22Tid%22%3a%22a1%22%7d"
    }
    assert "個人的な予定" not in {e.title for e in reading.entries}
    assert any("CLASS:PRIVATE" in w for w in warnings_of(reading))


def test_outlook_com_standing_before_the_diet_is_in_tokyo():
    reading = read("outlook-com-olk-ja.ics")
    standing = only(reading, "国会前スタンディング「AI開発の一時停止を」")
    assert standing.record.city == "Tokyo"


def test_google_meet_beside_a_square_a_signup_link_in_html_and_attachments_left_aside():
    reading = read("google-conference-attach-sv.ics")
    rally = only(reading, "Tyst manifestation på Mynttorget")
    # 11:00 UTC is noon in Stockholm in March.
    assert shown_rows(reading)[2] == (
        "Tyst manifestation på Mynttorget", datetime(2030, 3, 16, 12), datetime(2030, 3, 16, 14),
        "Europe/Stockholm", "Stockholm", "Mynttorget",
    )  # fmt: skip
    assert rally.url == "https://pauseai.example.se/mynttorget"
    assert rally.meeting_url == "https://meet.google.com/qwe-rtyu-iop"
    assert "drive.google.com" not in rally.description + rally.url
    meetings = titled(reading, "Volontärmöte (digitalt)")
    # UNTIL 16:59:59 UTC keeps Wednesday 3 April at 18:00 (16:00 UTC).
    assert [e.record.starts_at.day for e in meetings] == [6, 13, 20, 27, 3]
    assert all(e.is_online and e.meeting_url.endswith("asd-fghj-klz") for e in meetings)
    assert not warnings_of(reading)


def test_apple_geo_uri_and_x_title_place_an_entry_without_a_location():
    reading = read("apple-geo-only-it.ics")
    assert shown_rows(reading) == [
        ("Presidio per una pausa sull'IA", datetime(2030, 3, 23, 15), datetime(2030, 3, 23, 17),
         "Europe/Rome", "Rome", "Piazza del Popolo"),
        ("Assemblea aperta a San Lorenzo", datetime(2030, 4, 9, 19), datetime(2030, 4, 9, 20, 30),
         "Europe/Rome", "Rome", "Circolo San Lorenzo, Via dei Volsci 32"),
    ]  # fmt: skip
    presidio = only(reading, "Presidio per una pausa sull'IA")
    assert presidio.url == "https://pauseai.example.it/roma-presidio"
    assert (presidio.record.latitude, presidio.record.longitude) == (41.910556, 12.476389)


# --- KOrganizer, Evolution, Fantastical, Spond -------------------------------------------------

PRAGUE_MEETING = "Setkání dobrovolníků – Praha"


def test_korganizer_first_tuesdays_but_may_a_whole_day_and_its_todo_left_aside():
    reading = read("korganizer-kde-cs.ics")
    meetings = titled(reading, PRAGUE_MEETING)
    firsts = [(e.record.starts_at.month, e.record.starts_at.day) for e in meetings][:4]
    assert firsts == [(3, 5), (4, 2), (6, 4), (7, 2)]  # 7 May is excluded
    assert {e.url for e in meetings} == {"https://pauseai.example.cz/prihlaska"}
    demo = only(reading, "Demonstrace na Václavském náměstí")
    assert (demo.record.city, demo.record.day) == ("Prague", datetime(2030, 4, 11).date())
    assert "Vytisknout letáky" not in {e.title for e in reading.entries}
    assert not warnings_of(reading)


def test_evolution_libical_zone_folded_after_the_colon_and_a_jitsi_series():
    reading = read("evolution-kyiv-uk.ics")
    picket = only(reading, "Пікет за безпечний ШІ біля Верховної Ради")
    # 29 March is before Kyiv's summer time (31 March): 12:00 is 10:00 UTC.
    assert picket.record.starts_at == datetime(2030, 3, 29, 10, tzinfo=UTC)
    assert (picket.record.city, picket.record.timezone) == ("Kyiv", "Europe/Kyiv")
    assert picket.url == "https://pauseai.example.ua/piket"
    online = titled(reading, "Онлайн-зустріч волонтерів")
    assert [e.record.starts_at.day for e in online] == [10, 17, 24, 31, 7, 14]
    # Summer time from 31 March: 19:00 is 17:00 UTC, no longer 18:00.
    assert [e.record.starts_at.astimezone(UTC).hour for e in online] == [17, 17, 17, 16, 16, 16]
    assert {e.meeting_url for e in online} == {"https://meet.jit.si/pauseai-kyiv-volunteers"}


def test_fantastical_conference_properties_give_the_video_call_not_the_phone_line():
    reading = read("fantastical-rfc7986-en.ics")
    call = only(reading, "Online newcomer call")
    assert call.is_online
    assert call.meeting_url.startswith("https://us02web.zoom.us/j/98765432100")
    assert call.record.ends_at - call.record.starts_at == datetime(1, 1, 1, 1, 15) - datetime(
        1, 1, 1
    )
    rally = only(reading, "Rally at Queen's Park")
    assert (rally.record.city, rally.record.timezone) == ("Toronto", "America/Toronto")
    assert rally.url == "https://pauseai.example.ca/events/queens-park-rally"
    # 12:00 in Toronto in April (summer time) is 16:00 UTC.
    assert rally.record.starts_at == datetime(2030, 4, 6, 16, tzinfo=UTC)
    assert "schema.org" not in rally.description


def test_spond_times_in_utc_read_on_oslos_clock_and_a_cancelled_entry():
    reading = read("spond-oslo-nb.ics")
    assert shown(reading) == [
        ("Ukentlig møte", datetime(2030, 3, 18, 18), datetime(2030, 3, 18, 19, 30),
         "Europe/Oslo", "Oslo"),
        ("AVLYST: Flygebladaksjon på Grønland", datetime(2030, 4, 1, 18),
         datetime(2030, 4, 1, 19), "Europe/Oslo", "Oslo"),
        ("Markering foran Stortinget", datetime(2030, 4, 25, 12), datetime(2030, 4, 25, 14),
         "Europe/Oslo", "Oslo"),
    ]  # fmt: skip
    assert [e.title for e in reading.entries if e.is_cancelled] == [
        "AVLYST: Flygebladaksjon på Grønland"
    ]
    assert only(reading, "Markering foran Stortinget").url.startswith("https://spond.com/")


# --- Rules: timetables, 29 February, fifth Fridays, exclusions in other zones ------------------

LECTURE, GROUP_1, GROUP_2 = "Luento: Tekoälyn riskit", "Harjoitusryhmä 1", "Harjoitusryhmä 2"


def test_a_university_timetable_of_overlapping_weekly_rules():
    reading = read("timetable-helsinki-fi.ics")
    days = {
        title: [(e.record.starts_at.month, e.record.starts_at.day) for e in titled(reading, title)]
        for title in (LECTURE, GROUP_1, GROUP_2)
    }
    # Mondays and Tuesdays to the end of March, the two Mondays excluded.
    assert days[LECTURE] == [(3, 4), (3, 5), (3, 12), (3, 19), (3, 25), (3, 26)]
    assert days[GROUP_1] == [(3, 6), (3, 20), (4, 3)]
    assert days[GROUP_2] == [(3, 6), (3, 20), (3, 27), (4, 3)]  # and the RDATE
    # 10:15 in Helsinki: 08:15 UTC in winter, 07:15 UTC from 31 March.
    groups = titled(reading, GROUP_2)
    assert [e.record.starts_at.astimezone(UTC).hour for e in groups] == [8, 8, 8, 7]
    assert not warnings_of(reading)


SYDNEY_DATA = fixture("leap-day-fifth-friday-en-au.ics").replace(
    b"The Rocks Community Hall\\, 2 Argyle St\\, The Rocks NSW 2000",
    b"The Rocks Community Hall\\, 2 Argyle St\\, Sydney NSW 2000",
)


def test_fifth_fridays_only_in_months_that_have_five():
    reading = read("l", SYDNEY_DATA)
    fridays = titled(reading, "Fifth Friday Social")
    assert [e.record.starts_at.astimezone(UTC).date().isoformat() for e in fridays] == [
        "2030-03-29", "2030-05-31", "2030-08-30", "2030-11-29", "2031-01-31"
    ]  # fmt: skip
    assert all(e.record.city == "Sydney" for e in fridays)


def test_29_february_comes_back_in_the_next_leap_year_only():
    assert not titled(read("l", SYDNEY_DATA), "Leap Day Vigil for a Pause")  # 2032 is far
    window = import_window(now=NOW, horizon_days=3 * 365)
    vigils = titled(read("l", SYDNEY_DATA, window=window), "Leap Day Vigil for a Pause")
    # 18:00 in Sydney's summer time (+11) is 07:00 UTC.
    assert [e.record.starts_at for e in vigils] == [datetime(2032, 2, 29, 7, tzinfo=UTC)]


def test_a_night_walk_through_the_hour_sydney_turns_back():
    walk = only(read("l", SYDNEY_DATA), "Night Walk as the Clocks Go Back")
    # 01:30 daylight time (+11) to 04:30 standard time (+10): four hours, not three.
    assert walk.record.starts_at == datetime(2030, 4, 6, 14, 30, tzinfo=UTC)
    assert walk.record.ends_at == datetime(2030, 4, 6, 18, 30, tzinfo=UTC)


def test_fifth_fridays_in_a_suburb_of_sydney():
    assert titled(read("leap-day-fifth-friday-en-au.ics"), "Fifth Friday Social")


def test_exclusions_written_in_utc_another_zone_and_the_series_own():
    reading = read("exdate-other-zones-pt-br.ics")
    assert shown(reading) == [
        ("Roda de conversa sobre IA segura", datetime(2030, m, d, 19), datetime(2030, m, d, 21),
         "America/Sao_Paulo", "São Paulo")
        for m, d in ((3, 5), (3, 19), (4, 9))
    ]  # fmt: skip


# --- Odd moments, map links, past events, tasks ----------------------------------------------


def test_odd_moments_are_mended_or_left_out_in_words():
    reading = read("odd-moments-es-mx.ics")
    rally = only(reading, "Mitin en el Zócalo")
    assert rally.record.starts_at < rally.record.ends_at  # DTEND before DTSTART: usual length
    assert "DURATION" in " ".join(only(reading, "Charla en Guadalajara").notes)
    # 23:59:60, a leap second, is read as the last second before midnight.
    vigil = only(reading, "Vigilia de medianoche")
    assert vigil.record.starts_at == datetime(2030, 3, 31, 5, 59, 59, tzinfo=UTC)
    titles = {e.title for e in reading.entries}
    assert not titles & {"Plantilla sin fecha", "Fecha por confirmar"}  # years 1 and 9999
    warnings = [w for w in warnings_of(reading) if "too far in the past or future" in w]
    assert len(warnings) == 2
    assert "Plantilla sin fecha" in warnings[0] and "Fecha por confirmar" in warnings[1]


def test_guadalajara_is_in_jalisco():
    talk = only(read("odd-moments-es-mx.ics"), "Charla en Guadalajara")
    assert (talk.record.city, talk.record.timezone) == ("Guadalajara", "America/Mexico_City")


def test_a_location_that_is_only_a_map_link_is_placed_by_its_point_or_its_name():
    reading = read("map-url-location-ro.ics")
    cluj = only(reading, "Întâlnire la Cluj")  # OpenStreetMap's mlat and mlon
    assert (cluj.record.city, cluj.record.timezone) == ("Cluj-Napoca", "Europe/Bucharest")
    assert (cluj.record.latitude, cluj.record.longitude) == (46.76944, 23.58972)
    iasi = only(reading, "Atelier la Iași")  # Google's "/maps/place/<name>/@lat,lng"
    assert iasi.record.venue == "Piața Unirii"
    assert iasi.record.city.replace("ş", "ș") == "Iași"
    # A short link shows no point: the entry is left out and the link named.
    assert not titled(reading, "Protest pentru o pauză în dezvoltarea IA")
    assert any("maps.app.goo.gl" in w for w in warnings_of(reading))


@pytest.mark.parametrize(
    "link",
    ["https://www.openstreetmap.org/#map=17/46.76944/23.58972",
     "https://maps.apple.com/?ll=46.76944,23.58972&q=Pin",
     "https://www.google.com/maps?q=46.76944,23.58972",
     "https://www.google.ro/maps/@46.76944,23.58972,17z",
     "https://www.bing.com/maps?cp=46.76944~23.58972&lvl=17",
     "https://yandex.ru/maps/?ll=23.58972,46.76944&z=17",
     "&lt;https://www.openstreetmap.org/?mlat=46.76944&amp;mlon=23.58972&gt;"],
    ids=["osm hash", "apple", "google q", "google at", "bing", "yandex", "escaped"],
)  # fmt: skip
def test_a_map_link_however_a_service_writes_its_point(link):
    data = fixture("map-url-location-ro.ics").replace(b"\r\n 46.76944/23.58972", b"")
    data = data.replace(
        b"https://www.openstreetmap.org/?mlat=46.76944&mlon=23.58972#map=18/", link.encode()
    )
    assert link.encode() in data
    cluj = only(read("m", data), "Întâlnire la Cluj")
    assert cluj.record.city == "Cluj-Napoca"
    assert (cluj.record.latitude, cluj.record.longitude) == (46.76944, 23.58972)


def test_a_meetup_group_feed_of_three_years_of_past_events():
    reading = read("meetup-past-events-pl.ics")
    assert len(reading.entries) == 172
    ahead = [e for e in reading.entries if e.record.starts_at > NOW]
    assert [e.record.starts_at.date().isoformat() for e in ahead] == [
        "2030-03-06", "2030-03-13", "2030-03-20", "2030-03-27", "2030-04-03", "2030-04-10",
        "2030-04-17",
    ]  # fmt: skip
    assert {e.title for e in ahead} == {"Spotkanie otwarte: przerwa w rozwoju AI"}
    assert {e.record.city for e in reading.entries} == {"Warsaw"}
    assert len({e.url for e in reading.entries}) == 172
    assert not warnings_of(reading)


def test_a_calendar_of_tasks_journal_and_free_busy_alone_says_it_has_no_events():
    reading = read("tasks-only-emoji.ics")
    assert reading.entries == []
    (warning,) = warnings_of(reading)
    assert "no events" in warning


def test_proton_entry_whose_texts_are_an_encrypted_message_is_left_out_in_words():
    reading = read("proton-encrypted-look-fr.ics")
    assert [e.title for e in reading.entries] == [
        "Réunion publique : faut-il mettre l'IA en pause ?"
    ]
    assert only(reading, "Réunion publique : faut-il mettre l'IA en pause ?").record.city == "Lyon"
    (warning,) = warnings_of(reading)
    assert "encrypted" in warning and "BEGIN PGP MESSAGE" in warning
