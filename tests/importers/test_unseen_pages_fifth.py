"""A fifth set of protest pages of movements nobody here has read, in the shapes the earlier
sets leave out.

`fixtures/unseen5/` holds 18 pages in Finnish, Greek, Ukrainian, Russian, Turkish,
Portuguese, Spanish, Swedish, English (US and UK), Czech, French, Dutch, Danish, German and
Japanese: Finnish two-letter weekdays, bare hours after "στις", "о" and "в", "14h30", 12-hour
clocks with "noon", weeks of action with each city's own day, the same city twice on
different days, cities under country headings, tables whose day cell spans the rows below
it, English, German and local names of one city, bullets written as sentences, and footers
and sections of past protests. `expected.yaml` lists what a careful person imports from each.
"""

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.importers.page_reading import assert_reads_soundly, events_of, page_with
from tests.importers.unseen_sets import UnseenSet
from turnout.importers.date_names import weekday_names
from turnout.importers.dates import find_dates
from turnout.importers.page_language import guess_language
from turnout.importers.protest_pages import read_markdown_page
from turnout.importers.times import TimeSpan, find_times, strip_times

UNSEEN = UnseenSet("unseen5")
read = UNSEEN.read


def test_the_importer_recovers_at_least_95_percent_of_the_facts_of_a_fifth_unseen_set():
    UNSEEN.assert_recovered("fifth unseen set", at_least_pages=18)


# --- focused tests, one per gap ----------------------------------------------------------------

T = time


@pytest.mark.parametrize("lang", ["", "en", "sv", "nl", "pl", "fi", "de"])
@pytest.mark.parametrize(
    ("local", "english"),
    [
        ("Århus", "Aarhus"),
        ("Göteborg", "Gothenburg"),
        ("Den Haag", "The Hague"),
        ("Kraków", "Cracow"),
        ("Lisboa", "Lisbon"),
        ("Zürich", "Zurich"),
        ("Zürich", "Zuerich"),
    ],
)
def test_a_city_written_in_its_local_form_and_its_english_one_is_one_city(local, english, lang):
    one, other = events_of(
        page_with(f"## Cities\n\n- {local} – Torget, 14:00\n- {english} – Plein, 16:00", lang=lang)
    )
    assert (one.city, one.country, one.timezone) == (other.city, other.country, other.timezone)
    assert one.latitude is not None and one.latitude == other.latitude


@pytest.mark.parametrize(
    ("written", "span"),
    [
        ("Михайлівська площа, о 14", TimeSpan(T(14))),
        ("Пушкинская площадь, в 15", TimeSpan(T(15))),
        ("πλατεία Συντάγματος, στις 18", TimeSpan(T(18))),
        ("о 14 годині", TimeSpan(T(14))),
        ("з 11 до 13", TimeSpan(T(11), T(13))),
        ("από τις 18 έως τις 20", TimeSpan(T(18), T(20))),
    ],
)
def test_a_bare_hour_after_russian_ukrainian_and_greek_words_for_at_is_a_time(written, span):
    assert find_times(written) == span


@pytest.mark.parametrize(
    "written", ["акції в 15 містах", "в 15 городах", "στις 18 Ιουνίου", "в 15-17 городах"]
)
def test_the_same_words_before_a_count_or_a_day_are_no_time(written):
    assert find_times(written) is None
    assert strip_times(written) == written


@pytest.mark.parametrize(
    ("written", "day"),
    [("la 13.3.", date(2027, 3, 13)), ("su 14.3. klo 12", date(2027, 3, 14))],
)
def test_finnish_two_letter_weekdays_open_a_date(written, day):
    (mention,) = find_dates(written, language="fi")
    assert mention.window(2027) == (day, day)
    assert mention.weekday == day.weekday()
    assert "la" in weekday_names("fi") and "la" not in weekday_names("es")


