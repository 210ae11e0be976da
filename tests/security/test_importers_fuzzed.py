"""The CSV and iCalendar importers, fed generated sheets and feeds (Hypothesis).

Markdown pages are fuzzed in tests/importers/test_malformed_pages.py. Here: any sheet is read
into accepted and rejected rows without raising, and the accepted rows are written without a
database error; any bytes as a calendar are read, or refused with FeedUnavailable.
"""

from datetime import UTC, datetime

import pytest
import time_machine
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory
from turnout.campaigns.models import MAX_CAPACITY, LocalEvent
from turnout.groups.models import Group
from turnout.importers.calendar_feeds import import_calendar, read_calendar
from turnout.importers.calendar_fetching import FeedUnavailable
from turnout.importers.group_sheets import (
    GROUP_COLUMNS,
    GROUP_REQUIRED,
    read_group_rows,
    write_group_rows,
)
from turnout.importers.spreadsheets import (
    EVENT_COLUMNS,
    EVENT_REQUIRED,
    read_event_rows,
    write_event_rows,
)

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)
FUZZ = settings(
    max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
JUNK = st.one_of(
    TEXT,
    st.sampled_from(["", '"', "\x00", "a;b", "\t", "\r\n", "1e400", "nan", "-91", "Mars/Olympus"]),
)
# Plausible values per column, so that many generated rows are accepted and written.
PLAUSIBLE = {
    "city": ["Utrecht", "Den Haag", "London", "Zürich", "Nowhere-on-Sea"],
    "country": ["NL", "Netherlands", "Nederland", "GB", "CH", "XX"],
    "date": ["2030-05-13", "2030-05-14", "13 May 2030", "2030-02-30", "2024-01-01"],
    "start_time": ["14:00", "09:30", "25:00", ""],
    "end_time": ["16:00", "13:00", "", "8:00"],
    "timezone": ["Europe/Amsterdam", "Europe/London", "", "Mars/Olympus"],
    "status": ["approved", "tba", "proposed", "cancelled", "completed", "maybe"],
    "campaign": ["may", "", "unknown"],
    "capacity": ["50", "0", "-5", "", "99999999999999999999999", "٣٠", "1e309"],
    "latitude": ["52.09", "91", "", "nan", "inf", "52,09"],
    "longitude": ["5.12", "-181", "", "-inf", "1e309"],
    "signup_url": ["https://lu.ma/x", "nope", ""],
    "name": ["PauseAI Utrecht", "PauseAI NL", ""],
    "kind": ["national", "local", "regional"],
    "active": ["yes", "no", "maybe"],
    "parent": ["", "PauseAI NL"],
    "slug": ["", "utrecht", "Not A Slug!"],
    "telegram": ["https://t.me/pauseai", "not a link"],
    "website": ["https://example.org", "ftp://x"],
}


@st.composite
def sheets(draw, columns: tuple[str, ...], required: tuple) -> str:
    optional = draw(st.lists(st.sampled_from([*columns, "Unknown"]), max_size=5, unique=True))
    # A required entry that is a tuple is met by any of its columns: the first is written.
    needed = [need if isinstance(need, str) else need[0] for need in required]
    header = list(dict.fromkeys([*needed, *optional]))
    if draw(st.integers(0, 9)) == 0:
        header = header[1:]  # now and then a required column is missing
    delimiter = draw(st.sampled_from([",", ";", "\t"]))

    def cell(column: str):
        plausible = st.sampled_from(PLAUSIBLE.get(column, ["", "Neude", "Protest"]))
        # Mostly plausible, so that rows get through to the database; junk one time in five.
        return st.integers(0, 4).flatmap(lambda n: JUNK if n == 0 else plausible)

    rows = draw(st.lists(st.tuples(*(cell(column) for column in header)).map(list), max_size=6))

    def line(cells: list[str]) -> str:
        return delimiter.join('"' + c.replace('"', '""') + '"' if c else "" for c in cells)

    return "\n".join([line(header), *(line(row) for row in rows)])


@pytest.fixture
def campaign(db):
    return CampaignFactory(slug="may")


@FUZZ
@given(text=st.one_of(sheets(EVENT_COLUMNS, EVENT_REQUIRED), TEXT))
@example(text="city,country,date\nUtr\recht,NL,2030-05-13\n")  # csv.Error, once a crash
@example(text="city,country,date\nUtr\x00echt,NL,2030-05-13\n")  # NUL: PostgreSQL refuses it
def test_any_events_sheet_is_read_and_its_accepted_rows_written(campaign, text):
    with time_machine.travel(NOW, tick=False):
        reading = read_event_rows(text, source="events.csv")
        before = LocalEvent.objects.count()
        summary = write_event_rows(reading=reading)
    assert all(notice.message for notice in reading.rejected)
    assert LocalEvent.objects.count() <= before + len(reading.rows)
    assert summary is not None


@FUZZ
@given(text=st.one_of(sheets(GROUP_COLUMNS, GROUP_REQUIRED), TEXT))
def test_any_groups_sheet_is_read_and_its_accepted_rows_written(db, text):
    reading = read_group_rows(text, source="groups.csv")
    before = Group.objects.count()
    write_group_rows(reading=reading)
    assert all(notice.message for notice in reading.rejected)
    assert Group.objects.count() <= before + len(reading.rows)


# Anything that looks like a number, of any size and script, and what parses as one but is not.
NUMBERS = st.one_of(
    st.integers().map(str),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats().map(repr),
    st.decimals(allow_nan=True).map(str),
    st.sampled_from(
        ["99999999999999999999999", "9" * 5000, "1e309", "-1e309", "nan", "NaN", "inf", "-inf",
         "Infinity", "٣٠", "१२", "１２", "²", "−5", "+7", "0x10", "1_000", "52,09", " 12 ", "-0"]
    ),
    st.text(st.sampled_from("0123456789-+.,eE٣१"), max_size=30),
)  # fmt: skip


@FUZZ
@given(capacity=NUMBERS, latitude=NUMBERS, longitude=NUMBERS)
@example(capacity="99999999999999999999999", latitude="", longitude="")  # OverflowError once
def test_any_number_in_a_numeric_column_is_written_within_bounds_or_refused_whole(
    campaign, capacity, latitude, longitude
):
    LocalEvent.objects.all().delete()
    cells = [capacity, latitude, longitude]
    row = ",".join('"' + cell.replace('"', '""') + '"' for cell in cells)
    text = (
        "campaign,city,country,date,capacity,latitude,longitude\n"
        f"may,Amsterdam,NL,2030-05-13,12,52.37,4.89\n"
        f"may,Utrecht,NL,2030-05-13,{row}\n"
    )
    reading = read_event_rows(text, source="events.csv")
    with time_machine.travel(NOW, tick=False):
        write_event_rows(reading=reading)
    assert LocalEvent.objects.filter(city="Amsterdam").count() == 1  # the good row, always
    written = LocalEvent.objects.filter(city="Utrecht")
    if reading.rejected:
        (notice,) = reading.rejected
        assert notice.line == 3 and notice.message
        assert not written.exists()  # a refused row writes nothing, not half of itself
        return
    event = written.get()
    event.full_clean()  # every bound the model knows holds
    assert event.capacity is None or 0 <= event.capacity <= MAX_CAPACITY


PROPERTIES = st.sampled_from(
    ["SUMMARY:Protest", "DTSTART:20300513T140000Z", "DTSTART;TZID=Europe/Amsterdam:20300513T1400",
     "DTEND:20300513T120000Z", "DTSTART;VALUE=DATE:20300513", "DTSTART:garbage", "UID:a@b",
     "UID:", "LOCATION:Utrecht, Netherlands", "LOCATION:", "URL:https://lu.ma/x", "URL:nope",
     "GEO:52.09;5.12", "GEO:999;x", "STATUS:CANCELLED", "X-WR-TIMEZONE:Nowhere/City",
     "RRULE:FREQ=DAILY", "DURATION:PT2H", "DURATION:P-1D", "DESCRIPTION:\\n\\,",
     # Series, broken the ways real feeds break them: rules, exclusions, moved occurrences.
     "RRULE:FREQ=SOMETIMES", "RRULE:FREQ=WEEKLY;COUNT=-1", "RRULE:FREQ=SECONDLY",
     "RRULE:FREQ=MINUTELY;INTERVAL=0", "RRULE:FREQ=DAILY;UNTIL=garbage",
     "RRULE:FREQ=YEARLY;BYMONTH=13", "RRULE:FREQ=WEEKLY;UNTIL=20300513", "RRULE:",
     "RRULE:FREQ=WEEKLY;BYDAY=XX;COUNT=3", "EXDATE:garbage", "EXDATE:20300513T120000Z",
     "EXDATE;VALUE=DATE:20300520", "RDATE:20300514T120000Z", "RDATE;VALUE=DATE:20300514",
     "RDATE;VALUE=PERIOD:20300514T120000Z/20300513T120000Z", "RDATE:20300514T120000Z/PT1H",
     "RECURRENCE-ID:20300513T120000Z", "RECURRENCE-ID:garbage",
     "RECURRENCE-ID;RANGE=THISANDFUTURE:20300520T120000Z",
     "DTSTART;TZID=Nowhere/City:20300513T1400",
     "DTSTART;TZID=W. Europe Standard Time:20300513T140000",
     "LOCATION:https://us02web.zoom.us/j/123", "LOCATION:Microsoft Teams Meeting",
     "CONFERENCE;VALUE=URI:https://meet.jit.si/x", "X-GOOGLE-CONFERENCE:not a link",
     "DESCRIPTION:join https://meet.google.com/abc-defg-hij."]
)  # fmt: skip


CORE = [
    "SUMMARY:Protest in Utrecht",
    "DTSTART:20300513T120000Z",
    "DTEND:20300513T140000Z",
    "LOCATION:Neude\\, Utrecht\\, Netherlands",
]


@st.composite
def calendars(draw) -> bytes:
    core = st.lists(st.sampled_from(CORE), min_size=len(CORE), max_size=len(CORE), unique=True).map(
        lambda lines: lines[: len(lines) - 1] if lines[-1].startswith("DTEND") else lines
    )
    extras = st.lists(st.one_of(PROPERTIES, TEXT), max_size=4)
    events = draw(st.lists(st.tuples(core, extras), max_size=4))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fuzz//EN"]
    for number, (properties, more) in enumerate(events):
        # Now and then two entries share a UID: a series and its overrides.
        uid = f"event-{number % 2 if draw(st.booleans()) else number}@fuzz"
        lines += ["BEGIN:VEVENT", f"UID:{uid}", *properties, *more, "END:VEVENT"]
    if draw(st.booleans()):
        lines.append("END:VCALENDAR")
    return "\r\n".join(lines).encode("utf-8", "surrogatepass")


@FUZZ
@given(data=st.one_of(calendars(), st.binary(max_size=200)))
@example(data=b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\x00b\r\nSUMMARY:Pro\x00test\r\n"
         b"DTSTART:20300513T120000Z\r\nLOCATION:Neude\\, Utrecht\\, Netherlands\r\n"
         b"DESCRIPTION:x\x00y\r\nEND:VEVENT\r\nEND:VCALENDAR")  # fmt: skip
def test_any_calendar_is_read_or_refused_as_not_a_feed_and_writes_cleanly(campaign, data):
    try:
        reading = read_calendar(data, source="feed.ics")
    except FeedUnavailable as refusal:
        assert str(refusal)
        return
    with time_machine.travel(NOW, tick=False):
        import_calendar(reading=reading, campaign=campaign, now=NOW)
    assert all(warning.message for warning in reading.warnings)
    # Warnings are for people: no Python exception text reaches them.
    python_words = ("argument", "NoneType", "Traceback", "object has no", "must be", "got:")
    assert not [w for w in reading.warnings if any(word in w.message for word in python_words)]


# --- markdown pages in the shapes movements write ---------------------------------------------

PAGE_LINES = [
    "---\n", "title: (Cancelled) Vigil @ Civic Square\n", "date: 2025-06-30T17:00:00+00:00\n",
    "location: Dam, Amsterdam\n", "signup: https://lu.ma/x\n", "## When & Where\n",
    "### Sábado 11 de octubre – Sevilla\n", "🗓 15.9 🕞 um 16:00 Uhr 📍 Rathausplatz\n",
    "- Where: Parliament House, 6 Macquarie St, Sydney NSW 2000\n",
    "- When: Friday, June 20, 2 pm AEST\n",
    "- Duration: 3 days\n", "Tomorrow, 23rd of March\n", "- [Stockholm](https://fb.me/e/1)\n",
    "I Sverige blir det 3 protester kl. 12:00:\n", "**Abgesagt!**\n", "We meet every month.\n",
    "[Discord](https://discord.gg/x)\n", "- 22.04.2025: München, 17 Uhr\n", "\n",
]  # fmt: skip


@pytest.mark.django_db(transaction=False)
@FUZZ
@given(st.lists(st.one_of(st.sampled_from(PAGE_LINES), TEXT), max_size=25))
def test_any_page_in_the_new_shapes_is_read_and_written_without_a_database_error(lines):
    from turnout.importers.protest_pages import read_markdown_page
    from turnout.importers.services import write_markdown_plan

    plan = read_markdown_page("".join(lines), name="fuzz.md")
    for campaign in plan.campaigns:
        assert campaign.starts_on <= campaign.ends_on
        for event in campaign.events:
            assert event.last_day is None or event.last_day >= event.day
    write_markdown_plan(plan=plan)  # every ValidationError becomes a warning, nothing raises
