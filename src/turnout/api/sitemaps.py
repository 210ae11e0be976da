"""sitemap.xml: every public page in every language, each with its hreflang alternates."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import NoReverseMatch, reverse

from turnout.campaigns.models import Campaign, LocalEvent

from .groups import group_model


class I18nSitemap(Sitemap):
    i18n = True  # one <url> per language ...
    alternates = True  # ... each listing the others as <xhtml:link rel="alternate" hreflang>
    x_default = True

    # Django takes the domain and scheme from the request; they follow SITE_URL, as every
    # other absolute link does, so a forged Host never reaches a search engine or a cache.
    @property
    def protocol(self) -> str:  # type: ignore[override]
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None) -> str:
        return urlsplit(settings.SITE_URL).netloc


class PageSitemap(I18nSitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["campaigns:home", "geo:events", "campaigns:archive"]

    def location(self, item: str) -> str:
        return reverse(item)


class CampaignSitemap(I18nSitemap):
    changefreq = "daily"

    def items(self):
        return Campaign.objects.public().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class EventSitemap(I18nSitemap):
    changefreq = "daily"

    def items(self):
        return LocalEvent.objects.public().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class GroupSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        Group = group_model()
        return Group.objects.order_by("pk") if Group is not None else []

    def lastmod(self, item):
        return item.updated_at


def sitemaps() -> dict[str, Sitemap]:
    sections: dict[str, Sitemap] = {
        "pages": PageSitemap(),
        "campaigns": CampaignSitemap(),
        "events": EventSitemap(),
    }
    if group_model() is not None and _group_pages_exist():
        sections["groups"] = GroupSitemap()
    return sections


def _group_pages_exist() -> bool:
    try:
        reverse("groups:group_detail", kwargs={"slug": "x"})
    except NoReverseMatch:
        return False
    return True
