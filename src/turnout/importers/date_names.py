"""The words dates are written with in each language: month and weekday names from CLDR
(through Babel) and the small tables of words between them ("to", "t/m", "bis", "de").

Apart from `dates`, which reads a text's dates with them, so that other readers (a bullet's
leading weekday, a weekly rule) ask the same tables.
"""

import re
import unicodedata
from functools import cache
from typing import Literal

from babel.dates import get_day_names, get_month_names

from .date_cases import MONTHS_IN_CASE, ONLY_IN_THEIR_LANGUAGE, WEEKDAYS_IN_CASE
from .vocabulary import DATE_FILLERS, RANGE_WORDS, fold, languages_in_order, phrases


@cache
def month_names(language: str | None = None) -> dict[str, int]:
    """Folded month names (wide and abbreviated, without their dot) to month numbers."""
    names: dict[str, int] = {}
    for code in languages_in_order(language):
        for width in _widths_read(code, language):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=code).items():
                    key = elided(fold(name).rstrip("."))
                    if " " in key or (key in _AMBIGUOUS and code != language):
                        continue
                    names.setdefault(key, number)
    # Languages without tables of their own still write their months in full ("9. října").
    for code in _MONTHS_ONLY_LANGUAGES:
        in_dates = get_month_names("wide", "format", locale=code)
        alone = get_month_names("wide", "stand-alone", locale=code)
        for number, name in [*in_dates.items(), *alone.items()]:
            key = fold(name)
            # Short names are words in Latin script ("mars"), not in Cyrillic ("мая", "июня"),
            # nor with letters English lacks ("júna", "xuño", "júní").
            if len(key) >= _shortest_month_name(name) and " " not in key:
                names.setdefault(key, number)
    names.setdefault("sept", 9)  # a common English abbreviation CLDR does not list
    _add_cases(names, MONTHS_IN_CASE, language)
    return names


def _add_cases(names: dict[str, int], table: dict[str, dict[str, int]], language: str | None):
    """`names` with the case forms of `table` ("juunil"), the ambiguous ones ("mail") only on
    a page in their own language."""
    own = (language or "").split("-")[0].lower()
    for code, forms in table.items():
        for form, number in forms.items():
            if code == own or form not in ONLY_IN_THEIR_LANGUAGE:
                names.setdefault(fold(form), number)


# The languages of the edges the tables of words hold a few words of (signup, "to be
# confirmed"), whose dates are read as those of languages without tables.
_EDGE_LANGUAGES = (
    "mt",
    "eu",
    "gl",
    "cy",
    "ga",
    "sq",
    "mk",
    "ka",
    "hy",
    "ta",
    "ur",
    "is",
    "lv",
)

# Their wide names only: abbreviations such as the Czech "led" (January) are words elsewhere.
# Finnish, Hungarian, Turkish, Greek, Russian and Ukrainian pages name their months so too
# ("14. kesäkuuta", "június 14.", "14 Haziran", "14 Ιουνίου", "14 июня", "14 червня"), and
# Croatian pages in their genitive ("22. svibnja", "5. lipnja"); Lithuanian ("rugsėjo 25
# d."), Latvian, Slovenian, Serbian, Bulgarian, Filipino and Afrikaans ("4. decembar", "6
# ноември", "Hunyo 19", "12 Junie") too.
_MONTHS_ONLY_LANGUAGES = (
    "cs",
    "sk",
    "fi",
    "hu",
    "tr",
    "el",
    "ru",
    "uk",
    "hr",
    "lt",
    "sl",
    "sr_Latn",
    "bg",
    "fil",
    "af",  # "Saterdag 12 Junie 2027"
    # Languages of Europe's edges and of Asia the vocabulary has few words of ("12 ta'
    # Ġunju", "ekainaren 12an", "12 de xuño", "12 Mehefin", "12 Meitheamh", "12 qershor",
    # "12 јуни", "12 ივნისი", "հունիսի 12", "12 ஜூன்", "12 جون", "12. júní").
    *_EDGE_LANGUAGES,
)


def _widths_read(code: str, language: str | None) -> tuple[Literal["wide", "abbreviated"], ...]:
    """The widths of a table language's names read on a page. A language of the edges, in the
    tables for a few words only (a Basque signup word, a Maltese "not yet confirmed"), is read
    as the languages without tables are (below), unless the page is in it: Basque "ira",
    "api", "aza" are words elsewhere."""
    if code in _EDGE_LANGUAGES and code != (language or "").split("-")[0].lower():
        return ()
    return ("wide", "abbreviated")


