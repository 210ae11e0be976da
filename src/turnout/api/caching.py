"""HTTP caching for public, read-only answers: Cache-Control, ETag and 304 Not Modified."""

import hashlib

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers

# Feeds and the API change when someone edits an event; a few minutes of staleness is fine
# and lets a reverse proxy or a calendar app's poller take most of the load.
PUBLIC_MAX_AGE = 300


def etag_for(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() if isinstance(part, str) else part)
    return f'"{digest.hexdigest()[:32]}"'


def cacheable(
    request: HttpRequest, response: HttpResponse, *, etag: str, max_age: int = PUBLIC_MAX_AGE
) -> HttpResponse:
    """Mark a public response cacheable; answer 304 when the client already has this version."""
    if etag in _if_none_match(request):
        response = HttpResponseNotModified()
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=max_age)
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def _if_none_match(request: HttpRequest) -> set[str]:
    header = request.headers.get("If-None-Match", "")
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}
