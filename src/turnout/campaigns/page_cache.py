"""The campaign page, cached at two levels for the crowds a viral post brings.

1. Its costly part (the local events by country and their map) is rendered once per version
   and kept for TURNOUT_PAGE_CACHE_SECONDS (0 turns all caching off). The version is read
   from the database on every request, so what a visitor with a cookie sees (signed in, a
   flash message, a consent, a chosen city) is never older than the database.
2. The whole page, for visitors who bring no cookie (what a crowd arriving from a shared link
   is), is kept for TURNOUT_WHOLE_PAGE_CACHE_SECONDS (a few seconds) and served before any
   database query. A save through the models in this process, or in any process with a shared
   cache such as Redis, starts new pages at once; anything else (a save in another process with
   the per-process default cache, press, photos, translations) shows within those seconds.

Why the version is read from the database rather than bumped by signals: with the default
local-memory cache every web process has a cache of its own, which a signal in another
process could not reach. A saved change to the campaign or to one of its events (both keep an
`updated_at`), an event added or deleted, and an event or the campaign's window passing its
end each give a new version. Saves and deletes through the models also bump a counter in the
cache (`bump_version`), which catches two changes within the same clock tick and, with a
shared cache, reaches every process at once. Only a change made behind the models' back (a
bulk `update()` that leaves `updated_at` alone) may stay unseen, for at most the lifetime.
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
# Counts saves of any campaign or event; part of every whole page's key.
_GENERATION_KEY = f"{KEY_PREFIX}-generation"


def whole_page_key(request: HttpRequest, slug: str) -> str | None:
    """Where the whole page is kept for this request; None when it must be rendered for it.

    Worked out before any database query, so that a crowd's requests cost a cache lookup.
    """
    if (
        settings.TURNOUT_PAGE_CACHE_SECONDS <= 0
        or settings.TURNOUT_WHOLE_PAGE_CACHE_SECONDS <= 0
        or request.method != "GET"
        or request.COOKIES
        or request.GET
    ):
        return None
    generation = str(cache.get(_GENERATION_KEY, 0))
    return ":".join([f"{KEY_PREFIX}-whole", slug, get_language(), _host(request), generation])


def stored_page(key: str) -> HttpResponse | None:
    """The whole page kept under `key`, if it is still there."""
    stored = cache.get(key)
    if stored is None:
        return None
    content, content_type = stored
    response = HttpResponse(content, content_type=content_type)
    patch_vary_headers(response, ["Cookie"])
    return response


def campaign_page(
    request: HttpRequest,
    *,
    campaign: Campaign,
    today: date,
    now: datetime,
    page_key: str | None,
    render_page: Callable[[SafeString], HttpResponse],
) -> HttpResponse:
    """The campaign page: `render_page(events_html)` renders it around its events section.

    With `page_key` (from `whole_page_key`, taken before the page was read from the database)
    the page is kept whole: a change saved meanwhile has already moved the key on.
    """
    language = get_language()
    if settings.TURNOUT_PAGE_CACHE_SECONDS <= 0:
        return render_page(_render(request, campaign=campaign, language=language, today=today))
    version = ":".join(
        [
            str(campaign.pk),
            language,
            _host(request),
            content_version(campaign, today=today, now=now),
            str(cache.get(_counter_key(campaign.pk), 0)),
        ]
    )
    response = render_page(_events_html(request, version, campaign, language, today))
    if page_key and response.status_code == 200 and not response.cookies:
        cache.set(
            page_key,
            (response.content, response["Content-Type"]),
            timeout=settings.TURNOUT_WHOLE_PAGE_CACHE_SECONDS,
        )
    # Downstream caches must not hand this page to a visitor who is signed in.
    patch_vary_headers(response, ["Cookie"])
    return response


def _host(request: HttpRequest) -> str:
    # The page's "follow" links name the host the visitor used.
    return hashlib.sha256(request.get_host().encode()).hexdigest()[:16]


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
    """Make this campaign's cached fragment, and every whole page kept, old (called on every
    save and delete of a campaign or an event)."""
    _increment(_GENERATION_KEY)
    if campaign_id is not None:
        _increment(_counter_key(campaign_id))


def _increment(key: str) -> None:
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
