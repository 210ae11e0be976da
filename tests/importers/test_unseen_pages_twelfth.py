"""A twelfth set of protest pages of movements nobody here has read (`unseen_twelfth`), and
the misreadings found beside them.

Each page's test lists every event a careful organizer would import from it: its city and
country, its day, its hours on the place's clock and that clock's zone, its venue, its
signup link and whether it is called off. The list must be exactly that: an event more is an
invented one.
"""

import time as clock
from datetime import date, time

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.importers.page_reading import (
    assert_page_reads_into,
    assert_reads_soundly,
    each_page,
    events_of,
    page_with,
)
from tests.importers.unseen_twelfth import EXPECTED, PAGES
from turnout.importers.page_blocks import bare_links
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.times import find_times, strip_times
from turnout.importers.wiki_markup import forum_tags_as_markdown, mediawiki_as_markdown

T = time
D = date


GAPS: dict[str, str] = {}  # page name: why it does not read yet (none left)


def _read(name: str):
    return read_markdown_page(PAGES[name], name=name)


@pytest.mark.parametrize("name", each_page(EXPECTED, GAPS))
def test_each_page_of_the_twelfth_set_reads_into_exactly_its_events(name):
    assert_page_reads_into(PAGES, EXPECTED, name)


def test_every_page_of_the_set_is_expected():
    assert sorted(PAGES) == sorted(EXPECTED)


def test_a_moved_city_stretches_the_campaign_to_its_new_day():
    (campaign,) = _read("update_lines_en.md").campaigns
    assert (campaign.starts_on, campaign.ends_on) == (D(2027, 6, 12), D(2027, 6, 13))


def test_the_online_calls_keep_their_meeting_links_written_without_a_scheme():
    online = [
        (e.meeting_url, e.city)
        for name in ("country_in_brackets.md", "livestream_sv.md")
        for e in _read(name).campaigns[0].events
        if e.is_online
    ]
    assert online == [
        ("https://meet.jit.si/GlobalDayCall", ""),
        ("https://zoom.us/j/9876543210", ""),
    ]


# --- focused tests, one per gap fixed -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("RSVP: lu.ma/pause-sf", "https://lu.ma/pause-sf"),
        ("RSVP: partiful.com/e/Xk2pDC.", "https://partiful.com/e/Xk2pDC"),
        ("Tickets: eventbrite.co.uk/e/walk-123", "https://eventbrite.co.uk/e/walk-123"),
        ("Anmeldung unter pretix.eu/vw/leipzig/", "https://pretix.eu/vw/leipzig/"),
        ("Zapisy: forms.gle/AbC123", "https://forms.gle/AbC123"),
        ("Call: meet.jit.si/GlobalDayCall", "https://meet.jit.si/GlobalDayCall"),
        ("Zoom: us02web.zoom.us/j/8123", "https://us02web.zoom.us/j/8123"),
    ],
)
def test_signup_and_call_pages_written_without_a_scheme_are_links(text, url):
    assert [link.url for link in bare_links(text)] == [url]


@pytest.mark.parametrize(
    "text",
    ["Read more at example.org/about", "see lu.ma for details", "mail info@lu.ma/x", "fu.lu.ma/x"],
)
def test_other_addresses_and_words_written_without_a_scheme_are_no_links(text):
    assert bare_links(text) == []


def test_a_newsletter_laid_out_in_nested_tables_is_read_as_its_text_and_its_address_is_no_event():
    page = PAGES["mailchimp_en.md"]
    assert [e.city for e in events_of(page)] == ["Leeds", "Sheffield", "York"]
    # The same newsletter with the mailing address alone in the footer table: no event.
    assert "Our mailing address is" in page


