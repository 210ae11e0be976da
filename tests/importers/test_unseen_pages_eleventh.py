"""An eleventh set of protest pages of movements nobody here has read (`unseen_eleventh`), and
the misreadings found beside them and left by the tenth round.

Each page's test lists every event a careful organizer would import from it: its city and
country, its day, its hours on the place's clock and that clock's zone, its venue, its
signup link and whether it is called off. The list must be exactly that: an event more is an
invented one.
"""

import time as clock
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
from tests.importers.unseen_eleventh import AMS, EXPECTED, PAGES, PAGES_OF_GROUPS
from turnout.importers.dates import find_dates
from turnout.importers.prose_city_lists import cities_in_sentence
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.times import find_times, strip_times

T = time
D = date


GAPS: dict[str, str] = {}  # page name: why it does not read yet (none left)


def _read(name: str):
    return read_markdown_page(PAGES[name], name=name)


@pytest.mark.parametrize("name", each_page(EXPECTED, GAPS))
def test_each_page_of_the_eleventh_set_reads_into_exactly_its_events(name):
    assert_page_reads_into(PAGES, EXPECTED, name)


def test_every_page_of_the_set_is_expected():
    assert sorted(PAGES) == sorted(EXPECTED)


def test_the_online_call_beside_the_rallies_keeps_its_meeting_link():
    (campaign,) = _read("zoom_mixed.md").campaigns
    online = [e for e in campaign.events if e.is_online]
    assert [(e.meeting_url, e.city) for e in online] == [
        ("https://us02web.zoom.us/j/81234567890?pwd=RiverTalk", "")
    ]


def test_a_city_on_two_days_is_two_events_with_their_own_links():
    (campaign,) = _read("twice_es.md").campaigns
    twice = [(e.day, e.signup_url) for e in campaign.events if e.city == "Buenos Aires"]
    assert twice == [
        (D(2027, 6, 12), "https://forms.gle/CaravanaBA1"),
        (D(2027, 6, 19), "https://forms.gle/CaravanaBA2"),
    ]
    assert (campaign.starts_on, campaign.ends_on) == (D(2027, 6, 12), D(2027, 6, 19))


def test_a_notion_callout_and_its_closing_tag_leave_no_warning_of_raw_html():
    plan = _read("notion_es.md")
    assert not [w for w in plan.warnings if "HTML" in w.message]


# --- focused tests, one per gap fixed -----------------------------------------------------------


def test_a_meetup_group_page_with_its_next_meeting_in_schema_org_data_is_a_group():
    plan = read_markdown_page(PAGES_OF_GROUPS["meetup_nl"], name="klimaatgroep-utrecht.md")
    assert plan.campaigns == []
    (group,) = plan.groups
    assert (group.city, group.country) == ("Utrecht", "NL")
    assert [(m.rule, m.starts, m.timezone) for m in group.meetups] == [
        ("FREQ=MONTHLY;INTERVAL=1;BYDAY=2TH", T(19, 30), AMS)
    ]
    assert ("whatsapp", "https://chat.whatsapp.com/KlimaatUtrecht27") in group.channels


def test_a_group_page_that_announces_a_protest_of_its_own_stays_a_campaign():
    page = (
        "---\ntitle: Klimaatgroep Utrecht – fietsdemo 12 juni 2027\ndate: 2027-05-02\n---\n\n"
        "Onze open avond is elke tweede donderdag van de maand om 19:30.\n\n"
        "- **Utrecht** – Neude, 14:00 – [aanmelden](https://forms.gle/FietsdemoUtrecht)\n\n"
        "[WhatsApp-groep](https://chat.whatsapp.com/KlimaatUtrecht27)\n"
    )
    plan = read_markdown_page(page, name="p.md")
    (campaign,) = plan.campaigns
    assert [(e.city, e.day, e.starts) for e in campaign.events] == [
        ("Utrecht", D(2027, 6, 12), T(14))
    ]


def test_schema_org_events_under_a_heading_of_past_actions_are_not_imported():
    (campaign,) = read_markdown_page(PAGES_OF_GROUPS["past_section_de"], name="p.md").campaigns
    assert (campaign.starts_on, campaign.ends_on) == (D(2027, 6, 12), D(2027, 6, 12))
    assert [(e.city, e.day, e.starts, e.venue) for e in campaign.events] == [
        ("Leipzig", D(2027, 6, 12), T(14), "Augustusplatz")
    ]


def test_schema_org_events_held_before_the_page_was_posted_are_not_imported():
    (campaign,) = read_markdown_page(PAGES_OF_GROUPS["past_list_de"], name="p.md").campaigns
    assert [(e.city, e.day) for e in campaign.events] == [("Leipzig", D(2027, 6, 12))]


