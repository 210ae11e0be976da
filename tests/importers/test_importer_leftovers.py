"""The importers' leftovers, read from inputs written the way people write them: a venue in a
sentence that repeats its city, short pages in many languages, vCalendar 1.0's own clock (TZ,
DAYLIGHT), Outlook's customized zones with no country, repeat rules that never happen, and a
group's regular meeting told in words.
"""

import time as clock
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.groups.models import Group
from turnout.importers.calendar_feeds import read_calendar
from turnout.importers.meeting_rules import MeetingAmbiguous, read_meeting_rule
from turnout.importers.page_language import guess_language
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.recurrence import import_window
from turnout.importers.rule_years import happens_in_some_year
from turnout.importers.services import write_markdown_plan
from turnout.importers.vcal_offsets import file_clock
from turnout.importers.venue_cities import venue_without_city
from turnout.meetups.models import MeetupSeries

from .calendar_builders import calendar, vevent

FIXTURES = Path(__file__).parent / "fixtures" / "leftovers"
NOW = datetime(2026, 3, 1, 9, tzinfo=UTC)
WINDOW = import_window(now=NOW, horizon_days=400, history_days=10)


def page(body: str, *, title: str = "Klimaat") -> str:
    return f"---\ntitle: {title}\n---\n\n{body}\n"


def only_event(text: str) -> tuple[str, str]:
    (campaign,) = read_markdown_page(text, name="p.md").campaigns
    (event,) = campaign.events
    return event.city, event.venue


# --- 1. a venue in prose keeps no city -------------------------------------------------------


@pytest.mark.parametrize(
    "body, city, venue",
    [
        ("On Saturday 14 March 2026 at 14:00 we meet at the Dam, Amsterdam.", "Amsterdam", "Dam"),
        (
            "Zaterdag 14 maart 2026 om 14:00 verzamelen we op de Dam, Amsterdam.",
            "Amsterdam",
            "Dam",
        ),
        (
            "Am Samstag, 14. März 2026 um 14 Uhr. Treffpunkt: Marienplatz, München.",
            "Munich",
            "Marienplatz",
        ),
        (
            "Samedi 14 mars 2026 à 14h, rendez-vous place de la République à Lyon.",
            "Lyon",
            "place de la République",
        ),
        (
            "Rendez-vous samedi 14 mars 2026 à 14h, place de la République, Lyon.",
            "Lyon",
            "place de la République",
        ),
        (
            "El sábado 14 de marzo de 2026 a las 12:00 nos vemos en la Puerta del Sol, Madrid.",
            "Madrid",
            "Puerta del Sol",
        ),
        (
            "On Saturday 14 March 2026 at 14:00 we rally at Parliament Square, London.",
            "London",
            "Parliament Square",
        ),
        (
            "**When:** Saturday 14 March 2026, 14:00\n**Where:** Marienplatz, 80331 München",
            "Munich",
            "Marienplatz",
        ),
    ],
)
def test_a_prose_venue_does_not_repeat_its_city(body, city, venue):
    assert only_event(page(body)) == (city, venue)


def test_a_city_bullet_whose_venue_ends_with_the_city_in_another_spelling():
    text = (
        "---\ntitle: Day of action – 14 March 2026\n---\n\n## Locations\n\n"
        "- Munich: Marienplatz, München, 14:00\n- Amsterdam – Dam, Amsterdam, 14:00\n"
    )
    (campaign,) = read_markdown_page(text, name="b.md").campaigns
    assert [(e.city, e.venue) for e in campaign.events] == [
        ("Munich", "Marienplatz"),
        ("Amsterdam", "Dam"),
    ]


@pytest.mark.parametrize(
    "venue, city, country, kept",
    [
        ("Dam, Amsterdam", "Amsterdam", "NL", "Dam"),
        ("Marienplatz, München", "Munich", "DE", "Marienplatz"),
        ("Marienplatz in München", "Munich", "DE", "Marienplatz"),
        ("Domplatte, Köln, Deutschland", "Cologne", "DE", "Domplatte"),
        ("place Bellecour à Lyon", "Lyon", "FR", "place Bellecour"),
        ("Plaza Mayor en Madrid", "Madrid", "ES", "Plaza Mayor"),
        ("Neude, 3512 AG Utrecht", "Utrecht", "NL", "Neude"),
        ("Museum in the Park, Amsterdam", "Amsterdam", "NL", "Museum in the Park"),
        # Only the city: kept, or the page would show no place at all.
        ("Amsterdam", "Amsterdam", "NL", "Amsterdam"),
        # Another city at the end is a venue's own part ("Rathausplatz, Augsburg").
        ("Rathausplatz, Augsburg", "Munich", "DE", "Rathausplatz, Augsburg"),
        ("Station Amsterdam Centraal", "Amsterdam", "NL", "Station Amsterdam Centraal"),
    ],
)
def test_venue_without_its_city(venue, city, country, kept):
    assert venue_without_city(venue, city=city, country=country) == kept