def test_a_table_of_rows_still_reads_as_rows_beside_the_layout_rule():
    events = events_of(
        page_with(
            "<table><tr><th>Stadt</th><th>Ort</th><th>Zeit</th></tr>"
            "<tr><td>Kassel</td><td>Königsplatz</td><td>14 Uhr</td></tr>"
            "<tr><td>Fulda</td><td>Uniplatz</td><td>15 Uhr</td></tr></table>",
            title="Aktionstag – 12. Juni 2027",
        )
    )
    assert [(e.city, e.venue, e.starts) for e in events] == [
        ("Kassel", "Königsplatz", T(14)),
        ("Fulda", "Uniplatz", T(15)),
    ]


@pytest.mark.parametrize(
    ("mark", "title"),
    [
        ("″", "Aktionstag – 12. Juni 2027"),
        ("dto.", "Aktionstag – 12. Juni 2027"),
        ("s.o.", "Aktionstag – 12. Juni 2027"),
        ("idem", "Marche – 12 juin 2027"),
        ('"', "Day of action – 12 June 2027"),
        ("〃", "Day of action – 12 June 2027"),
    ],
)
def test_a_cell_of_ditto_marks_repeats_the_cell_above_it(mark, title):
    events = events_of(
        page_with(
            "| City | Day | Time | Venue |\n|---|---|---|---|\n"
            "| Leipzig | 13.06.2027 | 14:30 | Augustusplatz |\n"
            f"| Dresden | {mark} | {mark} | Altmarkt |\n",
            title=title,
        )
    )
    assert [(e.city, e.day, e.starts) for e in events] == [
        ("Leipzig", D(2027, 6, 13), T(14, 30)),
        ("Dresden", D(2027, 6, 13), T(14, 30)),
    ]


@pytest.mark.parametrize(
    ("text", "starts", "left"),
    [
        ("Augustusplatz, ab 14 Uhr", T(14), "Augustusplatz"),
        ("Neude, vanaf 14.00 uur", T(14), "Neude"),
        ("place Kléber, dès 14h", T(14), "place Kléber"),
        ("College Green, from 2pm", T(14), "College Green"),
        ("Plaza Mayor, desde las 18 h", T(18), "Plaza Mayor"),
    ],
)
def test_the_word_that_opens_an_hour_goes_with_it(text, starts, left):
    span = find_times(text)
    assert span is not None and span.starts == starts
    assert strip_times(text).strip(" ,") == left


def test_from_before_a_bare_number_makes_it_no_hour():
    assert find_times("Eintritt ab 14 Jahren") is None
    assert strip_times("Eintritt ab 14 Jahren") == "Eintritt ab 14 Jahren"


def test_a_city_named_like_a_country_is_the_city_of_the_list_s_country():
    events = events_of(
        page_with(
            "- **Recife** — Marco Zero, 15h\n- **Salvador** — Campo Grande, 14h\n"
            "- **Fortaleza** — Praça do Ferreira, 15h\n",
            title="Ato – 12/06/2027",
        )
    ) + events_of(
        page_with(
            "- **Metz** — place de la République, 14h\n- **Luxembourg** — place d'Armes, 15h\n",
            title="Marche – 12 juin 2027",
        )
    )
    assert [(e.city, e.country) for e in events] == [
        ("Recife", "BR"),
        ("Salvador", "BR"),
        ("Fortaleza", "BR"),
        ("Metz", "FR"),
        ("Luxembourg", "LU"),
    ]


def test_an_organizer_s_past_events_under_their_html_heading_are_not_imported():
    plan = _read("eventbrite_ie.md")
    (campaign,) = plan.campaigns
    assert "Limerick" not in [e.city for e in campaign.events]
    assert (campaign.starts_on, campaign.ends_on) == (D(2027, 6, 12), D(2027, 6, 13))


def test_a_section_of_past_events_ends_at_the_next_heading_of_its_rank():
    events = events_of(
        page_with(
            "<div><h2>Past events</h2><h3>Limerick</h3><p>People's Park, 14:00</p>"
            "<h2>Coming up</h2><h3>Sligo</h3><p>Abbey Street, 15:00</p></div>",
            title="Climate walks – 12 June 2027",
        )
    )
    assert [(e.city, e.venue) for e in events] == [("Sligo", "Abbey Street")]


