"""Template context every page needs: the site's name, the language switcher and the site's
address for calendar subscriptions."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from .languages import language_links


def site(request: HttpRequest) -> dict:
    return {
        "site_name": getattr(settings, "TURNOUT_SITE_NAME", "Turnout"),
        "language_links": language_links(request.get_full_path(), get_language()),
        # Calendar subscriptions name the configured site, never the request's Host.
        "webcal_site": "webcal://" + settings.SITE_URL.partition("://")[2],
    }
