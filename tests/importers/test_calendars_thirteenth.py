"""Calendars from programs nobody here tested, thirteenth round: Nextcloud Calendar (sabre/
vobject's PRODID, a Finnish feed whose weekly call is a Nextcloud Talk room given as its
LOCATION, and whose EXDATEs name other zones than its DTSTART: UTC and Stockholm's),
Thunderbird (Hebrew, X-MOZ-* lines, a VTIMEZONE for Jerusalem carrying the rules Israel had
before 2013, an event on the Friday its clocks change), Mobilizon (a Portuguese group's feed:
UTC times, groups as ORGANIZER, CATEGORIES, one event called off and one tentative), Outlook
.com (Korean, "Korea Standard Time", a monthly series whose April occurrence moved into May),
Meetup (a Greek group: "Venue (address)" whose venue is its own address, "Needs a location",
"Online event"), Zoho Calendar (Brazilian RDATE periods, as a start and a length or a start
and an end, one in UTC), a spreadsheet's macro writing Windows-1252 under "CHARSET=UTF-8"
beside an event pasted in UTF-8 under "CHARSET=ISO-8859-1", a script whose DTSTART is a day
while its DTEND is an hour (and the other way round), an iCloud calendar shared by link (Greek,
X-APPLE-STRUCTURED-LOCATION's point, X-APPLE-TRAVEL-DURATION and the drive's own start), and
Thunderbird's faked master (a Brazilian series of which only two occurrences were received).

Damaged versions and odd servers are in test_calendars_thirteenth_damaged.py; the fixtures in
fixtures/calendars13/, written here.
"""

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed
from turnout.importers.calendar_location_stand_ins import place_not_set
from turnout.importers.meeting_links import is_talk_room

from .calendar_builders import CalendarFolder, calendar, only, titled, vevent, warnings_of
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars13")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def sync(name: str, data: bytes | None = None, *, url: str = ""):
    feed = register_feed(url=url or f"https://calendars.example.org/{name}", campaign=None)
    data = fixture(name) if data is None else data
    return feed, sync_feed(feed=feed, now=NOW, fetch=lambda _url: data)


# --- Nextcloud Calendar ------------------------------------------------------------------------

NEXTCLOUD = "nextcloud-talk-fi.ics"
CALL = "Viikkopalaveri verkossa"


def test_nextcloud_a_rally_in_helsinki_and_a_briefing_in_tampere():
    rows = [row for row in shown_rows(read(NEXTCLOUD)) if row[0] != CALL]
    assert rows == [
        ("Mielenosoitus eduskuntatalon edessä", datetime(2030, 3, 16, 12),
         datetime(2030, 3, 16, 14), "Europe/Helsinki", "Helsinki",
         "Eduskuntatalo, Mannerheimintie 30"),
        ("Tiedotustilaisuus Tampereella", datetime(2030, 4, 6, 11), datetime(2030, 4, 6, 13),
         "Europe/Helsinki", "Tampere", "Keskustori"),
    ]  # fmt: skip
    rally = only(read(NEXTCLOUD), "Mielenosoitus eduskuntatalon edessä")
    assert rally.url == "https://pauseai.example.fi/helsinki"
    # 12:00 in Helsinki in winter (EET, +02:00) is 10:00 UTC.
    assert rally.record.starts_at.astimezone(UTC).hour == 10


def test_nextcloud_a_talk_room_as_location_is_an_online_call_kept_out_of_the_description():
    calls = titled(read(NEXTCLOUD), CALL)
    assert calls and all(c.is_online for c in calls)
    assert {c.meeting_url for c in calls} == {"https://pilvi.example.fi/call/x7k2m9pq"}
    # The call's link is for those who join, not for the public page; its label goes with it.
    assert {c.description for c in calls} == {""}
    assert not warnings_of(read(NEXTCLOUD))


