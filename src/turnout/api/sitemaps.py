"""sitemap.xml: every public page in every language, each with its hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import NoReverseMatch, reverse

from turnout.campaigns.models import Campaign, LocalEvent

from .groups import group_model


class I18nSitemap(Sitemap):
    i18n = True  # one <url> per language ...
    alternates = True  # ... each listing the others as <xhtml:link rel="alternate" hreflang>
    x_default = True


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
