"""Eighth round, continued: Calendly (a base64 attachment, its own lines around the organizer's
words), Facebook's event export (Polish, a tentative meeting), a Discord bot's export (UTF-16
with or without a BOM, Korean, a voice channel or a server's invitation as the call), Notion
Calendar (a zone carried over from Sunbird, "/mozilla.org/…/Asia/Calcutta", and zones named
by retired, Windows' and offset names), Yahoo's vCalendar 1.0 (quoted-printable in
ISO-8859-9 and UTF-8) and Kerio Connect (METHOD:CANCEL, lines that end in CR alone), and what
a sync of them changes.
"""

from datetime import UTC, datetime

import pytest

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed

from .calendar_builders import calendar, vevent
from .test_calendars_eighth import NOW, fixture, only, read, shown, warnings_of

pytestmark = pytest.mark.django_db


def sync(url: str, data: bytes):
    feed = register_feed(url=url, campaign=None)
    return sync_feed(feed=feed, now=NOW, fetch=lambda _url: data)


# --- Calendly, Facebook ---------------------------------------------------------------------


def test_calendly_keeps_the_organizers_words_and_the_call_but_none_of_its_own_lines():
    reading = read("calendly-base64-attach-en.ics")
    (call,) = reading.entries
    assert call.is_online and call.meeting_url == "https://meet.google.com/abc-defg-hij"
    assert call.record.starts_at == datetime(2030, 3, 12, 17, tzinfo=UTC)
    # "Event Name:", "Location: This is a Google Meet web conference…", the booking's cancel
    # and reschedule links and "Powered by Calendly.com" are Calendly's, not the event's.
    assert (
        call.description == "We'll walk you through how local groups organise their first action."
    )
    assert "JVBERi" not in call.description  # the attached PDF, in base64
    assert not warnings_of(reading)


def test_lines_like_calendlys_in_a_description_calendly_did_not_write_are_kept():
    data = calendar(
        vevent("info@x", "SUMMARY:Info evening", "DTSTART:20300312T170000Z",
               "DTEND:20300312T183000Z",
               "DESCRIPTION:Event name: Info evening\\nLocation: This is a hybrid web conference"
               " in our office.", location="Oudegracht 100\\, Utrecht\\, Nederland"),
    )  # fmt: skip
    assert only(read("x", data), "Info evening").description == (
        "Event name: Info evening\nLocation: This is a hybrid web conference in our office."
    )


def test_facebook_polish_events_their_pages_and_a_tentative_meeting():
    reading = read("facebook-export-pl.ics")
    krakow = "Spotkanie otwarte w Krakowie"
    assert shown(reading) == [
        # 11:00 UTC is noon in Warsaw before summer time; 16:00 UTC in April is six.
        ("Marsz na rzecz wstrzymania wyścigu AI", datetime(2030, 3, 23, 12),
         datetime(2030, 3, 23, 15), "Europe/Warsaw", "Warsaw"),
        (krakow, datetime(2030, 4, 5, 18), datetime(2030, 4, 5, 20), "Europe/Warsaw", "Kraków"),
    ]  # fmt: skip
    meeting = only(reading, krakow)
    assert meeting.url == "https://www.facebook.com/events/2233445566778899/"
    assert meeting.record.is_to_be_announced
    assert meeting.description.startswith("Poznaj lokalną grupę i dowiedz się, jak możesz pomóc.")
    assert warnings_of(reading) == [
        f"facebook-export-pl.ics: event 2 (“{krakow}”): it is marked tentative"
        " (STATUS:TENTATIVE); it was imported with its details to be announced"
    ]


# --- a Discord bot, Notion Calendar ---------------------------------------------------------


def test_a_discord_bots_utf16_export_in_korean_with_a_voice_channel_as_the_call():
    raw = fixture("discord-bot-utf16-ko.ics")
    assert raw.startswith(b"\xff\xfe")
    reading = read("discord-bot-utf16-ko.ics")
    monthly = "온라인 월례 회의"
    assert shown(reading) == [
        ("광화문광장 AI 개발 일시중지 촉구 집회", datetime(2030, 3, 16, 14),
         datetime(2030, 3, 16, 16), "Asia/Seoul", "Seoul"),
        (monthly, datetime(2030, 3, 20, 20), datetime(2030, 3, 20, 21, 30), "Asia/Seoul", ""),
        ("부산 해운대 캠페인", datetime(2030, 4, 12, 13), datetime(2030, 4, 12, 15), "Asia/Seoul",
         "Busan"),
    ]  # fmt: skip
    online = only(reading, monthly)
    # The voice channel is where it is held; the event's page on Discord is where to sign up.
    assert online.is_online
    assert online.meeting_url == (
        "https://discord.com/channels/987654321098765432/876543210987654321"
    )
    assert online.url == "https://discord.com/events/987654321098765432/1234567890123456790"
    assert not only(reading, "부산 해운대 캠페인").is_online
    assert not warnings_of(reading)