def test_nextcloud_exdates_in_utc_and_in_stockholms_zone_take_out_helsinki_tuesdays():
    calls = titled(read(NEXTCLOUD), CALL)
    # Six Tuesdays at 18:00 in Helsinki from 12 March; 19 March is excluded as 16:00 UTC and
    # 2 April, after the clocks changed, as 17:00 in Stockholm: the same moments.
    assert [(c.record.starts_at.month, c.record.starts_at.day) for c in calls] == [
        (3, 12), (3, 26), (4, 9), (4, 16)
    ]  # fmt: skip
    assert [c.record.starts_at.astimezone(UTC).hour for c in calls] == [16, 16, 15, 15]


@pytest.mark.parametrize(
    ("url", "is_room"),
    [("https://pilvi.example.fi/call/x7k2m9pq", True),
     ("https://cloud.example.org/index.php/call/a1b2c3d4", True),
     ("https://cloud.example.org/call/a1b2c3d4/", True),
     # A page of a campaign's "call" to act, not a room: no digit in its last part.
     ("https://pauseai.example.org/call/petition", False),
     ("https://cloud.example.org/call/a1b2c3d4?x=1", False),
     ("https://cloud.example.org/call/a1b2c3d4/more", False),
     ("https://cloud.example.org/calls/a1b2c3d4", False),
     ("mailto:call/a1b2c3d4", False)],
)  # fmt: skip
def test_which_links_are_nextcloud_talk_rooms(url, is_room):
    assert is_talk_room(url) == is_room


# --- Thunderbird -------------------------------------------------------------------------------

THUNDERBIRD = "thunderbird-jerusalem-he.ics"


def test_thunderbird_hebrew_titles_and_places_in_jerusalem_and_tel_aviv():
    reading = read(THUNDERBIRD)
    assert shown_rows(reading) == [
        ("הפגנה מול הכנסת", datetime(2030, 3, 29, 10), datetime(2030, 3, 29, 12),
         "Asia/Jerusalem", "Jerusalem", "גן הוורדים"),
        ("עצרת בכיכר הבימה", datetime(2030, 4, 12, 19), datetime(2030, 4, 12, 21),
         "Asia/Jerusalem", "Tel Aviv", "כיכר הבימה"),
    ]  # fmt: skip
    assert only(reading, "הפגנה מול הכנסת").url == "https://pauseai.example.org.il/jerusalem"
    assert not warnings_of(reading)


@pytest.mark.parametrize("tzid", [b"Asia/Jerusalem", b"Israel Time (Lightning)"])
def test_thunderbird_a_friday_the_clocks_change_read_by_the_rules_of_today(tzid):
    # Israel's summer time begins on the Friday before March's last Sunday at 02:00: 29 March
    # 2030. At 10:00 that morning it is 07:00 UTC, by the zone's name or by the VTIMEZONE's
    # current rule; its rules before 2013 (a list of RDATEs, an RRULE UNTIL 2012) are history.
    data = fixture(THUNDERBIRD).replace(b"Asia/Jerusalem", tzid)
    (rally,) = titled(read(THUNDERBIRD, data), "הפגנה מול הכנסת")
    assert rally.record.starts_at.astimezone(UTC) == datetime(2030, 3, 29, 7, tzinfo=UTC)


# --- Mobilizon ---------------------------------------------------------------------------------

MOBILIZON = "mobilizon-group-pt.ics"


def test_mobilizon_utc_times_are_lisbons_clock_and_the_groups_are_organizers_only():
    reading = read(MOBILIZON)
    assert shown_rows(reading) == [
        ("Manifestação pela pausa da IA", datetime(2030, 3, 23, 15), datetime(2030, 3, 23, 17),
         "Europe/Lisbon", "Lisbon", "Praça do Comércio"),
        # 18:00 UTC on 4 April is 19:00 in Porto: Portugal is on summer time by then.
        ("Sessão de esclarecimento no Porto", datetime(2030, 4, 4, 19), datetime(2030, 4, 4, 21),
         "Europe/Lisbon", "Porto", "Biblioteca Municipal Almeida Garrett, Rua de Dom Manuel II"),
        ("Oficina de cartazes em Coimbra", datetime(2030, 4, 12, 10), datetime(2030, 4, 12, 13),
         "Europe/Lisbon", "Coimbra", "Largo de São Domingos"),
    ]  # fmt: skip
    rally = only(reading, "Manifestação pela pausa da IA")
    assert rally.url == rally.uid  # Mobilizon's UID is the event's page
    assert "Terreiro do Paço" in rally.description


