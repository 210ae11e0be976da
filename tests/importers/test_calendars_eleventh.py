"""Calendars from programs nobody here tested, eleventh round: Fastmail's Cyrus server (RFC
7529's RSCALE=GREGORIAN with SKIP=BACKWARD and SKIP=FORWARD: the 31st, the 30th and 29
February in months and years without them), iCloud (a yearly rule on the Chinese calendar,
Traditional Chinese, a Gregorian RSCALE, Apple's structured location), pretix (vobject's
VTIMEZONE, sub-events whose LOCATION spans lines, "Tickets:" links, whole days with an
inclusive end made exclusive), Yandex Calendar (Russian, tzurl.org's VTIMEZONEs of RDATEs
alone with offsets in seconds, an EXDATE, a Telemost call moved by RECURRENCE-ID), Outlook with
zones half or three quarters of an hour off (Iran, Nepal, Newfoundland across its change to
summer time, Adelaide across its change back; Persian, Nepali, English) and Emacs' Org mode
(X-WR-TIMEZONE written as the season's abbreviation "EST", floating times, LF endings folded by
characters, "S: " before a scheduled entry, links in angle brackets), calcurse (Spanish and
Catalan: LF, lines never folded, no UID, floating times, "+1TU", an EXDATE;VALUE=DATE written
as a date-time) and Horde's Kronolith (Vienna: UTC times, LF lines folded at a space, DTSTAMP
as a day, a private entry).

Damaged versions are in test_calendars_eleventh_damaged.py; the fixtures in fixtures/calendars11/.
"""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Event

from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed
from turnout.importers.calendar_scales import other_scale_rules, with_gregorian_rules
from turnout.importers.calendar_signup_pages import labelled_signup_page
from turnout.importers.calendar_zones import names_only_a_season
from turnout.importers.models import ImportedEvent

from .calendar_builders import CalendarFolder, calendar, only, titled, vevent, warnings_of
from .calendar_builders import shown as shown_rows

pytestmark = pytest.mark.django_db

FOLDER = CalendarFolder("calendars11")
FIXTURES, NOW, fixture, read = FOLDER.path, FOLDER.now, FOLDER.fixture, FOLDER.read


def days_of(entries) -> list[tuple[int, int]]:
    return [(e.record.starts_at.month, e.record.starts_at.day) for e in entries]


def utc_times(entries) -> list[str]:
    return [e.record.starts_at.astimezone(UTC).strftime("%m-%d %H:%M") for e in entries]


# --- Rules of RFC 7529: RSCALE and SKIP ------------------------------------------------------

VIGIL = "Month's-end vigil at Parliament Square"
LEAFLETS = "Leafleting at Piccadilly Gardens"


def test_fastmail_a_monthly_vigil_on_the_31st_falls_back_to_each_short_months_last_day():
    reading = read("fastmail-rscale-skip-en.ics")
    vigils = titled(reading, VIGIL)
    # SKIP=BACKWARD: February's 28th, April's and June's 30th; six in all (COUNT=6).
    assert days_of(vigils) == [(1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30)]
    # 18:00 in London: 18:00 UTC in winter, 17:00 UTC from 31 March.
    assert [t[-5:] for t in utc_times(vigils)] == ["18:00"] * 2 + ["17:00"] * 4
    assert {(e.record.city, e.record.venue) for e in vigils} == {("London", "Parliament Square")}
    assert not warnings_of(reading)


def test_fastmail_leaflets_on_the_30th_move_forward_to_the_1st_after_a_short_month():
    reading = read("fastmail-rscale-skip-en.ics")
    # SKIP=FORWARD: February has no 30th, so 1 March, and 30 March as well; UNTIL ends June.
    assert days_of(titled(reading, LEAFLETS)) == [(1, 30), (3, 1), (3, 30), (4, 30), (5, 30),
                                                  (6, 30)]  # fmt: skip
    # Each keeps its own identity: a later sync finds the same events.
    assert len({e.recurrence_id for e in titled(reading, LEAFLETS)}) == 6


