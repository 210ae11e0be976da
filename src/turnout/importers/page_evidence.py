"""The page as the confirmation of a model's answer reads it: its lines, links, days, times, cities.

`PageEvidence` answers what `page_confirmation` asks: whether a link, a day, a time, a venue or
a time zone is written on the page, which lines name a city, whether a day is listed among
past events, and whether the page calls an event off.
"""

import re
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import cache, cached_property
from urllib.parse import unquote

from babel.dates import get_day_names

from .city_cases import city_named
from .dates import find_dates, find_years
from .details import is_cancelled
from .document import Document
from .event_days import Anchors, relative_day, resolve
from .event_words import PAST_EVENTS
from .places import Place, gazetteer
from .times import find_times
from .vocabulary import contains_phrase, fold, languages_in_order

URL = re.compile(r"https?://[^\s<>\"'`]+", re.I)
TRAILING_PUNCTUATION = ".,;:!?)]}>*_'\""
# A window of days longer than this is a season, not an event's days.
_LONGEST_WINDOW = timedelta(days=60)
# The most words a city's name spans ("Frankfurt am Main", "Saint-Martin-d'Hères").
CITY_WORDS = 4
# The most words a time or time range spans ("4.30 - 5.30 pm AEST", "de 18h à 20h").
_TIME_WORDS = 6


def normalized_url(url: str) -> str:
    """A link as compared: without surrounding space and trailing punctuation, unescaped."""
    return unquote(url.strip().rstrip(TRAILING_PUNCTUATION))


@dataclass
class ConfirmedEvent:
    """The facts of one model event that the page confirms; empty where it does not."""

    place: Place | None = None
    line: int | None = None  # where the page names the city
    day: date | None = None
    last_day: date | None = None
    starts: time | None = None
    ends: time | None = None
    zone: str = ""
    venue: str = ""
    signup_url: str = ""
    is_cancelled: bool = False
    title: str = ""
    city_id: int | None = None  # the gazetteer's city the page names
    refused: list[str] = field(default_factory=list)


class PageEvidence:
    """The page as the confirmation reads it: its lines, links, days and times."""

    def __init__(self, text: str, document: Document, *, language: str | None) -> None:
        self.language = language
        self.posted = document.front_matter.date
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.paragraphs = _paragraphs(self.lines)
        found = {normalized_url(u) for u in URL.findall(text)}
        found |= {normalized_url(link.url) for block in document.blocks() for link in block.links}
        self.urls = frozenset(found)
        years = find_years(document.title) + find_years(text)
        self.anchors = Anchors(posted=self.posted, years=list(dict.fromkeys(years)))
        self._folded = fold(re.sub(r"[*_`#>|]+", " ", URL.sub(" ", text)))

    def has_url(self, url: str) -> bool:
        return normalized_url(url) in self.urls

    @cached_property
    def days(self) -> frozenset[date]:
        """Every day the page writes, or that follows from its post's date."""
        return frozenset(
            day for _line, paragraph in self.paragraphs for day in self.days_in(paragraph)
        )

    def lists_as_past(self, day: date) -> bool:
        """Whether every line writing `day` is under a heading of past events ("## Past
        walks", "## Vergangene Aktionen"): a word in a line ("as said earlier") is not
        enough."""
        writing, past_section = [], False
        for line in self.lines:
            if line.lstrip().startswith("#"):
                past_section = contains_phrase(line, PAST_EVENTS, self.language)
            elif day in self.days_in(line):
                writing.append(past_section)
        return bool(writing) and all(writing)

    def days_in(self, text: str) -> set[date]:
        """The days a paragraph or a sentence of the page writes or implies."""
        found: set[date] = set()
        mentions = find_dates(text, language=self.language)
        found |= self._weekdays_ahead(text, {m.weekday for m in mentions})
        for mention in mentions:
            window = resolve(mention, self.anchors)
            if window is None or window[1] - window[0] > _LONGEST_WINDOW:
                continue
            day = window[0]
            while day <= window[1]:
                found.add(day)
                day += timedelta(days=1)
        relative = relative_day(text, posted=self.posted, language=self.language)
        if relative is not None:
            found.add(relative)
        return found

    def _weekdays_ahead(self, paragraph: str, dated: set[int | None]) -> set[date]:
        """ "On Saturday" in a post: the first Saturday after the post's date. A weekday that
        is part of a date ("Saturday 14 March") is that date's, not the next one."""
        if self.posted is None:
            return set()
        numbers = wide_weekday_numbers(self.language)
        found = set()
        for word in set(re.findall(r"[^\W\d_]+", fold(paragraph))):
            number = numbers.get(word)
            if number is not None and number not in dated:
                ahead = (number - self.posted.weekday() - 1) % 7 + 1
                found.add(self.posted + timedelta(days=ahead))
        return found

    @cached_property
    def windows(self) -> frozenset[tuple[date, date]]:
        """The spans of several days the page writes ("13–15 June"), first and last day."""
        found = set()
        for _line, paragraph in self.paragraphs:
            for mention in find_dates(paragraph, language=self.language):
                window = resolve(mention, self.anchors)
                if window is not None and window[0] < window[1] <= window[0] + _LONGEST_WINDOW:
                    found.add(window)
        return frozenset(found)

    @cached_property
    def clocks(self) -> frozenset[time]:
        """Every time of day the page writes, starts and ends of ranges alike."""
        return frozenset(
            clock for _line, paragraph in self.paragraphs for clock in clocks_in(paragraph)
        )

    def writes(self, words: str) -> bool:
        """Whether the page writes these words (case, accents and emphasis aside)."""
        folded = fold(re.sub(r"[*_`]+", " ", words))
        pattern = rf"(?<!\w){re.escape(folded)}(?!\w)"
        return bool(folded) and re.search(pattern, self._folded) is not None

    def writes_zone(self, zone: str) -> bool:
        pattern = rf"(?<![\w+-]){re.escape(zone.strip())}(?![\w+-])"
        return bool(zone.strip()) and any(re.search(pattern, line) for line in self.lines)

    @cached_property
    def _name_keys(self) -> list[tuple[int, str]]:
        """(line, words) for every run of up to four words of the page, links left out."""
        return [
            (number, key)
            for number, line in enumerate(self.lines, start=1)
            for key in _word_runs(line)
        ]

    def lines_naming(self, geonames_id: int, country: str) -> list[int]:
        """The lines that name the gazetteer's city by any of its names."""
        return [n for n, key in self._name_keys if _is_city(key, geonames_id, country)]

    @cached_property
    def called_off_sentences(self) -> list[str]:
        """Every sentence (or clause after a colon) that says something is called off."""
        return [
            sentence
            for _line, paragraph in self.paragraphs
            for sentence in _SENTENCE_END.split(paragraph.replace(" \n", " "))
            if is_cancelled(sentence, self.language)
        ]

    def line_calls_off(self, confirmed: "ConfirmedEvent", lines: list[int]) -> bool:
        """Whether a line of the event's own (it names the city and writes the day) says it
        is called off in a sentence that names no other city: "- Bristol, 24 May: this walk
        is cancelled"."""
        if confirmed.place is None or confirmed.city_id is None or confirmed.day is None:
            return False
        country, city_id = confirmed.place.country, confirmed.city_id
        for number in lines:
            line = self.lines[number - 1]
            if confirmed.day not in self.days_in(line):
                continue
            for sentence in _SENTENCE_END.split(line):
                if is_cancelled(sentence, self.language) and not _names_other_city(
                    sentence, city_id, country
                ):
                    return True
        return False

    def calls_off(self, confirmed: "ConfirmedEvent", *, by_day: bool) -> bool:
        """Whether a sentence calls off this event: it names the event's city or, when
        `by_day` (a page of one event), its day ("Saturday's vigil is cancelled")."""
        for sentence in self.called_off_sentences:
            if confirmed.place is not None and confirmed.city_id is not None:
                country, city_id = confirmed.place.country, confirmed.city_id
                if any(_is_city(key, city_id, country) for key in _word_runs(sentence)):
                    return True
            if by_day and confirmed.day is not None and confirmed.day in self.days_in(sentence):
                return True
        return False


