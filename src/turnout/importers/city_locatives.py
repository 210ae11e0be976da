"""A place told in a Turkish sentence that opens with its city in the locative: "İzmir'de
Gündoğdu Meydanı'nda saat 14.30'da", "İstanbul'da Kadıköy İskelesi önünde buluşuyoruz".

`city_cases` undoes a case on a city's name alone; here the sentence around it is read too:
the capitalised words after the city are the venue, less their own case ending.
"""

import itertools
import re
from dataclasses import replace

from .places import Place, PlaceNotUnderstood, read_place


def turkish_locative_place(words: str, language: str | None, hint: str | None) -> Place | None:
    """The place of a Turkish sentence that opens with its city in the locative, its venue
    the capitalised words after it ("İzmir'de Gündoğdu Meydanı'nda", "İstanbul'da Kadıköy
    İskelesi önünde buluşuyoruz"), without their own case ending or postposition."""
    match = _TURKISH_LOCATIVE.match(words)
    if match is None:
        return None
    try:
        place = read_place([match[1]], language=language, country_hint=hint)
    except PlaceNotUnderstood:
        return None
    named = list(itertools.takewhile(lambda word: word[:1].isupper(), (match[2] or "").split()))
    venue = _TURKISH_CASE_ENDING.sub("", " ".join(named[:_VENUE_WORDS]))
    return replace(place, venue=venue.strip(" ,")[:200])


# "İstanbul'da", "Ankara'da", "İzmir'de", "Kars'ta": a city's name, an apostrophe and
# the locative ending, opening the sentence.
_TURKISH_LOCATIVE = re.compile(
    r"^\s*([A-ZÇĞİÖŞÜ][\wçğıöşü-]*(?:\s[A-ZÇĞİÖŞÜ][\wçğıöşü-]*)?)['’](?:da|de|ta|te)(?:\s+(.*))?$"
)
# The case ending of a venue's last word ("Meydanı'nda", "Parkı'nın önünde").
_TURKISH_CASE_ENDING = re.compile(r"['’]\w+$")
_VENUE_WORDS = 5
