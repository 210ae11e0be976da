"""Calendars from programs nobody here tested, eighth round: Tuta (TZIDs without a VTIMEZONE,
the last Sunday of each month, an extra date as a PERIOD with a TZID), Posteo (the last
weekday of a month by BYSETPOS, a fortnightly rule whose weeks begin on Sunday), SOGo in
Montréal (an UNTIL on the local clock, a cancelled occurrence), Zimbra (Turkish, a
this-and-future move), Baïkal (Greek, RFC 6868 escapes in Apple's structured location), Odoo
(Hindi, whole days until a moment in UTC, a signup link in HTML), CiviCRM (windows-1252
bytes, a register page), The Events Calendar (a 20,000-character description, a venue named
twice, HTML character references), Gancio (GEO with a comma, "name - address") and Teamup
(Hebrew, floating times and X-WR-TIMEZONE).

Calendly, Facebook, Discord, Notion, Yahoo and Kerio (METHOD:CANCEL, CR line endings), and
syncing these feeds twice, are in test_calendars_eighth_more.py; damaged versions of them in
test_calendars_eighth_damaged.py. The fixtures are in fixtures/calendars8/.
"""

from datetime import UTC, datetime

import pytest

from .calendar_builders import CalendarFolder, only, warnings_of
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars8")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def shown(reading) -> list[tuple]:
    return shown_rows(reading, with_venue=False)


def only_first(reading, title: str):
    """The first occurrence of the series with this title."""
    return next(entry for entry in reading.entries if entry.title == title)


# --- Tuta, Posteo -----------------------------------------------------------------------------

VIGIL, STAND = "Mahnwache vor dem Bundestag", "Infostand in der Leipziger Innenstadt"


def test_tuta_last_sundays_an_extra_saturday_as_a_period_and_added_dates_in_a_zone():
    reading = read("tuta-last-sunday-rdate-de.ics")
    berlin = ("Europe/Berlin", "Berlin")
    assert shown(reading) == [
        # RDATE;TZID=Europe/Berlin with two more Saturdays: each lasts as the first does.
        *[(STAND, datetime(2030, 3, d, 10), datetime(2030, 3, d, 13), "Europe/Berlin", "Leipzig")
          for d in (9, 16, 23)],
        (VIGIL, datetime(2030, 3, 31, 14), datetime(2030, 3, 31, 16), *berlin),
        # The PERIOD gives the extra Saturday its own end: 11:00 to 15:00.
        (VIGIL, datetime(2030, 4, 13, 11), datetime(2030, 4, 13, 15), *berlin),
        (VIGIL, datetime(2030, 4, 28, 14), datetime(2030, 4, 28, 16), *berlin),
        (VIGIL, datetime(2030, 5, 26, 14), datetime(2030, 5, 26, 16), *berlin),
        (VIGIL, datetime(2030, 6, 30, 14), datetime(2030, 6, 30, 16), *berlin),
    ]  # fmt: skip
    # No VTIMEZONE, yet 31 March is summer time in Berlin: 12:00 UTC.
    vigils = [e for e in reading.entries if e.title == VIGIL]
    assert vigils[0].record.starts_at == datetime(2030, 3, 31, 12, tzinfo=UTC)
    assert {e.recurrence_id for e in vigils} >= {"20300413T090000Z"}
    assert not warnings_of(reading)


@pytest.mark.parametrize(
    "written",
    ["RDATE;VALUE=PERIOD;TZID=W. Europe Standard Time:20300413T110000/20300413T150000",
     "RDATE;VALUE=PERIOD;TZID=Europe/Berlin:20300413T110000/PT4H",
     "RDATE;VALUE=PERIOD:20300413T090000Z/20300413T130000Z"],
    ids=["windows zone", "period as a length", "period in utc"],
)  # fmt: skip
def test_the_extra_saturday_however_its_period_is_written(written):
    data = fixture("tuta-last-sunday-rdate-de.ics").replace(
        b"RDATE;VALUE=PERIOD;TZID=Europe/Berlin:20300413T110000/20300413T150000", written.encode()
    )
    assert written.encode() in data
    rows = [row for row in shown(read("t", data)) if row[1].month == 4 and row[1].day == 13]
    assert rows == [(VIGIL, datetime(2030, 4, 13, 11), datetime(2030, 4, 13, 15),
                     "Europe/Berlin", "Berlin")]  # fmt: skip


