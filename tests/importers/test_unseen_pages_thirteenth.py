"""A thirteenth set of protest pages of movements nobody here has read (`unseen_thirteenth`),
and the misreadings found beside them.

Each page's test lists every event a careful organizer would import from it: its city and
country, its day, its hours on the place's clock and that clock's zone, its venue, its
signup link and whether it is called off. The list must be exactly that: an event more is an
invented one.
"""

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.importers.page_reading import (
    assert_page_reads_into,
    assert_reads_soundly,
    each_page,
    events_of,
    page_with,
)
from tests.importers.unseen_thirteenth import EXPECTED, PAGES
from turnout.importers.city_place_words import city_after_event_name_and_dash, place_in_sentence
from turnout.importers.page_blocks import without_trackers
from turnout.importers.page_plain_text import email_headers_as_front_matter, plain_cards_as_headings
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.times import find_times, strip_times

T = time
D = date


GAPS: dict[str, str] = {}  # page name: why it does not read yet


def _read(name: str):
    return read_markdown_page(PAGES[name], name=name)


@pytest.mark.parametrize("name", each_page(EXPECTED, GAPS))
def test_each_page_of_the_thirteenth_set_reads_into_exactly_its_events(name):
    assert_page_reads_into(PAGES, EXPECTED, name)


def test_every_page_of_the_set_is_expected():
    assert sorted(PAGES) == sorted(EXPECTED)


def test_a_city_also_in_the_calendar_on_another_day_keeps_that_day():
    (campaign,) = _read("also_calendar_de.md").campaigns
    kassel = [e for e in campaign.events if e.city == "Kassel"]
    assert [e.day for e in kassel] == [D(2027, 6, 26)]
    assert (campaign.starts_on, campaign.ends_on) == (D(2027, 6, 12), D(2027, 6, 26))


# --- focused tests, one per gap fixed -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "starts", "ends"),
    [
        ("City Hall front lawn, half past two.", T(14, 30), None),
        ("quarter to three", T(14, 45), None),
        ("quarter past ten", T(10, 15), None),
        ("two o'clock", T(14), None),
        ("half past eight in the evening", T(20, 30), None),
        ("from half past ten to noon", T(10, 30), T(12)),
        ("Πλατεία Συντάγματος, 6 μ.μ.", T(18), None),
        ("Πλατεία Γεωργίου, 11 π.μ.", T(11), None),
        ("6 - 8 μ.μ.", T(18), T(20)),
        ("Vườn hoa Lý Thái Tổ, lúc 8g30", T(8, 30), None),
        ("lúc 16 giờ 30", T(16, 30), None),
        ("Kızılay Meydanı'nda saat 15.00'te.", T(15), None),
        ("saat 14.30'da buluşuyoruz", T(14, 30), None),
        ("Kossuth Lajos tér, du. 3 órakor", T(15), None),
        ("Kossuth tér, délután 4-kor", T(16), None),
        ("Széchenyi tér, de. 10 órakor", T(10), None),
        ("este 7-kor", T(19), None),
        ("du. 15 órakor", T(15), None),
        ("17-től", T(17), None),
    ],
)
def test_hours_spoken_or_marked_with_words_around_their_digits(text, starts, ends):
    span = find_times(text)
    assert span is not None and (span.starts, span.ends) == (starts, ends)


@pytest.mark.parametrize(
    "text",
    [
        "we walk past two shops",
        "500g of flour",
        "Ankara'da 15 kişi",
        "a quarter to the left",
        "június 12-ig",  # until the 12th: a day, not an hour
    ],
)
def test_words_like_those_hours_that_are_no_hours(text):
    assert find_times(text) is None


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("City Hall front lawn, half past two.", "City Hall front lawn,  ."),
        ("Cầu Rồng, lúc 16g00", "Cầu Rồng"),
        ("Gündoğdu Meydanı'nda saat 14.30'da.", "Gündoğdu Meydanı'nda  ."),
    ],
)
def test_a_spoken_or_marked_hour_leaves_nothing_of_itself_in_the_venue(text, left):
    assert strip_times(text) == left


@pytest.mark.parametrize(
    ("sentence", "city", "venue"),
    [
        ("İzmir'de Gündoğdu Meydanı'nda saat 14.30'da.", "İzmir", "Gündoğdu Meydanı"),
        ("İstanbul'da Kadıköy İskelesi önünde saat 14.00'te", "Istanbul", "Kadıköy İskelesi"),
        ("Eskişehir'de saat 12.00'de", "Eskişehir", ""),
    ],
)
def test_a_turkish_sentence_opening_with_its_city_in_the_locative_names_its_place(
    sentence, city, venue
):
    place = place_in_sentence(sentence, "tr", None)
    assert place is not None and (place.city, place.country, place.venue) == (city, "TR", venue)


def test_a_turkish_word_in_the_locative_that_is_no_city_names_no_place():
    assert place_in_sentence("Meydan'da saat 14.00'te buluşuyoruz", "tr", None) is None


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("- **Leeds** — the day before (Friday), Millennium Square, 6pm", D(2027, 6, 11)),
        ("- **Leeds** — the day after, Millennium Square, 6pm", D(2027, 6, 13)),
        ("- **Leeds** — la veille, Millennium Square, 18h", D(2027, 6, 11)),
        ("- **Leeds** — am Vortag, Millennium Square, 18 Uhr", D(2027, 6, 11)),
        ("- **Leeds** — Millennium Square, 6pm", D(2027, 6, 12)),
    ],
)
def test_a_city_acting_the_day_before_or_after_keeps_its_own_day(line, day):
    body = f"{line}\n- **York** — Parliament Street, 1pm"
    leeds, york = events_of(page_with(body))
    assert (leeds.day, leeds.venue, york.day) == (day, "Millennium Square", D(2027, 6, 12))