def test_mobilizon_a_cancelled_event_is_shown_called_off_and_a_tentative_one_tba():
    _feed, summary = sync(MOBILIZON)
    statuses = dict(LocalEvent.objects.values_list("city", "status"))
    assert statuses == {
        "Lisbon": LocalEvent.Status.APPROVED,
        "Porto": LocalEvent.Status.CANCELLED,
        "Coimbra": LocalEvent.Status.DETAILS_TBA,
    }
    (told,) = [str(w) for w in summary.warnings]
    assert "Oficina de cartazes em Coimbra" in told and "STATUS:TENTATIVE" in told


def test_mobilizon_an_event_called_off_in_a_later_export_is_cancelled_not_removed():
    feed, _summary = sync(MOBILIZON)
    later = (
        fixture(MOBILIZON)
        .replace(
            b"SUMMARY:Manifesta\xc3\xa7\xc3\xa3o",
            b"STATUS:CANCELLED\r\nSUMMARY:Manifesta\xc3\xa7\xc3\xa3o",
        )
        .replace(b"STATUS:CONFIRMED\r\n", b"")
    )
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: later)
    rally = LocalEvent.objects.get(city="Lisbon")
    assert rally.status == LocalEvent.Status.CANCELLED
    assert LocalEvent.objects.count() == 3


# --- Outlook.com -------------------------------------------------------------------------------

OUTLOOK = "outlook-com-moved-month-ko.ics"
RALLY_KO = "광화문 광장 집회"


def test_outlook_com_the_aprils_last_saturday_moved_into_may_is_one_occurrence_of_the_series():
    reading = read(OUTLOOK)
    assert [row[1:] for row in shown_rows(reading)] == [
        (datetime(2030, 3, 30, 14), datetime(2030, 3, 30, 16), "Asia/Seoul", "Seoul", "광화문광장"),
        (datetime(2030, 5, 4, 15), datetime(2030, 5, 4, 17), "Asia/Seoul", "Seoul", "광화문광장"),
        (datetime(2030, 5, 25, 14), datetime(2030, 5, 25, 16), "Asia/Seoul", "Seoul", "광화문광장"),
        (datetime(2030, 6, 29, 14), datetime(2030, 6, 29, 16), "Asia/Seoul", "Seoul", "광화문광장"),
    ]  # fmt: skip
    moved = [e for e in reading.entries if e.record.starts_at.month == 5][0]
    # Still April's occurrence (its RECURRENCE-ID, 05:00 UTC on 27 April), under its own title.
    assert moved.recurrence_id == "20300427T050000Z"
    assert moved.title == "광화문 광장 집회 (노동절 주간으로 변경)"
    assert not warnings_of(reading)


def test_outlook_com_an_occurrence_moved_back_in_a_later_export_is_the_same_event():
    feed, _summary = sync(OUTLOOK)
    moved = LocalEvent.objects.get(starts_at__month=5, starts_at__day=4)
    # Outlook raises the series' SEQUENCE above its exception's when it drops the exception.
    data = fixture(OUTLOOK).replace(b"SEQUENCE:1\r\n", b"SEQUENCE:3\r\n", 1)
    without_move = data[: data.index(b"BEGIN:VEVENT\r\nRECURRENCE-ID")] + b"END:VCALENDAR\r\n"
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: without_move)
    again = LocalEvent.objects.get(pk=moved.pk)
    assert again.starts_at == datetime(2030, 4, 27, 5, tzinfo=UTC)
    assert (again.title, again.status) == (RALLY_KO, LocalEvent.Status.APPROVED)
    assert LocalEvent.objects.exclude(status=LocalEvent.Status.CANCELLED).count() == 4


