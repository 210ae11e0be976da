"""A seventh set of protest pages of movements nobody here has read: cities named in the
grammatical cases of the languages that inflect names, and the misreadings found beside them.

`fixtures/unseen7/` holds 14 pages in Polish, Czech, Slovak, Croatian, Russian, Ukrainian,
Finnish, Hungarian, Lithuanian, Latvian, Turkish, Estonian, Greek, Hindi, Arabic and English:
"W Krakowie", "V Brně", "U Zagrebu", "В Москве", "У Києві", "Helsingissä", "Budapesten",
"Vilniuje", "Rīgā", "İstanbul'da", "Tallinnas", "Στην Αθήνα" as the labels of a list of
cities, with common words in the same cases beside them ("w kraju", "v praxi", "talossa");
signup labels in languages the vocabulary lacked ("Kayıt için", "Ilmoittaudu",
"Regisztráció"); the page's posting or update date above the event's ("نُشر في",
"Yayınlanma tarihi", "Опубліковано"); a chat offered for questions, not for signing up;
Hindi names with their vowel signs ("दिल्ली"). `expected.yaml` lists what a careful person
imports from each.
"""

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.importers.page_reading import assert_reads_soundly, events_of
from tests.importers.unseen_sets import UnseenSet
from turnout.importers.city_cases import nominatives
from turnout.importers.dates import find_dates, says_when_posted
from turnout.importers.document import read_document
from turnout.importers.model_reader import ModelEvent
from turnout.importers.page_cities import refuse_facts_of_other_cities
from turnout.importers.page_confirmation import PageEvidence, confirm_event
from turnout.importers.places import resolve_city
from turnout.places.gazetteer import normalize_name

UNSEEN = UnseenSet("unseen7")
T = time


def test_the_importer_recovers_at_least_95_percent_of_the_facts_of_a_seventh_unseen_set():
    UNSEEN.assert_recovered("seventh unseen set", at_least_pages=14)


# --- focused tests, one per gap ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "language", "city"),
    [
        ("W Krakowie", "pl", "Kraków"),
        ("w Warszawie", "pl", "Warsaw"),
        ("we Wrocławiu", "pl", "Wrocław"),
        ("z Gdańska", "pl", "Gdańsk"),
        ("v Praze", "cs", "Prague"),
        ("v Brně", "cs", "Brno"),
        ("z Ostravy", "cs", "Ostrava"),
        ("v Bratislave", "sk", "Bratislava"),
        ("u Zagrebu", "hr", "Zagreb"),
        ("в Москве", "ru", "Moscow"),
        ("во Львове", "ru", "Lviv"),
        ("у Києві", "uk", "Kyiv"),
        ("Helsingissä", "fi", "Helsinki"),
        ("Tampereella", "fi", "Tampere"),
        ("Turussa", "fi", "Turku"),
        ("Budapesten", "hu", "Budapest"),
        ("Szegeden", "hu", "Szeged"),
        ("Debrecenben", "hu", "Debrecen"),
        ("Vilniuje", "lt", "Vilnius"),
        ("Rīgā", "lv", "Riga"),
        ("İstanbul'da", "tr", "Istanbul"),
        ("Ankara'da", "tr", "Ankara"),
        ("İzmir'de", "tr", "İzmir"),
        ("Tallinnas", "et", "Tallinn"),
        ("στην Αθήνα", "el", "Athens"),
        ("στη Θεσσαλονίκη", "el", "Thessaloníki"),
    ],
)
def test_a_city_in_a_grammatical_case_is_the_city(written, language, city):
    assert resolve_city(written, language=language).name == city
    assert resolve_city(written).name == city  # without the page's language too


@pytest.mark.parametrize(
    ("written", "language"),
    [("w kraju", "pl"), ("Kraju", "pl"), ("v praxi", "cs"), ("talossa", "fi"), ("Talossa", None)],
)
def test_a_common_word_in_a_case_is_no_city(written, language):
    assert resolve_city(written, language=language) is None


def test_a_large_city_abroad_in_the_page_s_case_only_with_the_page_s_language():
    assert resolve_city("w Berlinie", language="pl").name == "Berlin"
    assert resolve_city("w Berlinie") is None  # a case is only guessed where it is spoken


def test_a_case_of_the_page_s_language_only_on_a_page_in_another_one():
    # "Tartus" is the Syrian port on an English page, and Tartu in Estonian's inessive.
    assert resolve_city("Tartus", language="en").country == "SY"
    assert resolve_city("Tartus", language="et").country == "EE"
    assert nominatives("Tallinnas", "et")[0] != "Tallinnas"


def polish_page() -> str:
    return (
        "---\ntitle: Marsz dla klimatu\ndate: 2027-05-02\n---\n\n"
        "W Krakowie spotykamy się w sobotę 22 maja 2027 o 12:00 na Rynku Głównym – "
        "[zapisz się](https://forms.gle/KrakowMarsz2027).\n\n"
        "W Warszawie maszerujemy w niedzielę 23 maja 2027 o 14:00 z placu Zamkowego – "
        "[zapisz się](https://forms.gle/WarszawaMarsz2027).\n"
    )


def test_a_model_s_city_named_on_the_page_only_in_a_case_is_confirmed():
    text = polish_page()
    evidence = PageEvidence(text, read_document(text), language="pl")
    event = ModelEvent(city="Warszawa", country="PL", date="2027-05-23", start="14:00")
    confirmed = confirm_event(event, evidence, is_only_event=False)
    assert (confirmed.place.city, confirmed.line) == ("Warsaw", 8)
    assert (confirmed.day, confirmed.starts) == (date(2027, 5, 23), T(14))


