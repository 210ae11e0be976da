"""Template context every page needs: the site's name and the language switcher."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from .languages import language_links


def site(request: HttpRequest) -> dict:
    return {
        "site_name": getattr(settings, "TURNOUT_SITE_NAME", "Turnout"),
        "language_links": language_links(request.get_full_path(), get_language()),
    }