def test_the_day_after_tomorrow_is_still_counted_from_the_post():
    body = "- **Leeds** — the day after tomorrow, Millennium Square, 6pm\n- **York** — 1pm"
    assert events_of(page_with(body))[0].day != D(2027, 6, 13)


def test_a_weekday_alone_on_a_weekend_page_is_that_day_and_no_part_of_the_venue():
    body = "- **Exeter** — Bedford Square, Sunday only, 12–3pm\n- **Bath** — Abbey, Saturday, 1pm"
    exeter, bath = events_of(page_with(body, title="Weekend of action – 12–13 June 2027"))
    assert (exeter.day, exeter.venue) == (D(2027, 6, 13), "Bedford Square")
    assert (bath.day, bath.venue) == (D(2027, 6, 12), "Abbey")


def test_a_weekday_on_a_page_of_one_day_moves_nothing():
    body = "- **Exeter** — Bedford Square, Sunday only, 12–3pm\n- **Bath** — Abbey, 1pm"
    assert [e.day for e in events_of(page_with(body))] == [D(2027, 6, 12)] * 2


def test_a_city_of_both_days_signs_up_through_each_day_s_own_link():
    events = events_of(PAGES["weekend_en.md"])
    bristol = [(e.day, e.signup_url[-4:]) for e in events if e.city == "Bristol"]
    assert bristol == [(D(2027, 6, 12), "1001"), (D(2027, 6, 13), "1002")]


def test_an_email_s_headers_become_its_front_matter():
    text = (
        "Subject: Rally on 12 June\nFrom: A <a@example.org>\n"
        "Date: Tue, 25 May 2027 09:12:44 +0100\nTo: list@example.org\n\nHello"
    )
    written = email_headers_as_front_matter(text)
    assert written.split("\n")[:3] == ["---", 'title: "Rally on 12 June"', "date: 2027-05-25"]
    assert written.count("\n") == text.count("\n")


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: x\n---\nSubject: y",
        "Subject: only a subject\n\nbody",
        "Note: this is a page\nDate: soon\n\nbody",
        "Hello\nSubject: x\nFrom: y",
    ],
)
def test_a_page_that_opens_with_no_email_headers_is_as_it_was(text):
    assert email_headers_as_front_matter(text) == text


def test_capital_lines_after_rules_become_headings_and_a_footer_ends_the_last():
    body = (
        "Intro\n\n---\n\nLEEDS\nWhere: Dock\n\n---\n\n"
        "YORK\nWhere: Museum Gardens\n\n---\n\nUnsubscribe here"
    )
    lines = plain_cards_as_headings(body).split("\n")
    assert [line for line in lines if line.startswith("###")] == ["### LEEDS", "### YORK", "###"]
    assert len(lines) == len(body.split("\n"))


def test_one_capital_line_after_a_rule_is_left_as_it_is():
    body = "Intro\n\n---\n\nIMPORTANT\nBring water.\n"
    assert plain_cards_as_headings(body) == body


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Fossil Free Pensions – Montréal – Sat, Jun 12 – Caisse de dépôt", "Montreal"),
        ("Climate Walk — Cork — Fitzgerald's Park", "Cork"),
        ("Fossil Free Pensions – CPP Investments – Toronto", None),
        ("Berlin – Alexanderplatz", None),  # a city first is read as such before this
        ("Kundgebung – Treffpunkt am Brunnen", None),
        ("Sun 4th — Boston", None),  # a day, and no day of the month: no event's name
        ("Saturday — Boston — Common", None),
    ],
)
def test_an_event_site_s_card_names_its_city_after_the_event_s_name_and_a_dash(text, city):
    place = city_after_event_name_and_dash(text, "en")
    assert (place.city if place else None) == city


def test_eventbrite_s_own_source_tag_is_no_part_of_a_signup_link():
    url = "https://www.eventbrite.ca/e/walk-tickets-81?aff=ebdssbcollection&discount=FREE"
    assert without_trackers(url) == "https://www.eventbrite.ca/e/walk-tickets-81?discount=FREE"


def test_an_html_list_item_of_several_fields_keeps_them_apart():
    page = page_with(
        "<ul><li><a href='https://lu.ma/a'><div>Walk – Leeds</div></a><div>12:00 PM</div>"
        "<div>Leeds Dock</div></li><li><a href='https://lu.ma/b'><div>Walk – York</div></a>"
        "<div>1:00 PM</div><div>Museum Gardens</div></li></ul>"
    )
    facts = [(e.city, e.starts, e.venue, e.signup_url) for e in events_of(page)]
    assert facts == [
        ("Leeds", T(12), "Leeds Dock", "https://lu.ma/a"),
        ("York", T(13), "Museum Gardens", "https://lu.ma/b"),
    ]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "---",
                "",
                "NORWICH",
                "Where: Cornhill",
                "When: half past two",
                "Subject: x",
                "From: y",
                "Date: Tue, 25 May 2027 09:12:44 +0100",
                "- **Leeds** — the day before",
                "İzmir'de Gündoğdu Meydanı'nda saat 14.30'da.",
                "6 μ.μ.",
                "lúc 8g30",
                "- Saturday: [tickets](https://lu.ma/x)",
                "Sunday only",
                "quarter to",
            ]
        )
        | st.text(max_size=30),
        max_size=14,
    )
)
def test_a_page_of_pieces_of_these_shapes_and_any_text_reads_soundly(pieces):
    body = "\n".join(pieces)
    assert_reads_soundly(body)
    read_markdown_page(body, name="e.md")  # an email without front matter
    assert plain_cards_as_headings(body).count("\n") == body.count("\n")
    find_times(body)