def test_an_hour_or_a_weekday_in_the_sentence_is_no_venue():
    city, venue = only_event(
        page("On Saturday 14 March 2026 at 14:00 we gather in front of Cologne Cathedral, Köln.")
    )
    assert (city, venue) == ("Cologne", "Cologne Cathedral")


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=120), st.sampled_from(["Amsterdam", "Munich", "Lyon", "Madrid"]))
def test_venue_without_city_only_ever_shortens_the_venue(venue, city):
    kept = venue_without_city(venue, city=city, country="NL")
    assert venue.strip(" ,").startswith(kept)


# --- 2. the language of a short page ---------------------------------------------------------


@pytest.mark.parametrize(
    "language, text",
    [
        ("es", "Marcha climática\n\nSábado 14 de marzo, 19:00, Plaza Mayor"),
        ("es", "Protesta frente al Congreso\n\nMartes 10 de marzo, 12:00."),
        ("es", "Huelga por el clima\n\n14 de marzo de 2026, 12:00 h, Madrid."),
        ("pt", "Greve climática\n\n14 de março de 2026, 15h, Porto."),
        ("pt", "Vigília em Braga\n\nSexta-feira, 8 de outubro, às 21h, na Praça da República."),
        ("ca", "Vaga pel clima\n\n14 de març de 2026, a les 12 h, Girona."),
        ("pl", "Strajk klimatyczny\n\n14 marca 2026, godz. 12, Kraków."),
        ("sv", "Klimatstrejk\n\n14 mars 2026 kl. 12, Göteborg."),
        ("sv", "Klimatmarsch\n\nLördag 14 mars kl. 12.00 vid Mynttorget."),
        ("de", "Lichterkette in Leipzig\n\nDonnerstag, 8. Oktober, 18 Uhr, Augustusplatz."),
        ("fr", "Chaîne humaine à Lille\n\nJeudi 8 octobre, 18 h, Grand-Place."),
        ("nl", "Klimaatstaking\n\n14 maart 2026, 12 uur, Utrecht."),
        ("en", "Vigil in Bristol\n\nThursday 8 October, 6pm, College Green."),
    ],
)
def test_a_short_page_gets_its_language(language, text):
    assert guess_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Our march starts on Saturday at noon. We walk from Plaza de Cataluña to the harbour and"
        " then along the seafront, where the speakers will be waiting for everyone who joins."
        " Please bring water, a hat and your friends, and tell them about this day.",
        "We meet at the Marienplatz in München at two in the afternoon and then walk to the"
        " Odeonsplatz, where there will be speeches and music for everyone. Bring your friends,"
        " your family and your neighbours; this is a peaceful march for the climate.",
        "Climate strike\n\nSaturday 14 March, noon, Praça do Comércio, Lisbon.",
    ],
)
def test_an_english_page_with_a_foreign_place_stays_english(text):
    assert guess_language(text) == "en"


def test_a_square_named_in_a_list_decides_nothing():
    assert guess_language("Sevilla — Plaza Nueva\nPorto — Praça da Liberdade") is None


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_guess_language_reads_any_text(text):
    assert guess_language(text) in {
        None,
        "en",
        "nl",
        "de",
        "fr",
        "es",
        "ca",
        "it",
        "pt",
        "sv",
        "pl",
        "da",
        "fi",
        "cs",
        "tr",
        # Told by their script.
        "el",
        "uk",
        "ru",
        "ja",
        "ko",
        "he",
        "ar",
        "fa",
        "hi",
        "th",
    }


# --- 3. vCalendar 1.0's TZ and DAYLIGHT ------------------------------------------------------


def vcal(*events: str, head: str) -> bytes:
    return calendar(*events, head=head, version="1.0")


def moments(reading) -> dict[str, tuple[datetime, str]]:
    return {
        e.title: (e.record.starts_at.astimezone(UTC), e.record.timezone) for e in reading.entries
    }


