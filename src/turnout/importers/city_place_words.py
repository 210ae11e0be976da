"""What the words of a city bullet say: which of them name its place ("**[London, UK](…)**",
"Amsterdam (NL): 15:00 @ Dam"), the day it may open with ("12 April: Utrecht, Neude"), and
the venue beside its city ("**Stockholm** – Mynttorget – [Facebook](…)").

Apart from the reading of the list (`city_lists`) so that bullets, "Where:" lines and the
page's prose (`protest_pages`) read a place by the same rules.
"""

import itertools
import re
import unicodedata
from dataclasses import replace
from datetime import date

from .city_days_beside import (
    day_beside_the_campaign,
    days_beside_phrases,
    weekday_in_window,
    weekday_of_the_window,
    without_links,
)
from .city_list_reading import ReadingContext
from .city_locatives import turkish_locative_place
from .countries import country_codes_for, leading_flag
from .date_cases import SHORT_WEEKDAYS
from .date_names import accented_date_names, month_names, weekday_names
from .dates import find_dates
from .document import Block
from .event_days import relative_day, resolve
from .meeting_links import names_online
from .places import Place, PlaceNotUnderstood, gazetteer, read_place, resolve_city
from .times import find_times, strip_times
from .vocabulary import (
    DATE_FILLERS,
    TO_BE_ANNOUNCED,
    fold,
    phrases,
)

# A pin, a calendar or a pointing hand before a place ("🗓️ Hamburg – Sa., 14.6.").
_PIN_START = re.compile(r"^\s*[📍📌🗓📅📆👉➡▶🔹🔸📢📣✊]\ufe0f?\s*")


def without_pin(block: Block, context: ReadingContext) -> Block:
    """A city bullet that opens with a pin ("📍 **Madrid** — Puerta del Sol — 12:00") or a
    flag ("🇩🇪 Berlin – …") is read without it: the pin decorates a list of places rather
    than labelling one event's, and the flag's country is read apart (`leading_flag`)."""
    flag, after_flag = leading_flag(block.text)
    if flag is not None:
        return replace(block, text=after_flag)
    if not _PIN_START.match(block.text):
        return block
    bare = replace(block, text=_PIN_START.sub("", block.text, count=1))
    if names_place(bare, context) or names_online(bare.text, context.language):
        return bare
    return block


def place_in_title(title: str, language: str | None) -> Place | None:
    """The city in "Protest @ Bletchley Park - November 1st": the longest run of the words
    after "@" that the gazetteer knows (a guess, so it is reported)."""
    if "@" not in title or gazetteer() is None:
        return None
    words = re.split(r"\s[-–—|:]\s", title.split("@", 1)[1])[0].split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            candidate = " ".join(words[start : start + size])
            if len(candidate) < 4:
                continue
            try:
                return read_place([candidate], language=language, with_venue=True)
            except PlaceNotUnderstood:
                continue
    return None


def is_date_word(word: str, language: str | None) -> bool:
    folded = fold(word).rstrip(".")
    written = unicodedata.normalize("NFC", word.casefold().rstrip("."))
    # Accents no month or weekday has make another word: "Dóm tér" is a square, not "dom."
    # and "ter." (Sunday, Tuesday in Portuguese).
    is_name = written == folded or written in accented_date_names(language)
    return (
        (is_name and (folded in month_names(language) or folded in weekday_names(language)))
        or folded in phrases(DATE_FILLERS, language)
        or folded in _HOUR_WORDS
    )


# Words around an hour in a line of a day and its hour: "om 14 uur", "ore 15", "godz. 15".
_HOUR_WORDS = frozenset(
    "om uur at um uhr ore alle dalle a as às à h kl klockan godz godzina o de van von".split()
)


def days_in(text: str, context: ReadingContext) -> tuple[date, date | None] | None:
    """The day (and last day) a "When:" line names, or the day "tomorrow" means."""
    for mention in find_dates(text, language=context.language):
        window = resolve(mention, context.anchors)
        if window is not None:
            return window[0], (window[1] if window[1] != window[0] else None)
    day = relative_day(text, posted=context.anchors.posted, language=context.language)
    day = day or day_beside_the_campaign(text, context) or weekday_of_the_window(text, context)
    return (day, None) if day else None


def names_place(block: Block, context: ReadingContext) -> bool:
    """Whether a bullet names a place, maybe after its day ("10/18/2025: Foley Square, New
    York, NY – RSVP", a row of a table of events)."""
    return place_named(block, context) is not None