def test_posteo_the_last_weekday_of_a_month_and_fortnights_that_begin_on_sunday():
    reading = read("posteo-setpos-wkst-de.ics")
    meeting, circle = "Offenes Treffen am letzten Werktag", "Lesekreis KI-Sicherheit"
    rows = [(row[0], row[1]) for row in shown(reading)]
    assert rows == [
        # WKST=SU: Sunday 3 March and Tuesday 5 March are one week; the next is two weeks on.
        # (Weeks from Monday would give 3, 12, 17 and 26 March.)
        (circle, datetime(2030, 3, 3, 17)), (circle, datetime(2030, 3, 5, 17)),
        (circle, datetime(2030, 3, 17, 17)), (circle, datetime(2030, 3, 19, 17)),
        # BYSETPOS=-1 of Monday to Friday: Friday 29 March, Tuesday 30 April, Friday 31 May.
        (meeting, datetime(2030, 3, 29, 18, 30)), (meeting, datetime(2030, 4, 30, 18, 30)),
        (meeting, datetime(2030, 5, 31, 18, 30)),
    ]  # fmt: skip
    assert {e.record.city for e in reading.entries} == {"Cologne"}
    assert only_first(reading, meeting).record.venue == "Bürgerzentrum Ehrenfeld, Venloer Str. 429"
    assert not warnings_of(reading)


# --- SOGo, Zimbra ----------------------------------------------------------------------------

ASSEMBLY = "Assemblée hebdomadaire"


def test_sogo_until_on_montreals_clock_keeps_the_last_tuesday_and_one_is_called_off():
    reading = read("sogo-montreal-until-local-fr.ics")
    assert shown(reading) == [
        *[(ASSEMBLY, datetime(2030, 3, d, 19), datetime(2030, 3, d, 20, 30), "America/Toronto",
           "Montreal") for d in (5, 12, 19, 26)],
        ("Rassemblement devant l'Assemblée nationale", datetime(2030, 4, 13, 13),
         datetime(2030, 4, 13, 15), "America/Toronto", "Quebec City"),
    ]  # fmt: skip
    called_off = [e.record.starts_at.day for e in reading.entries if e.is_cancelled]
    assert called_off == [19]
    # 19:00 in Montréal is 23:00 UTC in March (summer time from the 10th).
    last = [e for e in reading.entries if e.title == ASSEMBLY][-1]
    assert last.record.starts_at == datetime(2030, 3, 26, 23, tzinfo=UTC)
    quebec = only(reading, "Rassemblement devant l'Assemblée nationale")
    # "Inscription : https://…" in the description is where people sign up.
    assert quebec.url == "https://pauseia-montreal.example.ca/quebec"
    assert not warnings_of(reading)


@pytest.mark.parametrize(
    ("until", "days"),
    [("20300326T190000", [5, 12, 19, 26]), ("20300326T230000Z", [5, 12, 19, 26]),
     ("20300326", [5, 12, 19, 26]), ("20300319T190000", [5, 12, 19]),
     ("20300326T185959", [5, 12, 19])],
    ids=["local clock", "utc", "a day", "local, a week earlier", "local, a second before"],
)  # fmt: skip
def test_sogo_until_however_it_is_written(until, days):
    data = fixture("sogo-montreal-until-local-fr.ics").replace(
        b"UNTIL=20300326T190000", f"UNTIL={until}".encode()
    )
    assert f"UNTIL={until};".encode() in data
    reading = read("s", data)
    assert [e.record.starts_at.day for e in reading.entries if e.title == ASSEMBLY] == days


def test_a_sogo_occurrence_called_off_by_its_recurrence_id_alone_is_not_imported():
    data = fixture("sogo-montreal-until-local-fr.ics").replace(
        b"DTSTART;TZID=America/Toronto:20300319T190000\r\n"
        b"DTEND;TZID=America/Toronto:20300319T203000\r\n",
        b"",
    )
    reading = read("s", data)
    assert [e.record.starts_at.day for e in reading.entries if e.title == ASSEMBLY] == [5, 12, 26]
    assert reading.cancelled == {("2A4-66E1B2C0-7-3F4E5D00", "20300319T230000Z")}


