"""Which language a feed, an embed or an API answer speaks: `?lang=`, else the site's default."""

from django.conf import settings
from django.http import HttpRequest


def site_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def requested_language(request: HttpRequest) -> str:
    """The `lang` parameter when the site speaks it; otherwise the default language."""
    wanted = request.GET.get("lang", "").strip().lower()
    return wanted if wanted in site_languages() else settings.LANGUAGE_CODE
