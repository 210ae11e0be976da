"""A campaign's texts in the page's language, from whichever app registers as translator.

`translation` sits above `campaigns` (docs/architecture.md, "Layers"): it registers itself here
from its `AppConfig.ready()`. Without one, a campaign shows its own text.
"""

from collections.abc import Callable

from django.utils.translation import get_language

from .models import Campaign

Translator = Callable[[Campaign, str, str], str]  # (campaign, field, language) -> text

_translator: Translator | None = None


def register_campaign_translator(translator: Translator) -> None:
    global _translator
    _translator = translator


def campaign_text(campaign: Campaign, field: str, language: str | None = None) -> str:
    """`field` of `campaign` in `language` (the active one by default) when translated."""
    if _translator is None:
        return getattr(campaign, field) or ""
    return _translator(campaign, field, language or get_language())