# --- Meetup ------------------------------------------------------------------------------------

MEETUP = "meetup-group-el.ics"


def test_meetup_a_venue_that_is_its_own_address_is_named_once():
    reading = read(MEETUP)
    meeting = only(reading, "Συνάντηση γνωριμίας PauseAI")
    assert (meeting.record.city, meeting.record.venue) == ("Athens", "Πλατεία Συντάγματος")
    assert meeting.url == "https://www.meetup.com/pauseai-athens/events/306112233/"
    # Its coordinates are the square's.
    assert (meeting.record.latitude, meeting.record.longitude) == (37.9755, 23.7348)


def test_meetup_needs_a_location_is_said_as_a_place_not_chosen_yet():
    reading = read(MEETUP)
    assert not titled(reading, "Εργαστήρι πανό για τη διαμαρτυρία")
    (told,) = warnings_of(reading)
    assert "Εργαστήρι πανό" in told and "not chosen yet" in told and "Needs a location" in told


def test_meetup_an_online_event_links_its_page_not_a_call():
    online = only(read(MEETUP), "Διαδικτυακή ενημέρωση: γιατί παύση;")
    assert online.is_online and not online.meeting_url
    assert online.url == "https://www.meetup.com/pauseai-athens/events/306112301/"
    # Online, it is told in the zone of the group's events in person.
    assert online.record.timezone == "Europe/Athens"


def test_meetup_an_event_given_a_place_later_is_imported_then():
    feed, _summary = sync(MEETUP)
    assert LocalEvent.objects.count() == 2
    placed = fixture(MEETUP).replace(
        b"LOCATION:Needs a location",
        "LOCATION:Στέκι Εξαρχείων (Θεμιστοκλέους 10\\, Αθήνα\\, Greece)".encode(),
    )
    sync_feed(feed=feed, now=NOW, fetch=lambda _url: placed)
    workshop = LocalEvent.objects.get(title="Εργαστήρι πανό για τη διαμαρτυρία")
    assert (workshop.city, workshop.venue) == ("Athens", "Στέκι Εξαρχείων, Θεμιστοκλέους 10")


@pytest.mark.parametrize(
    ("location", "not_set"),
    [("Needs a location", True), ("TBA", True), ("Location TBD", True), ("À définir", True),
     ("Por definir", True), ("(to be announced)", True), ("Θα ανακοινωθεί", True),
     ("Ort folgt", True),
     ("TBA Hall, Leeds", False), ("Needs a location, Athens", False), ("", False),
     ("Tbilisi", False)],
)  # fmt: skip
def test_which_locations_say_the_place_is_not_chosen_yet(location, not_set):
    assert place_not_set(location) == not_set


# --- Zoho Calendar -----------------------------------------------------------------------------

ZOHO = "zoho-rdate-period-pt-br.ics"


def test_zoho_rdate_periods_each_keep_their_own_length():
    reading = read(ZOHO)
    assert [row[1:3] for row in shown_rows(reading)] == [
        (datetime(2030, 3, 9, 10), datetime(2030, 3, 9, 12)),  # DTSTART and DTEND
        (datetime(2030, 3, 16, 10), datetime(2030, 3, 16, 13)),  # a start and PT3H
        (datetime(2030, 3, 23, 14), datetime(2030, 3, 23, 17)),  # a start and an end
        (datetime(2030, 3, 30, 10), datetime(2030, 3, 30, 12, 30)),  # in UTC, and PT2H30M
    ]
    assert {(e.record.city, e.record.timezone) for e in reading.entries} == {
        ("São Paulo", "America/Sao_Paulo")
    }
    assert {e.url for e in reading.entries} == {"https://pausaia.example.com.br/sp"}
    assert not warnings_of(reading)


