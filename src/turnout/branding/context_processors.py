"""The brand on every page: its name (over settings.TURNOUT_SITE_NAME), colours, logo, footer,
and a language switcher that lists only the languages offered."""

from django.http import HttpRequest
from django.utils.translation import get_language

from turnout.web.languages import language_links

from .models import SiteSettings


def brand(request: HttpRequest) -> dict:
    site = SiteSettings.current()
    offered = set(site.offered_languages())
    links = language_links(request.get_full_path(), get_language())
    return {
        "brand": site,
        "site_name": site.name,
        "brand_tagline": site.tagline(get_language() or ""),
        "brand_footer_text": site.footer_text(get_language() or ""),
        "brand_footer_links": site.public_links("footer_links", get_language() or ""),
        "brand_social_links": site.public_links("social_links", get_language() or ""),
        "language_links": [link for link in links if link.code in offered or link.is_current],
    }
