"""Where a protest told in sentences takes place (`prose_events`).

In this order: a place in the front matter, an address line near the day ("Grand Army Plaza,
Brooklyn, NY 11238", "Marktplatz Bremen"), a large city after a preposition ("in Edinburgh",
"no Largo de Camões"), the city the title names, a capitalized city on the day's line, then
the city the file's name, tags or categories name. Two cities told as two events place none.
"""

import re

from .countries import country_codes_for
from .date_names import weekday_names
from .dates import find_dates
from .details import Line
from .document import Document
from .places import Place, PlaceNotUnderstood, read_place, resolve_city
from .times import find_times, strip_times
from .vocabulary import WHERE_LABELS, fold, phrases

# A city named in passing (a title, a tag, a capitalized word) must be at least this large,
# so that "Union", "Largo" or "Colorado" in a sentence are not taken for small towns.
_NAMED_CITY_POPULATION = 100_000
_LONE_WORD_POPULATION = 200_000
# A title, a tag or a location names its city early; a longer text is not read word by word.
_NAMING_CHARACTERS = 300
# Words that put a place after them, in the languages of `vocabulary` (lower case).
_PREPOSITIONS = (
    "at the|at|in the|in|on the|outside the|outside|in front of the|in front of|"  # en
    "op de|op het|op|bij de|bij het|bij|aan de|voor het|"  # nl
    "auf dem|auf der|am|im|an der|vor dem|vor der|"  # de
    "à la|à l'|au|à|devant la|devant le|sur la|sur le|"  # fr
    "en la|en el|en|frente a la|frente al|"  # es
    "nella|nel|in|alla|al|davanti a|"  # it
    "no|na|em|junto ao|junto à|"  # pt
    "a la|a l'|al|davant de|"  # ca
    "på|vid|utanför"  # sv
)
_CONNECTORS = (
    r"(?:de|del|della|delle|dei|di|do|dos|da|das|du|des|la|le|les|von|van|der|den|of|the|"
    r"y|e|i|och|d'|l')"
)
_NAME = r"[A-ZÀ-Þ0-9][\w'’-]*"
_PHRASE = re.compile(
    # A sentence may start with its preposition: "In Bristol we gather …".
    rf"(?<!\w)(?i:{_PREPOSITIONS})\s+(?P<phrase>{_NAME}(?:\s+(?:{_CONNECTORS}\s+)?{_NAME})*)"
)
# French, Spanish, Italian, Portuguese and Catalan write a square's or street's kind in lower
# case before its name, often with no preposition: "à 14h place de la République".
_STREET_KINDS = (
    "place|rue|avenue|boulevard|quai|cours|parvis|esplanade|plaza|calle|avenida|paseo|"
    "piazza|piazzale|largo|praça|rua|plaça|carrer|passeig"
)
_STREET_PHRASE = re.compile(
    rf"(?<![\w-])(?P<phrase>(?:{_STREET_KINDS})\s+(?:{_CONNECTORS}\s+)*{_NAME}"
    rf"(?:\s+(?:{_CONNECTORS}\s+)?{_NAME})*)"
)
_POSTCODE_LINE = re.compile(
    r"^\s*(?:\d{4,5}\s?[A-Z]{0,2}\s+\S.*|.*\s[A-Z]{2,3}\s+\d{4,5}|.*\b[A-Z]{1,2}\d[\dA-Z]?\s?\d[A-Z]{2})\s*$"
)
_FRONT_MATTER_PLACES = ("location", "venue", "place", "address", "where", "city")
_FRONT_MATTER_WORDS = ("city", "tags", "categories", "category", "keywords", "location")