def test_zoho_a_period_dropped_from_a_later_export_calls_off_that_occurrence_only():
    feed, _summary = sync(ZOHO)
    fewer = fixture(ZOHO).replace(b"RDATE;VALUE=PERIOD:20300330T130000Z/PT2H30M\r\n", b"")
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: fewer)
    assert summary.counts["events cancelled"] == 1
    (called_off,) = LocalEvent.objects.filter(status=LocalEvent.Status.CANCELLED)
    assert called_off.starts_at == datetime(2030, 3, 30, 13, tzinfo=UTC)


# --- Windows-1252 under another name -----------------------------------------------------------

MACRO = "macro-cp1252-labelled-utf8-pt.ics"


def test_windows_1252_labelled_utf_8_and_utf_8_labelled_iso_8859_1_both_read_as_written():
    reading = read(MACRO)
    assert [(row[0], row[4], row[5]) for row in shown_rows(reading)] == [
        ("Vigília na Avenida dos Aliados – “Pausa já”", "Porto", "Avenida dos Aliados"),
        ("Distribuição de folhetos em Braga", "Braga", "Praça da República"),
        ("Concentração em Guimarães", "Guimarães", "Largo do Toural"),
    ]
    vigil = only(reading, "Vigília na Avenida dos Aliados – “Pausa já”")
    assert vigil.description == "Tragam velas. Contribuição sugerida: 2 € para os cartazes."
    assert not warnings_of(reading)


# Lower-case letters and the quotes, dashes and euro sign Windows writes: a capital "Ã" or
# "Â" before "€", "“" or "–" is, in Windows-1252, also valid UTF-8 ("Ã€" is "À"), which no
# reader can tell apart; that text is not in here.
_PORTUGUESE = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzãõçáéíóúâêôàü–“”‘’€ ", min_size=1, max_size=30
).filter(lambda text: text.strip() == text and "  " not in text)


@settings(max_examples=40, deadline=None)
@given(_PORTUGUESE, st.sampled_from(["cp1252", "utf-8"]), st.sampled_from(
    ["UTF-8", "ISO-8859-1", "windows-1252", "utf8", None]))  # fmt: skip
def test_a_title_reads_as_written_whichever_of_the_two_it_is_in_and_whatever_its_label(
    text, encoding, label
):
    head = "SUMMARY" + (f";CHARSET={label}" if label else "")
    event = vevent("x@macro", "DTSTART;TZID=Europe/Lisbon:20300314T180000", "DURATION:PT2H")
    data = calendar(event).replace(
        b"END:VEVENT", f"{head}:Ação {text}\r\nEND:VEVENT".encode(encoding)
    )
    (entry,) = read("t", data).entries
    assert entry.title == f"Ação {text}"


# --- A day beside an hour ----------------------------------------------------------------------

SCRIPT = "script-date-start-time-end-ko.ics"


def test_a_day_that_ends_at_an_hour_and_an_hour_that_ends_with_its_day_are_read_and_told():
    reading = read(SCRIPT)
    assert shown_rows(reading) == [
        # From the day's beginning to the hour its DTEND gives.
        ("국회 앞 릴레이 1인 시위", datetime(2030, 4, 13), datetime(2030, 4, 13, 18),
         "Asia/Seoul", "Seoul", "국회의사당 정문"),
        # From its hour to the end of its day (DTEND's day is exclusive, as a day's always is).
        ("부산 시민 토론회", datetime(2030, 4, 20, 14), datetime(2030, 4, 20, 23, 59),
         "Asia/Seoul", "Busan", "부산시민공원"),
    ]  # fmt: skip
    told = warnings_of(reading)
    assert len(told) == 2 and all("not both days or both times" in w for w in told)
    assert "국회 앞" in told[0] and "부산" in told[1]


