"""Country names as pages write them, to ISO 3166-1 alpha-2 codes.

CLDR's territory names in every language the importer reads ("Germany", "Duitsland",
"Deutschland", "Allemagne", ...), their parts in brackets or after a dash ("Congo - Kinshasa"),
upper-case ISO codes as written ("NL", "US"), and a small table of the abbreviations and
everyday names CLDR does not list ("UK", "VK", "USA", "DR Congo", "Holland").
"""

import re
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from turnout.campaigns.validators import country_codes

from .vocabulary import ARTICLES, fold, languages_in_order, phrases

ALIASES: dict[str, tuple[str, ...]] = {
    "GB": (
        "UK",
        "U.K.",
        "VK",
        "V.K.",
        "Great Britain",
        "Britain",
        "England",
        "Engeland",
        "Scotland",
        "Schotland",
        "Wales",
        "Northern Ireland",
        "Royaume Uni",
        "Grossbritannien",
    ),
    "US": (
        "USA",
        "U.S.",
        "U.S.A.",
        "US of A",
        "VS",
        "V.S.",
        "VSA",
        "America",
        "Amerika",
        "United States of America",
        "EEUU",
        "EE.UU.",
        "EUA",
    ),
    "CD": (
        "DR Congo",
        "DRC",
        "D.R. Congo",
        "DR Kongo",
        "RDC",
        "RD Congo",
        "DRK",
        "Congo-Kinshasa",
        "Congo Kinshasa",
        "Democratic Republic of the Congo",
    ),
    "CG": ("Congo-Brazzaville", "Congo Brazzaville", "Republic of the Congo"),
    "NL": ("Holland", "NED"),
    "AE": ("UAE", "VAE", "EAU", "Emirates"),
    "CZ": ("Czech Republic", "Tsjechische Republiek", "Tschechische Republik"),
    "KR": ("South Korea", "Zuid-Korea", "Südkorea", "Korea"),
    "TR": ("Turkey", "Turkije", "Türkei", "Turquie"),
    "CI": ("Ivory Coast", "Ivoorkust", "Elfenbeinküste"),
    "DE": ("BRD", "GER"),
    "CH": ("Schweiz", "Suisse", "Svizzera"),
    "BE": ("Belgique", "België", "Belgien"),
}

# Codes CLDR names that are not countries an event can be in.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "ZZ", "QO", "XA", "XB"})


def _key(name: str) -> str:
    return re.sub(r"[^\w]+", " ", fold(name)).strip()


@cache
def country_index(language: str | None = None) -> dict[str, frozenset[str]]:
    """Folded names to the codes they may mean (two for "Congo", one for nearly all)."""
    index: dict[str, set[str]] = {}
    codes = country_codes() - _NOT_COUNTRIES

    def add(name: str, code: str) -> None:
        key = _key(name)
        if key:
            index.setdefault(key, set()).add(code)

    for language_code in languages_in_order(language):
        territories = Locale.parse(language_code).territories
        for code in codes:
            name = territories.get(code)
            if not name:
                continue
            add(name, code)
            # "Congo - Kinshasa" is also "Congo" (and "Kinshasa" a city); "Myanmar (Burma)"
            # is "Myanmar" and "Burma".
            for part in [re.split(r"\s+[-–]\s+", name)[0], *re.split(r"[()]", name)]:
                if part.strip() and part.strip() != name:
                    add(part, code)
            add(name.replace("&", "and"), code)
    # A country's own names ("Polska", "Suomi", "Ελλάδα") on a page in any language; never one
    # that already means another country.
    for code in codes:
        for name in _own_names(code):
            index.setdefault(_key(name), {code})
    for code, names in ALIASES.items():
        for name in names:
            index[_key(name)] = {code}
    return {key: frozenset(value) for key, value in index.items()}


@cache
def _own_names(code: str) -> tuple[str, ...]:
    """The country's name in each of its official languages."""
    names = []
    for language, info in get_global("territory_languages").get(code, {}).items():
        if "official" not in (info.get("official_status") or ""):
            continue
        try:
            name = Locale.parse(f"{language}_{code}").territories.get(code)
        except (ValueError, UnknownLocaleError):
            continue
        if name:
            names.append(name)
    return tuple(names)


def _without_article(text: str, language: str | None) -> str:
    folded = fold(text)
    for article in phrases(ARTICLES, language):
        if article.endswith("'") and folded.startswith(article):
            return text[len(article) :]
        if folded.startswith(article + " "):
            return text[len(article) + 1 :]
    return text


def country_codes_for(name: str, *, language: str | None = None) -> frozenset[str]:
    """The codes a written country may mean: {"GB"} for "UK", {"CD", "CG"} for "Congo"."""
    text = name.strip().strip("*_").strip()
    if not text:
        return frozenset()
    bare = text.replace(".", "")
    if len(bare) == 2 and bare.isalpha() and bare.isupper() and bare in country_codes():
        return frozenset({bare})  # only upper case: "de" and "nl" are also words
    index = country_index(language)
    for candidate in (text, _without_article(text, language)):
        if codes := index.get(_key(candidate)):
            return codes
    return frozenset()


# A flag emoji is a pair of regional indicator letters spelling the country's code ("🇩🇪"),
# or a black flag with the tag letters of a subdivision's code ("🏴 g b w l s", Wales): the
# first two of them name its country.
FLAG_PATTERN = (
    r"[\U0001F1E6-\U0001F1FF]{2}"
    r"|\U0001F3F4[\U000E0061-\U000E007A]{2}[\U000E0030-\U000E0039\U000E0061-\U000E007A]{1,4}"
    r"\U000E007F"
)
_FLAG = re.compile(FLAG_PATTERN)
_FLAG_START = re.compile(rf"^\W*?({FLAG_PATTERN})\ufe0f?\s*")


def country_of_flag(flag: str) -> str | None:
    """The code a flag emoji spells ("🇳🇿" is "NZ", Wales's flag "GB"), or None for none or
    an unknown one."""
    if not _FLAG.fullmatch(flag):
        return None
    if flag.startswith("\U0001f3f4"):
        code = "".join(chr(ord(letter) - 0xE0061 + ord("A")) for letter in flag[1:3])
    else:
        code = "".join(chr(ord(letter) - 0x1F1E6 + ord("A")) for letter in flag)
    return code if code in country_codes() - _NOT_COUNTRIES else None


def leading_flag(text: str) -> tuple[str | None, str]:
    """(the country of the flag `text` opens with, `text` without it): "🇦🇺 Perth – …" is
    ("AU", "Perth – …"); (None, `text`) when it opens with none."""
    match = _FLAG_START.match(text)
    if match is None:
        return None, text
    return country_of_flag(match.group(1)), text[match.end() :]


def opens_with_flag(text: str) -> bool:
    return _FLAG_START.match(text) is not None