def prose_place(
    document: Document, lines: list[Line], anchor: int | None, slug: str, language: str | None
) -> Place | None:
    venue = ""
    extra = document.front_matter.extra
    for key in _FRONT_MATTER_PLACES:
        value = extra.get(key)
        if isinstance(value, str) and value.strip():
            place = _address(value, language)
            if place is not None:
                return place
            venue = venue or value.strip()[:200]
            if city := _city_in(value, _NAMED_CITY_POPULATION, language):
                return Place(
                    city.city,
                    city.country,
                    city.timezone,
                    city.latitude,
                    city.longitude,
                    venue=venue,
                )
    start = anchor or 0
    nearby = lines[start : start + 4] + lines[:start]
    addresses = [
        _address(_without_times_and_days(line.text, language), language) for line in nearby
    ]
    cities = {(place.city, place.country) for place in addresses if place is not None}
    if len(cities) > 1:
        return None  # "Berlin, Germany: 14 Uhr" over "Hamburg, Germany: 15 Uhr": several events
    if place := next((place for place in addresses if place is not None), None):
        return place
    venue = venue or _address_block_venue(lines)
    told = " ".join(
        line.text for line in lines[start : start + 3] if line.block is lines[start].block
    )
    phrases = _phrases(told if anchor is not None else "", language)
    if len(_cities_named(phrases, language)) > 1:
        return None  # "In Bristol we gather at 2pm; in Leeds at 11am": more than one event
    for phrase in phrases:  # "in Edinburgh": the whole name is a city's
        city = resolve_city(phrase, language=language)
        is_country = bool(country_codes_for(phrase, language=language))  # "in India"
        if city is not None and city.population >= _NAMED_CITY_POPULATION and not is_country:
            others = [p for p in phrases if p != phrase]
            return _place_of(city, venue or next(iter(others), ""))
        venue = venue or phrase
    if city := _city_in(document.title, _NAMED_CITY_POPULATION, language):
        return _with_venue(city, venue)
    # The sentence that gives the day names its city before the file's name or tags do: a
    # page about two squares ("milano-torino") holds its event where the sentence says.
    if anchor is not None:
        for word in re.findall(r"(?<![\w.])[A-ZÀ-Þ][\w'-]{3,}", lines[anchor].text):
            if city := _city_in(word, _LONE_WORD_POPULATION, language):
                return _with_venue(city, venue)
        # A city of two or three words: "from Anthropic's San Francisco office".
        if city := _city_in(lines[anchor].text, _LONE_WORD_POPULATION, language):
            return _with_venue(city, venue)
    named = [slug.replace("-", " ")]
    for key in _FRONT_MATTER_WORDS:
        value = extra.get(key)
        named += [str(v) for v in (value if isinstance(value, list) else [value]) if v]
    for text in named:
        if city := _city_in(text, _NAMED_CITY_POPULATION, language):
            return _with_venue(city, venue)
    return None


def _with_venue(place: Place, venue: str) -> Place:
    return Place(
        place.city,
        place.country,
        place.timezone,
        place.latitude,
        place.longitude,
        venue=venue[:200],
    )


def _address(text: str, language: str | None) -> Place | None:
    """The place of an address line: "Grand Army Plaza, Brooklyn, NY 11238", "place
    Pey-Berland, 33000 Bordeaux", "Marktplatz Bremen"; None for a sentence or no city."""
    text = text.strip(" *_~.;:–-")
    parts = [p for p in re.split(r"[,;]", text) if p.strip(" *_~")]
    if not parts or len(parts) > 5 or any(len(p.split()) > 7 for p in parts):
        return None
    if len(parts) > 1:
        try:
            place = read_place(parts, language=language, with_venue=True)
        except PlaceNotUnderstood:
            place = None
        if place is not None and place.venue:
            return place
    words = parts[-1].split()
    for size in (3, 2, 1):  # "Marktplatz Bremen": the city closes the last part
        if len(words) <= size or not _looks_like_venue(words[:-size]):
            continue
        city = resolve_city(" ".join(words[-size:]), language=language)
        if city is not None and city.population >= _NAMED_CITY_POPULATION:
            venue = ", ".join([*(p.strip() for p in parts[:-1]), " ".join(words[:-size])])
            return _place_of(city, venue)
    return None


def _looks_like_venue(words: list[str]) -> bool:
    """ "Marktplatz", "Piazza Maggiore", "42 Rue de Rivoli" before a city name an address;
    "motivi di sicurezza: chi può raggiunga" (before "Torino.") is the end of a sentence."""
    text = " ".join(words).strip(" *_")
    first = text[:1]
    return (
        bool(text)
        and len(words) <= _VENUE_WORDS
        and (first.isupper() or first.isdigit())
        and not re.search(r"[:;!?]", text)
    )