def test_a_finnish_list_whose_bullets_open_with_their_weekday_and_day():
    events = events_of(
        page_with(
            "## Tapahtumat\n\n- la 13.3. **Helsinki**, Kansalaistori klo 12\n"
            "- su 14.3. **Helsinki**, Narinkkatori klo 14\n- su 14.3. Oulu, Rotuaari klo 12",
            title="Ilmastoviikonloppu 13.–14.3.2027",
        )
    )
    assert [(e.city, e.day, e.venue, e.starts) for e in events] == [
        ("Helsinki", date(2027, 3, 13), "Kansalaistori", T(12)),
        ("Helsinki", date(2027, 3, 14), "Narinkkatori", T(14)),
        ("Oulu", date(2027, 3, 14), "Rotuaari", T(12)),
    ]


@pytest.mark.parametrize("heading", ["## Where\n\n", "## Cities\n\n", "", "Join us:\n\n"])
def test_a_list_of_sentence_bullets_is_one_event_per_bullet(heading):
    events = events_of(
        page_with(
            heading + "- On 14 March we march in Berlin from the Brandenburger Tor at 14:00. "
            "Sign up: https://lu.ma/berlin\n"
            "- On 15 March we gather in Hamburg at the Rathausmarkt at 12:00. "
            "Sign up: https://lu.ma/hamburg\n"
            "- On 21 March we cycle through Munich from the Odeonsplatz at 11am.",
            title="March for clean air, March 2027",
        )
    )
    assert [(e.city, e.day, e.venue, e.starts, e.signup_url) for e in events] == [
        ("Berlin", date(2027, 3, 14), "Brandenburger Tor", T(14), "https://lu.ma/berlin"),
        ("Hamburg", date(2027, 3, 15), "Rathausmarkt", T(12), "https://lu.ma/hamburg"),
        ("Munich", date(2027, 3, 21), "Odeonsplatz", T(11), ""),
    ]


def test_a_day_cell_merged_over_the_rows_below_it_is_theirs():
    markdown = events_of(
        page_with(
            "| Den | Město | Místo | Čas |\n|---|---|---|---|\n"
            "| pondělí 24. 5. 2027 | Praha | Václavské náměstí | 17:00 |\n"
            "| | Brno | náměstí Svobody | 17:30 |\n"
            "| středa 26. 5. 2027 | Ostrava | Masarykovo náměstí | 16:00 |",
            title="Týden pro klima 2027",
        )
    )
    html = events_of(
        page_with(
            "<table>\n<tr><th>Date</th><th>Ville</th><th>Heure</th></tr>\n"
            '<tr><td rowspan="2">samedi 15 mai 2027</td><td>Liège</td><td>14h30</td></tr>\n'
            "<tr><td>Namur</td><td>15h</td></tr>\n"
            "<tr><td>samedi 22 mai 2027</td><td>Nantes</td><td>11h</td></tr>\n</table>",
            title="Marches pour les services publics",
        )
    )
    assert [(e.city, e.day, e.starts) for e in markdown] == [
        ("Prague", date(2027, 5, 24), T(17)),
        ("Brno", date(2027, 5, 24), T(17, 30)),
        ("Ostrava", date(2027, 5, 26), T(16)),
    ]
    assert [(e.city, e.day, e.starts) for e in html] == [
        ("Liège", date(2027, 5, 15), T(14, 30)),
        ("Namur", date(2027, 5, 15), T(15)),
        ("Nantes", date(2027, 5, 22), T(11)),
    ]


def test_protests_a_page_lists_as_held_already_are_not_imported_nor_its_days():
    (campaign,) = read_markdown_page(
        page_with(
            "Op **zaterdag 5 juni 2027** komen huurders in actie.\n\n## Waar\n\n"
            "- **Groningen** – Grote Markt, 14:00\n- **Arnhem** – Jansplein, 13:30\n\n"
            "*Eerdere acties:* Utrecht, Neude (12 oktober 2026)\n\n### Vorige acties\n\n"
            "- Leiden – 12 september 2026, Stationsplein\n- Delft – 12 september 2026",
            title="Actiedag tegen huurverhoging",
        ),
        name="p.md",
    ).campaigns
    assert [(e.city, e.day) for e in campaign.events] == [
        ("Groningen", date(2027, 6, 5)),
        ("Arnhem", date(2027, 6, 5)),
    ]
    assert (campaign.starts_on, campaign.ends_on) == (date(2027, 6, 5), date(2027, 6, 5))