def place_named(
    block: Block, context: ReadingContext, *, usual_country: str | None = None
) -> Place | None:
    """The place a bullet names (`names_place`), maybe in the country the list's other
    places are in ("Corcaigh" beside Dublin is Cork)."""
    language = context.language
    text, day = leading_day(block.text, context)
    # After its hour a bullet reads like an address ("14:00: Hlavné námestie, Bratislava").
    timed = after_leading_time(text) if day is None else None
    words = place_words(strip_times(timed or text), language)
    try:
        parts = place_parts(words, language)
        is_address = day is not None or timed is not None or has_postcode_and_city(parts)
        return read_place(
            parts, language=language, with_venue=is_address, usual_country=usual_country
        )
    except PlaceNotUnderstood:
        return city_after_event_name(parts, language) or city_after_event_name_and_dash(
            strip_times(timed or text), language
        )


def city_after_event_name_and_dash(text: str, language: str | None) -> Place | None:
    """The city an event site's card names after the event's name and a dash ("Fossil Free
    Pensions – Toronto – Sat, Jun 12 – CPP Investments"), a city of some size alone there."""
    segments = [s.strip(" *_") for s in re.split(r"\s[–—-]\s", text)]
    if len(segments) < 2 or not 1 <= len(segments[1].split()) <= 3:
        return None
    name = segments[0]
    if not re.fullmatch(r"[^\W\d_]+(?:[\s'’&-]+[^\W\d_]+)*", name) or all(
        is_date_word(word, language) for word in name.split()
    ):
        return None  # an event's name is words ("Sun 4th — Boston" is a day that is none)
    city = resolve_city(segments[1], language=language)
    if city is None or city.population < _TITLED_CITY_POPULATION:
        return None
    try:
        return read_place([segments[1]], language=language)
    except PlaceNotUnderstood:
        return None


def city_after_event_name(parts: list[str], language: str | None) -> Place | None:
    """The city a card's title names after the event's name ("Fietsdemo Leeuwarden",
    "Klimastreik Zürich"), as event plugins title each city's event: a city of some size
    the last words name, after words that name no venue ("Castle Park" names no city)."""
    words = parts[0].strip(" *_").split() if parts else []
    if not 2 <= len(words) <= _TITLE_WORDS or not all(w[:1].isupper() for w in words):
        return None
    for size in (2, 1):
        head, name = " ".join(words[:-size]), " ".join(words[-size:])
        if not head or len(name) < 4 or _VENUE_WORD.search(head) or _VENUE_WORD.search(name):
            continue
        city = resolve_city(name, language=language)
        if city is not None and city.population >= _TITLED_CITY_POPULATION:
            try:
                return read_place([name], language=language)
            except PlaceNotUnderstood:
                continue
    return None


_TITLE_WORDS = 3
_TITLED_CITY_POPULATION = 50_000


def has_postcode_and_city(parts: list[str]) -> bool:
    """Whether a place's parts read like an address: one gives the city with its postcode,
    before it ("Bundesplatz, 3011 Bern", "Neude, 3512 AE Utrecht") or after it ("Victoria
    Square, Birmingham B1 1BD"), so the words before it are a venue."""
    return any(_POSTCODE_AND_CITY.search(part.strip(" –—-")) for part in parts[1:])


_POSTCODE_AND_CITY = re.compile(
    r"^\s*\d{4,5}(?:\s?[A-Z]{2})?\s+[^\W\d_]|[^\W\d_]\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\s*$"
)


def own_day(block: Block, context: ReadingContext) -> date | None:
    """ "(13 May)", else a day anywhere in the bullet: "**Boston** – March 4, 13:00"."""
    days = own_days(block, context)
    return days[0] if days else None


def own_days(block: Block, context: ReadingContext) -> tuple[date, date | None] | None:
    """The day and last day a bullet names: "| București | Piața Universității | 12–13
    iunie |" is the 12th to the 13th."""
    return days_in(_in_brackets(block.text), context) or days_in(
        strip_times(without_links(block)), context
    )


# A colon between digits is a clock's ("14:00"), not the end of a leading day.
_LEADING_SEPARATOR = re.compile(r"\s*(?:(?<!\d):|:(?!\d)|\s[-–—|]\s|,|、)\s*")
# A day in digits opening a bullet with no separator after it: "4/12 14:00 Tokyo".
# Maybe after its weekday: "la 14.3. Helsinki, Senaatintori", "Sat 14/3 Leeds".
_LEADING_DIGITS_DAY = re.compile(
    r"^\s*(?:\**([^\W\d_]{2,12})\.?\**,?\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)\.?\**\s+"
)