def test_a_card_whose_title_is_its_link_signs_up_there_and_a_plain_title_has_none():
    events = events_of(
        page_with(
            '<div><a href="https://lu.ma/walk-derry"><h3>Walk Derry</h3></a>'
            "<p>Guildhall Square, 14:00</p></div>"
            "<div><h3>Walk Belfast</h3><p>City Hall, 15:00</p></div>",
            title="Climate walks – 12 June 2027",
        )
    )
    assert [(e.city, e.signup_url) for e in events] == [
        ("Derry", "https://lu.ma/walk-derry"),
        ("Belfast", ""),
    ]


def test_a_description_list_is_one_event_per_term():
    events = events_of(
        page_with(
            "<dl><dt>Gent</dt><dd>Korenmarkt</dd><dd>14u</dd>"
            "<dt>Leuven</dt><dd>Ladeuzeplein, 15u</dd></dl>",
            title="Klimaatmars – 12 juni 2027",
        )
    )
    assert [(e.city, e.venue, e.starts) for e in events] == [
        ("Ghent", "Korenmarkt", T(14)),
        ("Leuven", "Ladeuzeplein", T(15)),
    ]


def test_a_city_postponed_to_a_day_of_its_own_is_moved_and_one_without_is_called_off():
    events = events_of(
        page_with(
            "- **Leeds** — Park Square, 2pm — postponed to Saturday 19 June\n"
            "- **Hull** — Queen Victoria Square, 2pm — postponed\n"
            "- **Köln** — Heumarkt, 14 Uhr — verschoben auf den 19. Juni\n",
            title="Day of action – 12 June 2027",
        )
    )
    assert [(e.city, e.day, e.is_cancelled) for e in events] == [
        ("Leeds", D(2027, 6, 19), False),
        ("Kingston upon Hull", D(2027, 6, 12), True),
        ("Cologne", D(2027, 6, 19), False),
    ]


def test_a_mediawiki_table_becomes_a_markdown_table():
    text = (
        '== Akce ==\n{| class="wikitable"\n! Město !! Místo\n|-\n'
        "| Praha || [https://forms.gle/P registrace]\n|-\n"
        '| style="color:red" | Brno || náměstí Svobody\n|}\n[[Kategorie:Akce]]\n'
    )
    assert mediawiki_as_markdown(text).strip().split("\n") == [
        "## Akce",
        "| Město | Místo |",
        "|---|---|",
        "| Praha | [registrace](https://forms.gle/P) |",
        "| Brno | náměstí Svobody |",
    ]


def test_a_czech_city_called_off_is_cancelled():
    events = events_of(
        page_with(
            "- **Praha** – Václavské náměstí, 14:00\n- **Plzeň** – náměstí Republiky – zrušeno\n",
            title="Klimatický den – 12. června 2027",
        )
    )
    assert [(e.city, e.is_cancelled) for e in events] == [("Prague", False), ("Pilsen", True)]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ('[date=2027-06-12 time=14:00:00 timezone="Europe/Amsterdam"]', "2027-06-12 14:00"),
        (
            '[date=2027-06-12 time=14:00:00 timezone="Europe/Berlin"] → '
            '[date=2027-06-12 time=16:30:00 timezone="Europe/Berlin"]',
            "2027-06-12 14:00–16:30",
        ),
        ("[date=2027-06-12]", "2027-06-12"),
        ("[details=Amsterdam]", "\n### Amsterdam\n"),
        ("[/details]", ""),
    ],
)
def test_discourse_s_tags_are_written_as_markdown(text, written):
    assert forum_tags_as_markdown(text) == written


