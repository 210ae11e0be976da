"""City suggestions rank by how likely a place is meant: its shown name, then the visitor's
country, then its size. "Utr" is Utrecht, not the town that has "Utr" as an abbreviation."""

import pytest

from turnout.places.gazetteer import find_cities, visitor_country

pytestmark = pytest.mark.django_db


def first(query: str, **options) -> tuple[str, str]:
    city = find_cities(query, limit=5, **options)[0]
    return city.localized_name(options.get("language", "en")), city.country


@pytest.mark.parametrize(
    "typed, language, expected",
    [
        ("Utr", "en", ("Utrecht", "NL")),
        ("Utr", "nl", ("Utrecht", "NL")),
        ("Par", "en", ("Paris", "FR")),
        ("Ams", "en", ("Amsterdam", "NL")),
        ("Zür", "en", ("Zürich", "CH")),
        ("Zur", "en", ("Zürich", "CH")),
        ("zurich", "de", ("Zürich", "CH")),
        ("Parijs", "nl", ("Parijs", "FR")),
        ("Parijs", "en", ("Paris", "FR")),
        ("Lon", "en", ("London", "GB")),
        ("Ber", "en", ("Berlin", "DE")),
    ],
)
def test_the_place_most_likely_meant_comes_first(typed, language, expected):
    assert first(typed, language=language) == expected


def test_a_name_that_is_only_an_abbreviation_comes_after_real_prefixes():
    names = [city.name for city in find_cities("Utr", limit=5)]
    assert names.index("Utrecht") < names.index("Utrera") < names.index("Uttaradit")


def test_the_visitors_country_breaks_ties_between_equally_close_names():
    assert first("Den", language="nl")[1] == "US"  # Denver, without knowing the country
    assert first("Den", language="nl", prefer_country="NL") == ("Den Haag", "NL")
    # ... but a far larger place abroad still comes first.
    assert first("Paris", prefer_country="US") == ("Paris", "FR")
    assert first("Ams", prefer_country="US") == ("Amsterdam", "NL")


@pytest.mark.parametrize(
    "language, header, country",
    [
        ("nl", "", "NL"),
        ("en", "nl-BE,nl;q=0.9", "BE"),
        ("en", "en-US,en;q=0.8", "US"),
        ("en", "en", None),
        ("en", "", None),
        ("de", "x-klingon", "DE"),
    ],
)
def test_the_visitors_country_comes_from_the_browser_or_the_pages_language(
    language, header, country
):
    assert visitor_country(language=language, accept_language=header) == country


def test_the_city_api_uses_the_visitors_country(client):
    def first_country(query: str, **headers) -> str:
        return client.get(f"/api/v1/cities/?q=Den&limit=3&{query}", **headers).json()["results"][0][
            "country"
        ]

    # "Den Haag" in Dutch and German, "The Hague" in English
    assert first_country("lang=nl") == "NL"
    assert first_country("lang=nl&near=US") == "US"
    # a Dutch page read from a browser set to American English
    assert first_country("lang=nl", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9") == "US"
    utrecht = client.get("/api/v1/cities/?q=Utr&lang=en").json()["results"][0]
    assert utrecht["country"] == "NL"
