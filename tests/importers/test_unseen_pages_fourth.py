"""A fourth set of protest pages of movements nobody here has read, in the shapes the earlier
sets leave out.

`fixtures/unseen4/` holds 22 pages in English, Dutch, German, French, Spanish, Italian,
Portuguese, Danish, Finnish, Hungarian, Turkish, Ukrainian, Greek, Hebrew and Arabic: hours
as each language writes them ("alle 21", "a las 18 h", "14 h 30", "ab 15 Uhr", "klo 15", "15
órakor", "saat 14.00", "о 18:00", "στις 18:00", "noon", "2 to 4pm"), their month names,
"14/15 June", weekdays under a dated heading, local names of cities, a city at the end of
its venue, postcodes of several countries, lists headed in languages the importer has no
words for, Hugo shortcodes, Notion `<details>` exports, Google Docs exports, a table whose
header is its second row and a list with the time first. `expected.yaml` lists what a
careful person imports from each.
"""

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.importers.page_reading import assert_reads_soundly, events_of, page_with
from tests.importers.unseen_sets import UnseenSet
from turnout.importers.dates import find_dates
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.times import TimeSpan, find_times

UNSEEN = UnseenSet("unseen4")
read = UNSEEN.read
T = time


def test_the_importer_recovers_at_least_95_percent_of_the_facts_of_a_fourth_unseen_set():
    UNSEEN.assert_recovered("fourth unseen set", at_least_pages=20)


# --- focused tests, one per shape --------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "span"),
    [
        ("Piazza Castello, alle 21", TimeSpan(T(21))),
        ("dalle 18 alle 20", TimeSpan(T(18), T(20))),
        ("a las 18 h", TimeSpan(T(18))),
        ("de 11 a 13 h", TimeSpan(T(11), T(13))),
        ("esplanade Charles de Gaulle, 14 h 30", TimeSpan(T(14, 30))),
        ("de 13 h à 15 h", TimeSpan(T(13), T(15))),
        ("ab 15 Uhr", TimeSpan(T(15))),
        ("15.30 Uhr", TimeSpan(T(15, 30))),
        ("às 15h", TimeSpan(T(15))),
        ("Senaatintori, klo 15", TimeSpan(T(15))),
        ("klo 16–18", TimeSpan(T(16), T(18))),
        ("Kossuth tér, 15 órakor", TimeSpan(T(15))),
        ("15 órától 17 óráig", TimeSpan(T(15), T(17))),
        ("saat 14.00", TimeSpan(T(14))),
        ("о 18:00", TimeSpan(T(18))),
        ("στις 18:30", TimeSpan(T(18, 30))),
        ("midday", TimeSpan(T(12))),
        ("2 to 4pm", TimeSpan(T(14), T(16))),
    ],
)
def test_hours_as_each_language_writes_them(written, span):
    assert find_times(written) == span


def test_a_bare_number_without_a_word_for_hours_is_no_time():
    assert find_times("Kossuth tér 15") is None
    assert find_times("we were 21 in Turku") is None


@pytest.mark.parametrize(
    ("written", "first", "last"),
    [
        ("lauantaina 14. kesäkuuta 2027", date(2027, 6, 14), date(2027, 6, 14)),
        ("2027. június 14., szombat", date(2027, 6, 14), date(2027, 6, 14)),
        ("14 Haziran 2027 Cumartesi", date(2027, 6, 14), date(2027, 6, 14)),
        ("14 червня 2027 року", date(2027, 6, 14), date(2027, 6, 14)),
        ("14 июня 2027", date(2027, 6, 14), date(2027, 6, 14)),
        ("Σάββατο 14 Ιουνίου 2027", date(2027, 6, 14), date(2027, 6, 14)),
        ("a weekend camp, 14/15 June 2027", date(2027, 6, 14), date(2027, 6, 15)),
        ("Toimintaviikko 14.–18.6.2027", date(2027, 6, 14), date(2027, 6, 18)),
    ],
)
def test_month_names_of_more_languages_and_two_days_a_slash_joins(written, first, last):
    (mention,) = find_dates(written)
    assert mention.window(2027) == (first, last)


def test_a_day_in_the_name_of_a_square_is_not_the_events_day():
    assert find_dates("Praça 8 de Maio, às 10h30") == []
    assert find_dates("Plaza 2 de Mayo") == []
    (mention,) = find_dates("sábado 14 de junio, plaza Mayor")
    assert mention.window(2027) == (date(2027, 6, 14),) * 2


