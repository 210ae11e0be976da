"""The cities a sentence lists after a preposition, as press releases name them: "gaan
fietsers de straat op in Amsterdam, Rotterdam en Utrecht", "Demos in Berlin, Hamburg und
München", "en Madrid, Sevilla y Valencia".

Apart from `prose_events` (which reads one event from a page's sentences) so that a page told
in sentences can name its several cities; every name must be a city the gazetteer knows, or
the sentence names none.
"""

import re

from .places import Place, PlaceNotUnderstood, read_place

# "in", "en", "à", "a", "w", "i", "em", "na", "στη", "в" before the first city.
_OPENER = r"(?:in|en|à|a|w|we|i|em|na|nel|στη|στο|σε|в|во)"
# The word before the last city: "and", "en", "und", "et", "y", "e", "i", "och", "og", "ve",
# "и", "και", "oraz".
_LAST = r"(?:and|en|und|et|y|e|i|och|og|ve|и|και|oraz|&)"
_NAME = r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,2}"
_LIST = re.compile(
    rf"(?<!\w){_OPENER}\s+((?:{_NAME}\s*,\s*)*{_NAME}\s*,?\s+{_LAST}\s+{_NAME})", re.I
)
_MOST_CITIES = 12


def cities_in_sentence(text: str, language: str | None) -> list[Place]:
    """The cities one list in `text` names, in order; [] unless there are at least two and
    the gazetteer knows every one ("in Amsterdam, Rotterdam en Utrecht")."""
    for match in _LIST.finditer(text):
        names = re.split(rf"\s*,\s*(?:{_LAST}\s+)?|\s+{_LAST}\s+", match.group(1), flags=re.I)
        names = [name.strip(" .") for name in names if name.strip(" .")]
        if not 2 <= len(names) <= _MOST_CITIES or not all(n[:1].isupper() for n in names):
            continue
        places = [_city(name, language) for name in names]
        if all(places):
            return [place for place in places if place is not None]
    return []


def _city(name: str, language: str | None) -> Place | None:
    """The city `name` names, or its first words do ("Valencia el sábado" is Valencia)."""
    words = name.split()
    for size in range(len(words), 0, -1):
        if not words[size - 1][:1].isupper():
            continue
        try:
            return read_place([" ".join(words[:size])], language=language)
        except PlaceNotUnderstood:
            continue
    return None
