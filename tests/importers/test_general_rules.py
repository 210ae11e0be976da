"""Focused tests of the general rules the held-out pages asked for, on pages written here."""

from datetime import date, time

from turnout.importers.dates import find_dates
from turnout.importers.places import read_place
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.times import find_times


def events_of(page: str):
    plan = read_markdown_page(page, name="page.md")
    return plan, (plan.campaigns[0].events if plan.campaigns else [])


def test_a_state_code_that_is_also_a_country_code_is_the_state():
    place = read_place(["Federal Plaza", "230 S Dearborn St", "Chicago", "IL"], with_venue=True)
    assert (place.city, place.country, place.venue) == (
        "Chicago",
        "US",
        "Federal Plaza, 230 S Dearborn St",
    )
    assert read_place(["San Francisco", "CA"]).country == "US"


def test_a_city_is_its_own_name_before_another_citys_other_name_and_districts_their_city():
    assert read_place(["Porto"]).country == "PT"
    assert read_place(["Zaragoza"]).country == "ES"
    assert read_place(["Valencia"], language="ca").country == "ES"
    assert read_place(["Alaunpark", "Dresden-Neustadt"], with_venue=True).city == "Dresden"
    assert read_place(["Grand Army Plaza", "Brooklyn", "NY 11238"], with_venue=True).city == (
        "New York City"
    )


def test_american_dates_and_times_written_as_words_or_after_their_prefix():
    (mention,) = find_dates("10/18/2025")
    assert (mention.first.month, mention.first.day) == (10, 18)
    assert find_times("noon–3pm ET").ends == time(15)
    assert find_times("dalle ore 17.30 alle 19.30").ends == time(19, 30)
    assert find_times("il presidio, ore 15, in piazza").starts == time(15)
    assert find_times("às 15h").starts == time(15)
    assert find_times("kl. 18–20").ends == time(20)
    assert find_times("Alla börjar kl. 12.00.").starts == time(12)
    assert find_times("am 15.09. in Wien") is None


def test_a_table_of_events_gives_one_event_per_row():
    page = (
        "---\ntitle: Day of action\ndate: 2026-03-01\n---\n\n"
        "| Date | City | Venue | Link |\n|---|---|---|---|\n"
        "| 3/21/2026 | Boston, MA | Boston Common | [RSVP](https://lu.ma/bos) |\n"
        "| 3/22/2026 | Denver, CO | Civic Center Park | [RSVP](https://lu.ma/den) |\n\n"
        "Both rallies run from 1pm to 3pm.\n"
    )
    _plan, events = events_of(page)
    assert [(e.city, e.country, e.day, e.venue, e.signup_url, e.starts) for e in events] == [
        ("Boston", "US", date(2026, 3, 21), "Boston Common", "https://lu.ma/bos", time(13)),
        ("Denver", "US", date(2026, 3, 22), "Civic Center Park", "https://lu.ma/den", time(13)),
    ]


def test_postponed_is_called_off():
    page = (
        "---\ntitle: 'VERSCHOBEN: Mahnwache'\ndate: 2026-03-01\n---\n\n"
        "- Wann: Samstag, 7. März 2026, 14:00 Uhr\n- Wo: Marktplatz, Bremen\n"
    )
    (event,) = events_of(page)[1]
    assert event.is_cancelled


def test_an_event_told_in_sentences_is_read_and_a_date_in_a_story_is_not_one():
    page = (
        "---\ntitle: Rally at Holyrood\ndate: 2026-06-05\n---\n\n"
        "Tomorrow we're rallying outside the Scottish Parliament in Edinburgh from 1pm to "
        "3pm BST. [Register](https://lu.ma/holyrood).\n"
    )
    (event,) = events_of(page)[1]
    assert (event.city, event.day, event.starts, event.ends, event.venue, event.signup_url) == (
        "Edinburgh",
        date(2026, 6, 6),
        time(13),
        time(15),
        "Scottish Parliament",
        "https://lu.ma/holyrood",
    )
    story = (
        "---\ntitle: Make your voice heard\ndate: 2026-02-01\n---\n\n"
        "World leaders meet in India on February 16-20. Sign the petition.\n"
    )
    plan, events = events_of(story)
    assert not events and [p.slug for p in plan.pages] == ["page"]