def test_fastmail_a_leap_day_stall_is_on_the_first_of_march_in_other_years():
    reading = read("fastmail-rscale-skip-en.ics")
    stalls = titled(reading, "Leap-day street stall on the Mound")
    assert {e.record.day for e in stalls} >= {date(2030, 3, 1), date(2031, 3, 1)}
    assert all(e.record.day.month == 3 and e.record.day.day == 1 for e in stalls)
    assert {e.record.city for e in stalls} == {"Edinburgh"}


def test_fastmail_a_gregorian_rscale_without_skip_is_an_ordinary_weekly_call():
    calls = titled(read("fastmail-rscale-skip-en.ics"), "Organisers' call")
    assert days_of(calls) == [(3, 4), (3, 11), (3, 18)]
    assert all(e.is_online and e.meeting_url.startswith("https://meet.jit.si/") for e in calls)


def test_a_fastmail_feed_synced_twice_keeps_the_same_events():
    feed = register_feed(url="https://user.fm/calendar/pauseai-uk.ics", campaign=None)
    for _sync in range(2):
        sync_feed(feed=feed, now=NOW, fetch=lambda _url: fixture("fastmail-rscale-skip-en.ics"))
    assert LocalEvent.objects.count() == ImportedEvent.objects.count()
    assert LocalEvent.objects.filter(title=LEAFLETS).count() == 6
    assert not LocalEvent.objects.filter(status=LocalEvent.Status.CANCELLED).exists()


MOON_FESTIVAL = "中秋節 河濱連署活動"


def test_icloud_a_rule_of_the_chinese_calendar_keeps_its_first_date_and_says_so():
    reading = read("icloud-rscale-lunar-zh.ics")
    (festival,) = titled(reading, MOON_FESTIVAL)
    assert (festival.record.day, festival.record.city) == (date(2030, 9, 12), "Kaohsiung")
    (told,) = warnings_of(reading)
    assert MOON_FESTIVAL in told and "CHINESE" in told and "only its first date" in told
    # A Gregorian RSCALE is the ordinary calendar: every Saturday of four.
    reading_group = titled(reading, "讀書會：《AI 安全導論》")
    assert days_of(reading_group) == [(3, 9), (3, 16), (3, 23), (3, 30)]
    assert {e.url for e in reading_group} == {"https://forms.example.tw/pauseai-reading"}
    assert utc_times(reading_group)[0] == "03-09 06:00"  # 14:00 in Taipei


def test_icloud_a_taiwanese_address_on_two_lines_is_placed_by_apples_structured_location():
    sit_in = only(read("icloud-rscale-lunar-zh.ics"), "自由廣場靜坐")
    assert (sit_in.record.city, sit_in.record.timezone) == ("Taipei", "Asia/Taipei")
    assert sit_in.record.latitude == pytest.approx(25.034542)


@pytest.mark.xfail(
    strict=True,
    reason="places: '中正紀念堂\\n100台灣台北市中正區…' (a venue, then a postcode glued to "
    "'台灣台北市') names no country to the place reader without Apple's coordinates",
)
def test_a_taiwanese_address_on_two_lines_is_placed_without_coordinates():
    data = fixture("icloud-rscale-lunar-zh.ics")
    start = data.index(b"X-APPLE-STRUCTURED-LOCATION")
    end = data.index(b"SUMMARY:\xe8\x87\xaa")  # 自由廣場靜坐
    sit_in = only(read("z", data[:start] + data[end:]), "自由廣場靜坐")
    assert sit_in.record.city == "Taipei"


