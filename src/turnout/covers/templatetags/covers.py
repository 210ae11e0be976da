"""Covers in templates: `{% cover_picture campaign "hero" %}` on pages, `{% email_cover event %}`
at the top of emails, `{% cover_editor subject %}` on the pages where organizers edit."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from turnout.accounts.permissions import Action, can
from turnout.campaigns.models import Campaign

from .. import display
from ..cover_texts import CoverText, shown_cover_texts

register = template.Library()

# How wide each variant is drawn, for the browser's choice among the sizes (srcset).
SIZES = {
    "hero": "(min-width: 62rem) 60rem, 100vw",
    "tile": "(min-width: 40rem) 20rem, 100vw",
}


@register.simple_tag
def cover_picture(subject, variant: str = "hero") -> SafeString:
    """A <picture> with AVIF and WebP sources, or nothing when the subject has no cover."""
    cover = display.cover_for(subject)
    if cover is None:
        return SafeString("")
    return render_to_string(
        "covers/_picture.html",
        {
            "cover": cover,
            **_texts(cover),
            "variant": variant if variant in SIZES else "hero",
            "sizes": SIZES.get(variant, SIZES["hero"]),
            "sources": display.sources(cover),
            "fallback": display.fallback_path(cover),
            # The hero is what a visitor sees first: no lazy loading, high priority.
            "eager": variant == "hero",
        },
    )


@register.simple_tag
def email_cover(event) -> SafeString:
    """The event's image (else its campaign's hero) by absolute URL, in a JPEG every email
    program shows; nothing when there is none."""
    cover = display.event_or_campaign_cover(event) if event is not None else None
    if cover is None:
        return SafeString("")
    return render_to_string(
        "covers/_email.html", {"cover": cover, **_texts(cover), "url": display.email_url(cover)}
    )


def _texts(cover) -> dict[str, CoverText | str]:
    """The alt text and credit in the page's (or email's) language where translated, else in
    their own, marked with it: the <img> gets its `lang` (an alt attribute cannot carry a
    visible note), an untranslated credit a <span lang>."""
    language = get_language()
    texts = shown_cover_texts(cover, language)
    credit = texts["credit"]
    return {
        "alt": texts["alt_text"],
        "credit": (
            credit.text
            if credit.language == language
            else format_html('<span lang="{}">{}</span>', credit.language, credit.text)
        ),
        "page_language": language,
    }


@register.inclusion_tag("covers/_editor_link.html", takes_context=True)
def cover_editor(context, subject) -> dict:
    """A link to the cover page, for people who may set the subject's image."""
    request = context.get("request")
    allowed = request is not None and can(request.user, Action.EDIT, subject)
    return {
        "allowed": allowed,
        "subject": subject,
        "is_campaign": isinstance(subject, Campaign),
        "cover": display.cover_for(subject) if allowed else None,
    }
