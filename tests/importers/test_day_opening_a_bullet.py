"""A bullet opening with a day written "14. Juni" (German, Danish, Norwegian, Finnish, Czech,
Polish write the day with a full stop): markdown would read "14." as a numbered list inside the
bullet and lose the day; the reader keeps it, as a person reading the page sees it."""

from datetime import date, time

import pytest

from turnout.importers.document import read_document
from turnout.importers.protest_pages import read_markdown_page


def events(text: str) -> list[tuple]:
    plan = read_markdown_page(text, name="tag.md")
    return [
        (e.city, e.day, e.starts, e.venue, e.signup_url)
        for campaign in plan.campaigns
        for e in campaign.events
    ]


@pytest.mark.parametrize(
    ("title", "first", "second", "cities"),
    [
        ("Globaler Pausentag am 14. Juni 2027",
         "14. Juni, 14 Uhr: Platz der Republik, Berlin",
         "14. Juni, 13 Uhr: Marienplatz, München", ("Berlin", "Munich")),
        ("Global pausedag 14. juni 2027",
         "14. juni kl. 14.00: Rådhuspladsen, København",
         "14. juni kl. 13.00: Torvehallerne, Aarhus", ("Copenhagen", "Århus")),
        ("Globální den pauzy 14. června 2027",
         "14. června, 14:00: Václavské náměstí, Praha",
         "14. června, 13:00: náměstí Svobody, Brno", ("Prague", "Brno")),
    ],
)  # fmt: skip
def test_a_bullet_opening_with_a_day_and_its_full_stop(title, first, second, cities):
    text = (
        f"# {title}\n\n- {first} – [lu.ma](https://lu.ma/a)\n"
        f"- {second} – https://partiful.com/e/b\n"
    )
    read = events(text)
    assert [(city, day) for city, day, *_ in read] == [(cities[0], date(2027, 6, 14)),
                                                        (cities[1], date(2027, 6, 14))]  # fmt: skip
    assert [(starts, link) for _c, _d, starts, _v, link in read] == [
        (time(14), "https://lu.ma/a"),
        (time(13), "https://partiful.com/e/b"),
    ]


def test_the_item_keeps_its_day_and_a_numbered_list_stays_one():
    document = read_document("- 3. Mai: Leipzig\n\n1. Berlin\n2. Hamburg\n")
    texts = [block.text for section in document.sections for block in section.blocks]
    assert texts == ["3. Mai: Leipzig", "Berlin", "Hamburg"]
