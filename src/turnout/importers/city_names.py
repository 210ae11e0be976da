"""Which city a name means when several places have it: its own name before one of its other
names, a city where the page's language is spoken before one where it is not, a metropolis
before a town named after it.

Apart from `places` so that reading a place and choosing among the gazetteer's candidates
can each be read in one sitting; `places.resolve_city` is the way in.
"""

import unicodedata
from types import ModuleType

from babel.core import get_global

from .vocabulary import fold

# A city this large is a metropolis: the one a short other name ("NYC") means, and the one a
# district near it belongs to (`places.city_around`).
METROPOLIS_POPULATION = 1_000_000


def resolve_with(module: ModuleType, name: str, country: str | None, language: str | None):
    first = module.resolve_city(name, country=country)
    if first is None:
        return None
    key = module.normalize_name(name)
    found = module.find_cities(name, country=country, limit=50)
    # Without the page's language, a name in a script of its own is its languages' ("لندن").
    languages = (language,) if language else _script_languages(name)
    same = [c for c in found if key in _own_names(module, c, languages)]
    if same:
        spoken = [c for c in same if speaks(c.country, language)]
        if not spoken:
            return max(same, key=lambda c: c.population)
        largest = max(spoken, key=lambda c: c.population)
        official = [c for c in spoken if speaks(c.country, language, officially=True)]
        # Where the language is official before a city of about its size where many merely
        # speak it: "Cádiz" on a Spanish page is in Spain, not the Philippines; "Amsterdam"
        # on an English one is still not the town in New York.
        best = max(official, key=lambda c: c.population, default=None)
        if best is not None and best.population * _ABOUT_AS_LARGE >= largest.population:
            return best
        return largest
    return _by_other_name(module, name, key, found, country, language)


def _own_names(module: ModuleType, city, own: tuple[str, ...]) -> set[str]:
    """The city's main name and the names CLDR or the hand-checked table give it in the
    languages pages are read in ("Den Haag", "Londres"), the page's `own` among them."""
    languages = dict.fromkeys([*own, *_NAMED_LANGUAGES])
    names = {city.name} | {city.localized_name(code) for code in languages}
    return {module.normalize_name(spelling) for name in names for spelling in _spellings(name)}


def _spellings(name: str) -> set[str]:
    """`name` and its letters with marks as written without them: "Århus" is also "Aarhus",
    "Zürich" "Zuerich", "Göteborg" "Goeteborg" (dropping the marks, "Zurich", is
    `normalize_name`'s)."""
    return {name, name.translate(_SPELLED_OUT)}


_SPELLED_OUT = str.maketrans(
    {
        "å": "aa",
        "Å": "Aa",
        "ä": "ae",
        "Ä": "Ae",
        "æ": "ae",
        "Æ": "Ae",
        "ö": "oe",
        "Ö": "Oe",
        "ø": "oe",
        "Ø": "Oe",
        "ü": "ue",
        "Ü": "Ue",
        "ß": "ss",
    }
)


_NAMED_LANGUAGES = ("en", "nl", "de", "fr", "es", "ca", "it", "pt", "sv", "ja")


def _script_languages(name: str) -> tuple[str, ...]:
    """The languages written in the script of `name`'s first letter, where few are."""
    letter = next((c for c in name if c.isalpha()), "")
    script = unicodedata.name(letter, "").split(" ")[0] if letter else ""
    return _SCRIPT_LANGUAGES.get(script, ())


_SCRIPT_LANGUAGES = {
    "ARABIC": ("ar", "fa", "ur"),
    "CYRILLIC": ("ru", "uk", "bg", "sr", "mk"),
    "GREEK": ("el",),
    "HEBREW": ("he",),
    "DEVANAGARI": ("hi", "mr", "ne"),
    "BENGALI": ("bn",),
    "TAMIL": ("ta",),
    "ETHIOPIC": ("am",),
    "THAI": ("th",),
    "GEORGIAN": ("ka",),
    "ARMENIAN": ("hy",),
    "HANGUL": ("ko",),
    "CJK": ("zh", "ja"),
}


def _by_other_name(module, name: str, key: str, found, country: str | None, language):
    """A city `name` is only one of the other names of (GeoNames lists airport codes, old
    and foreign names): taken only where the page itself makes it likely — its country is
    named, or the city lies where the page's language is spoken — and never for a short word
    ("ein" is Eindhoven's airport code, "Castello" a square in Turin before Castelló)."""
    if len(key.replace(" ", "")) < _OTHER_NAME_LETTERS:
        # Only a metropolis's own capitals are a short name ("NYC"); "ein" is a word.
        city = module.resolve_city(name, country=country) if name.isupper() else None
        return city if city is not None and city.population >= METROPOLIS_POPULATION else None
    exact = {
        city.geonames_id: city
        for code in dict.fromkeys(c.country for c in found)
        if (city := module.resolve_city(name, country=code)) is not None
    }
    cities = sorted(exact.values(), key=lambda c: -c.population)
    if country is not None:
        return cities[0] if cities else None
    # Without the page's language, a name in a script few languages write ("Битола") is
    # spoken where one of them is.
    languages = (language,) if language else _script_languages(name)
    spoken = [c for c in cities if any(speaks(c.country, code) for code in languages)]
    if cities and _overshadows(cities[0], spoken[0] if spoken else None, cities[1:]):
        return cities[0]  # "Москва" is Moscow, not the town in Idaho that took its name
    if spoken:
        return spoken[0]
    # A foreign city's name in the page's language ("Mailand", "Lissabon") is known of a
    # large city only, and must name no other. A name in a script of its own ("תל אביב",
    # "Αθήνα") is no word of a Latin-script language: a city of some size will do.
    enough = _FOREIGN_NAME_POPULATION if _has_latin_letters(name) else _OWN_SCRIPT_POPULATION
    if len(cities) == 1 and cities[0].population >= enough:
        return cities[0]
    return None


def _overshadows(largest, spoken, others: list) -> bool:
    """Whether the metropolis a name belongs to dwarfs every other place that has it (a
    town named after it, in the page's own country or not), so no page means another."""
    if largest.population < _FOREIGN_NAME_POPULATION or not (spoken is not largest and others):
        return False
    return all(largest.population >= _DWARFS * other.population for other in others)


def _has_latin_letters(name: str) -> bool:
    return any(letter.isascii() and letter.isalpha() for letter in fold(name))


# A metropolis this many times larger than a town of its name is the one a page means.
_DWARFS = 50
_OWN_SCRIPT_POPULATION = 100_000


# Other names shorter than this are codes or common words more often than cities.
_OTHER_NAME_LETTERS = 4
_FOREIGN_NAME_POPULATION = 500_000


def speaks(country: str, language: str | None, *, officially: bool = False) -> bool:
    if not language:
        return False
    spoken = get_global("territory_languages").get(country, {})
    info = spoken.get(language.split("-")[0].lower())
    if not info:
        return False
    is_official = "official" in (info.get("official_status") or "")
    return is_official or (not officially and info.get("population_percent", 0) >= 20)


# A city where the page's language is official wins over one this many times larger where
# people merely speak it.
_ABOUT_AS_LARGE = 3