def test_a_palm_export_is_read_at_its_own_offsets_winter_summer_and_across_the_change():
    data = (FIXTURES / "palm-export.vcs").read_bytes()
    reading = read_calendar(data, source="palm.vcs", window=WINDOW)
    found = moments(reading)
    assert found["Wake bij het stadhuis"] == (
        datetime(2026, 3, 14, 13, tzinfo=UTC),
        "Europe/Amsterdam",
    )
    assert found["Zomeroverleg"] == (datetime(2026, 7, 4, 17, 30, tzinfo=UTC), "Europe/Amsterdam")
    saturdays = sorted(
        e.record.starts_at.astimezone(UTC) for e in reading.entries if e.title == "Zaterdagwake"
    )
    # 11:00 each Saturday: CET before 29 March, CEST after.
    assert saturdays == [
        datetime(2026, 3, 21, 10, tzinfo=UTC),
        datetime(2026, 3, 28, 10, tzinfo=UTC),
        datetime(2026, 4, 4, 9, tzinfo=UTC),
    ]
    assert reading.warnings == []


def test_a_file_from_new_york_about_an_event_in_amsterdam_keeps_the_moment():
    head = "TZ:-05:00\nDAYLIGHT:TRUE;-04;20260308T020000;20261101T020000;EST;EDT"
    event = vevent(
        "ny-1", "SUMMARY:Call from NY", "DTSTART:20260214T140000", location="Dam, Amsterdam"
    )
    reading = read_calendar(vcal(event, head=head), source="ny.vcs", window=WINDOW)
    (entry,) = reading.entries
    assert entry.record.starts_at == datetime(2026, 2, 14, 19, tzinfo=UTC)
    assert entry.record.timezone == "Europe/Amsterdam"  # shown at 20:00 in Amsterdam


CET_HEAD = "TZ:+01\nDAYLIGHT:TRUE;+02;20260329T020000;20261025T030000;CET;CEST"


def test_an_online_event_of_a_german_file_gets_its_countrys_zone():
    event = vevent(
        "on-1",
        "SUMMARY;LANGUAGE=de-DE:Online-Plenum",
        "DTSTART:20260614T190000",
        location="https://meet.jit.si/plenum-test",
    )
    reading = read_calendar(vcal(event, head=CET_HEAD), source="de.vcs", window=WINDOW)
    assert moments(reading) == {
        "Online-Plenum": (datetime(2026, 6, 14, 17, tzinfo=UTC), "Europe/Berlin")
    }
    assert reading.warnings == []


def test_an_online_event_with_no_country_keeps_the_offset_and_says_so():
    event = vevent(
        "on-2", "SUMMARY:Online call", "DTSTART:20260614T190000", location="https://meet.jit.si/x"
    )
    reading = read_calendar(vcal(event, head=CET_HEAD), source="x.vcs", window=WINDOW)
    assert moments(reading) == {"Online call": (datetime(2026, 6, 14, 17, tzinfo=UTC), "Etc/GMT-2")}
    (warning,) = reading.warnings
    assert "Online call" in warning.message and "+02:00" in warning.message


def test_a_fixed_offset_that_the_country_does_not_keep_names_no_zone():
    # Germany keeps summer time; a file at +01 all year is not Berlin's clock in June.
    event = vevent(
        "on-3",
        "SUMMARY;LANGUAGE=de-DE:Sommercall",
        "DTSTART:20260614T190000",
        location="https://meet.jit.si/y",
    )
    reading = read_calendar(vcal(event, head="TZ:+01:00"), source="y.vcs", window=WINDOW)
    assert moments(reading) == {"Sommercall": (datetime(2026, 6, 14, 18, tzinfo=UTC), "Etc/GMT-1")}
    assert "Sommercall" in reading.warnings[0].message


@settings(max_examples=40, deadline=None)
@given(
    st.text(alphabet="+-0123456789:TRUEFALS;Z ", max_size=20),
    st.lists(st.text(alphabet="+-0123456789:TRUEFALSCEST;Z ", max_size=60), max_size=3),
)
def test_any_tz_and_daylight_lines_are_read_without_a_crash(tz, summers):
    head = "\n".join([f"TZ:{tz}", *(f"DAYLIGHT:{s}" for s in summers)])
    reading = read_calendar(
        vcal(vevent("h", "SUMMARY:x", "DTSTART:20260614T190000"), head=head),
        source="h",
        window=WINDOW,
    )
    for entry in reading.entries:
        assert entry.record.starts_at.tzinfo is not None


