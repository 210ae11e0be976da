"""Template helpers for the day itself: the public place, the exact place, access, safety.

Each tag asks `campaigns.day_details`, the one home of who may see what:

    {% load day_tags %}{% public_place_of event as place %}{{ place.location }}
"""

from django import template
from django.utils.translation import get_language

from .. import day_details

register = template.Library()


@register.simple_tag
def public_place_of(event) -> day_details.PublicPlace:
    return day_details.public_place(event, get_language())


@register.simple_tag
def private_place_of(event) -> day_details.PrivatePlace:
    """Only for templates shown to a participant holding a place, or to organizers."""
    return day_details.private_place(event)


@register.simple_tag
def safety_of(event) -> day_details.SafetyInfo:
    """Only for templates shown to a participant holding a place, or to organizers."""
    return day_details.effective_safety(event)


@register.simple_tag
def accessibility_of(event) -> day_details.Accessibility:
    return day_details.accessibility(event)


@register.inclusion_tag("campaigns/_accessibility.html", takes_context=True)
def accessibility_facts(context, event, note=None) -> dict:
    """The known accessibility of an event, yes and no said plainly, and the note: `note`
    when given (an `event_texts.EventText`, the note in the page's language)."""
    access = day_details.accessibility(event)
    return {
        "access": access,
        "note": note.text.strip() if note is not None and access.note else access.note,
        "note_language": note.language if note is not None else "",
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE", ""),
    }


@register.inclusion_tag("campaigns/_participant_place.html")
def participant_place(event) -> dict:
    """`<dt>`/`<dd>` rows of the meeting point, instructions and safety block, for a
    participant holding a place (the manage page)."""
    return {
        "private": day_details.private_place(event),
        "safety": day_details.effective_safety(event),
    }
