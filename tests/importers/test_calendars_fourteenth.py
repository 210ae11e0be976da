"""Calendars from programs nobody here tested, fourteenth round: an "Add to calendar" file of
Action Network (Turkish, METHOD:PUBLISH, an ORGANIZER whose name has a comma in its quotes,
ATTENDEE lines, a VALARM with its own DESCRIPTION), Outlook on the web (Polish, "Central
European Standard Time", X-ALT-DESC;FMTTYPE=text/html beside the text, and an invitation given
as HTML alone), Outlook with Teams' invitation as written since 2023 (Turkish: the call, then
"dial in by phone" and the organizer's options, each between lines of underscores), Apple
Calendar (Chinese, Taipei, X-APPLE-* lines, three VALARMs), a CalDAV collection (Radicale,
Romanian) with VTODOs and a VJOURNAL among its events, Kalender.digital (Thai, X-WR-TIMEZONE
only, floating times), TimeTree (Japanese, a whole day), and two Google exports glued into one
file whose X-WR-TIMEZONEs differ (Istanbul's and Dubai's).

Damaged versions are in test_calendars_fourteenth_damaged.py; the fixtures in
fixtures/calendars14/, written here.
"""

import time
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_concatenated import as_one_calendar
from turnout.importers.calendar_feeds import register_feed, sync_feed
from turnout.importers.calendar_teams import without_teams_block

from .calendar_builders import CalendarFolder, calendar, only, titled, vevent, warnings_of
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars14")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def sync(name: str, data: bytes | None = None):
    feed = register_feed(url=f"https://calendars.example.org/{name}", campaign=None)
    data = fixture(name) if data is None else data
    return feed, sync_feed(feed=feed, now=NOW, fetch=lambda _url: data)


# --- Action Network's "Add to calendar" --------------------------------------------------------

ACTION = "action-network-add-to-calendar-tr.ics"
KADIKOY = "Yapay zekâya ara verin: Kadıköy buluşması"


def test_action_network_one_event_in_utc_is_istanbuls_afternoon():
    reading = read(ACTION)
    assert shown_rows(reading) == [
        (KADIKOY, datetime(2030, 3, 22, 14), datetime(2030, 3, 22, 16, 30), "Europe/Istanbul",
         "Istanbul", "Kadıköy İskelesi, Rıhtım Caddesi, Kadıköy"),
    ]  # fmt: skip
    meeting = only(reading, KADIKOY)
    assert meeting.url == "https://actionnetwork.org/events/kadikoy-bulusmasi"
    assert not warnings_of(reading)


def test_action_network_the_organizer_attendees_and_alarm_stay_out_of_the_event():
    meeting = only(read(ACTION), KADIKOY)
    told = meeting.description + meeting.record.venue + meeting.title
    # Who comes, who organizes and what the alarm says are no part of what is published.
    for private in ("ayse@", "mehmet@", "istanbul@", "Ayşe", "Mehmet", "yarın", "PauseAI Türkiye"):
        assert private not in told
    assert meeting.description.startswith("Yapay zekâ yarışına ara verilmesi için Kadıköy'de")


def test_action_network_a_later_export_with_more_attendees_changes_nothing():
    feed, _summary = sync(ACTION)
    before = list(LocalEvent.objects.values_list("pk", "title", "starts_at", "description"))
    more = (
        fixture(ACTION)
        .replace(
            b"STATUS:CONFIRMED",
            b'ATTENDEE;CN="Can, Deniz";PARTSTAT=ACCEPTED:mailto:deniz@example.com.tr\r\n'
            b"STATUS:CONFIRMED",
        )
        .replace(b"DTSTAMP:20300214T083000Z", b"DTSTAMP:20300301T101010Z")
    )
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: more)
    assert not summary.warnings and "events cancelled" not in summary.counts
    after = list(LocalEvent.objects.values_list("pk", "title", "starts_at", "description"))
    assert after == before


