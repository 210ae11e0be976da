"""A photo's description (alt text) and caption in the page's language, from whichever app
registers as translator (as `covers.cover_texts` does for covers).

`translation` sits above `media` (docs/architecture.md, "Layers"): it registers itself here
from its `AppConfig.ready()`. Without one, a photo shows its own texts.

Photos are described in the language the movement writes its campaigns in: the site's
default language, as covers are; Turnout does not ask.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

from .models import Photo

# What a gallery shows of a photo in words: its alt text and its caption. The credit is a
# name, the same in every language.
PHOTO_TEXT_FIELDS = ("alt_text", "caption")


@dataclass(frozen=True)
class PhotoText:
    """A text to show, and the language it is really in (for `lang`)."""

    text: str
    language: str


# (photos, field, language, source language) -> shown text by photo id, in one query
Translator = Callable[[Sequence[Photo], str, str, str], dict[int, PhotoText]]

_translator: Translator | None = None


def register_photo_translator(translator: Translator) -> None:
    global _translator
    _translator = translator


def source_language_of(photo: Photo) -> str:
    return settings.LANGUAGE_CODE


def shown_photo_texts(
    photos: Sequence[Photo], language: str | None = None
) -> dict[int, dict[str, PhotoText]]:
    """Each of PHOTO_TEXT_FIELDS of each photo (by id) in `language` (the active one by
    default) where translated, else in its own language; one query a field for a gallery."""
    language = language or get_language()
    shown = {
        photo.pk: {
            field: PhotoText(getattr(photo, field) or "", source_language_of(photo))
            for field in PHOTO_TEXT_FIELDS
        }
        for photo in photos
    }
    if _translator is None or language == settings.LANGUAGE_CODE:
        return shown
    for field in PHOTO_TEXT_FIELDS:
        worded = [photo for photo in photos if photo.pk is not None and getattr(photo, field)]
        if worded:
            for pk, text in _translator(worded, field, language, settings.LANGUAGE_CODE).items():
                shown[pk][field] = text
    return shown
