"""Whose fact is it: each part of a page belongs to the cities it names, so that a model's
fact written only beside another city is refused (two events' days, times, venues or links
swapped), and repeats of one event in an answer are joined."""

import re
from datetime import date
from functools import cache

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .page_evidence import (
    CITY_WORDS,
    URL,
    ConfirmedEvent,
    PageEvidence,
    clocks_in,
    named_cities,
    normalized_url,
)
from .places import gazetteer, resolve_city
from .vocabulary import fold


def joined_events(confirmed: list[ConfirmedEvent], evidence: PageEvidence) -> list[ConfirmedEvent]:
    """The confirmed events without repeats: an event the model gave twice is one, and an
    event it gave once for each day of a span the page writes ("13–15 June") is one event of
    those days."""
    kept: list[ConfirmedEvent] = []
    for event in confirmed:
        same = next((k for k in kept if _same_event(k, event)), None)
        if same is not None and same.day == event.day:
            continue
        if same is not None and same.day is not None and event.day is not None:
            first = min(same.day, event.day)
            last = max(same.last_day or same.day, event.last_day or event.day)
            if (first, last) in evidence.windows or _within_window(first, last, evidence):
                same.day, same.last_day = first, last
                continue
        kept.append(event)
    return kept


def _same_event(one: ConfirmedEvent, other: ConfirmedEvent) -> bool:
    return one.city_id is not None and (
        one.city_id,
        one.starts,
        one.venue,
        one.signup_url,
        one.is_cancelled,
    ) == (other.city_id, other.starts, other.venue, other.signup_url, other.is_cancelled)


def _within_window(first: date, last: date, evidence: PageEvidence) -> bool:
    """Whether the days so far of a span the model gave day by day lie in one the page writes."""
    return any(start <= first and last <= end for start, end in evidence.windows)


def refuse_facts_of_other_cities(confirmed: list[ConfirmedEvent], evidence: PageEvidence) -> None:
    """Leave out an event's day, time, venue or link that the page writes only beside another
    city: a model that swapped two events' facts ("Köln 24.05." where the page's table gives
    24.05. to Leipzig). The cities are the answer's and those that open a line of the page (a
    heading, list item or table row), so an answer cut after one event is still checked. A
    part of the page belongs to the cities it names or, where it names none, to those of the
    nearest part above (a heading's city for its section); a line naming several cities is
    cut where a clause starts ("in Amsterdam op 3 mei en in Utrecht op 4 mei")."""
    cities = dict(leading_cities(evidence))
    cities |= {e.city_id: e.place.country for e in confirmed if e.place and e.city_id}
    if len(cities) < 2:
        return
    units = city_units(evidence, cities)
    owners = _owners(units)
    for event in confirmed:
        if event.city_id is None or event.place is None:
            continue
        own = [
            text
            for (text, _ids), found in zip(units, owners, strict=True)
            if event.city_id in found
        ]
        facts = {
            "day": (event.day, lambda text, day=event.day: day in evidence.days_in(text)),
            "time": (event.starts, lambda text, clock=event.starts: clock in clocks_in(text)),
            "venue": (event.venue, lambda text, venue=event.venue: _writes(text, venue)),
            "link": (
                event.signup_url,
                lambda text, url=event.signup_url: (
                    normalized_url(url) in {normalized_url(u) for u in URL.findall(text)}
                ),
            ),
        }
        # A fact of the city's own part: a date given once for all cities ("On Saturday we
        # are in two cities. In Turin ...") is every city's.
        has_own = {
            "day": any(evidence.days_in(text) for text in own),
            "time": any(clocks_in(text) for text in own),
            "venue": True,
            "link": any(URL.search(text) for text in own),
        }
        for fact, (value, writes) in facts.items():
            if not value:
                continue
            where = [
                (ids, found)
                for (text, ids), found in zip(units, owners, strict=True)
                if writes(text)
            ]
            # A link written only in parts that name other cities themselves is theirs (a
            # day may be written once beside the first city for all). Any fact written only
            # in parts that belong to other cities (a heading's section) is theirs too, where
            # the city has such a fact of its own.
            named_elsewhere = fact == "link" and all(
                ids and event.city_id not in ids for ids, _found in where
            )
            owned_elsewhere = has_own[fact] and all(
                found and event.city_id not in found for _ids, found in where
            )
            if not where or not (named_elsewhere or owned_elsewhere):
                continue
            event.refused.append(
                _(
                    "the model's %(fact)s “%(value)s” is written on the page for another city "
                    "than %(city)s; left out"
                )
                % {"fact": _FACT_NAMES[fact], "value": value, "city": event.place.city}
            )
            if fact == "day":
                event.day = event.last_day = None
            elif fact == "time":
                event.starts = event.ends = None
            elif fact == "venue":
                event.venue = ""
            else:
                event.signup_url = ""