_VENUE_WORDS = 5


def _address_block_venue(lines: list[Line]) -> str:
    """ "Atherton Gardens, Brunswick Street / Fitzroy VIC 3065": the lines above a postcode
    line the gazetteer does not know are the venue."""
    blocks = list({id(line.block): line.block for line in lines if line.block}.values())
    for block in blocks:
        block_lines = block.text.split("\n")
        if 2 <= len(block_lines) <= 4 and _POSTCODE_LINE.match(block_lines[-1]):
            head = [t.strip(" *_") for t in block_lines[:-1]]
            if not any(find_times(t) or find_dates(t) for t in head):
                return ", ".join(head)[:200]
    return ""


def _city_in(text: str, minimum: int, language: str | None) -> Place | None:
    """The largest city named by one to three words of `text` (at least `minimum` people)."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text[:_NAMING_CHARACTERS])
    if not text.islower():  # prose and titles capitalize names; tags may not
        words = [w if w[0].isupper() else "," for w in words]
    best = None
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            candidate = " ".join(words[start : start + size])
            if len(candidate) < 4 or "," in candidate:  # "THE", "FOR" are airports' codes
                continue
            city = resolve_city(candidate, language=language)
            if city is not None and city.population >= minimum:
                if best is None or city.population > best.population:
                    best = city
        if best is not None:
            break
    return _place_of(best, "") if best is not None else None


def _place_of(city, venue: str) -> Place:
    from .places import _place_of as place_of
    from .places import city_around

    return place_of(city_around(city), venue=venue.strip(" ,")[:200])


def _cities_named(phrases: list[str], language: str | None) -> set[tuple[str, str]]:
    """The large cities (city, country) that the place phrases name whole."""
    found = set()
    for phrase in phrases:
        city = resolve_city(phrase, language=language)
        if city is not None and city.population >= _NAMED_CITY_POPULATION:
            if not country_codes_for(phrase, language=language):
                found.add((city.name, city.country))
    return found


def _phrases(text: str, language: str | None) -> list[str]:
    """The capitalized names after a preposition, and the squares and streets written with
    their kind in lower case: "Piazza della Scala", "Edinburgh", "place de la République"."""
    found: list[str] = []
    matches = [*_PHRASE.finditer(text), *_STREET_PHRASE.finditer(text)]
    for match in sorted(matches, key=lambda m: m.start("phrase")):
        phrase = match.group("phrase").strip(" .,'’")
        if any(phrase in kept or kept in phrase for kept in found):
            continue  # "Plaza Mayor" after "en la" and as a square's kind: one phrase
        if fold(phrase) in weekday_names(language):
            continue  # "am Samstag", "on Saturday": a day, not a place
        if not re.search(r"[^\W\d_]", phrase):
            continue  # "at 14" before ":00": an hour, not a place
        if not find_dates(phrase, language=language) and not find_times(phrase):
            found.append(phrase)
    return found


def _without_times_and_days(text: str, language: str | None) -> str:
    """ "Samstag, 14. März 2026, 14:00 Uhr, Marktplatz Bremen" → "Marktplatz Bremen"."""
    # A sentence or a label ends a part as a comma does: "… um 14 Uhr. Treffpunkt: Marienplatz".
    parts = _PART_END.split(strip_times(text.replace("~~", "")))
    weekdays = weekday_names(language)
    labels = phrases(WHERE_LABELS, language)
    kept = [
        p
        for p in parts
        if p.strip(" *_")
        and not find_dates(p, language=language)
        # "Am Samstag", "Treffpunkt am Samstag": a day told in words, not a place.
        and not weekdays.intersection(fold(p).split())
        and fold(p.strip(" *_")) not in labels
    ]
    return ", ".join(kept)


_PART_END = re.compile(r",\s*|:\s+|(?<=[^\W\d_]{2})\.\s+")