@pytest.mark.parametrize(
    ("rule", "start", "dates"),
    [("RSCALE=GREGORIAN;FREQ=MONTHLY;COUNT=4;SKIP=BACKWARD", "20300131T180000",
      [(1, 31), (2, 28), (3, 31), (4, 30)]),
     ("RSCALE=GREGORIAN;FREQ=MONTHLY;COUNT=4;SKIP=FORWARD", "20300131T180000",
      [(1, 31), (3, 1), (3, 31), (5, 1)]),
     # OMIT is what RFC 5545 does: months without a 31st have none.
     ("RSCALE=GREGORIAN;FREQ=MONTHLY;COUNT=4;SKIP=OMIT", "20300131T180000",
      [(1, 31), (3, 31), (5, 31), (7, 31)]),
     ("RSCALE=GREGORIAN;FREQ=MONTHLY;BYMONTHDAY=30;COUNT=3;SKIP=BACKWARD", "20300130T090000",
      [(1, 30), (2, 28), (3, 30)]),
     # The 15th is in every month: SKIP changes nothing.
     ("RSCALE=GREGORIAN;FREQ=MONTHLY;COUNT=3;SKIP=FORWARD", "20300115T090000",
      [(1, 15), (2, 15), (3, 15)]),
     # Within the year before and after 1 March 2030 that is read.
     ("RSCALE=gregorian;FREQ=YEARLY;SKIP=BACKWARD", "20280229T090000", [(2, 28), (2, 28)]),
     ("RSCALE=GREGORIAN;FREQ=YEARLY;BYMONTH=2;SKIP=FORWARD", "20280229T090000",
      [(3, 1), (3, 1)])],
)  # fmt: skip
def test_a_gregorian_rule_with_skip_gives_the_dates_rfc_7529_means(rule, start, dates):
    entry = vevent("skip@x", "SUMMARY:Vigil", f"DTSTART;TZID=Europe/Amsterdam:{start}",
                   "DURATION:PT1H", f"RRULE:{rule}")  # fmt: skip
    reading = read("s", calendar(entry))
    assert [(d.month, d.day) for d in sorted(e.record.day for e in reading.entries)] == dates
    assert not warnings_of(reading)


def test_a_rule_of_another_calendar_is_named_and_left_out_of_the_expansion():
    event = Event.from_ical(
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20300912\r\n"
        "RRULE:RSCALE=HEBREW;FREQ=YEARLY;BYMONTH=5L;BYMONTHDAY=8\r\nEND:VEVENT"
    )
    ((rule, scale),) = other_scale_rules([event])
    assert scale == "HEBREW" and "BYMONTH=5L" in rule
    assert (
        with_gregorian_rules(event, since=datetime(2030, 1, 1), until=datetime(2040, 1, 1)).get(
            "RRULE"
        )
        is None
    )


_PARTS = st.sampled_from(
    ["RSCALE=GREGORIAN", "RSCALE=CHINESE", "RSCALE=", "SKIP=BACKWARD", "SKIP=FORWARD",
     "SKIP=OMIT", "FREQ=MONTHLY", "FREQ=YEARLY", "FREQ=WEEKLY", "BYMONTHDAY=31",
     "BYMONTHDAY=29,30", "BYMONTHDAY=-1", "BYMONTH=2", "BYMONTH=2,4", "BYDAY=MO", "COUNT=5",
     "COUNT=1000000", "UNTIL=20310101T000000Z", "UNTIL=20310101", "INTERVAL=2", "BYSETPOS=-1"]
)  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(_PARTS, min_size=1, max_size=6), st.sampled_from(
    [datetime(2030, 1, 31, 18), datetime(2028, 2, 29), date(2030, 1, 30),
     datetime(2030, 1, 31, 18, tzinfo=UTC)]))  # fmt: skip
def test_no_rule_of_these_parts_crashes_the_scales_or_writes_out_too_many_dates(parts, start):
    try:
        event = Event.from_ical(f"BEGIN:VEVENT\r\nRRULE:{';'.join(parts)}\r\nEND:VEVENT")
    except ValueError:
        return  # the parser refuses it: the reader reports it in words
    event.add("DTSTART", start)
    made = with_gregorian_rules(
        event, since=datetime(2029, 3, 1, tzinfo=UTC), until=datetime(2031, 3, 1, tzinfo=UTC)
    )
    added = made.get("RDATE")
    assert added is None or len(added.dts) <= 500
    assert isinstance(other_scale_rules([event]), list)


# --- pretix ------------------------------------------------------------------------------------