def test_file_clock_of_a_file_without_tz_is_none():
    from icalendar import Calendar

    assert file_clock(Calendar.from_ical(calendar(vevent("a", "DTSTART:20260101T100000")))) is None


# --- 4. a customized zone with no country ----------------------------------------------------


def custom_zone(standard: str, summer: str, *, to_summer: str, to_standard: str) -> str:
    return "\n".join([
        "BEGIN:VTIMEZONE", "TZID:Customized Time Zone",
        "BEGIN:STANDARD", "DTSTART:16010101T030000", f"TZOFFSETFROM:{summer}",
        f"TZOFFSETTO:{standard}", f"RRULE:FREQ=YEARLY;{to_standard}", "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", f"TZOFFSETFROM:{standard}",
        f"TZOFFSETTO:{summer}", f"RRULE:FREQ=YEARLY;{to_summer}", "END:DAYLIGHT",
        "END:VTIMEZONE",
    ])  # fmt: skip


EU_RULES = {"to_summer": "BYDAY=-1SU;BYMONTH=3", "to_standard": "BYDAY=-1SU;BYMONTH=10"}
US_RULES = {"to_summer": "BYDAY=2SU;BYMONTH=3", "to_standard": "BYDAY=1SU;BYMONTH=11"}


@pytest.mark.parametrize(
    "head, summary, zone",
    [
        (custom_zone("+0100", "+0200", **EU_RULES), "SUMMARY:Call", "Europe/Berlin"),
        (custom_zone("+0000", "+0100", **EU_RULES), "SUMMARY:Call", "Europe/London"),
        (custom_zone("+0200", "+0300", **EU_RULES), "SUMMARY:Call", "Europe/Kyiv"),
        (custom_zone("-0500", "-0400", **US_RULES), "SUMMARY:Call", "America/New_York"),
        (custom_zone("-0800", "-0700", **US_RULES), "SUMMARY:Call", "America/Los_Angeles"),
        # The event's country still wins.
        (custom_zone("+0100", "+0200", **EU_RULES), "SUMMARY;LANGUAGE=fr-FR:Appel", "Europe/Paris"),
        (
            custom_zone("+0100", "+0200", **EU_RULES),
            "SUMMARY;LANGUAGE=nl-NL:Overleg",
            "Europe/Amsterdam",
        ),
    ],
)
def test_a_customized_zone_is_the_most_used_zone_of_its_rule(head, summary, zone):
    event = vevent(
        "cz",
        summary,
        "DTSTART;TZID=Customized Time Zone:20260614T140000",
        "DTEND;TZID=Customized Time Zone:20260614T150000",
        location="https://teams.microsoft.com/l/meetup-join/abc",
    )
    reading = read_calendar(calendar(event, head=head), source="o.ics", window=WINDOW)
    (entry,) = reading.entries
    assert entry.record.timezone == zone
    assert entry.record.starts_at.astimezone(ZoneInfo(zone)).time() == time(14)


# --- 5. repeat rules that never happen ---------------------------------------------------------

NEVER = [
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=YEARLY;BYMONTHDAY=31;BYMONTH=4,6,9,11",
    "FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6",
    "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=7",
    "FREQ=YEARLY;BYMONTH=1;BYDAY=MO;BYSETPOS=6",
    "FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1",
    "FREQ=YEARLY;BYMONTH=3;BYDAY=-1MO;BYMONTHDAY=1",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=5",
    "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30",
]
RARE = [
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",  # leap days
    "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",  # Friday the 13th
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",  # a leap day on a Monday: 2044
    "FREQ=YEARLY;BYWEEKNO=53",  # years with 53 weeks
    "FREQ=YEARLY;BYMONTH=2;BYDAY=5SU",  # a fifth Sunday in February: 2032
    "FREQ=YEARLY;BYWEEKNO=-1;BYDAY=SU",
    "FREQ=YEARLY;BYYEARDAY=366",
]


@pytest.mark.parametrize("rule", NEVER)
def test_a_rule_that_never_happens_is_known_at_once(rule):
    assert happens_in_some_year(rule, datetime(2026, 1, 1, 18)) is False


@pytest.mark.parametrize("rule", RARE)
def test_a_rule_that_happens_rarely_is_kept(rule):
    assert happens_in_some_year(rule, datetime(2026, 1, 1, 18)) is True