# --- Outlook on the web -----------------------------------------------------------------------

OUTLOOK_WEB = "outlook-web-alt-desc-teams-pl.ics"
PICKET = "Pikieta pod Pałacem Kultury i Nauki"
WORKSHOP = "Warsztaty transparentów w Krakowie"


def test_outlook_web_a_picket_in_warsaw_and_a_workshop_in_krakow_both_with_a_teams_call():
    reading = read(OUTLOOK_WEB)
    assert shown_rows(reading) == [
        (PICKET, datetime(2030, 3, 16, 13), datetime(2030, 3, 16, 15), "Europe/Warsaw",
         "Warsaw", "plac Defilad 1"),
        (WORKSHOP, datetime(2030, 4, 5, 17), datetime(2030, 4, 5, 19), "Europe/Warsaw",
         "Kraków", "Rynek Główny 1"),
    ]  # fmt: skip
    assert all(e.attendance_mode == LocalEvent.AttendanceMode.MIXED for e in reading.entries)
    assert not warnings_of(reading)


def test_outlook_web_the_text_description_is_read_without_teams_invitation():
    picket = only(read(OUTLOOK_WEB), PICKET)
    assert picket.description == (
        "Spotykamy się przed Pałacem Kultury z transparentami. Kto nie może przyjść, może"
        " dołączyć przez Teams."
    )
    assert picket.meeting_url.startswith("https://teams.microsoft.com/l/meetup-join/19%3a")


def test_outlook_web_an_invitation_given_only_as_html_gives_its_text_and_its_call():
    workshop = only(read(OUTLOOK_WEB), WORKSHOP)
    data = fixture(OUTLOOK_WEB)
    assert data.count(b"X-ALT-DESC") == 2 and data.count(b"DESCRIPTION;LANGUAGE") == 1
    # Its Teams link is only in the HTML (no X-MICROSOFT-SKYPETEAMSMEETINGURL): still its call.
    assert workshop.meeting_url == (
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_YjM2%40thread.v2/0?context=%7b%7d"
    )
    assert workshop.description == (
        "Warsztaty z przygotowania transparentów w **Krakowie**. Materiały zapewniamy."
    )
    for secret in ("291 774", "Tq4m8D", "+48 22", "482 913", "Opcje spotkania", "Microsoft"):
        assert secret not in workshop.description


# --- Teams' invitation with its telephone section ----------------------------------------------

TEAMS_TR = "outlook-teams-dial-in-tr.ics"


def test_teams_dial_in_numbers_and_organizer_options_are_not_published():
    reading = read(TEAMS_TR)
    (rally,) = reading.entries
    assert rally.description == "Kadıköy'deki eyleme gelemeyenler çevrim içi katılabilir."
    assert rally.meeting_url.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert (rally.record.city, rally.record.timezone) == ("Istanbul", "Europe/Istanbul")
    assert rally.attendance_mode == LocalEvent.AttendanceMode.MIXED
    assert not warnings_of(reading)


_RULE = "_" * 80
_SHORT_RULE = "_" * 32


