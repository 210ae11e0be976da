"""The offline gazetteer: names in English, Dutch, German and French, countries, suggestions."""

import pytest

from turnout.places.gazetteer import (
    city_by_id,
    country_code,
    display_name,
    find_cities,
    normalize_name,
    resolve_city,
)

LONDON, PARIS, ZURICH, THE_HAGUE, MUNICH, COLOGNE = (
    2643743,
    2988507,
    2657896,
    2747373,
    2867714,
    2886242,
)


@pytest.mark.parametrize(
    ("typed", "geonames_id"),
    [
        ("London", LONDON),  # English
        ("Londen", LONDON),  # Dutch
        ("Londres", LONDON),  # French
        ("Paris", PARIS),
        ("Parijs", PARIS),
        ("Zürich", ZURICH),  # German and local
        ("Zurich", ZURICH),  # English and French
        ("zurich", ZURICH),
        ("Den Haag", THE_HAGUE),
        ("The Hague", THE_HAGUE),
        ("'s-Gravenhage", THE_HAGUE),
        ("La Haye", THE_HAGUE),
        ("München", MUNICH),
        ("Munich", MUNICH),
        ("Keulen", COLOGNE),  # Dutch, from the curated table
        ("Köln", COLOGNE),
        ("Cologne", COLOGNE),
    ],
)
def test_a_city_resolves_from_its_name_in_any_language(typed, geonames_id):
    assert resolve_city(typed).geonames_id == geonames_id


def test_a_city_knows_its_country_coordinates_population_and_time_zone():
    zurich = resolve_city("Zürich")
    assert zurich.country == "CH"
    assert zurich.timezone == "Europe/Zurich"
    assert zurich.latitude == pytest.approx(47.37, abs=0.05)
    assert zurich.longitude == pytest.approx(8.55, abs=0.05)
    assert zurich.population > 300_000
    assert city_by_id(ZURICH) == zurich


@pytest.mark.parametrize(
    ("geonames_id", "language", "name"),
    [
        (LONDON, "en", "London"),
        (LONDON, "nl", "Londen"),
        (LONDON, "fr", "Londres"),
        (PARIS, "nl", "Parijs"),
        (ZURICH, "de", "Zürich"),
        (THE_HAGUE, "nl", "Den Haag"),
        (THE_HAGUE, "en", "The Hague"),
        (THE_HAGUE, "fr", "La Haye"),
        (MUNICH, "de", "München"),
        (COLOGNE, "en", "Cologne"),
        (COLOGNE, "nl", "Keulen"),
        (LONDON, "en-us", "London"),
    ],
)
def test_localized_name_is_the_citys_name_in_that_language(geonames_id, language, name):
    assert city_by_id(geonames_id).localized_name(language) == name


def test_label_names_city_and_country_in_the_language():
    assert city_by_id(LONDON).label("nl") == "Londen, Verenigd Koninkrijk"
    assert city_by_id(THE_HAGUE).label("fr") == "La Haye, Pays-Bas"


def test_same_name_in_two_countries_resolves_to_the_larger_unless_the_country_is_given():
    assert resolve_city("London").country == "GB"
    assert resolve_city("London", country="CA").timezone == "America/Toronto"
    assert resolve_city("London", country="ca").country == "CA"
    assert resolve_city("Paris, US").country == "US"
    assert resolve_city("Paris, Frankrijk").geonames_id == PARIS
    assert resolve_city("London", country="NL") is None


def test_unknown_places_resolve_to_nothing():
    assert resolve_city("Xyzzyville") is None
    assert resolve_city("") is None
    assert find_cities("") == []
    assert find_cities("   ") == []


def test_suggestions_complete_a_prefix_largest_first():
    names = [city.name for city in find_cities("Amsterd", limit=3)]
    assert names[0] == "Amsterdam"
    assert len(names) <= 3


def test_suggestions_prefer_the_name_in_the_visitors_language():
    assert find_cities("Londen", language="nl")[0].geonames_id == LONDON
    assert find_cities("Den H", language="nl")[0].geonames_id == THE_HAGUE


def test_suggestions_can_be_limited_to_a_country():
    results = find_cities("London", country="CA")
    assert results and {city.country for city in results} == {"CA"}


def test_names_compare_without_case_accents_or_punctuation():
    assert normalize_name("'s-Hertogenbosch") == "s hertogenbosch"
    assert normalize_name("ZÜRICH") == normalize_name("zurich")
    assert normalize_name("Wrocław") == "wroclaw"
    assert normalize_name("São Paulo") == "sao paulo"


@pytest.mark.parametrize(
    ("text", "code"),
    [("NL", "NL"), ("Netherlands", "NL"), ("Nederland", "NL"), ("Pays-Bas", "NL"),
     ("Deutschland", "DE"), ("UK", "GB"), ("Atlantis", None)],
)  # fmt: skip
def test_country_names_in_several_languages_give_the_iso_code(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("typed", "country", "language", "shown"),
    [
        ("London", "GB", "nl", "Londen"),
        ("London", "GB", "en", "London"),
        ("Zürich", "CH", "en", "Zürich"),  # the organizer's spelling stays: same name
        ("Den Haag", "NL", "en", "The Hague"),
        ("Den Haag", "NL", "nl", "Den Haag"),
        ("Brussels", "BE", "nl", "Brussel"),
        ("Nowhere Town", "FR", "nl", "Nowhere Town"),  # unknown: as typed
    ],
)
def test_display_name_translates_only_real_exonyms(typed, country, language, shown):
    assert display_name(typed, country, language) == shown


@pytest.mark.parametrize(
    ("typed", "country", "name"),
    [
        ("花蓮", "TW", "Hualien City"),  # GeoNames has 花蓮市 only
        ("花蓮市", "TW", "Hualien City"),
        ("화롄", "TW", "Hualien City"),  # GeoNames: "화롄 시"
    ],
)
def test_a_cjk_city_is_found_without_its_word_for_city(typed, country, name):
    city = resolve_city(typed, country=country)
    assert city is not None and city.name == name


def test_the_word_for_city_alone_is_no_city():
    assert resolve_city("市") is None and resolve_city("시") is None