def test_japanese_titles_marked_with_a_square_are_cities_and_full_width_labels_are_read():
    events = events_of(
        page_with(
            "◆仙台\n日時：６月１２日（土）１４：００〜\n場所：勾当台公園\n\n"
            "■京都\n日時：６月１２日（土）午後１時半〜\n場所：円山公園",
            title="全国アクション 2027年6月12日",
        )
    )
    assert [(e.city, e.starts, e.venue) for e in events] == [
        ("Sendai", T(14), "勾当台公園"),
        ("Kyoto", T(13, 30), "円山公園"),
    ]


def test_a_sentence_after_the_hour_that_ends_a_venue_is_no_part_of_it():
    events = events_of(
        page_with(
            "**Göteborg** – Gustaf Adolfs torg kl. 13. Ta med skyltar!\n\n"
            "**St. Albans** – St. Peter's Street, 2pm. Bring a friend.\n",
            title="Klimatmöte 12 juni 2027",
        )
    )
    assert [(e.city, e.venue) for e in events] == [
        ("Gothenburg", "Gustaf Adolfs torg"),
        ("St Albans", "St. Peter's Street"),
    ]


def test_the_zone_in_a_time_column_s_label_is_every_row_s():
    events = events_of(
        page_with(
            "| City | Time (CET) |\n|---|---|\n| Lisbon | 14:00 |\n| Athens | 14:00 |\n",
            title="Day of action – 12 June 2027",
        )
    )
    assert [(e.city, e.starts, e.timezone) for e in events] == [
        ("Lisbon", T(13), "Europe/Lisbon"),
        ("Athens", T(15), "Europe/Athens"),
    ]


@pytest.mark.parametrize(
    ("note", "facts"),
    [
        ("**Update:** Leeds is cancelled.", [("Leeds", D(2027, 6, 12), True)]),
        ("Aktualisierung: Leeds fällt aus.", [("Leeds", D(2027, 6, 12), True)]),
        ("EDIT 3 June: Leeds moves to 13 June.", [("Leeds", D(2027, 6, 13), False)]),
        ("Edit: added York!", [("Leeds", D(2027, 6, 12), False)]),
        ("Update: Leeds people, join York instead.", [("Leeds", D(2027, 6, 12), False)]),
        ("Leeds is cancelled, said the paper in 2019.", [("Leeds", D(2027, 6, 12), False)]),
    ],
)
def test_an_update_note_calls_off_or_moves_the_one_city_each_sentence_names(note, facts):
    events = events_of(
        page_with(
            f"{note}\n\n- **Leeds** — Park Square, 2pm\n- **York** — Parliament Street, 1pm\n",
            title="Day of action – 12 June 2027",
        )
    )
    assert [(e.city, e.day, e.is_cancelled) for e in events if e.city == "Leeds"] == facts


def test_a_german_update_names_its_cities_in_german_and_a_day_moves_rather_than_cancels():
    events = events_of(
        page_with(
            "**Aktualisierung 10.6.:** Die Demo in Köln fällt aus. Die Demo in Bonn ist auf "
            "Sonntag, 13. Juni, verschoben.\n\n- **Köln** – Heumarkt, 14 Uhr\n"
            "- **Bonn** – Marktplatz, 15 Uhr\n- **Aachen** – Elisenbrunnen, 14 Uhr\n",
            title="Aktionstag – 12. Juni 2027",
        )
    )
    assert [(e.city, e.day, e.is_cancelled) for e in events] == [
        ("Cologne", D(2027, 6, 12), True),
        ("Bonn", D(2027, 6, 13), False),
        ("Aachen", D(2027, 6, 12), False),
    ]


