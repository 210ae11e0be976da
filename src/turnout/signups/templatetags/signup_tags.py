"""The signup form on an event page, whichever view renders the page."""

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from .. import abuse, selectors
from ..forms import SignupForm

register = template.Library()


@register.inclusion_tag("signups/_signup_box.html", takes_context=True)
def signup_box(context, event):
    now = timezone.now()
    is_open = event.takes_signups_here(now=now)
    form = context.get("signup_form")
    if form is None and is_open:
        request = context.get("request")
        via = request.GET.get("via", "")[:100] if request is not None else ""
        form = SignupForm(initial={"stamp": abuse.issue_form_stamp(now=now), "via": via})
    places_left = selectors.places_left(event) if is_open else None
    return {
        "event": event,
        "form": form,
        "is_open": is_open,
        "is_full": places_left == 0,
        "places_left": places_left,
        "code_of_conduct_url": f"/{get_language()}/{settings.CODE_OF_CONDUCT_SLUG}/",
        "csrf_token": context.get("csrf_token"),
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def participant_sections(context, signup, place, fmt="html"):
    """What apps above signups add for this participant here (signups/sections.py); on a page,
    their forms get the page's CSRF token."""
    from ..sections import render_participant_sections

    page_context = {"csrf_token": context.get("csrf_token"), "request": context.get("request")}
    return render_participant_sections(signup, place, fmt=fmt, page_context=page_context)
