"""The notes a page adds above or below its list once plans change ("**UPDATE 9 June:** the
Bristol rally moves to Sunday 13 June", "Aktualisierung: Köln fällt aus"): each sentence of
such a note that names one of the page's cities calls that city's event off or gives it its
new day. The list keeps what was first planned; the note is what holds.
"""

import re

from .dates import find_dates
from .details import is_cancelled
from .document import Document
from .places import city_name, resolve_city
from .records import EventRecord
from .vocabulary import fold

# The labels of such notes: English "Update", "Edit"; German "Aktualisierung", "Nachtrag";
# French "Mise à jour", "MàJ"; Spanish "Actualización"; Italian "Aggiornamento"; Dutch
# "Update", "Aanvulling"; Portuguese "Atualização"; Scandinavian "Uppdatering",
# "Oppdatering", "Opdatering"; Finnish "Päivitys"; Polish "Aktualizacja"; Czech "Aktualizace".
_UPDATE_LABEL = re.compile(
    r"^(?:\W*)(?:update[ds]?|edit(?:ed)?|aktualisierung|nachtrag|mise a jour|maj|actualizacion|"
    r"aggiornamento|aanvulling|atualizacao|uppdatering|oppdatering|opdatering|paivitys|"
    r"aktualizacja|aktualizace)\b[^:]{0,30}$"
)
# A sentence ends at a full stop after a word, not after a day's number ("13. Juni").
_SENTENCE_END = re.compile(r"(?<=[^\W\d_][.!?])\s+")
# The names a sentence may call a city by: a capitalized word, or two or three of them.
_NAME = re.compile(r"(?<!\w)[^\W\d_a-z][\w'’-]*(?:[ -][^\W\d_a-z][\w'’-]*){0,2}")


def apply_update_notes(events: list[EventRecord], document: Document, language: str | None) -> None:
    """Call off or move the events the page's update notes say were called off or moved."""
    if not events:
        return
    year = min(event.day for event in events).year
    for block in document.blocks():
        if block.kind not in {"paragraph", "item"}:
            continue
        label, colon, rest = block.text.partition(":")
        if not colon or not _UPDATE_LABEL.match(fold(label)):
            continue
        for sentence in _SENTENCE_END.split(rest):
            _apply_sentence(sentence, events, language, year)


def _apply_sentence(
    sentence: str, events: list[EventRecord], language: str | None, year: int
) -> None:
    folded = fold(sentence)
    cities = {e.city for e in events if e.city and _names(folded, e.city)}
    if not cities:  # "Köln" for the event's Cologne
        cities = _cities_named(sentence, events, language)
    if len(cities) != 1:
        return  # "Cardiff renters, please join us in Bristol instead" moves no one
    (city,) = cities
    own = [event for event in events if event.city == city]
    days = [m.window(year)[0] for m in find_dates(sentence, language=language) if m.has_day]
    if len(own) == 1 and len(days) == 1 and days[0] != own[0].day:
        own[0].day = days[0]  # "verschoben auf Sonntag, 13. Juni": moved, not called off
    elif is_cancelled(sentence, language) and not days:
        for event in own:
            event.is_cancelled = True


def _names(folded: str, city: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(fold(city))}(?!\w)", folded) is not None


def _cities_named(sentence: str, events: list[EventRecord], language: str | None) -> set[str]:
    """The cities of `events` a sentence names in a language of its own ("Köln", "Genf")."""
    found = set()
    for match in _NAME.finditer(sentence):
        for event in events:
            city = resolve_city(match.group(), country=event.country, language=language)
            if event.city and city is not None and city_name(city) == event.city:
                found.add(event.city)
    return found
