"""Share cards (PNG) and a single event's calendar file; public objects only."""

import hashlib

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from turnout.campaigns.calendar import build_calendar, render_ics
from turnout.campaigns.models import Campaign, LocalEvent

from . import cards

# Cards change address (?v=) when their object does, so caches may keep them a day.
CARD_MAX_AGE = 24 * 3600
ICS_MAX_AGE = 300


def _cacheable(request: HttpRequest, response: HttpResponse, *, etag: str, max_age: int):
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={max_age}"
    return response


def _png(request: HttpRequest, card: cards.Card) -> HttpResponse:
    response = HttpResponse(card.png, content_type="image/png")
    return _cacheable(request, response, etag=card.etag, max_age=CARD_MAX_AGE)


@require_safe
def campaign_card(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign.objects.public(), slug=slug)
    return _png(request, cards.campaign_card(campaign, get_language()))


@require_safe
def event_card(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(LocalEvent.objects.public(), pk=pk)
    return _png(request, cards.event_card(event, get_language()))


@require_safe
def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """One event for "Add to Apple Calendar" (and any other): the public place only."""
    event = get_object_or_404(LocalEvent.objects.public().select_related("campaign"), pk=pk)
    language = get_language()
    calendar = build_calendar(
        [event], now=timezone.now(), method="PUBLISH", language=language, translated=True
    )
    body = render_ics(calendar)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    basis = f"{event.pk}|{event.updated_at.isoformat()}|{language}"
    etag = f'"{hashlib.sha256(basis.encode()).hexdigest()[:32]}"'
    return _cacheable(request, response, etag=etag, max_age=ICS_MAX_AGE)
