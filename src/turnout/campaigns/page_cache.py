"""The campaign page, cached at two levels for the crowds a viral post brings.

1. Its costly part (the local events by country and their map) is rendered once per version
   and kept for TURNOUT_PAGE_CACHE_SECONDS (0 turns all caching off).
2. The whole page, for visitors who bring no cookie (what a crowd arriving from a shared link
   is), is kept for TURNOUT_WHOLE_PAGE_CACHE_SECONDS under the same version: a few seconds, so
   that what the version does not cover (press, photos, translations, menus) shows soon too.
   A visitor with any cookie (signed in, a flash message, a consent, a chosen city) gets a page
   rendered for them, with only the events part from the cache.

The version is read from the database with one aggregate query instead of being bumped by
signals: with the default local-memory cache every web process has a cache of its own, which a
signal in another process could not reach. A saved change to the campaign or to one of its
events (both keep an `updated_at`), an event added or deleted, and an event or the campaign's
window passing its end each give a new version. Saves and deletes through the models also bump
a counter in the cache (`bump_version`), which catches two changes within the same clock tick
and, with a shared cache such as Redis, reaches every process at once. Only a change made
behind the models' back (a bulk `update()` that leaves `updated_at` alone) may stay unseen, for
at most the lifetime.
"""

import hashlib
from collections.abc import Callable
from datetime import date, datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from . import selectors
from .models import Campaign

KEY_PREFIX = "campaign-page-events"


def campaign_page(
    request: HttpRequest,
    *,
    campaign: Campaign,
    today: date,
    now: datetime,
    render_page: Callable[[SafeString], HttpResponse],
) -> HttpResponse:
    """The campaign page: `render_page(events_html)` renders it around its events section."""
    language = get_language()
    if settings.TURNOUT_PAGE_CACHE_SECONDS <= 0:
        return render_page(_render(request, campaign=campaign, language=language, today=today))
    version = ":".join(
        [
            str(campaign.pk),
            language,
            # The page's "follow" links name the host the visitor used.
            hashlib.sha256(request.get_host().encode()).hexdigest()[:16],
            content_version(campaign, today=today, now=now),
            str(cache.get(_counter_key(campaign.pk), 0)),
        ]
    )
    whole_page_key = _whole_page_key(request, version)
    if whole_page_key and (stored := cache.get(whole_page_key)) is not None:
        content, content_type = stored
        response = HttpResponse(content, content_type=content_type)
    else:
        response = render_page(_events_html(request, version, campaign, language, today))
        if whole_page_key and response.status_code == 200 and not response.cookies:
            cache.set(
                whole_page_key,
                (response.content, response["Content-Type"]),
                timeout=settings.TURNOUT_WHOLE_PAGE_CACHE_SECONDS,
            )
    # Downstream caches must not hand this page to a visitor who is signed in.
    patch_vary_headers(response, ["Cookie"])
    return response


def _whole_page_key(request: HttpRequest, version: str) -> str | None:
    """Where the whole page of a cookie-less GET is kept; None when it must be rendered."""
    if (
        settings.TURNOUT_WHOLE_PAGE_CACHE_SECONDS <= 0
        or request.method != "GET"
        or request.COOKIES
        or request.GET
    ):
        return None
    return f"{KEY_PREFIX}-whole:{version}"


def _events_html(
    request: HttpRequest, version: str, campaign: Campaign, language: str, today: date
) -> SafeString:
    key = f"{KEY_PREFIX}:{version}"
    html = cache.get(key)
    if html is None:
        html = str(_render(request, campaign=campaign, language=language, today=today))
        cache.set(key, html, timeout=settings.TURNOUT_PAGE_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - rendered by our own autoescaping template


def content_version(campaign: Campaign, *, today: date, now: datetime) -> str:
    """A short digest that changes whenever what the events section shows may have changed."""
    events = campaign.events.aggregate(
        count=Count("id"),
        ids=Sum("id"),
        changed=Max("updated_at"),
        ended=Count("id", filter=Q(ends_at__lt=now)),
    )
    parts = [
        campaign.updated_at.isoformat() if campaign.updated_at else "",
        str(campaign.has_ended(today=today)),
        str(events["count"]),
        str(events["ids"] or 0),
        events["changed"].isoformat() if events["changed"] else "",
        str(events["ended"]),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:24]


def bump_version(campaign_id: int | None) -> None:
    """Make the cached fragment of this campaign's page old (called on every save and delete)."""
    if campaign_id is None:
        return
    key = _counter_key(campaign_id)
    if not cache.add(key, 1, timeout=None):
        try:
            cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=None)


def _counter_key(campaign_id: int) -> str:
    return f"{KEY_PREFIX}-counter:{campaign_id}"


def _render(request: HttpRequest, *, campaign: Campaign, language: str, today: date) -> SafeString:
    events = list(selectors.campaign_events(campaign))
    return render_to_string(
        "campaigns/_campaign_events.html",
        {
            "campaign": campaign,
            "events": events,
            "countries": selectors.events_by_country(events, language=language),
            "has_ended": campaign.has_ended(today=today),
        },
        request=request,
    )