@pytest.mark.parametrize(
    ("text", "kept"),
    [  # the call alone (as before 2023), and then its telephone section and options
     (f"Gelin.\n{_RULE}\nMicrosoft Teams toplantısı\nhttps://teams.microsoft.com/l/x\n{_RULE}",
      "Gelin.\n"),
     (f"Gelin.\n{_RULE}\nMicrosoft Teams\n{_SHORT_RULE}\n+90 212 555 01 23\n"
      f"https://dialin.teams.microsoft.com/a\n{_RULE}\nSonra çay.", "Gelin.\n\nSonra çay."),
     # no closing rule: the invitation runs to the end
     (f"Gelin.\n{_RULE}\nMicrosoft Teams\n{_SHORT_RULE}\nhttps://dialin.teams.microsoft.com/a",
      "Gelin.\n"),
     # a section of the organizer's own after Teams' stays
     (f"Gelin.\n{_RULE}\nMicrosoft Teams\n{_RULE}\nPankart getirin.\n{_RULE}\nÇay var.",
      f"Gelin.\n\nPankart getirin.\n{_RULE}\nÇay var."),
     # rules around words of the organizer's only: nothing to take out
     (f"Gelin.\n{_RULE}\nPankart getirin.\n{_RULE}",
      f"Gelin.\n{_RULE}\nPankart getirin.\n{_RULE}")],
)  # fmt: skip
def test_which_sections_between_rules_are_teams_invitation(text, kept):
    assert without_teams_block(text) == kept


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([_RULE, _SHORT_RULE, "Microsoft Teams", "Gelin.", "", "x"])))
def test_taking_teams_out_never_adds_a_line(lines):
    text = "\n".join(lines)
    left = without_teams_block(text)
    assert len(left) <= len(text)
    # What comes before the first rule is the organizer's, kept; after it, no Teams is left.
    first_rule = min((text.find(r) for r in (_RULE, _SHORT_RULE) if r in text), default=len(text))
    assert left.startswith(text[:first_rule])
    assert "Microsoft Teams" not in left[first_rule:]


def test_taking_out_many_teams_invitations_takes_no_longer_than_one_pass():
    text = f"{_RULE}\nMicrosoft Teams\n{_RULE}\nGelin.\n" * 3_000
    began = time.monotonic()
    assert without_teams_block(text) == "\nGelin.\n" * 3_000
    assert time.monotonic() - began < 2


# --- Apple Calendar ---------------------------------------------------------------------------

APPLE = "apple-calendar-alarms-zh.ics"


def test_apple_calendar_a_rally_in_taipei_and_a_talk_in_kaohsiung_by_apples_points():
    reading = read(APPLE)
    assert [row[:5] for row in shown_rows(reading)] == [
        ("暫停AI 凱道集會", datetime(2030, 4, 6, 14), datetime(2030, 4, 6, 16), "Asia/Taipei",
         "Taipei"),
        ("高雄 AI 風險講座", datetime(2030, 4, 18, 19), datetime(2030, 4, 18, 21), "Asia/Taipei",
         "Kaohsiung"),
    ]  # fmt: skip
    rally, talk = sorted(reading.entries, key=lambda e: e.record.starts_at)
    assert (rally.record.latitude, rally.record.longitude) == (25.0401, 121.5153)
    assert (talk.record.latitude, talk.record.longitude) == (22.6119, 120.3019)
    assert rally.url == "https://pauseai.example.tw/taipei"
    # The alarms' own texts ("提醒") and sounds are not the events'.
    assert talk.description == "免費入場，請先報名。" and rally.description == ""
    assert not warnings_of(reading)


# --- A CalDAV collection with tasks and a journal ---------------------------------------------

CALDAV = "caldav-collection-todo-journal-ro.ics"


def test_caldav_collection_only_its_events_are_imported_not_its_tasks_or_journal():
    reading = read(CALDAV)
    assert shown_rows(reading) == [
        ("Protest pentru oprirea cursei IA", datetime(2030, 3, 21, 17), datetime(2030, 3, 21, 19),
         "Europe/Bucharest", "Bucharest", "Piața Victoriei"),
        ("Atelier: riscurile inteligenței artificiale", datetime(2030, 4, 4, 18),
         datetime(2030, 4, 4, 20), "Europe/Bucharest", "Cluj-Napoca", "Piața Unirii"),
    ]  # fmt: skip
    # A task with a place and a start (painting banners) is work to do, not an event; nor is
    # the minutes of a meeting; neither is worth a warning.
    assert not warnings_of(reading)
    assert {e.uid for e in reading.entries} == {
        "protest-bucuresti-2030@pauseai.example.ro",
        "atelier-cluj-2030@pauseai.example.ro",
    }


