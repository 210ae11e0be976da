"""An event's public texts in the page's language:

{% load event_text_tags %}{{ event|event_text:"title" }} in {{ event|place_name }}
{% event_texts event as texts %}<h1 lang="{{ texts.title.language }}">{{ texts.title.text }}
"""

from django import template
from django.utils.translation import get_language

from .. import event_texts as texts_module

register = template.Library()


@register.filter(name="event_text")
def event_text(event, field: str) -> str:
    return texts_module.event_text(event, field, get_language())


@register.filter(name="place_name")
def place_name(event) -> str:
    """The event's city as the page's language names it, or "Online"."""
    return texts_module.place_name(event, get_language())


class ShownEventTexts(dict):
    """Fields by name (each an `EventText`), and whether any is not in the page's language."""

    untranslated = False
    source_language = ""


@register.simple_tag
def event_texts(event) -> ShownEventTexts:
    """Every public text of `event` in the page's language where translated, with the
    language each is really in; a field the public may not read is left out."""
    language = get_language()
    shown = ShownEventTexts()
    shown.source_language = texts_module.source_language_of(event)
    for field in texts_module.public_fields_of(event):
        text = texts_module.shown_event_text(event, field, language)
        shown[field] = text
        if text.text and text.language != language:
            shown.untranslated = True
    return shown
