"""Calendars from programs nobody here tested, fifteenth round: Synology Calendar (Vietnamese, a
week of action given as DURATION:P1W, GEO, an e-mail alarm), Odoo (Spanish, UTC times, HTML in
DESCRIPTION, attendees), a Discord bot's export of a server's scheduled events (English, a
voice channel, Discord's "<t:…:F>" timestamps, one cancelled), a Google calendar of days of
action kept like Google's "Holidays" calendars (Hindi, all-day, one without a place), Baïkal
through InfCloud (Czech: a weekly vigil with an EXDATE in UTC, a cancelled occurrence and
RANGE=THISANDFUTURE), Apple Calendar (Greek: travel time, a place given only as
X-APPLE-STRUCTURED-LOCATION), Exchange (Ukrainian, a quoted Windows zone name, EXDATE in UTC
across the change to summer time), a script's RDATE;VALUE=PERIOD list (Korean), The Events
Calendar for WordPress (Portuguese, HTML entities, X-ALT-DESC), a Zoom webinar's registration
confirmation (German), a Google export folded inside Georgian letters and a Mobilizon group's
feed (Italian: HTML, an online meeting whose link ends a sentence, a tentative date).

Damaged versions are in test_calendars_fifteenth_damaged.py (with a hand-edited Bulgarian
feed); the fixtures in fixtures/calendars15/, written here.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed
from turnout.importers.calendar_zoom import without_zoom_dial_in, without_zoom_token

from .calendar_builders import CalendarFolder, calendar, only, titled, vevent, warnings_of
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars15")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def sync(name: str, data: bytes | None = None):
    feed = register_feed(url=f"https://calendars.example.org/{name}", campaign=None)
    data = fixture(name) if data is None else data
    return feed, sync_feed(feed=feed, now=NOW, fetch=lambda _url: data)


def test_every_fixture_is_a_calendar_the_icalendar_library_reads():
    for path in sorted(FIXTURES.glob("*.ics")):
        if "hand-edited" in path.name:
            continue  # damaged by hand: see the damaged tests
        parsed = Calendar.from_ical(path.read_bytes())
        assert parsed.walk("VEVENT"), path.name


# --- Synology Calendar ----------------------------------------------------------------------------

SYNOLOGY = "synology-calendar-week-vi.ics"
WEEK = "Tuần lễ hành động vì AI an toàn"
BANNERS = "Đứng biểu ngữ trước Nhà hát Thành phố"
HANOI = "Buổi thảo luận ở Hà Nội"


def test_synology_a_week_of_action_given_as_duration_in_weeks_lasts_its_seven_days():
    week = only(read(SYNOLOGY), WEEK)
    assert week.record.day == date(2030, 3, 16)
    local_end = week.record.ends_at.astimezone(week.record.starts_at.tzinfo)
    assert local_end.date() == date(2030, 3, 22)  # 16 to 22 March, whole days
    assert (week.record.city, week.record.timezone) == ("Ho Chi Minh City", "Asia/Ho_Chi_Minh")


def test_synology_the_banner_stand_is_at_the_opera_house_at_five_in_saigon():
    reading = read(SYNOLOGY)
    banners = only(reading, BANNERS)
    assert [row for row in shown_rows(reading) if row[0] == BANNERS] == [
        (BANNERS, datetime(2030, 3, 21, 17), datetime(2030, 3, 21, 19), "Asia/Ho_Chi_Minh",
         "Ho Chi Minh City", "Nhà hát Thành phố, 7 Công trường Lam Sơn, Quận 1"),
    ]  # fmt: skip
    assert (banners.record.latitude, banners.record.longitude) == (10.776667, 106.703056)
    assert banners.description == "Mang theo biểu ngữ của bạn. Nước uống có sẵn."
    assert not warnings_of(reading)


def test_synology_the_talk_in_hanoi_is_at_half_past_six_on_vietnams_clock():
    talk = only(read(SYNOLOGY), HANOI)
    assert talk.record.city == "Hanoi"
    # Hanoi keeps Indochina time, whichever name the zone database gives it.
    assert talk.record.starts_at.astimezone(UTC) == datetime(2030, 3, 28, 11, 30, tzinfo=UTC)
    assert talk.record.ends_at - talk.record.starts_at == timedelta(hours=1, minutes=30)
    assert talk.record.starts_at.utcoffset() == timedelta(hours=7)


# --- Odoo -----------------------------------------------------------------------------------------

ODOO = "odoo-event-html-es.ics"
PLANTON = "Plantón frente al Capitolio Nacional"
MEDELLIN = "Conversatorio en Medellín"


def test_odoo_utc_times_are_read_on_colombias_clock_even_across_midnight():
    reading = read(ODOO)
    assert shown_rows(reading) == [
        (PLANTON, datetime(2030, 3, 22, 10), datetime(2030, 3, 22, 13), "America/Bogota",
         "Bogotá", "Plaza de Bolívar, Carrera 7 #11-10"),
        (MEDELLIN, datetime(2030, 4, 4, 19), datetime(2030, 4, 4, 20, 30), "America/Bogota",
         "Medellín", "Biblioteca Pública Piloto, Carrera 64 #50-32"),
    ]  # fmt: skip
    # 00:00 UTC on the 5th is the evening of the 4th in Medellín: the day people come.
    assert only(reading, MEDELLIN).record.day == date(2030, 4, 4)
    assert not warnings_of(reading)


def test_odoo_html_description_reads_as_text_without_attendees():
    reading = read(ODOO)
    planton = only(reading, PLANTON)
    assert "<p>" not in planton.description and "&nbsp;" not in planton.description
    assert planton.description.startswith("Nos reunimos en la **Plaza de Bolívar** con pancartas.")
    assert "- Punto de encuentro: estatua de Bolívar" in planton.description
    assert only(reading, MEDELLIN).description == (
        "Charla abierta sobre los riesgos de la IA & qué podemos hacer."
    )
    for private in ("Julián", "Camila", "julian@", "mariana@"):
        assert private not in planton.description + planton.record.venue


# --- A Discord bot's export of scheduled events ---------------------------------------------------

DISCORD = "discord-bot-scheduled-events-en.ics"
PARLIAMENT = "Protest at Parliament Square"
CALL = "Weekly organisers' call"
MANCHESTER = "Leafleting in Manchester"


def test_discord_external_events_are_read_on_londons_clock_and_a_voice_channel_online():
    reading = read(DISCORD)
    assert [row[:5] for row in shown_rows(reading)] == [
        (CALL, datetime(2030, 3, 10, 19), datetime(2030, 3, 10, 20), "Europe/London", ""),
        (MANCHESTER, datetime(2030, 3, 15, 14), datetime(2030, 3, 15, 16), "Europe/London",
         "Manchester"),
        # British summer time from 31 March: 12:00 UTC is one o'clock in London.
        (PARLIAMENT, datetime(2030, 4, 6, 13), datetime(2030, 4, 6, 16), "Europe/London",
         "London"),
    ]  # fmt: skip
    call = only(reading, CALL)
    assert call.is_online
    assert call.meeting_url.startswith("https://discord.com/channels/1100223344556677889/")
    assert only(reading, PARLIAMENT).url.startswith("https://discord.com/events/")


def test_discord_timestamps_in_the_description_read_as_the_events_own_time():
    protest = only(read(DISCORD), PARLIAMENT)
    assert "<t:" not in protest.description
    assert "**Starts:** Saturday, 6 April 2030 13:00\n" in protest.description
    assert protest.description.startswith("Bring a sign! We meet by the Churchill statue.")


@pytest.mark.parametrize(
    ("written", "read_as"),
    [
        ("<t:1901707200:d>", "Saturday, 6 April 2030"),
        ("<t:1901707200:t>", "13:00"),
        ("<t:1901707200>", "Saturday, 6 April 2030 13:00"),
        ("<t:1901707200:R>", "Saturday, 6 April 2030 13:00"),
        ("<t:1901707200:F> (<t:1901707200:R>)", "Saturday, 6 April 2030 13:00"),
        # Another moment in brackets is said too; one beyond any calendar stays as written.
        ("<t:1901707200:F> (<t:1901710800:R>)",
         "Saturday, 6 April 2030 13:00 (Saturday, 6 April 2030 14:00)"),
        ("<t:999999999999:F>", "<t:999999999999:F>"),
        ("<t:abc:F> <t:1901707200:X>", "<t:abc:F> <t:1901707200:X>"),
    ],
)  # fmt: skip
def test_discord_timestamp_styles(written, read_as):
    data = calendar(
        vevent(
            "d1",
            "SUMMARY:Protest",
            "DTSTART:20300406T120000Z",
            "DTEND:20300406T140000Z",
            f"DESCRIPTION:Starts {written}.",
            location="Parliament Square\\, London",
        )
    )
    (entry,) = read("d.ics", data).entries
    assert entry.description == f"Starts {read_as}."


def test_discord_a_cancelled_event_is_not_published():
    reading = read(DISCORD)
    assert only(reading, MANCHESTER).is_cancelled
    _feed, _summary = sync(DISCORD)
    assert (
        not LocalEvent.objects.filter(title=MANCHESTER)
        .exclude(status=LocalEvent.Status.CANCELLED)
        .exists()
    )
    assert LocalEvent.objects.filter(title=PARLIAMENT).count() == 1


# --- A Google calendar of days of action ----------------------------------------------------------

HOLIDAYS = "google-days-of-action-allday-hi.ics"


def test_days_of_action_with_a_place_are_whole_days_there_and_one_without_is_named():
    reading = read(HOLIDAYS)
    assert [row[:5] for row in shown_rows(reading)] == [
        ("बेंगलुरु: हस्ताक्षर अभियान", datetime(2030, 3, 23), datetime(2030, 3, 23, 23, 59),
         "Asia/Kolkata", "Bengaluru"),
        ("जंतर मंतर पर धरना", datetime(2030, 4, 12), datetime(2030, 4, 13, 23, 59),
         "Asia/Kolkata", "Delhi"),
    ]  # fmt: skip
    (told,) = warnings_of(reading)
    # The national day itself is nowhere to go: the user is told which entry and why.
    assert "राष्ट्रीय कार्य दिवस: AI पर विराम" in told and "LOCATION" in told


# --- Baïkal through InfCloud ----------------------------------------------------------------------

BAIKAL = "baikal-infcloud-series-cs.ics"
VIGIL = "Čtvrteční vigilie za pozastavení AI"


def test_baikal_vigil_moves_from_the_end_of_march_and_skips_the_excluded_week():
    reading = read(BAIKAL)
    rows = [(row[1], row[2], row[5]) for row in shown_rows(reading)]
    wenceslas, old_town = "Václavské náměstí", "Staroměstské náměstí"
    assert rows == [
        (datetime(2030, 3, 7, 18), datetime(2030, 3, 7, 19), wenceslas),
        (datetime(2030, 3, 14, 18), datetime(2030, 3, 14, 19), wenceslas),
        (datetime(2030, 3, 21, 18), datetime(2030, 3, 21, 19), wenceslas),
        # RANGE=THISANDFUTURE: this one and every later one half an hour earlier, elsewhere;
        (datetime(2030, 3, 28, 17, 30), datetime(2030, 3, 28, 18, 30), old_town),
        (datetime(2030, 4, 4, 17, 30), datetime(2030, 4, 4, 18, 30), old_town),
        (datetime(2030, 4, 11, 17, 30), datetime(2030, 4, 11, 18, 30), old_town),
        # the 18th excluded by an EXDATE written in UTC (16:00Z, six in Prague's summer time).
        (datetime(2030, 4, 25, 17, 30), datetime(2030, 4, 25, 18, 30), old_town),
    ]
    assert {e.record.timezone for e in reading.entries} == {"Europe/Prague"}
    assert not warnings_of(reading)


def test_baikal_the_cancelled_thursday_is_cancelled_and_says_why():
    reading = read(BAIKAL)
    cancelled = [e for e in reading.entries if e.is_cancelled]
    assert [e.record.day for e in cancelled] == [date(2030, 3, 14)]
    assert cancelled[0].description == "Zrušeno – náměstí je ten den uzavřené."
    later = [e for e in titled(reading, VIGIL) if e.record.day >= date(2030, 3, 28)]
    assert {e.description for e in later} == {
        "Od konce března stojíme na Staroměstském náměstí, o půl hodiny dřív."
    }


# --- Apple Calendar with travel time --------------------------------------------------------------

APPLE = "apple-travel-structured-location-el.ics"
SYNTAGMA = "Συγκέντρωση στο Σύνταγμα για παύση της ΤΝ"
THESSALONIKI = "Μοίρασμα φυλλαδίων στη Θεσσαλονίκη"


def test_apple_events_start_when_they_start_not_when_the_travel_begins():
    reading = read(APPLE)
    assert shown_rows(reading) == [
        (THESSALONIKI, datetime(2030, 3, 21, 18), datetime(2030, 3, 21, 20), "Europe/Athens",
         "Thessaloniki", "Πλατεία Αριστοτέλους"),
        (SYNTAGMA, datetime(2030, 4, 13, 11), datetime(2030, 4, 13, 13), "Europe/Athens",
         "Athens", "Πλατεία Συντάγματος"),
    ]  # fmt: skip
    assert not warnings_of(reading)


def test_apple_a_place_given_only_as_structured_location_is_its_place_and_point():
    reading = read(APPLE)
    leaflets = only(reading, THESSALONIKI)
    assert (leaflets.record.latitude, leaflets.record.longitude) == (40.6324, 22.9408)
    syntagma = only(reading, SYNTAGMA)
    assert (syntagma.record.latitude, syntagma.record.longitude) == (37.9755, 23.7348)
    # Where someone sets off from and what their alarm says are theirs, not the event's.
    for entry in reading.entries:
        for private in ("Κηφισίας", "Σπίτι", "Ώρα να φύγεις"):
            assert private not in entry.description + entry.record.venue


# --- Exchange with a Windows zone name in quotes --------------------------------------------------

EXCHANGE = "outlook-windows-zone-exdate-utc-uk.ics"
PICKET = "Пікет біля Верховної Ради"
LVIV = "Листівки на площі Ринок"


def test_exchange_picket_is_at_noon_in_kyiv_before_and_after_summer_time_without_the_23rd():
    reading = read(EXCHANGE)
    assert [row[1] for row in shown_rows(reading) if row[0] == PICKET] == [
        datetime(2030, 3, 9, 12),
        datetime(2030, 3, 16, 12),
        # 23 March excluded by an EXDATE in UTC (10:00Z); summer time begins on the 31st.
        datetime(2030, 3, 30, 12),
        datetime(2030, 4, 6, 12),
        datetime(2030, 4, 13, 12),
    ]
    assert {(e.record.city, e.record.timezone) for e in titled(reading, PICKET)} == {
        ("Kyiv", "Europe/Kyiv")
    }
    assert not warnings_of(reading)


def test_exchange_cyrillic_places_are_read_in_their_own_cities():
    reading = read(EXCHANGE)
    leaflets = only(reading, LVIV)
    assert (leaflets.record.city, leaflets.record.venue) == ("Lviv", "площа Ринок")
    assert leaflets.record.starts_at.astimezone(UTC) == datetime(2030, 4, 5, 13, tzinfo=UTC)
    assert titled(reading, PICKET)[0].record.venue == "вулиця Михайла Грушевського, 5"


# --- A script's RDATE periods ---------------------------------------------------------------------

RDATES = "rdate-periods-script-ko.ics"
BUSAN = "부산 거리 캠페인"


def test_rdate_periods_each_keep_their_own_hours_and_one_is_cancelled():
    reading = read(RDATES)
    rows = [(row[1], row[2]) for row in shown_rows(reading)]
    assert rows == [
        (datetime(2030, 3, 9, 14), datetime(2030, 3, 9, 16)),
        (datetime(2030, 3, 16, 14), datetime(2030, 3, 16, 17)),  # a period in UTC
        (datetime(2030, 3, 23, 10), datetime(2030, 3, 23, 12, 30)),  # a start and a length
        (datetime(2030, 3, 30, 15), datetime(2030, 3, 30, 17)),  # a period in Seoul's zone
    ]
    assert [e.record.day for e in reading.entries if e.is_cancelled] == [date(2030, 3, 16)]
    assert {(e.record.city, e.record.timezone) for e in reading.entries} == {
        ("Busan", "Asia/Seoul")
    }
    assert not warnings_of(reading)


# --- The Events Calendar for WordPress ------------------------------------------------------------

TRIBE = "events-calendar-wordpress-html-pt.ics"
PAULISTA = "Ato na Avenida Paulista – Pausa já!"
MUTIRAO = "Mutirão de cartazes em Belo Horizonte"


def test_events_calendar_entities_in_title_and_description_read_as_characters():
    reading = read(TRIBE)
    ato = only(reading, PAULISTA)
    assert ato.description == (
        "Venha com sua faixa!\n\nConcentração em frente ao MASP. Haverá microfone aberto &"
        " distribuição de panfletos.\n\nLeve água — a previsão é de sol."
    )
    assert only(reading, MUTIRAO).description.endswith("boa vontade 🖌")
    assert ato.url == "https://pausaia.example.com.br/evento/ato-na-avenida-paulista/"
    assert not warnings_of(reading)


def test_events_calendar_geo_wins_over_apples_point_written_the_wrong_way_round():
    reading = read(TRIBE)
    ato = only(reading, PAULISTA)
    assert (ato.record.latitude, ato.record.longitude) == (-23.5614, -46.6559)
    assert shown_rows(reading) == [
        (PAULISTA, datetime(2030, 3, 22, 14), datetime(2030, 3, 22, 17), "America/Sao_Paulo",
         "São Paulo", "MASP, Avenida Paulista"),
        (MUTIRAO, datetime(2030, 4, 5), datetime(2030, 4, 5, 23, 59), "America/Sao_Paulo",
         "Belo Horizonte", "Praça da Liberdade"),
    ]  # fmt: skip


# --- A Zoom webinar's registration confirmation ---------------------------------------------------

ZOOM = "zoom-webinar-registration-de.ics"


def test_zoom_registration_gives_an_online_evening_without_the_registrants_details():
    reading = read(ZOOM)
    (webinar,) = reading.entries
    assert webinar.is_online
    assert webinar.record.starts_at == datetime(2030, 3, 19, 18, tzinfo=UTC)
    assert webinar.record.timezone == "Europe/Berlin"
    # The confirmation greets one registrant and gives their own passcode and numbers.
    assert webinar.description == ""
    assert webinar.meeting_url.startswith("https://us06web.zoom.us/w/86420135790?")
    assert "tk=" not in webinar.meeting_url and "uuid=WN_kL7mP2qR4sT6vX8zA0bC1dE" in (
        webinar.meeting_url
    )


ZOOM_INVITATION = """Wir sprechen über die Kampagne im April.