MEETING = "Haftalık gönüllü toplantısı"


def test_zimbra_turkish_wednesdays_moved_an_hour_later_from_the_fourth_on():
    reading = read("zimbra-thisandfuture-tr.ics")
    later = f"{MEETING} (yeni saat)"
    istanbul = ("Europe/Istanbul", "Istanbul")
    assert shown(reading) == [
        *[(MEETING, datetime(2030, 3, d, 19), datetime(2030, 3, d, 20, 30), *istanbul)
          for d in (6, 13, 20)],
        # RANGE=THISANDFUTURE: 27 March and every Wednesday after it at eight.
        (later, datetime(2030, 3, 27, 20), datetime(2030, 3, 27, 21, 30), *istanbul),
        (later, datetime(2030, 4, 3, 20), datetime(2030, 4, 3, 21, 30), *istanbul),
        (later, datetime(2030, 4, 10, 20), datetime(2030, 4, 10, 21, 30), *istanbul),
        ("Kızılay Meydanı'nda bildiri dağıtımı", datetime(2030, 4, 20, 14),
         datetime(2030, 4, 20, 17), "Europe/Istanbul", "Ankara"),
    ]  # fmt: skip
    # Each moved Wednesday is still the occurrence it was, at seven (16:00 UTC).
    assert [e.recurrence_id for e in reading.entries if e.title == later] == [
        "20300327T160000Z", "20300403T160000Z", "20300410T160000Z"
    ]  # fmt: skip
    assert {e.record.country for e in reading.entries} == {"TR"}
    assert not warnings_of(reading)


def test_zimbra_this_and_future_called_off_cancels_every_wednesday_from_then_on():
    data = fixture("zimbra-thisandfuture-tr.ics").replace(
        b"STATUS:CONFIRMED\r\nCLASS:PUBLIC\r\nDTSTAMP:20300301T080000Z\r\nSEQUENCE:1",
        b"STATUS:CANCELLED\r\nCLASS:PUBLIC\r\nDTSTAMP:20300301T080000Z\r\nSEQUENCE:1",
    )
    assert b"STATUS:CANCELLED" in data
    reading = read("z", data)
    cancelled = sorted(e.record.starts_at.day for e in reading.entries if e.is_cancelled)
    assert cancelled == [3, 10, 27]
    assert [e.is_cancelled for e in reading.entries if e.title == MEETING] == [False] * 3


# --- Baïkal, Odoo, CiviCRM ------------------------------------------------------------------


def test_baikal_greek_places_with_rfc_6868_escapes_in_their_parameters():
    reading = read("baikal-rfc6868-el.ics")
    rally = "Συγκέντρωση «Παύση τώρα» στο Σύνταγμα"
    assert shown(reading) == [
        ("Ανοιχτή συζήτηση στη Θεσσαλονίκη", datetime(2030, 3, 15, 18, 30),
         datetime(2030, 3, 15, 20), "Europe/Athens", "Thessaloniki"),
        (rally, datetime(2030, 4, 6, 11), datetime(2030, 4, 6, 13), "Europe/Athens", "Athens"),
    ]  # fmt: skip
    athens = only(reading, rally)
    assert athens.record.venue == "Πλατεία Συντάγματος"
    assert (athens.record.latitude, athens.record.longitude) == (37.975556, 23.734722)
    assert not any("^" in e.record.venue or "^" in e.description for e in reading.entries)
    assert not warnings_of(reading)


def test_a_place_named_only_by_apples_escaped_title_reads_its_quotes():
    data = fixture("baikal-rfc6868-el.ics").replace(
        "LOCATION:Αριστοτέλους 1\\, Θεσσαλονίκη\r\n".encode(), b""
    )
    assert "Αριστοτέλους 1\\,".encode() not in data
    talk = only(read("b", data), "Ανοιχτή συζήτηση στη Θεσσαλονίκη")
    # X-TITLE="Καφέ ^'Η Στοά^'": RFC 6868's ^' is a double quote.
    assert (talk.record.city, talk.record.venue) == ("Thessaloniki", 'Καφέ "Η Στοά"')


