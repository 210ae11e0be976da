"""The movement's name and colours as the share cards and tags use them.

One function, so moving to the branding app's site settings, or away, is one line here.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings

DEFAULT_BACKGROUND = "#0b5cad"
DEFAULT_ACCENT = "#b45309"
DEFAULT_TEXT = "#ffffff"


@dataclass(frozen=True)
class Brand:
    name: str
    background: str  # #rrggbb
    accent: str
    text: str
    version: str  # changes when the brand does: part of every card's cache key


def current_brand() -> Brand:
    if apps.is_installed("turnout.branding"):
        from turnout.branding.models import SiteSettings

        site = SiteSettings.current()
        return Brand(
            name=site.name,
            background=site.brand_colour,
            accent=site.accent_colour,
            text=site.text_on_brand_colour,
            version=site.updated_at.isoformat() if site.updated_at else "default",
        )
    return Brand(
        name=getattr(settings, "TURNOUT_SITE_NAME", "Turnout"),
        background=DEFAULT_BACKGROUND,
        accent=DEFAULT_ACCENT,
        text=DEFAULT_TEXT,
        version="settings",
    )
