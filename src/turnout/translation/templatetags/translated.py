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