def test_a_report_whose_schema_org_events_all_lie_before_its_date_keeps_them():
    page = PAGES_OF_GROUPS["past_list_de"].replace("2027-06-12T14", "2027-04-12T14")
    (campaign,) = read_markdown_page(page, name="p.md").campaigns
    assert [(e.city, e.day) for e in campaign.events] == [
        ("Leipzig", D(2027, 4, 12)),
        ("Dresden", D(2026, 9, 19)),
    ]


def test_a_venue_linked_to_its_page_on_the_site_is_the_venue_and_a_map_s_label_is_not():
    events = events_of(
        page_with(
            "- **Zwolle** – [Grote Markt](https://actie.example.nl/locaties/grote-markt/), "
            "14:00\n"
            "- **Deventer** – Brink, 15:00 – [kaart](https://maps.google.com/?q=Brink+Deventer)\n",
            title="Actiedag – 12 juni 2027",
        )
    )
    assert [(e.city, e.venue) for e in events] == [("Zwolle", "Grote Markt"), ("Deventer", "Brink")]


@pytest.mark.parametrize(
    ("text", "starts", "left"),
    [
        ("Plaza Nueva, a las 19:00 (por el calor)", T(19), "Plaza Nueva"),
        ("Heumarkt, 12 Uhr (bei Regen im Zelt)", T(12), "Heumarkt"),
        ("Vrijthof, 13.00 uur (CEST)", T(13), "Vrijthof"),
    ],
)
def test_words_in_brackets_after_an_hour_are_no_zone_unless_written_in_capitals(text, starts, left):
    span = find_times(text)
    assert span is not None and span.starts == starts
    assert " ".join(strip_times(text).split()).startswith(left)
    assert ("(" in strip_times(text)) == ("(" in text and "CEST" not in text)


def test_a_german_short_weekday_with_its_dot_is_no_part_of_the_venue():
    events = events_of(
        page_with(
            "- Hamburg – Sa., 14.6., 15 Uhr, Jungfernstieg\n"
            "- Bremen – So., 15.6., 12 Uhr, Marktplatz\n",
            title="Aktionstag Wohnen 2027",
        )
    )
    assert [(e.city, e.day, e.starts, e.venue) for e in events] == [
        ("Hamburg", D(2027, 6, 14), T(15), "Jungfernstieg"),
        ("Bremen", D(2027, 6, 15), T(12), "Marktplatz"),
    ]


def test_a_paragraph_that_is_one_link_without_a_day_or_an_hour_is_no_event():
    events = events_of(
        page_with(
            "- **Gent** – Korenmarkt, 14:00\n\n[📸 Instagram – volg ons](https://www.instagram.com/x/)\n\n"
            "[Lees meer – waarom we marcheren](https://example.be/waarom)\n",
            title="Klimaatmars – 12 juni 2027",
        )
    )
    assert [e.city for e in events] == ["Ghent"]


def test_a_notion_toggle_s_details_belong_to_its_city_and_other_nested_paragraphs_do_not():
    events = events_of(
        page_with(
            "- Lille\n\n    Lieu : place du Général-de-Gaulle\n\n    Heure : 15h\n\n"
            "- Nantes\n\n    Nous marcherons ensemble jusqu'à la préfecture, comme l'an dernier.\n",
            title="Marche – 12 juin 2027",
        )
    )
    assert [(e.city, e.starts, e.venue) for e in events] == [
        ("Lille", T(15), "place du Général-de-Gaulle"),
        ("Nantes", None, ""),
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("12 ira", date(2027, 9, 12)),
        ("api 12", date(2027, 4, 12)),
        ("12 aza 2027", date(2027, 11, 12)),
    ],
)
def test_basque_short_months_are_months_on_a_basque_page_only(text, day):
    # Basque is in the tables now (its signup and "to be confirmed" words), and its short
    # months are words elsewhere ("ira" is Italian anger, "api" bees).
    assert [m for m in find_dates(text) if m.has_day] == []
    (mention,) = [m for m in find_dates(text, language="eu") if m.has_day]
    assert mention.window(2027) == (day, day)


def test_words_of_the_edges_sign_up_and_leave_a_time_to_be_confirmed():
    events = events_of(
        page_with(
            "- **Valletta** — Misraħ il-Ħelsien, fl-10:00 — irreġistra [hawn](https://forms.gle/V)\n"
            "- **Mosta** — Pjazza tar-Rotunda, il-ħin mhux ikkonfermat\n",
            title="Protesta – 12 ta' Ġunju 2027",
        )
    ) + events_of(
        page_with(
            "- **Tirana** – Sheshi Skënderbej, ora 18:00. Regjistrohu [këtu](https://forms.gle/T)\n"
            "- **Durrës** – Sheshi Liria, ora 17:30\n",
            title="Marshimi – 12 qershor 2027",
        )
    )
    assert [(e.city, e.venue, e.starts, e.signup_url) for e in events] == [
        ("Valletta", "Misraħ il-Ħelsien", T(10), "https://forms.gle/V"),
        ("Mosta", "Pjazza tar-Rotunda", None, ""),
        ("Tirana", "Sheshi Skënderbej", T(18), "https://forms.gle/T"),
        ("Durrës", "Sheshi Liria", T(17, 30), ""),
    ]