# Where a sentence or clause ends: "." "!" "?" ";" and a colon before a space (not "18:30").
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|:\s+")


def clocks_in(text: str) -> set[time]:
    found: set[time] = set()
    words = text.split()
    for first in range(len(words)):
        for count in range(1, _TIME_WORDS + 1):
            span = find_times(" ".join(words[first : first + count]))
            if span is not None:
                found.add(span.starts)
                if span.ends is not None:
                    found.add(span.ends)
    return found


def _word_runs(text: str) -> list[str]:
    """Every run of up to four words of `text`, as the gazetteer keys names; links left out."""
    module = gazetteer()
    if module is None:
        return []
    words = module.normalize_name(URL.sub(" ", text)).split()
    return [
        " ".join(words[first : first + count])
        for first in range(len(words))
        for count in range(1, CITY_WORDS + 1)
        if first + count <= len(words)
    ]


def named_cities(text: str, cities: dict[int, str]) -> set[int]:
    """Which of `cities` (id: country) `text` names."""
    module = gazetteer()
    if module is None:
        return set()
    found = set()
    for key in _word_runs(text):
        for country in set(cities.values()):
            city = city_named(module, key, country)
            if city is not None and city.geonames_id in cities:
                found.add(city.geonames_id)
    return found


def _names_other_city(text: str, geonames_id: int, country: str) -> bool:
    module = gazetteer()
    if module is None:
        return True
    for key in _word_runs(text):
        city = city_named(module, key, country)
        if city is not None and city.geonames_id != geonames_id:
            return True
    return False


def _is_city(key: str, geonames_id: int, country: str) -> bool:
    module = gazetteer()
    city = city_named(module, key, country) if module is not None else None
    return city is not None and city.geonames_id == geonames_id

    return city


@cache
def wide_weekday_numbers(language: str | None) -> dict[str, int]:
    """Full weekday names, folded, to 0 for Monday: abbreviations ("man", "die") are common
    words in other languages, so a weekday standing alone counts only when written out."""
    names: dict[str, int] = {}
    for code in languages_in_order(language):
        for number, name in get_day_names("wide", "format", locale=code).items():
            names.setdefault(fold(name), number)
    return names


def _paragraphs(lines: list[str]) -> list[tuple[int, str]]:
    """(first line, the paragraph's lines joined by " \\n") for each run of non-blank lines."""
    found: list[tuple[int, str]] = []
    current: list[str] = []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            current.append(line.strip())
            continue
        if current:
            found.append((number - len(current), " \n".join(current)))
            current = []
    return found