def test_a_list_under_a_heading_in_an_unknown_language_is_still_a_list_of_places():
    events = events_of(
        page_with("## Kaupungit\n\n- Helsinki – Senaatintori, klo 15\n- Tampere – Keskustori")
    )
    assert [(e.city, e.venue, e.starts) for e in events] == [
        ("Helsinki", "Senaatintori", T(15)),
        ("Tampere", "Keskustori", None),
    ]
    # Under a heading of reasons, bullets that name no place stay in the narrative.
    (campaign,) = read_markdown_page(
        page_with(
            "## Kaupungit\n\n- Helsinki – Senaatintori, klo 15\n- Tampere – Keskustori\n\n"
            "## Miksi\n\n- puhtaampi ilma kaikille\n- halvempi joukkoliikenne"
        ),
        name="p.md",
    ).campaigns
    assert len(campaign.events) == 2
    assert "halvempi joukkoliikenne" in campaign.narrative


def test_cities_in_their_own_script_and_a_metropolis_before_a_town_named_after_it():
    events = events_of(
        page_with(
            "## Cities\n\n- Москва – Пушкинская площадь, 18:00\n- תל אביב – כיכר הבימה, 19:30\n"
            "- Αθήνα – Σύνταγμα, 18:00"
        )
    )
    assert [(e.city, e.country) for e in events] == [
        ("Moscow", "RU"),
        ("Tel Aviv", "IL"),
        ("Athens", "GR"),
    ]


def test_a_country_name_with_no_city_after_it_is_the_city_of_that_name():
    events = events_of(
        page_with(
            "## Convocatorias\n\n- Granada: Fuente de las Batallas, 12:00\n"
            "- Luxembourg : place Clairefontaine, 14:00\n- Cádiz: plaza de San Juan de Dios",
            title="Marcha 12 de junio de 2027",
        )
    )
    assert [(e.city, e.country) for e in events] == [
        ("Granada", "ES"),
        ("Luxembourg", "LU"),
        ("Cadiz", "ES"),
    ]


@pytest.mark.parametrize(
    ("line", "cancelled"),
    [
        ("Jyväskylä – Kirkkopuisto, peruttu", True),
        ("Győr – Városháza tér, elmarad", True),
        ("Eskişehir – Adalar, iptal edildi", True),
        ("Дніпро – Соборна площа, скасовано", True),
        ("Ηράκλειο – Πλατεία Ελευθερίας, ακυρώνεται", True),
        ("Turku – Kauppatori, klo 12", False),
    ],
)
def test_called_off_in_more_languages(line, cancelled):
    events = events_of(page_with(f"## Cities\n\n- Helsinki – Senaatintori, klo 15\n- {line}"))
    assert events[-1].is_cancelled is cancelled


def test_the_time_first_list_and_the_page_with_times_as_english_words():
    (campaign,) = read("nl-tijd-eerst.md").campaigns
    assert [(e.city, e.starts) for e in campaign.events][:2] == [
        ("Amsterdam", T(9)),
        ("Utrecht", T(11, 30)),
    ]
    (campaign,) = read("en-uk-noon-midday.md").campaigns
    assert [(e.starts, e.ends) for e in campaign.events][:4] == [
        (T(12), None),
        (T(12), None),
        (T(12), T(14)),
        (T(14), T(16)),
    ]


def test_notion_folds_and_hugo_shortcodes_are_read_as_the_cards_and_links_they_show():
    (bristol,) = events_of(
        "---\ntitle: Read-ins\n---\n\n<p>On&nbsp;<strong>Saturday, 14 June 2027</strong>.</p>\n\n"
        "<details>\n<summary><strong>Bris\u200btol</strong></summary>\n\n"
        "Central Library, College Green, BS1 5TL<br>\n11:00&nbsp;–&nbsp;13:00<br>\n"
        '<a href="https://lu.ma/readin?utm_source=notion">Sign up</a>\n\n</details>\n'
    )
    assert (bristol.city, bristol.venue, bristol.starts, bristol.ends, bristol.signup_url) == (
        "Bristol",
        "Central Library, College Green",
        T(11),
        T(13),
        "https://lu.ma/readin",
    )
    bath, exeter = events_of(
        page_with(
            '{{< hero image="/a.jpg" >}}\n\n## Picnics\n\n'
            '- **Bath** – Royal Victoria Park, 1–4pm {{< button href="https://lu.ma/bath" >}}'
            "Sign up{{< /button >}}\n- **Exeter** – Northernhay Gardens, noon\n\n{{< share >}}"
        )
    )
    assert (bath.venue, bath.signup_url, exeter.venue) == (
        "Royal Victoria Park",
        "https://lu.ma/bath",
        "Northernhay Gardens",
    )


def test_export_residue_keeps_every_line_where_it_was():
    from turnout.importers.export_residue import export_residue_removed

    body = "a\n<details>\n<summary>Leeds</summary>\n\nCity Square\n</details>\n{{< x >}}\nb"
    cleaned = export_residue_removed(body)
    assert cleaned.count("\n") == body.count("\n")
    assert cleaned.split("\n")[-1] == "b" and "{{" not in cleaned


