"""A fourteenth set of protest pages of movements nobody here has read (`unseen_fourteenth`),
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
from tests.importers.unseen_fourteenth import EXPECTED, PAGES
from turnout.importers.city_details import with_lone_labels_joined
from turnout.importers.dates import find_dates
from turnout.importers.day_spanning_clocks import day_spanning_clocks_as_ranges
from turnout.importers.details import Line, label_of
from turnout.importers.page_blocks import Block, bare_links, is_struck_through
from turnout.importers.page_bold_cards import bold_cards_as_headings
from turnout.importers.page_tables import fact_rows
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.times import find_times, strip_times

T = time
D = date


GAPS: dict[str, str] = {}  # page name: why it does not read yet


def _read(name: str):
    return read_markdown_page(PAGES[name], name=name)


@pytest.mark.parametrize("name", each_page(EXPECTED, GAPS))
def test_each_page_of_the_fourteenth_set_reads_into_exactly_its_events(name):
    assert_page_reads_into(PAGES, EXPECTED, name)


def test_every_page_of_the_set_is_expected():
    assert sorted(PAGES) == sorted(EXPECTED)


def test_actions_already_held_are_no_events_of_the_campaign():
    (campaign,) = _read("past_actions_ca.md").campaigns
    assert {e.city for e in campaign.events} == {"Barcelona", "Girona", "Lleida"}
    assert (campaign.starts_on, campaign.ends_on) == (D(2027, 6, 12), D(2027, 6, 12))


def test_the_online_teach_in_beside_the_rallies_is_online_with_its_call_kept_apart():
    (campaign,) = _read("online_beside_fil.md").campaigns
    online = [e for e in campaign.events if e.is_online]
    assert [(e.starts, e.meeting_url) for e in online] == [(T(20), "https://zoom.us/j/88120033441")]


def test_a_city_acting_on_its_own_day_of_the_week_keeps_that_day():
    (campaign,) = _read("day_in_parens_fi.md").campaigns
    assert (campaign.starts_on, campaign.ends_on) == (D(2027, 6, 7), D(2027, 6, 13))


def test_a_camp_of_two_days_ends_on_its_second_and_a_night_vigil_on_its_first():
    (campaign,) = _read("overnight_uk.md").campaigns
    last_days = {e.city: e.last_day for e in campaign.events}
    assert last_days == {"Kyiv": None, "Lviv": D(2027, 6, 13), "Kharkiv": None}


# --- focused tests, one per gap fixed -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "starts", "ends"),
    [
        ("Ángel de la Independencia · 5 de la tarde", T(17), None),
        ("a las 10 de la mañana", T(10), None),
        ("a las 8:30 de la noche", T(20, 30), None),
        ("12 de la noche", T(0), None),
        ("12 del mediodía", T(12), None),
        ("de 5 a 7 de la tarde", T(17), T(19)),
        ("às 10 da manhã", T(10), None),
        ("às 7 da noite", T(19), None),
        ("a les 9 del vespre", T(21), None),
        ("alle 5 del pomeriggio", T(17), None),
    ],
)
def test_romance_hours_with_the_part_of_the_day_after_them(text, starts, ends):
    span = find_times(text)
    assert span is not None and (span.starts, span.ends) == (starts, ends)


@pytest.mark.parametrize(
    "text", ["12 de junio", "el 14 de junio de la tarde", "la mañana del sábado"]
)
def test_a_day_and_a_part_of_the_day_make_no_hour(text):
    assert find_times(text) is None


def test_a_romance_hour_leaves_nothing_of_itself_in_the_venue():
    assert strip_times("Macroplaza · 5 de la tarde").strip(" ·") == "Macroplaza"


@pytest.mark.parametrize(
    ("text", "starts", "ends"),
    [
        ("з 20:00 12 червня до 08:00 13 червня", T(20), T(8)),
        ("20:00 on 12 June to 08:00 on 13 June", T(20), T(8)),
        ("12 June 20:00 – 13 June 08:00", T(20), T(8)),
        ("20 Uhr (12.6.) bis 8 Uhr (13.6.)", T(20), T(8)),
        ("Sa 12.6. 20 Uhr bis So 13.6. 8 Uhr", T(20), T(8)),
        ("from 9pm Friday June 11 until 2am Saturday June 12", T(21), T(2)),
        ("de 22h le 12 juin à 6h le 13 juin", T(22), T(6)),
    ],
)
def test_a_range_of_hours_with_each_end_s_day_between_them(text, starts, ends):
    span = find_times(text)
    assert span is not None and (span.starts, span.ends) == (starts, ends)


@pytest.mark.parametrize(
    "text",
    [
        "14:00 – 16:00",
        "20:00 Platz 12 bis 22:00",  # "Platz 12" is no day: left to the patterns of `times`
        "18:00 12 people to 20:00",
        "12 June",
    ],
)
def test_a_range_without_days_between_its_ends_is_left_as_written(text):
    assert day_spanning_clocks_as_ranges(text) == text


def test_the_days_of_a_night_s_range_stay_for_the_event_s_day():
    body = "- **Kyiv** — Maidan, з 20:00 12 червня до 08:00 13 червня\n- **Lviv** — Rynok, 19:00"
    page = page_with(body, title="Варта – 12–13 червня 2027")
    kyiv, lviv = events_of(page)
    assert (kyiv.day, kyiv.starts, kyiv.ends, lviv.day) == (
        D(2027, 6, 12),
        T(20),
        T(8),
        D(2027, 6, 12),
    )


@pytest.mark.parametrize(
    ("source", "struck"),
    [
        ("- ~~**Košice** – Hlavná ulica, o 17:00~~", True),
        ("- <del>**Nitra** – Svätoplukovo námestie, o 17:00</del>", True),
        ("* <s>Leeds, 6pm</s>.", True),
        ("<li><del>Lille – 14h</del></li>", True),
        ("- ~~**Lille**~~ → Roubaix, 14h", False),  # what became of it is said beside
        ("- **Eindhoven** – ~~Stationsplein~~ uitgesteld", False),
        ("- ~~~~", False),
        ("- **Leeds** – 6pm", False),
    ],
)
def test_a_line_struck_through_whole_is_called_off(source, struck):
    assert is_struck_through(Block("item", 1, source, source)) is struck


def test_a_struck_item_of_an_html_list_is_called_off():
    body = (
        "<ul>\n<li><del><strong>Leeds</strong> – Millennium Square, 6pm</del></li>\n"
        "<li><strong>York</strong> – Museum Gardens, 1pm</li>\n</ul>"
    )
    facts = [(e.city, e.venue, e.is_cancelled) for e in events_of(page_with(body))]
    assert facts == [("Leeds", "Millennium Square", True), ("York", "Museum Gardens", False)]


def test_a_struck_city_beside_others_is_imported_called_off():
    body = "- **Leeds** – Millennium Square, 6pm\n- ~~**York** – Museum Gardens, 1pm~~"
    assert [(e.city, e.is_cancelled) for e in events_of(page_with(body))] == [
        ("Leeds", False),
        ("York", True),
    ]


def test_a_dated_page_heading_with_words_of_a_press_section_still_lists_its_cities():
    body = "# 12 June: Free the press\n\n- **Leeds** – Millennium Square, 18:00\n- **York** – 13:00"
    events = events_of(page_with(body, title="Free the press"))
    assert [(e.city, e.venue, e.starts) for e in events] == [
        ("Leeds", "Millennium Square", T(18)),
        ("York", "", T(13)),
    ]


def test_fields_set_apart_by_slashes_keep_the_venue_and_not_the_link_s_scheme():
    body = (
        "● Leeds / Millennium Square / 18:00 / Sign up: https://lu.ma/leeds\n"
        "● York / Museum Gardens / 13:00"
    )
    facts = [(e.city, e.venue, e.starts, e.signup_url) for e in events_of(page_with(body))]
    assert facts == [
        ("Leeds", "Millennium Square", T(18), "https://lu.ma/leeds"),
        ("York", "Museum Gardens", T(13), ""),
    ]


def test_a_link_written_out_beside_a_city_is_no_venue():
    body = "- **Leeds** – https://lu.ma/leeds\n- **York** – 13:00"
    assert [e.venue for e in events_of(page_with(body))] == ["", ""]


def test_a_pin_alone_on_its_line_labels_the_line_below():
    lines = [Line(text, number, []) for number, text in enumerate(["📍", "Cinelândia", "🕑 10h"])]
    assert [line.text for line in with_lone_labels_joined(lines)] == ["📍 Cinelândia", "🕑 10h"]


def test_a_pin_alone_at_the_end_or_over_an_empty_line_is_left_alone():
    lines = [Line(text, number, []) for number, text in enumerate(["Cinelândia", "📍", ""])]
    assert [line.text for line in with_lone_labels_joined(lines)] == ["Cinelândia", "📍", ""]


def test_a_city_card_with_its_venue_below_its_pin_keeps_the_venue():
    body = "### Leeds\n📍\nMillennium Square\n🕑 18:00\n\n### York\n📍 Museum Gardens\n🕑 13:00"
    facts = [(e.city, e.venue, e.starts) for e in events_of(page_with(body))]
    assert facts == [("Leeds", "Millennium Square", T(18)), ("York", "Museum Gardens", T(13))]


def test_cards_of_bold_names_in_one_paragraph_become_headings_line_for_line():
    body = "Intro\n\n**Recife**\n📍 Marco Zero\n🕑 15h\n**Salvador**\n📍 Farol da Barra\n\nBye"
    written = bold_cards_as_headings(body)
    assert written.split("\n") == [
        "Intro",
        "",
        "### Recife",
        "📍 Marco Zero",
        "🕑 15h",
        "### Salvador",
        "📍 Farol da Barra",
        "",
        "Bye",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "**Recife**\n📍 Marco Zero\n🕑 15h",  # one card is read as a card already
        "**Recife**\n📍 Marco Zero\n\n**Salvador**\n📍 Farol da Barra",  # apart already
        "**Wann:**\n📅 12.6.\n**Wo:**\n📍 Markt",  # labels in bold, not names
        "**Recife** – Marco Zero\n📍 x\n**Salvador** – Farol\n📍 y",  # list lines
    ],
)
def test_other_paragraphs_of_bold_lines_are_as_they_were(body):
    assert bold_cards_as_headings(body) == body


def test_a_chat_after_the_link_s_emoji_is_the_city_s_signup():
    body = (
        "### Recife\n📍 Marco Zero\n🕑 15h\n🔗 chat.whatsapp.com/Recife1\n\n"
        "### Salvador\n📍 Farol da Barra\n🕑 16h\n💬 Dúvidas: https://chat.whatsapp.com/Duvidas"
    )
    events = events_of(page_with(body, title="Marcha – 12 de junho de 2027"))
    assert [e.signup_url for e in events] == ["https://chat.whatsapp.com/Recife1", ""]


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("Inscrições: linktr.ee/marcha.rj", "https://linktr.ee/marcha.rj"),
        ("all our links: www.linktr.ee/marcha.", "https://www.linktr.ee/marcha"),
    ],
)
def test_a_linktree_written_without_its_scheme_is_a_link(text, url):
    assert [link.url for link in bare_links(text)] == [url]


def test_a_city_s_own_time_is_not_the_time_of_a_city_that_gives_none():
    body = "### Leeds\nWhere: Millennium Square\n\n### York\nTime: 13.00\nWhere: Museum Gardens"
    facts = [(e.city, e.starts) for e in events_of(page_with(body))]
    assert facts == [("Leeds", None), ("York", T(13))]


def test_one_time_for_all_the_page_s_cities_is_still_each_one_s():
    body = (
        "All marches start at 1pm.\n\n- **Leeds** – Millennium Square\n- **York** – Museum Gardens"
    )
    assert [e.starts for e in events_of(page_with(body))] == [T(13), T(13)]


@pytest.mark.parametrize(
    ("line", "starts", "ends"),
    [
        ("Tid: 14–16", T(14), T(16)),
        ("Time: 2-4", T(14), T(16)),
        ("Time: 10-2", T(10), T(14)),
        ("Tidspunkt: 13", T(13), None),
        ("Uhrzeit: 20–2", T(20), T(2)),
        ("Date: 12–13", None, None),  # days, not hours
        ("Tid: 14–16 personer", None, None),
        ("Time: 25", None, None),
    ],
)
def test_bare_hours_after_a_label_of_the_hour(line, starts, ends):
    body = f"### Leeds\nWhere: Millennium Square\n{line}\n\n### York\nWhere: Museum Gardens"
    leeds = events_of(page_with(body))[0]
    assert (leeds.starts, leeds.ends) == (starts, ends)


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("Hlavná ulica o 17:00", T(17)),
        ("Staroměstské náměstí o 18 hod.", T(18)),
        ("Rynek o 17.30", T(17, 30)),
        ("Puerta 1 o 2", None),  # "or" in Spanish
        ("Rynek o 17", None),  # a bare number after "o" may be anything
        ("o 12. júna", None),  # a day
        ("ob 12. junija", None),
    ],
)
def test_an_hour_after_the_latin_o_of_slovak_czech_and_polish(text, starts):
    span = find_times(text)
    assert (span.starts if span else None) == starts


def test_the_latin_o_before_an_hour_is_no_part_of_the_venue():
    assert strip_times("Hlavná ulica o 17:00").strip() == "Hlavná ulica"


def _rows(*cells: tuple[str, str]) -> list:
    return [(line, [(left, []), (right, [])]) for line, (left, right) in enumerate(cells, 1)]


def test_a_table_of_one_event_s_facts_reads_as_its_labelled_lines():
    (block,) = fact_rows(_rows(("", ""), ("Tidspunkt", "kl. 14–16"), ("Mødested", "Torvet")))
    assert block.text == "Tidspunkt: kl. 14–16\nMødested: Torvet"
    assert (block.kind, block.line) == ("paragraph", 2)


@pytest.mark.parametrize(
    "rows",
    [
        _rows(("Name", "Role"), ("Anna", "Steward"), ("Ben", "First aid")),
        _rows(("", ""), ("Tid", "kl. 14")),  # one label alone tells too little
        _rows(("Tid", "kl. 14"), ("Anna", "Steward"), ("Ben", "First aid"), ("Cy", "Press")),
    ],
)
def test_a_table_of_other_things_is_no_table_of_facts(rows):
    assert fact_rows(rows) == []


@pytest.mark.parametrize(
    ("line", "label"),
    [("Tidspunkt: kl. 14", "when"), ("Tidpunkt: 14.00", "when"), ("Mødested: Torvet", "where")],
)
def test_danish_and_swedish_labels_of_the_time(line, label):
    assert label_of(line, "da")[0] == label


@pytest.mark.parametrize(
    ("text", "month"),
    [("Saterdag 12 Junie 2027", 6), ("1 Julie 2027", 7), ("3 Desember 2027", 12)],
)
def test_afrikaans_months(text, month):
    (mention,) = find_dates(text, language="af")
    assert (mention.first.month, mention.first.day) == (month, int(text.split()[-3]))


def test_an_afrikaans_page_s_day_is_its_heading_s_not_its_posting_s():
    (campaign,) = _read("afrikaans_af.md").campaigns
    assert (campaign.starts_on, campaign.ends_on) == (D(2027, 6, 12), D(2027, 6, 12))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "",
                "## Danmark",
                "### København",
                "| | |",
                "|---|---|",
                "| Tidspunkt | kl. 14–16 |",
                "| Mødested | Rådhuspladsen |",
                "- ~~**Košice** – Hlavná ulica, o 17:00~~",
                "- <del>**Nitra**</del>",
                "● 서울 / 광화문광장 / 14:00~16:00 / 신청: https://forms.gle/x",
                "- **Київ** — з 20:00 12 червня до 08:00 13 червня",
                "* **CDMX** · 5 de la tarde",
                "- Tampere (su 13.6.) – Keskustori klo 12",
                "📍 Cinelândia",
                "📍",
                "**Recife**",
                "🔗 linktr.ee/x",
                "<li><del>Lille – 14h</del></li>",
                "## Accions anteriors",
                "- ‏**חיפה** – 19:00–21:00",
            ]
        )
        | st.text(max_size=30),
        max_size=14,
    )
)
def test_a_page_of_pieces_of_these_shapes_and_any_text_reads_soundly(pieces):
    body = "\n".join(pieces)
    assert_reads_soundly(body)
    find_times(body)
    strip_times(body)
    day_spanning_clocks_as_ranges(body)
    assert bold_cards_as_headings(body).count("\n") == body.count("\n")
