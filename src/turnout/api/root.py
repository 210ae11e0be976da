"""/api/v1/ itself: what the API offers, so that a developer who opens it finds their way."""

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext

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
    if request.method not in ("GET", "HEAD"):
        # Read-only like every address of the API: a body sent here is never read.
        refused = JsonResponse({"detail": gettext("This address only answers GET.")}, status=405)
        refused["Allow"] = "GET, HEAD"
        return refused
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