def test_a_table_whose_first_row_is_its_title_and_a_week_of_weekdays():
    events = events_of(
        page_with(
            "| Mahnwachen am 14. Juni 2027 | | |\n|---|---|---|\n| Stadt | Ort | Uhrzeit |\n"
            "| Bremen | Marktplatz | 12–13 Uhr |\n| Kassel | Königsplatz | abgesagt |",
            title="Mahnwachen",
        )
    )
    assert [(e.city, e.day, e.venue, e.starts, e.is_cancelled) for e in events] == [
        ("Bremen", date(2027, 6, 14), "Marktplatz", T(12), False),
        ("Kassel", date(2027, 6, 14), "Königsplatz", None, True),
    ]
    week = events_of(
        page_with(
            "## Week of 14–18 June 2027\n\n- **Tue**: Leeds, Civic Hall – 12:30pm\n"
            "- Friday: York, Minster – 1pm",
            title="Week of action",
        )
    )
    assert [(e.city, e.day, e.venue) for e in week] == [
        ("Leeds", date(2027, 6, 15), "Civic Hall"),
        ("York", date(2027, 6, 18), "Minster"),
    ]


def test_weekdays_written_out_in_more_languages_pick_their_day_of_the_week():
    events = events_of(
        page_with(
            "## Tapahtumat\n\n- Maanantai: Helsinki, Senaatintori – klo 12\n"
            "- Keskiviikko: Tampere, Keskustori – klo 12",
            title="Toimintaviikko 14.–18.6.2027",
        )
    )
    assert [(e.city, e.day, e.starts) for e in events] == [
        ("Helsinki", date(2027, 6, 14), T(12)),
        ("Tampere", date(2027, 6, 16), T(12)),
    ]


def test_a_bullet_written_as_a_sentence_names_its_city_last():
    events = events_of(
        page_with(
            "## Convocatorias\n\n- Sevilla: plaza Nueva, a las 19 h\n"
            "- Concentración en la plaza de España de Sevilla a las 18 h\n"
            "- Marcha desde la plaza de la Constitución de Málaga, de 11 a 13 h",
            title="Marcha 12 de junio de 2027",
        )
    )
    assert [(e.city, e.venue, e.starts) for e in events] == [
        ("Seville", "plaza Nueva", T(19)),
        ("Seville", "plaza de España", T(18)),
        ("Málaga", "plaza de la Constitución", T(11)),
    ]


def test_a_country_over_its_city_and_venue_and_a_district_after_a_postcode():
    events = events_of(
        page_with(
            "1. **Scotland**\n   1. **Glasgow – George Square, 1pm**\n"
            "2. **Czechia**\n   1. **Praha – Wilsonova 300/8, 110 00 Praha 1, 2pm**"
        )
    )
    assert [(e.city, e.country, e.venue) for e in events] == [
        ("Glasgow", "GB", "George Square"),
        ("Prague", "CZ", "Wilsonova 300/8"),
    ]


def test_one_event_told_in_prose_over_two_days_a_slash_joins():
    (camp,) = read("en-weekend-slash-days.md").campaigns[0].events
    assert (camp.city, camp.day, camp.last_day) == (
        "Keighley",
        date(2027, 6, 14),
        date(2027, 6, 15),
    )


# --- properties: arbitrary text around the new words never breaks the reader --------------------

WORDS = [
    "alle 21",
    "dalle 18 alle 20",
    "ore 17:30",
    "a las 18 h",
    "de 11 a 13 h",
    "à 14h30",
    "14 h 30",
    "ab 15 Uhr",
    "15–17 Uhr",
    "15.30 Uhr",
    "às 15h",
    "klo 15",
    "klo 16–18",
    "15 órakor",
    "15 órától 17 óráig",
    "saat 14.00",
    "в 18:00",
    "о 18:00",
    "στις 18:00",
    "noon",
    "midday",
    "12pm–2pm",
    "2 to 4pm",
    "Sat 14 Jun",
    "14.6.",
    "le samedi 14 juin",
    "June 14th",
    "the 14th of June",
    "13–14 June",
    "14/15 June",
    "14. kesäkuuta",
    "2027. június 14.",
    "14 Haziran",
    "14 червня",
    "14 Ιουνίου",
    "Praça 8 de Maio",
    "Granada:",
    "Москва",
    "תל אביב",
    "peruttu",
    "ακυρώνεται",
]
AROUND = st.lists(
    st.sampled_from([*"ab –-:/.,0123456789hHé\u200b\xa0*#|\n", "órá", "klo", "de", "{{<", ">}}"]),
    max_size=8,
).map("".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(AROUND, st.sampled_from(WORDS), AROUND), min_size=1, max_size=6))
def test_any_text_around_the_new_time_and_date_words_never_breaks_the_reader(pieces):
    line = "".join(before + word + after for before, word, after in pieces)
    find_times(line)
    find_dates(line)
    assert_reads_soundly(f"## Kaupungit\n\n- {line}\n- Leeds – {line}")
