"""A local event's public texts in the page's language, from whichever app registers as
translator (as `texts.campaign_text` does for campaigns).

`translation` sits above `campaigns` (docs/architecture.md, "Layers"): it registers itself here
from its `AppConfig.ready()`. Without one, an event shows its own text.

An event's texts are in the language its organizer wrote them in. Turnout does not ask, so
that is the site's default language, as for campaigns.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, gettext, override

from turnout.places.gazetteer import display_name

from .day_details import public_place
from .models import LocalEvent

# The free texts an event shows the public. The meeting point only while it is public: a
# private one is never shown, so never sent to a translator either.
EVENT_TEXT_FIELDS = ("title", "description", "meeting_point", "accessibility_note")


@dataclass(frozen=True)
class EventText:
    """A text to show, and the language it is really in (for `lang` and the notice)."""

    text: str
    language: str


# (events, field, language, source language) -> shown text by event id
Translator = Callable[[Sequence[LocalEvent], str, str, str], dict[int, EventText]]

_translator: Translator | None = None


def register_event_translator(translator: Translator) -> None:
    global _translator
    _translator = translator


def source_language_of(event: LocalEvent) -> str:
    return settings.LANGUAGE_CODE


def public_fields_of(event: LocalEvent) -> tuple[str, ...]:
    """The fields of EVENT_TEXT_FIELDS the public may read of `event`."""
    if public_place(event).meeting_point:
        return EVENT_TEXT_FIELDS
    return tuple(name for name in EVENT_TEXT_FIELDS if name != "meeting_point")


def shown_event_texts(
    events: Sequence[LocalEvent], field: str, language: str | None = None
) -> dict[int, EventText]:
    """`field` of each event (by id) in `language` (the active one by default) where
    translated, else in its own language; one query for a whole list.

    An event remembers what it was shown as: a page asks for its title several times (the
    heading, the window title, the preview tags, JSON-LD, calendar links) and queries once."""
    language = language or get_language()
    shown = {event.pk: _own(event, field) for event in events}
    if _translator is None or not events:
        return shown
    by_source: dict[str, list[LocalEvent]] = {}
    for event in events:
        source_language = source_language_of(event)
        if source_language == language or event.pk is None or not shown[event.pk].text:
            continue  # nothing to translate (an unsaved event has no translation)
        remembered = _remembered(event).get((field, language, shown[event.pk].text))
        if remembered is not None:
            shown[event.pk] = remembered
        else:
            by_source.setdefault(source_language, []).append(event)
    for source_language, group in by_source.items():
        found = _translator(group, field, language, source_language)
        for event in group:
            text = found.get(event.pk, shown[event.pk])
            _remembered(event)[(field, language, shown[event.pk].text)] = text
            shown[event.pk] = text
    return shown


def shown_event_text(event: LocalEvent, field: str, language: str | None = None) -> EventText:
    return shown_event_texts([event], field, language)[event.pk]


def event_text(event: LocalEvent, field: str, language: str | None = None) -> str:
    """`field` of `event` in `language` (the active one by default) when translated."""
    return shown_event_text(event, field, language).text


def place_name(event: LocalEvent, language: str | None = None) -> str:
    """Where the event is, in `language` (the active one by default): its city as that
    language names it ("Londen" on a Dutch page), or "Online"."""
    if event.is_online:
        with override(language or get_language()):
            return gettext("Online")
    return display_name(event.city, event.country, language or get_language() or "")


def _own(event: LocalEvent, field: str) -> EventText:
    return EventText(getattr(event, field) or "", source_language_of(event))


def _remembered(event: LocalEvent) -> dict[tuple[str, str, str], EventText]:
    # Keyed by the source text too: an edited (even unsaved) event is looked up again.
    return event.__dict__.setdefault("_shown_event_texts", {})
