"""Security headers on every answer (Content-Security-Policy, Permissions-Policy, no caching
of an address holding a token or of an answer for someone signed in), and a 400 for requests
too malformed for Django to read.

The base policy (settings.CONTENT_SECURITY_POLICY) allows nothing from third parties and no
inline script or style. Three things widen it, each for one answer only:
- an embed provider the visitor consented to may load its script, frames and images, and a
  Mastodon server only when the answer embeds one of its posts (content registers that,
  `turnout.content.policy`, with `register_policy_source`);
- the tile server named in MAP_TILES_URL may serve map images;
- a view exempt from X-Frame-Options (the /embed/ widget) may be framed by any site.
"""

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404, HttpRequest, HttpResponseBase, JsonResponse
from django.utils.cache import patch_cache_control

Directives = dict[str, list[str]]

# Sources that apps above `web` allow for one answer, registered from their
# AppConfig.ready() (content: the embeds a visitor consented to), so this module imports none.
PolicySource = Callable[[HttpRequest, HttpResponseBase], Directives]
_policy_sources: list[PolicySource] = []


def register_policy_source(sources: PolicySource) -> None:
    """Let `sources(request, response)` add to the policy of each answer."""
    _policy_sources.append(sources)


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


def policy_additions(request: HttpRequest, response: HttpResponseBase) -> Directives:
    """Sources this answer may use beyond the base policy: consented embeds and map tiles."""
    additions: Directives = {}

    def add(directives: Directives) -> None:
        for directive, sources in directives.items():
            known = additions.setdefault(directive, [])
            known.extend(source for source in sources if source not in known)

    for sources in _policy_sources:
        add(sources(request, response))
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
        for directive, sources in policy_additions(request, response).items():
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
        if holds_secret(request) or is_for_someone_signed_in(request):
            patch_cache_control(response, private=True, no_store=True)
        return response


# An address with a token in it (a signup's page, a privacy link, an invitation) is one person's
# key: what it answers (their name, address, where to meet) is kept by no cache, neither a
# shared one nor the browser's on a library computer. Referers carry it nowhere else already:
# SECURE_REFERRER_POLICY is "same-origin" (not "no-referrer": a form's Origin would then be
# "null" and fail the CSRF check).
def holds_secret(request: HttpRequest) -> bool:
    """Whether the address asked for holds a token (a URL parameter named `token`)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and "token" in match.kwargs


def is_for_someone_signed_in(request: HttpRequest) -> bool:
    """Whether the answer was made for a signed-in person (a dashboard, an attendee list, an
    export): never kept by a shared cache or the browser's. Asked only where the session was
    read already (it then varies by cookie anyway), so a public page's caching is unchanged."""
    session = getattr(request, "session", None)
    if session is None or not session.accessed:
        return False
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class MalformedRequestMiddleware:
    """Before any view: refuse a request whose Content-Length is not a number with 400, and
    answer a path holding a control character with 404.

    gunicorn refuses the first itself; other WSGI servers may pass it on, and Django would fail
    reading the body with a 500. No address of the site has a control character, and a NUL
    (`/signups/%00/`) reaching a token's look-up fails on PostgreSQL, which cannot compare
    text holding one: a 500 from every view with a token in its path.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdecimal():
            raise BadRequest("The Content-Length header is not a number.")
        if _CONTROL_CHARACTER.search(request.path_info):
            if request.path_info.startswith("/api/"):  # the API answers in JSON, as its views do
                return JsonResponse({"detail": "Not found."}, status=404)
            raise Http404("No address holds a control character.")
        return self.get_response(request)


_CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f]")
