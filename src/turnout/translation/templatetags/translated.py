"""`{{ campaign|translated:"narrative" }}`: a campaign's text in the page's language."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from ..selectors import text_in_language

register = template.Library()


@register.filter(name="translated")
def translated(obj, field: str) -> str:
    """The field in the current language when a translation exists, else the original."""
    source_language = getattr(obj, "language", None) or settings.LANGUAGE_CODE
    shown = text_in_language(
        obj=obj, field=field, language=get_language(), source_language=source_language
    )
    return shown.text


class ShownTexts(dict):
    """Fields by name (each a `ShownText`), and whether any is not in the page's language."""

    untranslated = False
    source_language = ""


@register.simple_tag
def shown_texts(obj, *fields: str) -> ShownTexts:
    """`{% shown_texts campaign "title" "summary" as texts %}`: each field in the page's
    language where translated, with the language it is really in (for `lang` and a notice)."""
    language = get_language()
    source_language = getattr(obj, "language", None) or settings.LANGUAGE_CODE
    texts = ShownTexts()
    texts.source_language = source_language
    for field in fields:
        shown = text_in_language(
            obj=obj, field=field, language=language, source_language=source_language
        )
        texts[field] = shown
        if shown.text and shown.language != language:
            texts.untranslated = True
    return texts