@pytest.mark.parametrize(
    ("body", "title", "facts"),
    [
        (
            "**Aktualizacja 9 czerwca:** marsz w Krakowie jest odwołany.\n\n"
            "- **Warszawa** — Plac Zamkowy, godz. 15:00\n"
            "- **Kraków** — Rynek Główny, godz. 14:00\n",
            "Marsz dla Klimatu – 12 czerwca 2027",
            [("Warsaw", D(2027, 6, 12), False), ("Kraków", D(2027, 6, 12), True)],
        ),
        (
            "MàJ du 8 juin : la marche de Lille est reportée au dimanche 13 juin.\n\n"
            "* Lille — Grand-Place — 14 h 30\n* Amiens — place Gambetta — 15 h\n",
            "Marche – 12 juin 2027",
            [("Lille", D(2027, 6, 13), False), ("Amiens", D(2027, 6, 12), False)],
        ),
    ],
)
def test_update_notes_in_polish_and_french(body, title, facts):
    events = events_of(page_with(body, title=title))
    assert [(e.city, e.day, e.is_cancelled) for e in events] == facts


def test_a_front_matter_list_that_names_no_cities_is_no_table_of_events():
    page = (
        "---\ntitle: Actiedag – 12 juni 2027\ndate: 2027-05-16\nmenu:\n"
        "  - name: Home\n    url: /\n  - name: Over ons\n    url: /over/\n---\n\n"
        "- **Utrecht** – Neude, 14:00\n"
    )
    assert [e.city for e in events_of(page)] == ["Utrecht"]


# --- no input crashes the reader, nor keeps it long ------------------------------------------

_PIECES = [
    '<table><tr><td><table><tr><td class="mcnTextContent"><h3>Leeds</h3>'
    "<p>Meet at Leeds Dock, 10am</p></td></tr></table></td></tr></table>",
    "| Stadt | Datum | Uhrzeit |\n|---|---|---|\n| Leipzig | Sa., 12.06. | ab 14 Uhr |\n"
    "| Dresden | ″ | dto. |",
    "> **UPDATE 9 June:** the Bristol rally moves to **Sunday 13 June**.",
    "* San Francisco — 12–2pm — RSVP: lu.ma/pause-sf",
    '[details="Amsterdam"]\nTime: [date=2027-06-12 time=14:00:00 timezone="Europe/Amsterdam"]'
    "\n[/details]",
    "|City|Where|Time (ET)|\n|:-|:-|:-|\n|Chicago|Daley Plaza|1pm|",
    '<a class="event-card-link" href="https://www.eventbrite.ie/e/x"><h3>Walk Cork</h3></a>'
    "<p>Sat, Jun 12 • 2:00 PM GMT+1</p><h2>Past events</h2><p>Sat, Mar 13</p>",
    "<dl><dt>Namur</dt><dd>Place d'Armes · 15h</dd><dt>Charleroi</dt><dd>reporté au 19 juin",
    '{| class="wikitable"\n! Město !! Čas\n|-\n| Brno || 15:00\n|}',
    "■札幌\n日時：６月１２日（土）午後２時〜午後４時\n場所：大通公園西３丁目",
    "- [ ] **Manaus** — local a definir",
    "**Stockholm** – Mynttorget kl. 12–14. Talen livesänds på [YouTube](https://youtu.be/x).",
    "- Oslo (Norway) — Eidsvolls plass — 12:00 — lu.ma/pauseai-oslo",
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


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["steden", "cities", "menu", "stad", "tags"]),
        st.lists(
            st.dictionaries(
                st.sampled_from(["stad", "city", "plek", "tijd", "name", "url"]),
                st.one_of(st.text(max_size=20), st.integers(), st.none()),
                max_size=4,
            ),
            max_size=3,
        ),
        max_size=2,
    )
)
def test_any_front_matter_lists_read_soundly(lists):
    front = yaml.safe_dump({"title": "Actiedag 12 juni 2027", "date": "2027-05-16", **lists})
    plan = read_markdown_page(f"---\n{front}---\n\nKom op 12 juni.\n", name="f.md")
    for campaign in plan.campaigns:
        assert campaign.starts_on <= campaign.ends_on
        for event in campaign.events:
            assert event.is_online or event.city