def test_a_front_matter_date_before_the_events_days_is_when_the_page_was_posted():
    (campaign,) = read_markdown_page(
        "---\ntitle: Transit Riders' Weekend\ndate: 2027-03-15\n---\n\n## Rallies\n\n"
        "- **Chicago** – Saturday, April 10, Daley Plaza, noon\n"
        "- **Minneapolis** – Sunday, April 11, Peavey Plaza, noon–2 p.m.\n",
        name="p.md",
    ).campaigns
    assert (campaign.starts_on, campaign.ends_on) == (date(2027, 4, 10), date(2027, 4, 11))
    assert [e.venue for e in campaign.events] == ["Daley Plaza", "Peavey Plaza"]


def test_a_town_of_the_lists_usual_country_gives_way_to_a_far_larger_city_of_its_name():
    events = events_of(
        page_with("## Villes\n\n- Liège – place Saint-Lambert\n- Namur – place d'Armes\n- Lille")
    )
    assert [(e.city, e.country) for e in events] == [
        ("Liège", "BE"),
        ("Namur", "BE"),
        ("Lille", "FR"),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Την Πέμπτη βγαίνουμε στους δρόμους σε όλη την Ελλάδα.", "el"),
        ("Виходимо на площі міст, щоб вимагати чистого повітря.", "uk"),
        ("Выходим на площади, чтобы требовать чистый воздух.", "ru"),
        ("全国の駅前で一斉にスタンディングを行います。", "ja"),
        ("Kahden päivän ajan kokoonnumme toreille ja mukaan voi tulla klo 12.", "fi"),
        ("Během jednoho týdne vyrazíme do ulic, přidej se tam, kde bydlíš, je to pro klima.", "cs"),
    ],
)
def test_the_language_of_a_page_in_another_script_or_a_language_newly_guessed(text, language):
    assert guess_language(text) == language


# --- properties: arbitrary text around the new words never breaks the reader --------------------

WORDS = [
    "в 15",
    "о 14",
    "з 11 до 13",
    "στις 18",
    "από τις 18 έως τις 20",
    "la 13.3.",
    "su 14.3. klo 12",
    "24. 5. 2027",
    "On 14 March we march in Berlin from the Brandenburger Tor at 14:00.",
    "we gather in Hamburg at the",
    "Århus",
    "Zuerich",
    "Cracow",
    "Eerdere acties:",
    "### Минулі акції",
    '<td rowspan="3">',
    "| |",
    "14h30",
    "12 noon",
    "Lille",
]
AROUND = st.lists(
    st.sampled_from([*"ab –-:/.,0123456789hé|\n", "<tr>", "</td>", "**", "la ", "στις ", "в "]),
    max_size=8,
).map("".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(AROUND, st.sampled_from(WORDS), AROUND), min_size=1, max_size=6))
def test_any_text_around_the_fifth_sets_words_never_breaks_the_reader(pieces):
    line = "".join(before + word + after for before, word, after in pieces)
    find_times(line)
    strip_times(line)
    find_dates(line, language="fi")
    guess_language(line)
    body = f"## Tapahtumat\n\n- {line}\n- Leeds – {line}\n\n<table><tr><td>{line}</td></tr></table>"
    assert_reads_soundly(body)


def test_a_viber_group_is_the_campaigns_coordination_chat():
    (campaign,) = read("el-stis-18-poleis.md").campaigns
    assert campaign.coordination_url == "https://invite.viber.com/?g2=AQBnero2027"