def test_caldav_a_task_dropped_from_the_collection_calls_nothing_off():
    feed, _summary = sync(CALDAV)
    data = fixture(CALDAV)
    start = data.index(b"BEGIN:VTODO")
    fewer = data[:start] + data[data.index(b"END:VTODO\r\n") + len(b"END:VTODO\r\n") :]
    summary = sync_feed(feed=feed, now=NOW, fetch=lambda _url: fewer)
    assert "events cancelled" not in summary.counts
    assert LocalEvent.objects.filter(status=LocalEvent.Status.APPROVED).count() == 2


# --- Kalender.digital: X-WR-TIMEZONE and floating times ---------------------------------------

KALENDER = "kalender-digital-floating-th.ics"


def test_kalender_digital_floating_times_are_bangkoks_and_chiang_mais_clock():
    reading = read(KALENDER)
    assert [row for row in shown_rows(reading) if row[4]] == [
        ("ชุมนุมหยุดการแข่งขัน AI", datetime(2030, 3, 15, 16), datetime(2030, 3, 15, 18),
         "Asia/Bangkok", "Bangkok", "อนุสาวรีย์ประชาธิปไตย, ถนนราชดำเนินกลาง"),
        ("เสวนาความเสี่ยงของ AI ที่เชียงใหม่", datetime(2030, 4, 5, 10), datetime(2030, 4, 5, 12),
         "Asia/Bangkok", "Chiang Mai", "ประตูท่าแพ"),
    ]  # fmt: skip
    rally = only(reading, "ชุมนุมหยุดการแข่งขัน AI")
    # 16:00 in Bangkok (UTC+7) is 09:00 UTC.
    assert rally.record.starts_at.astimezone(UTC) == datetime(2030, 3, 15, 9, tzinfo=UTC)


def test_kalender_digital_an_online_meeting_is_read_in_the_calendars_zone_and_told():
    reading = read(KALENDER)
    online = only(reading, "ประชุมออนไลน์อาสาสมัคร")
    assert online.is_online and online.meeting_url == "https://meet.jit.si/pauseai-thailand"
    assert online.record.starts_at.astimezone(UTC) == datetime(2030, 3, 20, 12, 30, tzinfo=UTC)
    (told,) = warnings_of(reading)
    assert "ประชุมออนไลน์อาสาสมัคร" in told and "Asia/Bangkok" in told


# --- TimeTree ---------------------------------------------------------------------------------

TIMETREE = "timetree-shared-ja.ics"


def test_timetree_a_standing_in_shinjuku_and_a_whole_day_in_osaka():
    reading = read(TIMETREE)
    assert shown_rows(reading) == [
        ("AI開発の一時停止を求めるスタンディング", datetime(2030, 3, 23, 13),
         datetime(2030, 3, 23, 15), "Asia/Tokyo", "Tokyo", "新宿駅東口, 東京都新宿区新宿3丁目"),
        ("大阪 街頭チラシ配り（終日）", datetime(2030, 4, 12), datetime(2030, 4, 12, 23, 59),
         "Asia/Tokyo", "Osaka", "大阪市北区梅田"),
    ]  # fmt: skip
    standing = only(reading, "AI開発の一時停止を求めるスタンディング")
    assert standing.description == "プラカードを持って集まりましょう。\n雨天決行。"
    assert standing.sequence == 2
    assert not warnings_of(reading)


# --- Two Google exports glued together --------------------------------------------------------

GLUED = "concatenated-webcal-tr-ar.ics"