@pytest.mark.parametrize(
    ("start", "end", "is_told"),
    [("DTSTART;VALUE=DATE:20300413", "DTEND;VALUE=DATE:20300414", False),
     ("DTSTART:20300413T090000Z", "DTEND:20300413T110000Z", False),
     ("DTSTART;VALUE=DATE:20300413", "DTEND:20300413T090000Z", True),
     ("DTSTART;TZID=Asia/Seoul:20300413T090000", "DTEND;VALUE=DATE:20300414", True)],
)  # fmt: skip
def test_only_a_start_and_end_of_different_kinds_are_told(start, end, is_told):
    reading = read("k", calendar(vevent("k@x", "SUMMARY:집회", start, end,
                                        location="광화문광장\\, 서울")))  # fmt: skip
    assert len(reading.entries) == 1
    assert any("not both days" in w for w in warnings_of(reading)) == is_told


# --- An iCloud calendar shared by link -----------------------------------------------------------

ICLOUD = "icloud-shared-travel-el.ics"
TOWER = "Διαμαρτυρία στον Λευκό Πύργο"


def test_icloud_the_travel_time_is_not_the_events_and_its_start_not_its_place():
    reading = read(ICLOUD)
    tower = only(reading, TOWER)
    # X-APPLE-TRAVEL-DURATION is the organizer's drive there: the event is 11:00 to 13:00.
    assert shown_rows(reading)[0] == (
        TOWER, datetime(2030, 4, 6, 11), datetime(2030, 4, 6, 13), "Europe/Athens",
        "Thessaloniki", "Λευκός Πύργος, Λεωφόρος Νίκης",
    )  # fmt: skip
    # The tower's point (X-APPLE-STRUCTURED-LOCATION), not where the drive starts from.
    assert (tower.record.latitude, tower.record.longitude) == (40.626446, 22.948426)
    assert tower.url == "https://pauseai.example.gr/thessaloniki"
    assert not warnings_of(reading)


def test_icloud_a_square_named_alone_is_placed_by_apples_point_in_crete():
    stall = only(read(ICLOUD), "Ενημερωτικό περίπτερο στο Ηράκλειο")
    assert (stall.record.country, stall.record.venue) == ("GR", "Πλατεία Ελευθερίας")
    assert (stall.record.latitude, stall.record.longitude) == (35.337986, 25.136431)
    assert stall.record.starts_at == datetime(2030, 4, 20, 15, tzinfo=UTC)


def test_icloud_heraklion_is_named_as_in_english():
    stall = only(read(ICLOUD), "Ενημερωτικό περίπτερο στο Ηράκλειο")
    assert stall.record.city == "Heraklion"


# --- Thunderbird's faked master ------------------------------------------------------------------

FAKED = "thunderbird-faked-master-pt-br.ics"


def test_thunderbird_a_faked_master_gives_only_the_occurrences_it_was_invited_to():
    # Invited to two occurrences of a series, Thunderbird makes up a master for them
    # (X-MOZ-FAKED-MASTER, their starts as its DTSTART and RDATE): only those two are events.
    reading = read(FAKED)
    assert shown_rows(reading) == [
        ("Roda de conversa no Marco Zero", datetime(2030, 4, 5, 17), datetime(2030, 4, 5, 19),
         "America/Recife", "Recife", "Praça do Marco Zero"),
        ("Roda de conversa no Marco Zero (mais tarde)", datetime(2030, 4, 19, 18),
         datetime(2030, 4, 19, 20), "America/Recife", "Recife", "Praça do Marco Zero"),
    ]  # fmt: skip
    assert not warnings_of(reading)


def test_thunderbird_the_real_master_arriving_later_keeps_the_two_events_and_adds_the_rest():
    feed, _summary = sync(FAKED)
    before = dict(LocalEvent.objects.values_list("starts_at", "pk"))
    real = (
        fixture(FAKED)
        .replace(b"X-MOZ-FAKED-MASTER:1\r\n", b"")
        .replace(
            b"RDATE;TZID=America/Recife:20300419T170000", b"RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4"
        )
    )
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: real)
    assert "events cancelled" not in summary.counts
    after = dict(LocalEvent.objects.values_list("starts_at", "pk"))
    assert set(before.items()) <= set(after.items())
    assert sorted((s.month, s.day) for s in after) == [(4, 5), (4, 19), (5, 3), (5, 17)]
