"""A venue as an event keeps it: without its own city at its end ("Dam, Amsterdam" → "Dam")."""

import re

from .countries import country_codes_for
from .places import city_around, city_name, city_words, resolve_city
from .vocabulary import fold

# What joins a venue to its city: a comma or dash, or a preposition in a sentence ("place de
# la République à Lyon", "Marienplatz in München", "Plaza Mayor en Madrid", "Dam te Amsterdam").
_VENUE_CITY_SEPARATOR = re.compile(r"\s*[,–—/]\s*|\s+(?:in|à|a|en|em|te|i|nel|ad)\s+", re.I)


def venue_without_city(venue: str, *, city: str, country: str, language: str | None = None) -> str:
    """The venue without the event's own city at its end ("Dam, Amsterdam" → "Dam",
    "Marienplatz, 80331 München" → "Marienplatz" for Munich), in any spelling the gazetteer
    knows, so a page does not show the city twice. A venue that is only the city, or that
    ends with another city ("Marktplatz, Augsburg" for Munich), is kept as written."""
    text = venue.strip(" ,")
    for separator in _VENUE_CITY_SEPARATOR.finditer(text):
        head = text[: separator.start()].strip(" ,–—/")
        tail = text[separator.end() :]
        parts = [p for p in (city_words(p) for p in tail.split(",")) if p]
        if not head or not parts or len(parts) > 2:
            continue
        # "Dam, Amsterdam, Netherlands": the country may close it, after the city.
        if len(parts) == 2 and country not in country_codes_for(parts[1], language=language):
            continue
        if _names_city(parts[0], city, country, language):
            return head
    return text


def _names_city(name: str, city: str, country: str, language: str | None) -> bool:
    """Whether `name` is a spelling of the imported `city` ("München" of "Munich")."""
    if fold(name) == fold(city):
        return True
    named = resolve_city(name, country=country, language=language)
    return named is not None and city_name(city_around(named)) == city