def test_odoo_hindi_whole_sundays_until_a_utc_moment_and_a_signup_link_in_html():
    reading = read("odoo-vobject-date-until-hi.ics")
    campaign = "जागरूकता अभियान: एआई पर विराम"
    assert shown(reading) == sorted(
        [(campaign, datetime(2030, 3, d), datetime(2030, 3, d, 23, 59), "Asia/Kolkata", "Delhi")
         for d in (10, 17, 24, 31)]
        + [("खुली बैठक – मुंबई", datetime(2030, 3, 23, 10), datetime(2030, 3, 23, 12),
            "Asia/Kolkata", "Mumbai")],
        key=lambda row: row[1],
    )  # fmt: skip
    mumbai = only(reading, "खुली बैठक – मुंबई")
    # The link whose text is "पंजीकरण" (registration) is where people sign up.
    assert mumbai.url == "https://pauseai-india.example.in/event/mumbai-baithak-413/register"
    assert "<p>" not in mumbai.description and mumbai.description.startswith("मुंबई में खुली बैठक।")
    sunday = only_first(reading, campaign)
    assert sunday.description == "हर रविवार कनॉट प्लेस में पर्चे बाँटना। पानी और टोपी साथ लाएँ।"
    assert sunday.url == ""
    assert not warnings_of(reading)


@pytest.mark.parametrize(
    ("rule", "last_day"),
    [("FREQ=WEEKLY;BYDAY=SU;UNTIL=20300331T000000Z", 31),
     # Midnight of 31 March in Delhi (Odoo), and in Berlin (Outlook), written in UTC.
     ("FREQ=WEEKLY;BYDAY=SU;UNTIL=20300330T183000Z", 31),
     ("FREQ=WEEKLY;BYDAY=SU;UNTIL=20300330T220000Z", 31),
     # Midnight of 30 March in New York: the Sunday before is the last.
     ("FREQ=WEEKLY;BYDAY=SU;UNTIL=20300330T040000Z", 24),
     ("FREQ=WEEKLY;BYDAY=SU;UNTIL=20300331", 31),
     # The end of its own day is not the next day's midnight.
     ("FREQ=DAILY;UNTIL=20300312T235959Z", 12), ("FREQ=DAILY;UNTIL=20300311T183000Z", 12)],
)  # fmt: skip
def test_whole_days_until_a_moment_end_on_the_day_it_means(rule, last_day):
    data = fixture("odoo-vobject-date-until-hi.ics").replace(
        b"FREQ=WEEKLY;BYDAY=SU;UNTIL=20300331T235959Z", rule.encode()
    )
    assert rule.encode() in data
    days = [e for e in read("o", data).entries if e.record.city == "Delhi"]
    assert days[-1].record.day.day == last_day
    assert days[-1].record.day.month == 3


def test_civicrm_windows_1252_bytes_read_as_their_letters_with_its_register_page():
    raw = fixture("civicrm-windows-1252-es.ics")
    assert b"\x96" in raw and b"\x80" in raw  # "–" and "€" in windows-1252
    reading = read("civicrm-windows-1252-es.ics")
    rally = "Concentración – Pausa en la IA ya"
    assert shown(reading) == [
        ("Taller “Cómo hablar de riesgos de la IA”", datetime(2030, 3, 21, 18, 30),
         datetime(2030, 3, 21, 20, 30), "Europe/Madrid", "Barcelona"),
        (rally, datetime(2030, 4, 6, 12), datetime(2030, 4, 6, 14), "Europe/Madrid", "Madrid"),
    ]  # fmt: skip
    madrid = only(reading, rally)
    assert madrid.url == "https://pausaia.example.es/civicrm/event/register?id=57&reset=1"
    assert madrid.description.endswith("donativo sugerido 5 € para pancartas.")
    assert madrid.record.venue == "Plaza de las Cortes"
    assert not warnings_of(reading)


# --- The Events Calendar, Gancio, Teamup ----------------------------------------------------