@pytest.mark.parametrize(
    "encoding", ["utf-16-be", "utf-16-le", "utf-16-be-no-bom", "utf-16-le-no-bom"]
)
def test_utf16_either_way_round_with_or_without_its_mark_reads_the_same(encoding):
    little = fixture("discord-bot-utf16-ko.ics")
    text = little.decode("utf-16")
    data = text.encode(encoding.removesuffix("-no-bom"))
    if not encoding.endswith("no-bom"):
        data = (b"\xfe\xff" if encoding.endswith("be") else b"\xff\xfe") + data
    assert shown(read("other", data)) == shown(read("little", little))


@pytest.mark.parametrize(
    "link",
    ["https://discord.gg/pauseai-kr", "https://discord.com/invite/pauseai-kr",
     "https://signal.link/call/#key=bcdf-ghkm-npqr-stxz-bcdf-ghkm-npqr-stxz"],
)  # fmt: skip
def test_an_invitation_to_the_server_or_a_signal_call_is_where_an_online_meeting_is(link):
    data = fixture("discord-bot-utf16-ko.ics").decode("utf-16")
    data = data.replace(
        "LOCATION:https://discord.com/channels/987654321098765432/876543210987654321",
        f"LOCATION:{link}",
    )
    assert link in data
    online = only(read("d", data.encode()), "온라인 월례 회의")
    assert (online.is_online, online.meeting_url) == (True, link)


def test_notion_a_sunbird_zone_under_its_retired_name_is_kolkatas():
    reading = read("notion-mozilla-tzid-en-hi.ics")
    walk = "Marine Drive walk for an AI pause / एआई विराम के लिए पदयात्रा"
    assert shown(reading) == [
        # BYDAY=2SA: the second Saturday of March, April and May.
        (walk, datetime(2030, 3, 9, 17), datetime(2030, 3, 9, 19), "Asia/Kolkata", "Mumbai"),
        ("Volunteer call (online)", datetime(2030, 3, 25, 19, 30), datetime(2030, 3, 25, 20, 30),
         "Asia/Kolkata", ""),
        (walk, datetime(2030, 4, 13, 17), datetime(2030, 4, 13, 19), "Asia/Kolkata", "Mumbai"),
        (walk, datetime(2030, 5, 11, 17), datetime(2030, 5, 11, 19), "Asia/Kolkata", "Mumbai"),
    ]  # fmt: skip
    assert only(reading, "Volunteer call (online)").record.starts_at == (
        datetime(2030, 3, 25, 14, tzinfo=UTC)
    )
    assert not warnings_of(reading)


@pytest.mark.parametrize(
    ("tzid", "zone", "utc"),
    [("Asia/Calcutta", "Asia/Kolkata", (14, 0)), ("Europe/Kiev", "Europe/Kyiv", (17, 30)),
     ("US/Eastern", "America/New_York", (23, 30)), ("Turkey", "Europe/Istanbul", (16, 30)),
     ("America/Montreal", "America/Toronto", (23, 30)),
     # Windows' name, which CLDR maps to the retired one.
     ("India Standard Time", "Asia/Kolkata", (14, 0)),
     # Android's name of an offset, unquoted though it holds a colon, and no VTIMEZONE of it.
     ("GMT+05:30", "Asia/Kolkata", (14, 0)), ("GMT+0530", "Asia/Kolkata", (14, 0)),
     # A country's own zone keeps its name, though the tz database links it to another.
     ("Europe/Amsterdam", "Europe/Amsterdam", (18, 30)), ("Europe/Oslo", "Europe/Oslo", (18, 30))],
)  # fmt: skip
def test_an_online_entry_in_a_zone_of_another_name_gets_its_current_name(tzid, zone, utc):
    data = fixture("notion-mozilla-tzid-en-hi.ics").replace(
        b"/mozilla.org/20071231_1/Asia/Calcutta:20300325", f"{tzid}:20300325".encode()
    )
    call = only(read("n", data), "Volunteer call (online)")
    assert call.record.timezone == zone
    assert call.record.starts_at.astimezone(UTC) == datetime(2030, 3, 25, *utc, tzinfo=UTC)


