"""Countries from localized names and abbreviations; places with and without the gazetteer."""

import pytest

from turnout.importers import places
from turnout.importers.countries import country_codes_for
from turnout.importers.country_zones import main_time_zone
from turnout.importers.dates import find_time_range
from turnout.importers.places import PlaceNotUnderstood, read_place


@pytest.mark.parametrize(
    ("written", "codes"),
    [
        ("UK", {"GB"}), ("VK", {"GB"}), ("Verenigd Koninkrijk", {"GB"}), ("USA", {"US"}),
        ("the Netherlands", {"NL"}), ("Nederland", {"NL"}), ("Duitsland", {"DE"}),
        ("Deutschland", {"DE"}), ("Brasil", {"BR"}), ("DR Congo", {"CD"}),
        ("Congo", {"CD", "CG"}), ("NL", {"NL"}), ("nl", set()), ("de", set()),
        ("Parliament Square", set()),
    ],
)  # fmt: skip
def test_country_names_in_any_language_and_usual_abbreviations(written, codes):
    assert set(country_codes_for(written)) == codes


def test_main_time_zones_come_from_zone_tab_with_a_table_for_large_countries():
    assert main_time_zone("NL") == ("Europe/Amsterdam", False)
    assert main_time_zone("US") == ("America/New_York", True)
    assert main_time_zone("BR") == ("America/Sao_Paulo", True)


@pytest.fixture
def no_gazetteer(monkeypatch):
    monkeypatch.setattr(places, "gazetteer", lambda: None)


def test_without_the_gazetteer_the_city_is_kept_as_written_and_the_zone_guessed(no_gazetteer):
    place = read_place(["US", "California", "San Francisco"])
    assert (place.city, place.country, place.latitude) == ("San Francisco", "US", None)
    assert place.is_zone_guessed
    with pytest.raises(PlaceNotUnderstood, match="may mean CD or CG"):
        read_place(["Kinshasa", "Congo"])
    with pytest.raises(PlaceNotUnderstood, match="no country is named"):
        read_place(["Parliament Square", "London"], with_venue=True)


@pytest.mark.django_db
def test_with_the_gazetteer_congo_and_addresses_are_settled_by_the_city():
    assert read_place(["Kinshasa", "Congo"]).country == "CD"
    place = read_place(["Parliament Square", "London"], with_venue=True)
    assert (place.city, place.country, place.venue) == ("London", "GB", "Parliament Square")
    address = ["OpenAI Headquarters", "3180 18th St", "San Francisco", "CA 94110", "United States"]
    place = read_place(address, with_venue=True)
    assert (place.city, place.timezone) == ("San Francisco", "America/Los_Angeles")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 PM - 6 PM", ("16:00", "18:00")), ("16:30 - 18:00", ("16:30", "18:00")),
        ("14h-16h", ("14:00", "16:00")), ("om 14.00 uur", ("14:00", None)),
        ("starting at 1 PM.", ("13:00", None)), ("13.05.2024", None), ("20-22", None),
    ],
)  # fmt: skip
def test_times_of_day(text, expected):
    found = find_time_range(text)
    if expected is None:
        assert found is None
    else:
        assert (found[0].strftime("%H:%M"), found[1].strftime("%H:%M") if found[1] else None) == (
            expected
        )