def test_a_leap_day_every_four_years_from_an_odd_year_never_happens():
    rule = "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29"
    assert happens_in_some_year(rule, datetime(2025, 3, 1, 18)) is False
    assert happens_in_some_year(rule, datetime(2024, 2, 29, 18)) is True


def test_fifty_impossible_series_import_in_well_under_a_second_each_named():
    events = [
        vevent(
            f"never-{n}",
            f"SUMMARY:Jaarlijkse wake {n}",
            f"DTSTART:202603{n % 28 + 1:02d}T180000",
            f"RRULE:{NEVER[n % len(NEVER)].replace('2;BYMONTHDAY=30;COUNT=5', '2;BYMONTHDAY=31')}",
        )
        for n in range(50)
    ]
    data = calendar(*events)
    started = clock.perf_counter()
    reading = read_calendar(data, source="never.ics", window=WINDOW)
    elapsed = clock.perf_counter() - started
    assert elapsed < 1.0, elapsed
    assert len(reading.entries) == 50  # each its first date, as RFC 5545 counts DTSTART
    named = [w.message for w in reading.warnings if "never happens" in w.message]
    assert len(named) == 50 and "Jaarlijkse wake 7" in " ".join(named)


def test_leap_days_and_fridays_the_13th_are_still_imported():
    leap = vevent(
        "leap",
        "SUMMARY:Schrikkeldag",
        "DTSTART:20240229T180000",
        "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    )
    friday = vevent(
        "fri13",
        "SUMMARY:Vrijdag 13",
        "DTSTART:20260213T180000",
        "RRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
    )
    window = import_window(now=NOW, horizon_days=800, history_days=10)
    reading = read_calendar(calendar(leap, friday), source="r.ics", window=window)
    days = {(e.title, e.record.day) for e in reading.entries}
    assert ("Schrikkeldag", date(2028, 2, 29)) in days
    assert {d for t, d in days if t == "Vrijdag 13"} >= {date(2026, 3, 13), date(2026, 11, 13)}
    assert not [w for w in reading.warnings if "never happens" in w.message]


RULE_PARTS = st.fixed_dictionaries(
    {
        "FREQ": st.sampled_from(["YEARLY", "MONTHLY"]),
    },
    optional={
        "BYMONTH": st.sampled_from(["1", "2", "4,6", "12"]),
        "BYMONTHDAY": st.sampled_from(["1", "13", "29", "30", "31", "-1"]),
        "BYDAY": st.sampled_from(["MO", "FR", "1SU", "-1MO", "5SA", "2TU"]),
        "BYSETPOS": st.sampled_from(["1", "-1", "3"]),
        "INTERVAL": st.sampled_from(["1", "2", "3"]),
    },
)


@settings(max_examples=40, deadline=None)
@given(RULE_PARTS, st.integers(min_value=9800, max_value=9900))
def test_the_quick_answer_is_dateutils_long_one(parts, year):
    # Near the year 9999 dateutil's own walk is short, so both are asked the same question:
    # is there any date from `start` to the end of its calendar?
    if parts["FREQ"] == "MONTHLY":
        parts = {**parts, "INTERVAL": "1"}
    rule = ";".join(f"{k}={v}" for k, v in parts.items())
    start = datetime(year, 1, 1, 18)
    assert happens_in_some_year(rule, start) == bool(list(rrulestr(rule, dtstart=start)))


# --- 6. a group's regular meeting ------------------------------------------------------------

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    "language, text, rule, starts",
    [
        (
            "en",
            "Join our monthly meetings on the 11th at 7pm.",
            "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=11",
            time(19),
        ),
        (
            "en",
            "We meet every second Tuesday of the month at 19:00.",
            "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU",
            time(19),
        ),
        (
            "en",
            "Meetings every last Friday of the month, 6:30pm",
            "FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR",
            time(18, 30),
        ),
        (
            "en",
            "We meet every Thursday at 7pm in the library.",
            "FREQ=WEEKLY;INTERVAL=1;BYDAY=TH",
            time(19),
        ),
        (
            "en",
            "Meetup every other Wednesday at 18:00",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
            time(18),
        ),
        (
            "de",
            "Wir treffen uns jeden ersten Montag im Monat um 19 Uhr.",
            "FREQ=MONTHLY;INTERVAL=1;BYDAY=1MO",
            time(19),
        ),
        (
            "de",
            "Plenum am 3. jeden Monats um 18 Uhr",
            "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=3",
            time(18),
        ),
        ("de", "Stammtisch dienstags ab 19 Uhr", "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU", time(19)),
        (
            "nl",
            "We komen samen elke laatste donderdag van de maand, 19:30–21:30.",
            "FREQ=MONTHLY;INTERVAL=1;BYDAY=-1TH",
            time(19, 30),
        ),
        (
            "nl",
            "Maandelijkse bijeenkomst op de 11e om 19:00",
            "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=11",
            time(19),
        ),
        (
            "fr",
            "Réunions tous les premiers mercredis du mois à 18h30.",
            "FREQ=MONTHLY;INTERVAL=1;BYDAY=1WE",
            time(18, 30),
        ),
        (
            "fr",
            "Réunion le 15 de chaque mois à 19h",
            "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=15",
            time(19),
        ),
        (
            "es",
            "Asamblea cada primer sábado de mes a las 11:00.",
            "FREQ=MONTHLY;INTERVAL=1;BYDAY=1SA",
            time(11),
        ),
        (
            "es",
            "Nos reunimos todos los martes a las 19:00",
            "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU",
            time(19),
        ),
        (
            "es",
            "Reunión el día 5 de cada mes a las 18:30",
            "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=5",
            time(18, 30),
        ),
    ],
)
def test_a_regular_meeting_in_words_is_a_rule(language, text, rule, starts):
    found = read_meeting_rule(text, language=language, zone=AMSTERDAM)
    assert found is not None and (found.rule, found.starts) == (rule, starts)


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "We meet every second Tuesday."),  # of the month, or every other week?
        ("en", "Meetings on the first and third Monday of the month"),
        ("en", "Monthly meetings, details on Discord."),
        ("de", "Stammtisch: jeden zweiten Dienstag."),
        ("nl", "Maandelijks overleg, de datum staat in de groepsapp."),
    ],
)
def test_a_meeting_two_rules_could_mean_is_ambiguous(language, text):
    with pytest.raises(MeetingAmbiguous):
        read_meeting_rule(text, language=language, zone=AMSTERDAM)