def test_a_model_s_fact_written_beside_a_city_in_a_case_is_that_city_s():
    text = polish_page()
    evidence = PageEvidence(text, read_document(text), language="pl")
    krakow = ModelEvent(
        city="Kraków",
        country="PL",
        date="2027-05-22",
        start="12:00",
        signup_url="https://forms.gle/KrakowMarsz2027",
    )
    # Warsaw given Kraków's day, time and link, as the last round's rules did.
    warsaw = ModelEvent(
        city="Warszawa",
        country="PL",
        date="2027-05-22",
        start="12:00",
        signup_url="https://forms.gle/KrakowMarsz2027",
    )
    confirmed = [confirm_event(e, evidence, is_only_event=False) for e in (krakow, warsaw)]
    refuse_facts_of_other_cities(confirmed, evidence)
    kept, refused = confirmed
    assert (kept.day, kept.starts, kept.signup_url) == (
        date(2027, 5, 22),
        T(12),
        "https://forms.gle/KrakowMarsz2027",
    )
    assert (refused.day, refused.starts, refused.signup_url) == (None, None, "")


@pytest.mark.parametrize(
    ("label", "url"),
    [
        ("Kayıt için", "https://forms.gle/tr1"),
        ("Kaydol", "https://forms.gle/tr2"),
        ("Ilmoittaudu", "https://lu.ma/fi1"),
        ("Regisztráció", "https://forms.gle/hu1"),
        ("Δήλωση συμμετοχής", "https://forms.gle/el1"),
        ("Реєстрація", "https://forms.gle/uk1"),
        ("التسجيل", "https://forms.gle/ar1"),
    ],
)
def test_signup_labels_in_more_languages_name_a_single_event_s_signup(label, url):
    (event,) = events_of(
        "---\ntitle: Action – 12 June 2027\n---\n\n**When:** 12 June 2027, 12:00\n"
        f"**Where:** Stortorget, Malmö\n\nAbout the day. [{label}]({url})\n"
    )
    assert event.signup_url == url


@pytest.mark.parametrize(
    "line",
    [
        "نُشر في 28 مايو 2027",
        "تاريخ النشر: 28/05/2027",
        "Publikováno 10. května 2027",
        "Opublikowano 2 maja 2027",
        "Julkaistu 20.5.2027",
        "Yayınlanma tarihi: 25 Mayıs 2027",
        "Posted on 1 June 2027",
        "Updated 3 June 2027",
        "Опубліковано 30 травня 2027",
    ],
)
def test_a_posting_or_update_date_is_never_the_event_s_day(line):
    assert says_when_posted(line)
    (event,) = events_of(
        f"---\ntitle: Rally\n---\n\n{line}\n\n- **Leeds** – Briggate, 26 June 2027, 11:00\n"
        "- **York** – Parliament Street, 26 June 2027, 12:00\n"
    )[:1]
    assert event.day == date(2027, 6, 26)


@pytest.mark.parametrize(
    "line", ["We marched on 3 May 2027", "Nous publions le programme du 3 mai", "Outdated: 3 May"]
)
def test_a_line_without_posting_words_says_nothing_of_the_page(line):
    assert not says_when_posted(line)


def test_a_chat_offered_for_questions_is_no_signup_but_one_to_join_the_protest_is():
    page = (
        "---\ntitle: Rally – 19 June 2027\n---\n\n**When:** 19 June 2027, 11:00\n"
        "**Where:** Castle Park, Bristol\n\n{}\n"
    )
    (asked,) = events_of(page.format("Questions? Join us on [Discord](https://discord.gg/q)."))
    assert asked.signup_url == ""
    (signed,) = events_of(page.format("Sign up for the rally on [Telegram](https://t.me/rally)."))
    assert signed.signup_url == "https://t.me/rally"


@pytest.mark.parametrize(
    ("written", "city"),
    [("दिल्ली", "Delhi"), ("मुंबई", "Mumbai"), ("पुणे", "Pune"), ("नई दिल्ली", "Delhi")],
)
def test_hindi_names_with_their_vowel_signs_resolve(written, city):
    assert resolve_city(written, language="hi").name == city
    assert " " not in normalize_name(written.replace("नई ", ""))  # one word, not its letters


def test_a_name_in_a_script_of_its_own_is_found_without_the_page_s_language():
    assert resolve_city("لندن").name == "London"
    assert normalize_name("عمّان") == normalize_name("عمان")  # Arabic's optional vowel points


# --- properties: arbitrary text around the new words never breaks the reader --------------------

WORDS = [
    "W Krakowie",
    "w kraju",
    "v Praze",
    "Helsingissä",
    "talossa",
    "Budapesten",
    "İstanbul'da",
    "'da",
    "Στην Αθήνα",
    "у Києві",
    "दिल्ली",
    "نُشر في",
    "Posted on",
    "Kayıt için",
    "https://discord.gg/x",
    "Questions?",
]
AROUND = st.lists(
    st.sampled_from([*"ab –-:/.,0123456789'’\n", "**", "## ", "- ", "(", ")"]), max_size=8
).map("".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(AROUND, st.sampled_from(WORDS), AROUND), min_size=1, max_size=6))
def test_any_text_around_the_seventh_sets_words_never_breaks_the_reader(pieces):
    line = "".join(before + word + after for before, word, after in pieces)
    resolve_city(line)
    for language in ("pl", "fi", "tr", "el", None):
        resolve_city(line, language=language)
    says_when_posted(line)
    find_dates(line)
    body = f"## Miejsca\n\n- {line}\n- Leeds – {line}\n\n{line}\n"
    assert_reads_soundly(body)
