"""/api/v1/ itself: what the API offers, so that a developer who opens it finds their way."""

from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from .serializers import absolute

# (name, what it lists, the URL name) for every collection of the API, in reading order.
ENDPOINTS = (
    ("campaigns", "Published and archived campaigns.", "api:campaign-list"),
    (
        "events",
        "Public local events; filter with near, radius, country, campaign.",
        "api:event-list",
    ),
    ("groups", "Local groups.", "api:group-list"),
    ("cities", "Place names for suggestions (q=).", "api:cities"),
    ("schema", "The OpenAPI 3 description of every endpoint and parameter.", "api:openapi"),
)


def api_root(request: HttpRequest) -> JsonResponse:
    # Links follow SITE_URL, never the request's Host: a forged Host must not reach a cache.
    return JsonResponse(
        {
            "version": "v1",
            "endpoints": {
                name: {"url": absolute(reverse(url_name)), "description": text}
                for name, text, url_name in ENDPOINTS
            },
            "feeds": {
                "events_ics": absolute(reverse("api:feed_events")),
                "campaigns_atom": absolute(reverse("api:feed_campaigns_atom")),
            },
        }
    )