def leading_day(text: str, context: ReadingContext) -> tuple[str, date | None]:
    """ "12 April: Utrecht, Neude" → ("Utrecht, Neude", the 12th of April)."""
    for match in _LEADING_SEPARATOR.finditer(text):
        head = text[: match.start()]
        if len(head) > 40:
            break
        if (day := weekday_in_window(head, context)) is not None:
            if not _date_follows(text, match.end(), context.language):
                return text[match.end() :], day  # "**Tue**: Manchester" in a week of action
            continue  # "Sat, Jun 14, 2pm: …": the weekday of the date that follows
        if not find_dates(head, language=context.language):
            continue
        if _names_more_than_a_day(head, context.language):
            break  # "**Boston** – March 4, …": the line opens with its place, not a day
        days = days_in(head, context)
        if days is not None:
            return text[match.end() :], days[0]
    opening = _LEADING_DIGITS_DAY.match(text)
    weekday = opening.group(1) if opening else None
    if opening and (weekday is None or fold(weekday) in weekday_names(context.language)):
        days = days_in(opening.group(), context)
        if days is not None:
            return text[opening.end() :], days[0]
    return text, None


def _date_follows(text: str, at: int, language: str | None) -> bool:
    """Whether the words from `at` to the next separator are a date ("Jun 14" after "Sat, ")."""
    after = _LEADING_SEPARATOR.search(text, at)
    segment = text[at : after.start() if after else len(text)]
    return bool(find_dates(segment, language=language)) and not _names_more_than_a_day(
        segment, language
    )


def _names_more_than_a_day(text: str, language: str | None) -> bool:
    """Whether `text`, which holds a date, has words beside it that are no part of a date (a
    weekday in two letters is one here: "Sa., 14. Juni")."""
    words = re.findall(r"[^\W\d_]+", strip_times(text))
    # Any language's: a page's language is a guess, and these stand only beside a date here.
    short = _ANY_SHORT_WEEKDAY
    return any(not is_date_word(word, language) and word.casefold() not in short for word in words)


_ANY_SHORT_WEEKDAY = {day for days in SHORT_WEEKDAYS.values() for day in days}


def after_leading_time(text: str) -> str | None:
    """ "Palace Pier, Brighton" in "11am – 1pm: Palace Pier, Brighton" (a row of a table whose
    "Time" column comes first); None when the text does not start with a time."""
    head, colon, rest = text.partition(": ")
    if not colon or len(head) > 30 or not find_times(head) or strip_times(head).strip(" –-"):
        return None
    return rest


def place_words(text: str, language: str | None) -> str:
    """The words naming the place: notes in brackets and "t.b.a." removed, a country in
    brackets kept ("Amsterdam (NL)", "Valencia (Venezuela)"), what follows a separator left
    out ("Rotterdam: Schouwburgplein", "Amsterdam @ Dam", "Utrecht – Neude")."""

    def bracket(match: re.Match) -> str:
        inner = (match.group(1) or "").strip(" *_")
        return f", {inner} " if inner and country_codes_for(inner, language=language) else " "

    words = re.sub(r"\(([^)]*)\)?|\[[^\]]*\]", bracket, text)
    folded_phrases = [
        *phrases(TO_BE_ANNOUNCED, language),
        *days_beside_phrases(language),
    ]
    for phrase in folded_phrases:
        words = re.sub(rf"(?i)(?<!\w){re.escape(phrase)}(?!\w)", " ", words)
    segments = _PLACE_END.split(words.strip())
    # What a removed time leaves before its colon ("11am – 1pm: Palace Pier") names nothing.
    return next((seg for seg in segments if re.search(r"[^\W\d_]", seg)), segments[0])


# Where the words naming a place end: a spaced dash or slash, "@", a pin, or a colon that is
# not a clock's.
_PLACE_END = re.compile(r"\s[-–—:/|·•]\s|\s*[@：]\s*|\s*📍\ufe0f?\s*|(?<!\d)\s*:(?!\d)\s*")


def place_parts(text: str, language: str | None = None) -> list[str]:
    # Japanese and Chinese write their commas wide ("渋谷駅、東京"). A part that is only a day
    # ("**Berlin**, 4. März, Brandenburger Tor") names no place.
    return [
        part for part in re.split(r"[,;\n、，；]", text)
        if part.strip(" *_") and not _is_only_a_day(part, language)
    ]  # fmt: skip