def _writes(text: str, words: str) -> bool:
    folded = fold(re.sub(r"[*_`]+", " ", words))
    pattern = rf"(?<!\w){re.escape(folded)}(?!\w)"
    return bool(folded) and re.search(pattern, fold(re.sub(r"[*_`#>|]+", " ", text))) is not None


def _owners(units: list[tuple[str, set[int]]]) -> list[set[int]]:
    """The cities each part of the page belongs to: its own, else the nearest above's."""
    found: list[set[int]] = []
    current: set[int] = set()
    for _text, ids in units:
        current = ids or current
        found.append(current)
    return found


def leading_cities(evidence: PageEvidence) -> dict[int, str]:
    """The gazetteer's cities (id: country) the page names by a capitalised name: any
    that stands as a line's label ("## Dresden", "- Leeds:", "| Toulouse |"), and a
    large one elsewhere ("en in Utrecht op 4 mei"; a small one may be a common word)."""
    found: dict[int, str] = {}
    module = gazetteer()
    for line in evidence.lines if module is not None else []:
        text = URL.sub(" ", line)
        found_words = list(re.finditer(r"[^\W\d_][\w'’-]*", text))
        words = [match.group() for match in found_words]
        label = _LABEL.match(line)
        for first, word in enumerate(words):
            if word[0].islower():
                continue
            # A capital that opens a sentence says nothing: "Reading", "Nice", "Split".
            starts = _SENTENCE_START.search(text[: found_words[first].start()]) is not None
            for count in range(min(CITY_WORDS, len(words) - first), 0, -1):
                key = " ".join(words[first : first + count])
                city = resolve_city(key, language=evidence.language) if len(key) > 2 else None
                opens = first == 0 and label is not None and fold(label["name"]) == fold(key)
                large = city is not None and city.population >= _LARGE_CITY and not starts
                if city is not None and (opens or large):
                    found.setdefault(city.geonames_id, city.country)
                    break
    return found


def city_units(evidence: PageEvidence, cities: dict[int, str]) -> list[tuple[str, set[int]]]:
    """The page in parts, each with the `cities` it names: a line, or a clause of a line
    that names several."""
    units = []
    for line in evidence.lines:
        named = named_cities(line, cities)
        parts = _clause_start(evidence.language).split(line) if len(named) > 1 else [line]
        units += [(part, named_cities(part, cities)) for part in parts]
    return units


# Where a clause of a line naming several cities starts: at ";" or "and".
# The word is the page's language's: "en" is "and" in Dutch but "in" in Spanish and French.
_AND = {"en": "and", "nl": "en", "de": "und", "fr": "et", "es": "y|e", "it": "e|ed", "pt": "e",
        "ru": "и", "uk": "і|та", "sv": "och", "da": "og", "nb": "og", "pl": "oraz|i"}  # fmt: skip


@cache
def _clause_start(language: str | None) -> re.Pattern[str]:
    words = _AND.get((language or "").split("-")[0], "and|und|et|y|и")
    return re.compile(rf"\s*;\s*|,?\s+(?=(?:{words})\s)", re.I)


# A line's label: a heading, list item or table cell of a name alone ("## Dresden", "- Leeds:
# ...", "| Toulouse |", "- **Bilbao**, ...").
_LABEL = re.compile(
    r"^[\s#>*_|+•–—-]*(?:\d+[.)]\s*)?[*_]*(?P<name>[^\W\d_][^:,;|()*_\n]*?)[*_]*\s*(?:[:,;|(–—-]|$)"
)


# A city this large is taken as one wherever the page names it with a capital, except at
# the start of a sentence (after a line's bullet or heading marks, or ". ").
_LARGE_CITY = 100_000
_SENTENCE_START = re.compile(r"(?:^[\s#>*_|+•–—\d.)-]*|[.!?¡¿]\s*[*_\"“”‘’«»]*\s*)$")


_FACT_NAMES = {
    "link": gettext_lazy("signup link"),
    "day": gettext_lazy("date"),
    "time": gettext_lazy("time"),
    "venue": gettext_lazy("venue"),
}