Jonas Weber lädt Sie zu einem geplanten Zoom-Meeting ein.

Zoom-Meeting beitreten
https://us06web.zoom.us/j/86420135790?pwd=a3NHZkR1bVpQeWJ0cGZmUT09

Meeting-ID: 864 2013 5790
Kenncode: 418275

---

Schnelleinwahl mobil
+496971049922,,86420135790#,,,,*418275# Deutschland
+493056795800,,86420135790#,,,,*418275# Deutschland

---

Einwahl nach aktuellem Standort
• +49 69 7104 9922 Deutschland
• +49 30 5679 5800 Deutschland

Meeting-ID: 864 2013 5790
Kenncode: 418275

Ortseinwahl suchen: https://us06web.zoom.us/u/kdPq8X2mZ

Bis bald!"""


def test_zoom_meeting_invitation_keeps_the_organizers_words_and_drops_the_dial_in():
    data = calendar(
        vevent(
            "z1",
            "SUMMARY:Planungstreffen",
            "DTSTART;TZID=Europe/Berlin:20300312T190000",
            "DTEND;TZID=Europe/Berlin:20300312T200000",
            "DESCRIPTION:" + ZOOM_INVITATION.replace(",", "\\,").replace("\n", "\\n"),
            location="",
        ),
        head="X-WR-TIMEZONE:Europe/Berlin",
    )
    (meeting,) = read("z.ics", data).entries
    assert meeting.meeting_url == (
        "https://us06web.zoom.us/j/86420135790?pwd=a3NHZkR1bVpQeWJ0cGZmUT09"
    )
    assert meeting.description.startswith("Wir sprechen über die Kampagne im April.")
    assert meeting.description.endswith("Bis bald!")
    for secret in ("418275", "+49", "864 2013", "Schnelleinwahl", "zoom.us/u/"):
        assert secret not in meeting.description


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ruf mich an: +49 30 1234567\nBis bald!", "Ruf mich an: +49 30 1234567\nBis bald!"),
        ("One tap mobile\n+12532158782,,81234567890#,,,,*918273# US\nThanks", "Thanks"),
        ("Hi\n\nOr iPhone one-tap :\n    +12532158782,,81234567890# US", "Hi\n"),
        ("9" * 50_000 + ",,1234", "9" * 50_000 + ",,1234"),
    ],
)
def test_zoom_dial_in_section_only_is_taken_out(text, kept):
    assert without_zoom_dial_in(text) == kept


def test_zoom_a_join_link_without_a_registrants_token_stays_as_it_is():
    link = "https://us06web.zoom.us/j/86420135790?pwd=abc"
    assert without_zoom_token(link) == link
    personal = "https://zoom.us/w/86420135790?tk=SECRET.x&pwd=abc"
    assert without_zoom_token(personal) == "https://zoom.us/w/86420135790?pwd=abc"


def test_a_sync_of_the_zoom_confirmation_publishes_no_token():
    _feed, summary = sync(ZOOM)
    assert not summary.warnings
    (event,) = LocalEvent.objects.all()
    assert "tk=" not in event.meeting_url and "Jonas" not in event.description


# --- Google, folded inside Georgian letters -------------------------------------------------------

GEORGIAN = "google-folded-mid-letter-ka.ics"


def test_google_lines_folded_inside_georgian_letters_read_whole():
    data = fixture(GEORGIAN)
    assert any(line[:1] == b" " and line[1] & 0xC0 == 0x80 for line in data.split(b"\r\n"))
    reading = read(GEORGIAN)
    assert [row[:5] for row in shown_rows(reading)] == [
        ("აქცია რუსთაველის გამზირზე ხელოვნური ინტელექტის პაუზისთვის",
         datetime(2030, 3, 30, 15), datetime(2030, 3, 30, 17), "Asia/Tbilisi", "Tbilisi"),
        ("შეხვედრა ბათუმში", datetime(2030, 4, 14, 18), datetime(2030, 4, 14, 19, 30),
         "Asia/Tbilisi", "Batumi"),
    ]  # fmt: skip
    rally = reading.entries[0]
    assert rally.description.endswith("მოიტანეთ პლაკატები და წყალი.")
    assert "\ufffd" not in rally.description + rally.title + rally.record.venue
    assert not warnings_of(reading)


# --- A Mobilizon group's feed --------------------------------------------------------------------

MOBILIZON = "mobilizon-group-feed-it.ics"
PRESIDIO = "Presidio al Pirellone"
RIUNIONE = "Riunione organizzativa (online)"
BERGAMO = "Volantinaggio a Bergamo"


def test_mobilizon_group_events_are_read_on_romes_clock_with_their_pages():
    reading = read(MOBILIZON)
    assert [row[:5] for row in shown_rows(reading)] == [
        (PRESIDIO, datetime(2030, 3, 23, 16), datetime(2030, 3, 23, 18), "Europe/Rome", "Milan"),
        (RIUNIONE, datetime(2030, 4, 2, 20), datetime(2030, 4, 2, 21), "Europe/Rome", ""),
        (BERGAMO, datetime(2030, 4, 13, 10), datetime(2030, 4, 13, 13), "Europe/Rome",
         "Bergamo"),
    ]  # fmt: skip
    presidio = only(reading, PRESIDIO)
    assert presidio.url == "https://mobilizon.it/events/8d2f6a1e-3c4b-4e5f-9a7b-1c2d3e4f5a6b"
    assert (presidio.record.latitude, presidio.record.longitude) == (45.4849, 9.2001)
    assert presidio.description == (
        "Presidio davanti al **Pirellone** per chiedere una pausa sull’IA di frontiera."
        "\n\nPortate cartelli e amici!"
    )


def test_mobilizon_an_online_meeting_keeps_its_sentence_without_the_label_of_its_link():
    meeting = only(read(MOBILIZON), RIUNIONE)
    assert (
        meeting.is_online and meeting.meeting_url == "https://meet.jit.si/pausaia-milano-riunione"
    )
    # "… azioni. Link: <call>": the call is its meeting link; "Link:" alone would say nothing.
    assert meeting.description == "Riunione online per preparare le prossime azioni."


def test_mobilizon_a_tentative_date_is_imported_to_be_announced_and_told():
    reading = read(MOBILIZON)
    assert only(reading, BERGAMO).record.is_to_be_announced
    (told,) = warnings_of(reading)
    assert BERGAMO in told and "TENTATIVE" in told


# --- All of them synced ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", sorted(p.name for p in FIXTURES.glob("*.ics") if "hand-edited" not in p.name)
)
def test_a_second_sync_of_the_same_feed_changes_nothing(name):
    feed, _summary = sync(name)
    before = sorted(LocalEvent.objects.values_list("pk", "title", "starts_at", "description"))
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: fixture(name))
    assert "events cancelled" not in summary.counts
    after = sorted(LocalEvent.objects.values_list("pk", "title", "starts_at", "description"))
    assert after == before