def _is_only_a_day(text: str, language: str | None) -> bool:
    return bool(find_dates(text, language=language)) and not _names_more_than_a_day(text, language)


def _in_brackets(text: str) -> str:
    return " ".join(re.findall(r"\(([^)]*)\)", text))


def place_in_sentence(text: str, language: str | None, hint: str | None) -> Place | None:
    """The place of a bullet written as a sentence: its city after a preposition, and its
    venue before that, from the word for a square or a street on ("Concentración en la
    plaza de España de Sevilla a las 18 h", "Kundgebung auf dem Marktplatz in Bremen, 15 Uhr"),
    or after it ("we march in Berlin from the Brandenburger Tor at 14:00"). None when no
    city follows a preposition."""
    # A dot after a day's number ("Am 17. April") ends no sentence.
    words = re.split(r"\s[–—|]\s|(?<!\d)[.;!?](?:\s|$)", strip_times(text), maxsplit=1)[0]
    words = re.sub(r"[*_]+", "", words)
    if told := turkish_locative_place(words, language, hint):
        return told
    for match in reversed(list(_CITY_PREPOSITION.finditer(words))):
        tail = words[match.end() :].split(",")[0].strip()
        if not tail or not tail[0].isupper():
            continue
        for city in _city_candidates(tail):
            try:
                place = read_place([city], language=language, country_hint=hint)
            except PlaceNotUnderstood:
                continue
            head = words[: match.start()]
            venue = _VENUE_WORD.search(head)
            if venue:
                return replace(place, venue=head[venue.start() :].strip(" ,")[:200])
            return replace(place, venue=_venue_after_city(tail[len(city) :])[:200])
    return None


def _city_candidates(tail: str) -> list[str]:
    """The words after a preposition that may be a city: all of them when few ("Sevilla",
    "San Sebastián"), else the capitalised words they open with ("Berlin from the …")."""
    words = tail.split()
    candidates = [tail] if len(words) <= _CITY_WORDS else []
    opening = list(itertools.takewhile(lambda word: word[0].isupper(), words))[:_CITY_WORDS]
    for size in range(len(opening), 0, -1):
        if size < len(words):
            candidates.append(" ".join(opening[:size]))
    return candidates


def _venue_after_city(rest: str) -> str:
    """ "from the Brandenburger Tor at" → "Brandenburger Tor": the place a sentence names
    after its city, without the prepositions and articles around it."""
    match = _VENUE_AFTER_CITY.match(rest)
    if match is None:
        return ""
    venue = _VENUE_TAIL.sub("", match.group(1))
    return venue.strip(" ,") if venue[:1].isupper() else ""


# What a sentence leaves after its venue once its time is gone: the word before the time
# ("at", "um", "klo"), or a German verb's particle ("vom Augustusplatz los").
_VENUE_TAIL = re.compile(
    r"(?:\s+(?:at|um|à|alle|a|om|kl|klo|from|von|vanaf|de|dès|los|ab|mit|zusammen))+\s*,?\s*$"
)


_VENUE_AFTER_CITY = re.compile(
    r"\s*,?\s*(?:from|at|outside|in front of|by|on|auf|vor|vom|am|an der|an|op|bij|voor|devant|"
    r"sur|depuis|davanti a|da|en|na|no|em|frente a|desde)\s+(?:(?:the|dem|der|den|die|het|de|"
    r"la|le|les|el|o|a)\s+|l')?(.+)$",
    re.I,
)


_CITY_PREPOSITION = re.compile(
    r"\s(?:de|del|en|in|im|à|te|di|nel|em|no|na|at|through|across|durch|w|v|i|σε|στη|в|у)\s", re.I
)
_CITY_WORDS = 3
# Where a venue named in a sentence begins: a square, a street, a park, a building.
_VENUE_WORD = re.compile(
    r"(?<!\w)(?:plaza|plaça|praça|piazza|piazzale|largo|place|platz|plein|square|park|parque|"
    r"parc|parco|jardín|jardim|calle|carrer|rua|rue|via|avenida|avenue|boulevard|paseo|"
    r"puerta|porta|marktplatz|markt|rathaus|ayuntamiento|town hall|city hall|station|"
    r"estación|gare|bahnhof|fuente|monumento|[A-ZÁÉÍÓÚÄÖÜ][\w'-]*platz)",
    re.I,
)