@pytest.mark.parametrize(
    "language, text",
    [
        ("en", "Our next meeting is on 11 March at 7pm."),
        ("en", "We held 3 meetings last month."),
        ("en", "Join the meetup on Saturday 14 March"),
        ("de", "Das nächste Treffen ist am Samstag."),
    ],
)
def test_a_single_meeting_is_no_rule(language, text):
    assert read_meeting_rule(text, language=language, zone=AMSTERDAM) is None


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_read_for_a_meeting_rule_without_a_crash(text):
    try:
        read_meeting_rule(text, language="en", zone=AMSTERDAM)
    except MeetingAmbiguous:
        pass


@pytest.mark.django_db
def test_a_group_page_becomes_a_group_with_its_recurring_meetup():
    Group.objects.create(kind="national", name="Landelijk", slug="nl-test", country="NL")
    name = "groep-utrecht.md"
    plan = read_markdown_page((FIXTURES / name).read_text(encoding="utf-8"), name=name)
    (group,) = plan.groups
    assert [(m.rule, m.starts, m.duration_minutes, m.timezone) for m in group.meetups] == [
        ("FREQ=MONTHLY;INTERVAL=1;BYDAY=-1TH", time(19, 30), 120, "Europe/Amsterdam")
    ]
    write_markdown_plan(plan=plan)
    write_markdown_plan(plan=plan)  # a second import adds nothing
    (series,) = MeetupSeries.objects.filter(group__slug=group.slug)
    assert (series.rrule, series.start_time, series.timezone) == (
        "FREQ=MONTHLY;INTERVAL=1;BYDAY=-1TH",
        time(19, 30),
        "Europe/Amsterdam",
    )
    starts = [o.event.starts_at.astimezone(AMSTERDAM) for o in series.occurrences.all()]
    assert starts and all(s.weekday() == 3 and s.time() == time(19, 30) for s in starts)
    assert all((s + timedelta(days=7)).month != s.month for s in starts)  # the last Thursday


def test_an_ambiguous_meeting_stays_text_with_a_warning():
    name = "gruppe-muenchen.md"
    plan = read_markdown_page((FIXTURES / name).read_text(encoding="utf-8"), name=name)
    (group,) = plan.groups
    assert [(m.rule, m.starts) for m in group.meetups] == [
        ("FREQ=MONTHLY;INTERVAL=1;BYDAY=1MO", time(19))
    ]
    assert any("jeden zweiten Dienstag" in meeting for meeting in group.meetings)
    assert any("jeden zweiten Dienstag" in w.message for w in plan.warnings)