def test_pretix_sub_events_with_addresses_on_lines_and_their_ticket_pages():
    reading = read("pretix-subevents-de.ics")
    assert shown_rows(reading) == [
        ("Aktionstag KI-Pause – Berlin", datetime(2030, 3, 16, 14), datetime(2030, 3, 16, 16),
         "Europe/Berlin", "Berlin", "Rotes Rathaus, Rathausstraße 15"),
        ("Aktionstag KI-Pause – Hamburg", datetime(2030, 3, 16, 15), datetime(2030, 3, 16, 17),
         "Europe/Berlin", "Hamburg", "Jungfernstieg"),
        ("Aktionstag KI-Pause – Köln (verschoben auf den 30. März)", datetime(2030, 3, 30, 12),
         datetime(2030, 3, 30, 14), "Europe/Berlin", "Cologne", "Heumarkt"),
        # pretix's last day is inclusive and its DTEND one day later: Friday to Sunday.
        ("Aktionswerkstatt: Kampagnen planen", datetime(2030, 4, 12),
         datetime(2030, 4, 14, 23, 59), "Europe/Berlin", "Cologne",
         "Jugendherberge Köln-Deutz, Siegesstraße 5"),
    ]  # fmt: skip
    berlin = only(reading, "Aktionstag KI-Pause – Berlin")
    assert berlin.url == "https://pretix.eu/pauseai/aktionstag/2031/"
    assert "Einlass: 16.03.30 13:30" in berlin.description
    assert not warnings_of(reading)


# --- Yandex ------------------------------------------------------------------------------------


def test_yandex_zones_given_by_tzurl_histories_of_rdates_alone():
    reading = read("yandex-tzurl-history-ru.ics")
    picket = only(reading, "Пикет за паузу в разработке сверхмощного ИИ")
    # 13:00 in Moscow is 10:00 UTC: its VTIMEZONE's offsets in seconds (+023017) harm nothing.
    assert picket.record.starts_at == datetime(2030, 3, 16, 10, tzinfo=UTC)
    assert (picket.record.city, picket.record.timezone) == ("Moscow", "Europe/Moscow")
    assert picket.url == "https://forms.yandex.ru/u/65f1c0d2e4b0a1f2c3d4e5f6/"
    lecture = only(reading, "Лекция «Риски ИИ: что говорят учёные»")
    # Novosibirsk has kept +07 since July 2016: 19:00 is 12:00 UTC.
    assert lecture.record.starts_at == datetime(2030, 3, 21, 12, tzinfo=UTC)
    assert lecture.url == "https://pauseai.example.ru/nsk"
    leaflets = titled(reading, "Раздача листовок у метро «Китай-город»")
    assert days_of(leaflets) == [(3, 9), (3, 23), (3, 30)]  # 16 March excluded
    assert {e.record.city for e in leaflets} == {"Moscow"}


@pytest.mark.xfail(
    strict=True,
    reason="places: Yandex writes addresses country first ('Россия, Москва, Пушкинская "
    "площадь') and cities before streets ('Новосибирск, Красный проспект, 1'); the place "
    "reader keeps the city and drops the venue",
)
def test_yandex_addresses_written_country_first_keep_their_venue():
    reading = read("yandex-tzurl-history-ru.ics")
    assert only(reading, "Пикет за паузу в разработке сверхмощного ИИ").record.venue == (
        "Пушкинская площадь"
    )
    lecture = only(reading, "Лекция «Риски ИИ: что говорят учёные»")
    assert lecture.record.venue == "Красный проспект, 1"


def test_yandex_a_telemost_call_moved_by_recurrence_id_is_imported_online():
    reading = read("yandex-tzurl-history-ru.ics")
    calls = [e for e in reading.entries if e.title.startswith("Созвон координаторов")]
    assert days_of(calls) == [(3, 5), (3, 20), (4, 2), (4, 16), (4, 30)]
    assert all(e.is_online and "telemost.yandex.ru/j/" in e.meeting_url for e in calls)


# --- Zones half and three quarters of an hour off --------------------------------------------


