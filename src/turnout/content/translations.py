"""Where a page's text in another language comes from: whichever app registers as provider.

`translation` sits above `content` (docs/architecture.md, "Layers"), so content never imports
it; the translation app registers itself here from its `AppConfig.ready()`. Without a provider
a page shows its source text and lists no translations.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from django.db.models import Model


@dataclass(frozen=True)
class ShownText:
    """The text to show in a language, and the language it is actually in."""

    text: str
    language: str
    state: str = ""  # the translation's state, empty when showing the source


@dataclass(frozen=True)
class TranslationLink:
    """One translation of an object, for editors: where to review it, its language and state."""

    url: str
    language: str
    state: str


class TextInLanguage(Protocol):
    def __call__(
        self, *, obj: Model, field: str, language: str, source_language: str
    ) -> ShownText: ...


@dataclass(frozen=True)
class TranslationProvider:
    text_in_language: TextInLanguage
    translations_of: Callable[[Model], list[TranslationLink]]


_provider: TranslationProvider | None = None


def register_translation_provider(provider: TranslationProvider) -> None:
    global _provider
    _provider = provider


def text_in_language(*, obj: Model, field: str, language: str, source_language: str) -> ShownText:
    """A field of `obj` in `language`, or in its source language when there is no translation."""
    if _provider is None or language == source_language:
        return ShownText(getattr(obj, field) or "", source_language)
    return _provider.text_in_language(
        obj=obj, field=field, language=language, source_language=source_language
    )


def translations_of(obj: Model) -> list[TranslationLink] | None:
    """The translations of `obj`, by language; None when no app provides translations."""
    if _provider is None:
        return None
    return _provider.translations_of(obj)
