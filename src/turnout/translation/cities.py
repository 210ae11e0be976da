"""The cities a translation must keep: "We meet in Leiden" answered "in Delft" keeps every
number and mark, so only knowing Delft is a city gives it away.

Cities come from the gazetteer (`turnout.places`), by any of their names, so "Den Haag",
"La Haya" and "Гаага" are one city. A source's city is kept when the answer names it, or a
word of the answer starts with one of its names (languages decline them: "в Утрехте",
"Utrechter") or, in Hebrew and Arabic, after a letter for "from" or "in" ("מאוטרכט"), or,
in scripts written without spaces, one of its names stands in the answer.
A swap is said only where a source's city is gone, from the whole answer or from the block
(list item, table cell, paragraph) that answers the block naming it, and another city of the
same country stands there: a capitalized word that is also some town's name ("Essen" is food in
German) is no city swapped for one of another country. Hungarian writes "of Utrecht" as a
lowercase adjective ("az utrechti menet"): in a Hungarian answer a lowercase word that is a
city's name and "i" is that city too.
"""

from django.utils.translation import gettext as _

from turnout.places.gazetteer import City, resolve_city

from .languages import base, script_of, written_words
from .problems import Problem
from .proportions import text_blocks

_LONGEST_NAME = 3  # words
_UNSPACED_SCRIPTS = frozenset({"han", "kana", "thai"})
# Names shorter than this are abbreviations or common words ("Ede", "Oss", "Ur").
_SHORTEST = 4
# A Hangul syllable is a word's worth of letters: most Korean cities take two ("부산", "대구").
_SHORTEST_HANGUL = 2
# The longest ending a language adds to a city's name ("Amsterdamissa", "Утрехтом").
_LONGEST_ENDING = 5
# In scripts without spaces, the longest name looked for, in characters.
_LONGEST_UNSPACED = 6
# Hebrew and Arabic write "from", "in", "to", "and" as a letter before the name ("מאוטרכט").
_PREFIXES = frozenset("מבלוהשכبولفك")


def cities_named(text: str, *, declined: bool = False) -> dict[int, City]:
    """The cities `text` names: capitalized words, or any word in a script without case;
    when `declined`, also with an ending of up to three letters ("в Лионе", "Delftiin")."""
    found: dict[int, City] = {}
    for name in _candidate_names(text):
        if (city := resolve_city(name)) is not None:
            found[city.geonames_id] = city
        elif declined and " " not in name:
            if name[0] in _PREFIXES and (city := resolve_city(name[1:])) is not None:
                found[city.geonames_id] = city  # "מרוטרדם", "بروتردام": from, in Rotterdam
                continue
            for end in (-1, -2, -3):
                if len(name) + end >= _shortest(name) and (city := resolve_city(name[:end])):
                    found[city.geonames_id] = city
                    break
    return found


def swapped_city(source: str, translated: str, *, language: str = "") -> tuple[str, str] | None:
    """(the source's city, the city the answer names instead), or None."""
    expected = cities_named(source)
    if not expected:
        return None
    answered = cities_named(translated, declined=True)
    if base(language) == "hu":
        answered |= _hungarian_adjectives(translated)
    lost = [city for city in expected.values() if city.geonames_id not in answered]
    if lost:
        lost = [city for city in lost if not _declined_in(city, translated)]
    for city in lost:
        for other in answered.values():
            if other.geonames_id not in expected and other.country == city.country:
                return city.name, other.name
    return None


def city_problems(source: str, translated: str, *, language: str = "") -> list[Problem]:
    if not (
        swap := swapped_city(source, translated, language=language)
        or _swapped_in_a_block(source, translated, language=language)
    ):
        return []
    original, other = swap
    return [
        Problem(
            "cities",
            _("The translation names another city (%(other)s) than the source (%(city)s).")
            % {"other": other, "city": original},
            f"Your answer names {other} where the text names {original}. Keep every place of "
            f"the text, under its name in your language.",
        )
    ]


def _swapped_in_a_block(source: str, translated: str, *, language: str) -> tuple[str, str] | None:
    """A city swapped in one block (a list item, a table cell) while the source names it in
    another too, where blocks are one for one: "Helsinki: 9 June" answered "Tampere: 9 June"
    above a table that still says Helsinki."""
    source_blocks, blocks = text_blocks(source), text_blocks(translated)
    if len(source_blocks) != len(blocks):
        return None
    named = {city.name for city in cities_named(source).values()}
    for source_block, block in zip(source_blocks, blocks, strict=True):
        swap = swapped_city(source_block, block, language=language)
        if swap and swap[1] not in named:  # not a city of the source's other blocks
            return swap
    return None


def _hungarian_adjectives(text: str) -> dict[int, City]:
    """The cities of lowercase adjectives ending in "i": "budapesti", "rotterdami"."""
    found: dict[int, City] = {}
    for word in set(written_words(text)):
        stem = word[:-1]
        if word.islower() and word.endswith("i") and len(stem) >= _SHORTEST:
            if (city := resolve_city(stem.capitalize())) is not None:
                found[city.geonames_id] = city
    return found


def _candidate_names(text: str) -> set[str]:
    words = written_words(text)
    names = set()
    for start, word in enumerate(words):
        if script_of(word[0]) in _UNSPACED_SCRIPTS:
            names |= _runs(word)
            continue
        if not (word[0].isupper() or word[0].lower() == word[0].upper()):
            continue  # a lowercase word of a script with case is no name
        for size in range(1, _LONGEST_NAME + 1):
            if start + size <= len(words):
                name = " ".join(words[start : start + size])
                if len(name) >= _shortest(name):
                    names.add(name)
    return names


def _shortest(name: str) -> int:
    return _SHORTEST_HANGUL if script_of(name[0]) == "hangul" else _SHORTEST


def _runs(word: str) -> set[str]:
    """Every run of 2 to 6 characters of a word written without spaces ("在乌得勒支集合")."""
    return {
        word[start : start + size]
        for start in range(len(word))
        for size in range(2, _LONGEST_UNSPACED + 1)
        if start + size <= len(word)
    }


def _declined_in(city: City, translated: str) -> bool:
    """A word of the answer is the city's name with an ending ("Утрехте", "Parijse")."""
    for word in set(written_words(translated)):
        if word[0] in _PREFIXES and len(word) > _SHORTEST:
            found = resolve_city(word[1:])
            if found is not None and found.geonames_id == city.geonames_id:
                return True
        shortest = max(_shortest(word), len(word) - _LONGEST_ENDING)
        for end in range(len(word) - 1, shortest - 1, -1):
            found = resolve_city(word[:end])
            if found is not None and found.geonames_id == city.geonames_id:
                return True
    return False