def test_outlook_zones_of_half_and_three_quarter_hours_and_their_changes():
    reading = read("outlook-half-hour-zones-fa-ne-en.ics")
    moments = {e.title: (e.record.timezone, e.record.city) for e in reading.entries}
    assert moments == {
        "نشست گفت‌وگو درباره ایمنی هوش مصنوعی": ("Asia/Tehran", "Tehran"),
        "एआई सुरक्षाबारे खुला छलफल": ("Asia/Kathmandu", "Kathmandu"),
        "Rally for a pause on frontier AI": ("America/St_Johns", "St. John's"),
        "Reading group: AI safety": ("Australia/Adelaide", "Adelaide"),
    }
    # 17:00 in Tehran (+03:30, no summer time), 15:00 in Kathmandu (+05:45), 13:00 in
    # St. John's after 10 March (-02:30).
    assert utc_times(reading.entries[:3]) == ["03-16 13:30", "03-23 09:15", "03-16 15:30"]
    # 18:00 in Adelaide: +10:30 until 7 April, +09:30 after.
    group = titled(reading, "Reading group: AI safety")
    assert utc_times(group) == ["03-28 07:30", "04-04 07:30", "04-11 08:30"]
    urls = [e.url for e in reading.entries[:3]]
    assert urls == ["https://pauseai.example.ir/tehran", "https://pauseai.example.org/np/kathmandu",
                    "https://pauseai.example.ca/stjohns"]  # fmt: skip
    assert not warnings_of(reading)


# --- Emacs' Org mode ---------------------------------------------------------------------------


def test_org_mode_an_abbreviation_as_the_zone_is_the_clock_of_new_york_all_year():
    data = fixture("orgmode-abbreviated-zone-en.ics")
    assert b"\r\n" not in data and b"X-WR-TIMEZONE:EST\n" in data
    reading = read("orgmode-abbreviated-zone-en.ics", data)
    rally = only(reading, "Rally at Union Square: pause frontier AI")
    # Noon in New York on 16 March is EDT, 16:00 UTC: not the fixed -05:00 IANA calls EST.
    assert rally.record.starts_at == datetime(2030, 3, 16, 16, tzinfo=UTC)
    assert rally.url == "https://pauseai.example.us/nyc-rally"
    nights = titled(reading, "Letter-writing night")  # without Org's "S: "
    assert utc_times(nights[:3]) == ["03-05 23:30", "03-19 22:30", "04-02 22:30"]
    assert {e.record.venue for e in nights} == {"Brooklyn Public Library, 10 Grand Army Plaza"}
    tabling = only(reading, "Tabling at the Queens Museum")
    assert tabling.url == "https://pauseai.example.us/queens-tabling"
    assert not warnings_of(reading)


@pytest.mark.parametrize(
    ("written", "zone", "utc"),
    [("EST", "America/New_York", "06-15 23:00"), ("EDT", "America/New_York", "06-15 23:00"),
     ("CEST", "Europe/Berlin", "06-15 17:00"), ("AEDT", "Australia/Sydney", "06-15 09:00"),
     ("Europe/Lisbon", "Europe/Lisbon", "06-15 18:00")],
)  # fmt: skip
def test_an_online_call_of_a_feed_that_names_its_zone_by_abbreviation(written, zone, utc):
    times = ("DTSTART:20300615T190000", "DTEND:20300615T200000")
    call = vevent("TS1-call", "SUMMARY:Organisers' call", *times, location="https://meet.jit.si/x")
    (entry,) = read("a", calendar(call, head=f"X-WR-TIMEZONE:{written}")).entries
    # Nothing places it: 19:00 on the clock the abbreviation's people keep, summer or not.
    assert (entry.record.timezone, utc_times([entry])) == (zone, [utc])


@pytest.mark.parametrize(
    ("zone", "is_abbreviation"),
    [("EST", True), ("CEST", True), ("AEDT", True), ("MSK", True), ("UTC", False),
     ("GMT", False), ("Europe/Berlin", False), ("W. Europe Standard Time", False), ("", False),
     ("est", False)],
)  # fmt: skip
def test_which_calendar_zones_name_only_a_season(zone, is_abbreviation):
    assert names_only_a_season(zone) == is_abbreviation