def _shortest_month_name(name: str) -> int:
    """How long a language's month name must be to be trusted as one wherever it is met."""
    if not any(letter.isascii() for letter in name):
        return 3
    return 4 if any(letter.isalpha() and not letter.isascii() for letter in name) else 5


# Abbreviated months that are common words elsewhere: French "des", English "set"; the
# Polish "sie" (August) is the German "sie", "lis" and "lip" are words too, as are the
# Lithuanian "vas" and "bal" (February, April) in Spanish and French.
_AMBIGUOUS = frozenset({"des", "set", "ag", "gen", "dic", "sie", "lis", "lip", "vas", "bal"})


def elided(word: str) -> str:
    """ "abril" for Catalan "d'abril" (or with a typographic apostrophe)."""
    return re.sub(r"^(?:d|l)['’]", "", word)


# Languages whose two-letter weekdays open a date ("la 14.3." is Saturday the 14th of March).
_TWO_LETTER_WEEKDAYS = frozenset({"fi"})


@cache
def weekday_names(language: str | None = None) -> frozenset[str]:
    return frozenset(weekday_numbers(language))


@cache
def weekday_numbers(language: str | None = None) -> dict[str, int]:
    """Folded weekday names (wide and abbreviated, without their dot) to 0 for Monday."""
    names: dict[str, int] = {}
    own = (language or "").split("-")[0].lower()
    if own in _TWO_LETTER_WEEKDAYS:
        # Finnish dates open with "la 14.3.", "su 15.3.": trusted on the language's own pages.
        for number, name in get_day_names("abbreviated", "format", locale=own).items():
            names.setdefault(fold(name).rstrip("."), number)
    for code in languages_in_order(language):
        for width in _widths_read(code, language):
            for context in ("format", "stand-alone"):
                for number, name in get_day_names(width, context, locale=code).items():
                    key = fold(name).rstrip(".")
                    if len(key) > 2:  # Catalan "dc." and "dj." are too short to trust
                        names.setdefault(key, number)
    # Their wide names only, as for months: "szombat", "Cumartesi", "Σάββατο", "maanantai".
    for code in _MONTHS_ONLY_LANGUAGES:
        in_dates = get_day_names("wide", "format", locale=code)
        alone = get_day_names("wide", "stand-alone", locale=code)
        for number, name in [*in_dates.items(), *alone.items()]:
            key = fold(name)
            if len(key) >= 5 and " " not in key:
                names.setdefault(key, number)
    _add_cases(names, WEEKDAYS_IN_CASE, language)
    return names


@cache
def weekday_phrases() -> dict[str, int]:
    """Folded weekday names of more than one word ("e hene", "dydd sadwrn", "de sathairn"),
    of the languages without tables of their own: a date's words apart, but a cell of a
    calendar's header row that holds nothing else."""
    names: dict[str, int] = {}
    for code in _MONTHS_ONLY_LANGUAGES:
        for context in ("format", "stand-alone"):
            for number, name in get_day_names("wide", context, locale=code).items():
                if " " in (key := fold(name)):
                    names.setdefault(key, number)
    return names


@cache
def accented_date_names(language: str | None = None) -> frozenset[str]:
    """The month and weekday names that carry accents, as written (lower case, without their
    dot): "sábado", "März", "szombat" has none. A word with accents is a date's name only if
    it is one of these: the Hungarian "Dóm" and "tér" are no Sunday and Tuesday ("dom.",
    "ter." in Portuguese)."""
    names: set[str] = set()
    for code in {*languages_in_order(language), *_MONTHS_ONLY_LANGUAGES}:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for table in (get_month_names, get_day_names):
                    names.update(
                        unicodedata.normalize("NFC", n.casefold().rstrip("."))
                        for n in table(width, context, locale=code).values()
                    )
    for forms in [*MONTHS_IN_CASE.values(), *WEEKDAYS_IN_CASE.values()]:
        names.update(forms)
    return frozenset(name for name in names if fold(name) != name)


@cache
def range_words(language: str | None) -> frozenset[str]:
    return frozenset(p for p in phrases(RANGE_WORDS, language) if " " not in p and "/" not in p)


@cache
def multiword_ranges(language: str | None) -> re.Pattern[str]:
    words = [p for p in phrases(RANGE_WORDS, language) if " " in p or "/" in p]
    return re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in words))


@cache
def fillers(language: str | None) -> frozenset[str]:
    return frozenset(phrases(DATE_FILLERS, language))
