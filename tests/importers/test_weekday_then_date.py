"""A date written with its weekday and a comma before it ("Sat, Jun 14", "sam., 14 juin",
"sáb., 14 de junio", "Sa., 14.6."), at the start of a list line or in a table's date column:
the weekday belongs to the date that follows, not a day of its own with the date left in the
place."""

from datetime import date, time

import pytest

from turnout.importers.protest_pages import read_markdown_page

TORONTO = "- Saturday June 14, 1 PM: Nathan Phillips Square, Toronto – https://partiful.com/e/abc1"


def events(text: str) -> list[tuple]:
    plan = read_markdown_page(text, name="day.md")
    return [
        (e.city, e.day, e.starts, e.venue, e.signup_url)
        for campaign in plan.campaigns
        for e in campaign.events
    ]


LONDON = ("Parliament Square, London", "London", "Parliament Square")


@pytest.mark.parametrize(
    ("when", "language_title", "place"),
    [
        ("Sat, Jun 14, 2pm", "Global Pause Day — June 14, 2027", LONDON),
        ("Saturday, 14 June, 2pm", "Global Pause Day — June 14, 2027", LONDON),
        ("Sat., June 14, 2 p.m.", "Global Pause Day — June 14, 2027", LONDON),
        ("sam., 14 juin, 14h", "Journée mondiale pour une pause, 14 juin 2027", LONDON),
        ("sáb., 14 de junio, 14:00", "Día mundial por una pausa, 14 de junio de 2027", LONDON),
        ("Sa., 14.6., 14 Uhr", "Globaler Pausentag am 14. Juni 2027",
         ("Platz der Republik, Berlin", "Berlin", "Platz der Republik")),  # two letters
        ("za 14 juni, 14.00 uur", "Wereldwijde pauzedag op 14 juni 2027",
         ("Neude, Utrecht", "Utrecht", "Neude")),
    ],
)  # fmt: skip
def test_a_weekday_and_a_comma_before_the_date_opening_a_list_line(when, language_title, place):
    written, city, venue = place
    text = (
        f"# {language_title}\n\n"
        f"- {when}: {written} – [lu.ma](https://lu.ma/pause-here)\n{TORONTO}\n"
    )
    assert events(text)[0] == (city, date(2027, 6, 14), time(14), venue, "https://lu.ma/pause-here")


def test_a_weekday_and_a_comma_in_a_tables_date_column():
    text = (
        "# Global Pause Day — June 14, 2027\n\n| City | When | Where | RSVP |\n|---|---|---|---|\n"
        "| London 🇬🇧 | Sat, Jun 14 · 2–4pm | Parliament Square | [lu.ma](https://lu.ma/pl) |\n"
        "| New York, NY | Sat, Jun 14 · 12pm–2pm EDT | Bryant Park | "
        "[Sign up](https://www.eventbrite.com/e/pause-nyc-1234) |\n"
        "| Toronto | Saturday June 14, 1 PM | Nathan Phillips Square | https://partiful.com/e/a |\n"
    )
    assert [(city, day, starts) for city, day, starts, _venue, _link in events(text)] == [
        ("London", date(2027, 6, 14), time(14)),
        ("New York City", date(2027, 6, 14), time(12)),
        ("Toronto", date(2027, 6, 14), time(13)),
    ]


def test_a_weekday_alone_before_its_place_is_still_that_day_of_the_week():
    text = (
        "# Week of action, 14–20 June 2027\n\n"
        "- **Tue**: Manchester, Piccadilly Gardens, 18:00 – https://lu.ma/manchester\n"
        "- **Thu**: Leeds, Civic Hall, 17:00 – https://lu.ma/leeds\n"
    )
    assert [(city, day) for city, day, *_ in events(text)] == [
        ("Manchester", date(2027, 6, 15)),
        ("Leeds", date(2027, 6, 17)),
    ]