def test_glued_calendars_each_read_its_floating_times_in_its_own_zone():
    reading = read(GLUED)
    assert [row[:5] for row in shown_rows(reading)] == [
        ("Yapay zekâ riskleri üzerine söyleşi", datetime(2030, 3, 15, 14),
         datetime(2030, 3, 15, 16), "Europe/Istanbul", "Ankara"),
        ("Çevrim içi gönüllü toplantısı", datetime(2030, 3, 18, 20), datetime(2030, 3, 18, 21),
         "Europe/Istanbul", ""),
        ("وقفة من أجل إيقاف سباق الذكاء الاصطناعي", datetime(2030, 3, 22, 18),
         datetime(2030, 3, 22, 20), "Asia/Dubai", "Dubai"),
        ("لقاء تعارف عبر الإنترنت", datetime(2030, 3, 25, 21), datetime(2030, 3, 25, 22),
         "Asia/Dubai", ""),
    ]  # fmt: skip
    # Both online meetings are at 17:00 UTC: 20:00 in Istanbul, 21:00 in Dubai.
    online = sorted((e for e in reading.entries if e.is_online), key=lambda e: e.record.starts_at)
    assert [e.record.starts_at.astimezone(UTC).hour for e in online] == [17, 17]


def test_glued_calendars_the_second_ones_head_lines_are_not_the_calendars():
    lines = as_one_calendar(fixture(GLUED).split(b"\r\n"))
    assert lines.count(b"BEGIN:VCALENDAR") == 1 and lines.count(b"END:VCALENDAR") == 1
    assert [line for line in lines if line.startswith(b"X-WR-")] == [
        b"X-WR-CALNAME:PauseAI T\xc3\xbcrkiye",
        b"X-WR-TIMEZONE:Europe/Istanbul",
    ]
    assert b"DTSTART;TZID=Asia/Dubai:20300325T210000" in lines
    assert b"DTSTART:20300318T200000" in lines  # the first's floating times stay as written


def test_a_glued_calendar_without_its_own_zone_is_read_in_the_firsts():
    first = calendar(
        vevent("tr@x", "SUMMARY:Toplantı", "DTSTART:20300318T200000", "DTEND:20300318T210000",
               location="https://meet.jit.si/tr"),
        head="X-WR-TIMEZONE:Europe/Istanbul",
    )  # fmt: skip
    second = calendar(
        vevent("ae@x", "SUMMARY:لقاء", "DTSTART:20300325T210000", "DTEND:20300325T220000",
               location="https://meet.jit.si/ae"),
    )  # fmt: skip
    reading = read("g", first + b"\r\n" + second)
    assert {e.record.timezone for e in reading.entries} == {"Europe/Istanbul"}


def test_a_glued_calendars_zone_rules_keep_their_floating_times():
    # A VTIMEZONE's own DTSTARTs are floating by design; they are never given a TZID.
    zone = ("BEGIN:VTIMEZONE\nTZID:Asia/Dubai\nBEGIN:STANDARD\nDTSTART:19700101T000000\n"
            "TZOFFSETFROM:+0400\nTZOFFSETTO:+0400\nEND:STANDARD\nEND:VTIMEZONE")  # fmt: skip
    second = calendar(
        vevent("ae@x", "SUMMARY:لقاء", "DTSTART:20300325T210000", "DTEND:20300325T220000",
               location="https://meet.jit.si/ae"),
        head="X-WR-TIMEZONE:Asia/Dubai\n" + zone,
    )  # fmt: skip
    first = calendar(head="X-WR-TIMEZONE:Europe/Istanbul")
    lines = as_one_calendar((first + b"\r\n" + second).split(b"\r\n"))
    assert b"DTSTART:19700101T000000" in lines
    (meeting,) = read("g", first + b"\r\n" + second).entries
    assert meeting.record.starts_at.astimezone(UTC) == datetime(2030, 3, 25, 17, tzinfo=UTC)


def test_a_line_given_twice_is_named_by_its_text_in_a_warning():
    twice = vevent("t@x", "SUMMARY:Toplantı", "SUMMARY:Toplantı", "DTSTART:20300318T200000",
                   "DTEND:20300318T210000", location="https://meet.jit.si/tr")  # fmt: skip
    (told,) = warnings_of(read("t", calendar(twice)))
    assert "“Toplantı”" in told and "vText" not in told
    assert [e.title for e in titled(read("t", calendar(twice)), "Toplantı")] == ["Toplantı"]