def test_a_city_s_line_with_a_map_beside_it_is_read_and_a_map_alone_is_no_event():
    events = events_of(
        page_with(
            "- **Amersfoort** – Lieve Vrouwekerkhof, 15:00 – [kaart](https://goo.gl/maps/abc)\n"
            "- [📍 kaart](https://maps.google.com/?q=Neude)\n",
            title="Actiedag – 12 juni 2027",
        )
    )
    assert [(e.city, e.venue, e.starts) for e in events] == [
        ("Amersfoort", "Lieve Vrouwekerkhof", T(15))
    ]


def test_a_card_titled_with_an_event_s_name_and_a_venue_s_name_is_no_city():
    events = events_of(
        page_with(
            "- **Fietsdemo Zwolle** – Grote Markt, 14:00\n- **Castle Park** – 15:00\n",
            title="Fietsdemo – 12 juni 2027",
        )
    )
    assert [(e.city, e.venue) for e in events] == [("Zwolle", "Grote Markt")]


@pytest.mark.parametrize(
    ("text", "language", "cities"),
    [
        ("gaan fietsers de straat op in Amsterdam, Rotterdam en Utrecht.", "nl",
         ["Amsterdam", "Rotterdam", "Utrecht"]),
        ("Am Samstag gibt es Demos in Berlin, Hamburg und München.", "de",
         ["Berlin", "Hamburg", "Munich"]),
        ("Concentraciones en Madrid, Sevilla y Valencia el sábado.", "es",
         ["Madrid", "Seville", "Valencia"]),
        ("Marsze w Warszawie, Krakowie i Gdańsku", "pl", ["Warsaw", "Kraków", "Gdańsk"]),
        ("We met in Amsterdam, Green Party and others", "en", []),
        ("in the Netherlands and Belgium", "en", []),
        ("with Greenpeace and Extinction Rebellion in Lisbon", "en", []),
    ],
)  # fmt: skip
def test_the_cities_a_press_release_lists_in_a_sentence_are_read_all_or_none(
    text, language, cities
):
    # Ready for `prose_events` (the lead's) to make one event per city of its day's line.
    assert [place.city for place in cities_in_sentence(text, language)] == cities


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["in", "en", "und", "y", "i", "Amsterdam", "Berlin", ",", "Xyz", "de"]),
        max_size=12,
    ).map(" ".join)
)
def test_a_sentence_s_list_of_cities_is_never_a_crash_and_always_known_cities(text):
    for place in cities_in_sentence(text, None):
        assert place.city and place.country


# --- no input crashes the reader, nor keeps it long ------------------------------------------

_PIECES = [
    '<article class="eventlist-event"><h1 class="eventlist-title">Fietsdemo Zwolle</h1>'
    '<time class="event-date" datetime="2027-06-12">zaterdag 12 juni 2027</time></article>',
    "<aside>\n📣 Sábado 12 de junio de 2027, 12:00\n",
    "</aside>",
    "- Madrid\n\n    Lugar: Puerta del Sol\n\n    Inscripción: [aquí](https://forms.gle/x)",
    "[🗓️ Hamburg – Sa., 14.6., 15 Uhr, Jungfernstieg](https://pretix.eu/x/)",
    "<details><summary>Göteborg</summary><p>Gustaf Adolfs torg, kl. 13.00</p></details>",
    "| Miasto | Miejsce | Data | Godzina |\n| --- | --- | --- | --- |\n"
    "| Kraków | Rynek | sobota 12 czerwca 2027 | godz. 14:00 |",
    "| Şehir | Yer | Tarih | Saat |\n|---|---|---|---|\n"
    "| Ankara | Kuğulu Park | 12 Haziran | 16.00 |",
    "- **東京** 6月12日（土）15時 代々木公園",
    "- **Torino** — 12 giugno, ore 15, piazza Castello",
    "- **Rosario** — domingo 13 de junio, 11 hs, Monumento",
    "- **Maastricht** – Vrijthof, 13.00 uur – geannuleerd",
    "- **Online** — 19:00 BST on [Zoom](https://us02web.zoom.us/j/1)",
    "[^n]: Last time, 13 March 2027, 10am–4pm.",
    '<script type="application/ld+json">{"@type":"Event","startDate":"2026-01-01",'
    '"location":"Dresden"}</script>',
    "Onze open avond is elke tweede donderdag van de maand om 19:30.",
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_PIECES), st.text(max_size=80)),
        min_size=1,
        max_size=6,
    )
)
def test_a_page_of_pieces_of_these_shapes_and_any_text_reads_soundly_and_quickly(pieces):
    started = clock.monotonic()
    assert_reads_soundly("\n\n".join(pieces))
    assert clock.monotonic() - started < 5
