"""A cover's description (alt text) and credit in the page's language, from whichever app
registers as translator (as `campaigns.event_texts` does for local events).

`translation` sits above `covers` (docs/architecture.md, "Layers"): it registers itself here
from its `AppConfig.ready()`. Without one, a cover shows its own texts.

Organizers describe an image in the language they write the campaign's texts in: Turnout does
not ask, so that is the site's default language.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

from .models import CoverImage

# The texts a cover shows: the alt text on every <img>, the credit under the hero.
COVER_TEXT_FIELDS = ("alt_text", "credit")


@dataclass(frozen=True)
class CoverText:
    """A text to show, and the language it is really in (for `lang`)."""

    text: str
    language: str


# (cover, fields, language, source language) -> shown text by field, in one query
Translator = Callable[[CoverImage, Sequence[str], str, str], dict[str, CoverText]]

_translator: Translator | None = None


def register_cover_translator(translator: Translator) -> None:
    global _translator
    _translator = translator


def source_language_of(cover: CoverImage) -> str:
    return settings.LANGUAGE_CODE


def shown_cover_texts(cover: CoverImage, language: str | None = None) -> dict[str, CoverText]:
    """Each of COVER_TEXT_FIELDS of `cover` in `language` (the active one by default) where
    translated, else in its own language; one query for all of them.

    A cover remembers what it was shown as, so a page or an email that shows it twice asks
    once."""
    language = language or get_language()
    source_language = source_language_of(cover)
    own = {
        field: CoverText(getattr(cover, field) or "", source_language)
        for field in COVER_TEXT_FIELDS
    }
    wanted = [field for field in COVER_TEXT_FIELDS if own[field].text]
    if _translator is None or cover.pk is None or source_language == language or not wanted:
        return own
    # Keyed by the source texts too: an edited (even unsaved) cover is looked up again.
    key = (language, *(own[field].text for field in COVER_TEXT_FIELDS))
    remembered: dict[tuple[str, ...], dict[str, CoverText]]
    remembered = cover.__dict__.setdefault("_shown_cover_texts", {})
    if key not in remembered:
        found = _translator(cover, wanted, language, source_language)
        remembered[key] = {field: found.get(field, own[field]) for field in COVER_TEXT_FIELDS}
    return remembered[key]


def shown_cover_text(cover: CoverImage, field: str, language: str | None = None) -> CoverText:
    return shown_cover_texts(cover, language)[field]