@pytest.mark.parametrize(
    ("text", "url"),
    [("RSVP: <https://pauseai.example.us/nyc>", "https://pauseai.example.us/nyc"),
     ("برای ثبت‌نام: https://x.example.ir/t", "https://x.example.ir/t"),
     ("ثبت نام https://x.example.ir/t", "https://x.example.ir/t"),
     ("दर्ता: https://x.example.org/np", "https://x.example.org/np"),
     ("Регистрация участников: https://forms.example.ru/u/1/", "https://forms.example.ru/u/1/"),
     ("Ссылка на встречу: https://telemost.yandex.ru/j/1", "")],
)  # fmt: skip
def test_signup_words_of_this_rounds_languages_introduce_the_page(text, url):
    assert labelled_signup_page(text) == url


# --- calcurse, Horde -------------------------------------------------------------------------

CALCURSE = "calcurse-floating-no-uid-es.ics"


def test_calcurse_floating_times_without_uids_and_its_own_kind_of_exclusion():
    data = fixture(CALCURSE)
    assert b"UID:" not in data and b"\r" not in data and max(map(len, data.split(b"\n"))) > 75
    reading = read(CALCURSE, data)
    # An EXDATE;VALUE=DATE written as a date-time still excludes its day (16 March).
    assert days_of(titled(reading, "Mesa informativa en la Rambla")) == [(3, 2), (3, 9), (3, 23),
                                                                       (3, 30)]  # fmt: skip
    assembly = titled(reading, "Asamblea mensual")
    # The first Tuesday ("+1TU") at 18:30 in Barcelona, but May's; until 2 July.
    assert days_of(assembly) == [(3, 5), (4, 2), (6, 4), (7, 2)]
    assert utc_times(assembly) == ["03-05 17:30", "04-02 16:30", "06-04 16:30", "07-02 16:30"]
    assert {e.url for e in assembly} == {"https://pausaia.example.es/asamblea"}
    talk = only(reading, "Xerrada: Per què cal pausar la IA?")
    assert (talk.record.city, talk.record.venue) == (
        "Barcelona",
        "Biblioteca Sant Pau - Santa Creu, Carrer de l'Hospital 56",
    )
    assert utc_times([talk]) == ["03-21 18:00"]  # DURATION:P0DT1H30M0S
    assert "Imprimir carteles para la jornada" not in {e.title for e in reading.entries}
    assert not warnings_of(reading)


def test_a_calcurse_feed_without_uids_synced_twice_doubles_nothing():
    feed = register_feed(url="https://home.example.es/calcurse.ics", campaign=None)
    for _sync in range(2):
        sync_feed(feed=feed, now=NOW, fetch=lambda _url: fixture(CALCURSE))
    assert LocalEvent.objects.count() == ImportedEvent.objects.count() == 10
    assert not LocalEvent.objects.filter(status=LocalEvent.Status.CANCELLED).exists()


def test_horde_utc_times_a_fortnightly_series_in_vienna_and_a_private_entry():
    reading = read("horde-kronolith-de-at.ics")
    vigil = only(reading, "Mahnwache am Ballhausplatz")
    # 16:00 UTC is 17:00 in Vienna in March.
    assert (vigil.record.city, vigil.record.timezone) == ("Vienna", "Europe/Vienna")
    assert vigil.record.starts_at == datetime(2030, 3, 14, 16, tzinfo=UTC)
    # Folded at a space: the space stays, once.
    assert "Kerzen und Transparenten" in vigil.description
    assert vigil.url == "https://pauseki.example.at/mahnwache"
    meetings = titled(reading, "Offenes Treffen im Kaffeehaus")
    assert days_of(meetings) == [(3, 6), (4, 3), (4, 17), (5, 1)]  # 20 March excluded
    assert {e.record.starts_at.astimezone(meetings[0].record.starts_at.tzinfo).hour
            for e in meetings} == {19}  # fmt: skip
    assert (
        meetings[0].description
        == "Jeden zweiten Mittwoch. Neue Gesichter sind herzlich willkommen!"
    )
    (told,) = warnings_of(reading)
    assert "Vorbereitungstreffen (intern)" in told and "CLASS:PRIVATE" in told