# --- Yahoo, Kerio --------------------------------------------------------------------------


def test_yahoo_vcalendar_quoted_printable_in_turkish_and_greek_character_sets():
    reading = read("yahoo-vcal10-qp-tr-el.vcs")
    izmir = "İzmir'de barışçı yapay zekâ eylemi"
    assert shown(reading) == [
        (izmir, datetime(2030, 3, 30, 14), datetime(2030, 3, 30, 16, 30), "Europe/Istanbul",
         "İzmir"),
        ("Συγκέντρωση στο Λευκό Πύργο", datetime(2030, 4, 13, 12), datetime(2030, 4, 13, 14),
         "Europe/Athens", "Thessaloniki"),
    ]  # fmt: skip
    first = only(reading, izmir)
    assert first.description == "Pankartlarınızı getirin.\nEylem saat 14:00'te başlıyor."
    assert first.record.venue == "Gündoğdu Meydanı"
    assert not warnings_of(reading)


PICKET = "Pikieta przed Sejmem – odwołana"


def test_kerio_cancel_with_cr_line_endings_is_a_called_off_picket_in_warsaw():
    raw = fixture("kerio-cancel-cr-pl.ics")
    assert b"\n" not in raw and raw.count(b"\r") > 20
    reading = read("kerio-cancel-cr-pl.ics")
    assert shown(reading) == [
        (PICKET, datetime(2030, 3, 16, 12), datetime(2030, 3, 16, 14), "Europe/Warsaw", "Warsaw"),
    ]  # fmt: skip
    assert [e.is_cancelled for e in reading.entries] == [True]


def test_a_kerio_cancel_sent_after_the_invitation_cancels_the_imported_picket():
    url = "https://mail.pauseai.example.pl/ical/warszawa/calendar.ics"
    cancel = fixture("kerio-cancel-cr-pl.ics")
    published = cancel.replace(b"METHOD:CANCEL", b"METHOD:PUBLISH").replace(
        b"STATUS:CANCELLED", b"STATUS:CONFIRMED"
    )
    first = sync(url, published)
    assert dict(first.counts) == {"events created": 1}
    picket = LocalEvent.objects.get()
    assert picket.status == LocalEvent.Status.APPROVED
    # Kerio's cancellation still says CANCELLED, and METHOD:CANCEL alone would do.
    for data in (cancel, cancel.replace(b"STATUS:CANCELLED\r", b"")):
        picket.status = LocalEvent.Status.APPROVED
        picket.save(update_fields=["status"])
        summary = sync(url, data)
        picket.refresh_from_db()
        assert picket.status == LocalEvent.Status.CANCELLED
        assert summary.counts["events cancelled"] == 1


# --- syncing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["tuta-last-sunday-rdate-de.ics", "sogo-montreal-until-local-fr.ics",
     "zimbra-thisandfuture-tr.ics", "wordpress-tec-long-fr.ics", "discord-bot-utf16-ko.ics",
     "yahoo-vcal10-qp-tr-el.vcs", "notion-mozilla-tzid-en-hi.ics"],
)  # fmt: skip
def test_a_second_sync_of_the_same_feed_changes_nothing(name):
    url = f"https://calendars.example.org/{name}"
    data = fixture(name)
    first = sync(url, data)
    again = sync(url, data)
    assert first.counts["events created"] == LocalEvent.objects.count() > 0
    assert set(again.counts) <= {"events unchanged"}
    assert not [w for w in again.warnings if "skipped" in str(w)]


def test_the_long_programme_is_stored_whole():
    sync("https://pauseia.example.fr/?ical=1", fixture("wordpress-tec-long-fr.ics"))
    (march,) = LocalEvent.objects.all()
    assert len(march.description) > 19_900 and march.description.endswith("Fin du programme.")
    assert march.signup_url == "https://pauseia.example.fr/evenement/grande-marche-paris/"
