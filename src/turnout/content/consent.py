"""The visitor's consent to embedded posts, per provider, kept in one cookie and nowhere else.

The cookie holds provider names only ("twitter.youtube"); it is readable by the page's script so
that consented posts load without a round trip, and it is set the same way by a plain form POST
when JavaScript is off.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .embeds import EmbedProvider

COOKIE_NAME = "turnout_embeds"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60  # a year; withdrawing is one click in the footer
_SEPARATOR = "."


def consented_providers(request: HttpRequest) -> set[EmbedProvider]:
    """The providers whose posts this visitor agreed to load."""
    raw = request.COOKIES.get(COOKIE_NAME, "")
    known = {provider.value for provider in EmbedProvider}
    return {EmbedProvider(name) for name in raw.split(_SEPARATOR) if name in known}


def remember_consent(response: HttpResponse, providers: set[EmbedProvider]) -> None:
    """Store exactly `providers` as consented; an empty set deletes the cookie."""
    if not providers:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return
    response.set_cookie(
        COOKIE_NAME,
        _SEPARATOR.join(sorted(providers)),
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=False,  # the page's script reads it to load consented posts
    )
