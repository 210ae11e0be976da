"""Security headers on every answer (Content-Security-Policy, Permissions-Policy), and a
400 for requests too malformed for Django to read.

The base policy (settings.CONTENT_SECURITY_POLICY) allows nothing from third parties and no
inline script or style. Three things widen it, each for one answer only:
- an embed provider the visitor consented to (the `turnout_embeds` cookie, read through
  `turnout.content.consent`) may load its script, frames and images;
- the tile server named in MAP_TILES_URL may serve map images;
- a view exempt from X-Frame-Options (the /embed/ widget) may be framed by any site.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponseBase

from turnout.content.consent import consented_providers
from turnout.content.embeds import EmbedProvider

Directives = dict[str, list[str]]

# What each provider's post needs once the visitor allowed it (see content/embeds.py for what
# the page loads: an iframe, or the provider's script that replaces a blockquote).
PROVIDER_SOURCES: dict[EmbedProvider, Directives] = {
    EmbedProvider.YOUTUBE: {"frame-src": ["https://www.youtube-nocookie.com"]},
    EmbedProvider.INSTAGRAM: {"frame-src": ["https://www.instagram.com"]},
    # Mastodon is many servers: any https server may be framed, only for this visitor.
    EmbedProvider.MASTODON: {"frame-src": ["https:"]},
    EmbedProvider.TWITTER: {
        "script-src": ["https://platform.twitter.com", "https://cdn.syndication.twimg.com"],
        "frame-src": ["https://platform.twitter.com", "https://syndication.twitter.com"],
        "img-src": ["https://pbs.twimg.com", "https://syndication.twitter.com"],
    },
    EmbedProvider.BLUESKY: {
        "script-src": ["https://embed.bsky.app"],
        "frame-src": ["https://embed.bsky.app"],
    },
}

# Features no page uses are switched off; the events index asks for the position (on a click).
PERMISSIONS_POLICY = ", ".join(
    [
        "geolocation=(self)",
        "camera=()",
        "microphone=()",
        "payment=()",
        "usb=()",
        "interest-cohort=()",
        "browsing-topics=()",
    ]
)


def policy_additions(request: HttpRequest) -> Directives:
    """Sources this answer may use beyond the base policy: consented embeds and map tiles."""
    additions: Directives = {}

    def add(directives: Directives) -> None:
        for directive, sources in directives.items():
            known = additions.setdefault(directive, [])
            known.extend(source for source in sources if source not in known)

    for provider in sorted(consented_providers(request)):
        add(PROVIDER_SOURCES[provider])
    if tiles := tile_server_origin(settings.TURNOUT_MAP_TILES_URL):
        add({"img-src": [tiles]})
    return additions


def tile_server_origin(template: str) -> str:
    """`https://tile.example.org` for `https://tile.example.org/{z}/{x}/{y}.png`; '' if none."""
    parts = urlsplit(template.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def is_frameable(response: HttpResponseBase) -> bool:
    """A view made to be framed by other sites is marked with @xframe_options_exempt."""
    return getattr(response, "xframe_options_exempt", False)


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's middleware, with this request's additions, plus a Permissions-Policy."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        update = dict(parts.update or {})
        for directive, sources in policy_additions(request).items():
            update[directive] = [*update.get(directive, []), *sources]
        parts.update = update
        if is_frameable(response):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["*"]}
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class MalformedRequestMiddleware:
    """Refuse a request whose Content-Length is not a number with 400, before any view.

    gunicorn refuses those itself; other WSGI servers may pass them on, and Django would fail
    reading the body with a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdecimal():
            raise BadRequest("The Content-Length header is not a number.")
        return self.get_response(request)