def test_the_events_calendar_a_long_programme_a_venue_named_twice_and_its_coordinates():
    reading = read("wordpress-tec-long-fr.ics")
    assert shown(reading) == [
        ("Grande marche pour une pause de l'IA", datetime(2030, 5, 11, 14),
         datetime(2030, 5, 11, 18), "Europe/Paris", "Paris"),
    ]  # fmt: skip
    (march,) = reading.entries
    assert len(march.description) > 19_900
    assert march.description.endswith("Fin du programme.")
    # "Place de la République, Place de la République, Paris, 75003, France": one square.
    assert march.record.venue == "Place de la République"
    assert (march.record.latitude, march.record.longitude) == (48.867459, 2.363611)
    assert march.url == "https://pauseia.example.fr/evenement/grande-marche-paris/"
    assert "affiche-marche.jpg" not in march.description


def test_html_character_references_in_a_wordpress_title_place_and_link_are_their_letters():
    data = (
        fixture("wordpress-tec-long-fr.ics")
        .replace(
            b"SUMMARY:Grande marche pour une pause de l'IA",
            b"SUMMARY:Grande marche &#8211\\; pause de l&#8217\\;IA &amp\\; Q&A",
        )
        .replace(
            b"LOCATION:Place de la R\xc3\xa9publique\\, ",
            b"LOCATION:Place de la R&eacute\\;publique\\, ",
        )
    )
    data = data.replace(b"grande-marche-paris/", b"grande-marche-paris/?lang=fr&amp;ref=ical")
    (march,) = read("w", data).entries
    assert march.title == "Grande marche – pause de l’IA & Q&A"
    assert march.record.venue == "Place de la République"
    assert march.url == "https://pauseia.example.fr/evenement/grande-marche-paris/?lang=fr&ref=ical"


def test_gancio_coordinates_with_a_comma_and_a_place_written_as_name_and_address():
    reading = read("gancio-geo-comma-it.ics")
    presidio = "Presidio per una pausa nello sviluppo dell'IA"
    assert shown(reading) == [
        # 15:00 UTC is 16:00 in Milan before summer time; 18:00 UTC in April is 20:00.
        (presidio, datetime(2030, 3, 16, 16), datetime(2030, 3, 16, 18), "Europe/Rome", "Milan"),
        ("Cineforum: documentari sui rischi dell'IA", datetime(2030, 4, 4, 20),
         datetime(2030, 4, 4, 22, 30), "Europe/Rome", "Turin"),
    ]  # fmt: skip
    milan = only(reading, presidio)
    assert (milan.record.latitude, milan.record.longitude) == (45.464211, 9.191383)
    assert milan.record.venue == "Piazza del Duomo"
    assert milan.url == "https://gancio.milano.example.it/event/presidio-pausa-ia"
    assert only(reading, "Cineforum: documentari sui rischi dell'IA").record.venue == (
        "Cinema Massimo - Via Giuseppe Verdi 18"
    )


def test_teamup_hebrew_floating_times_on_jerusalems_clock_and_a_zoom_meeting():
    reading = read("teamup-floating-xwr-he.ics")
    call = "מפגש מתנדבים מקוון"
    assert shown(reading) == [
        ("הפגנה בכיכר הבימה", datetime(2030, 3, 29, 11), datetime(2030, 3, 29, 13, 30),
         "Asia/Jerusalem", "Tel Aviv"),
        (call, datetime(2030, 4, 2, 20), datetime(2030, 4, 2, 21), "Asia/Jerusalem", ""),
    ]  # fmt: skip
    online = only(reading, call)
    assert online.is_online and online.meeting_url.startswith("https://us02web.zoom.us/j/877")
    assert "zoom.us" not in online.description
    # Israel's summer time begins on Friday 29 March at two: eleven is already summer time.
    rally = only(reading, "הפגנה בכיכר הבימה")
    assert rally.record.starts_at == datetime(2030, 3, 29, 8, tzinfo=UTC)
    assert rally.description == "הפגנה שקטה בעד עצירה בפיתוח בינה מלאכותית מתקדמת.\n\nהביאו שלטים!"
