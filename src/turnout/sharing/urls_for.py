"""Absolute addresses for what a preview points at: pages, cards and calendar files."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.selectors import campaign_reach


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def page_url(obj: Campaign | LocalEvent, language: str) -> str:
    with override(language):
        return absolute(obj.get_absolute_url())


def campaign_card_url(campaign: Campaign, language: str) -> str:
    with override(language):
        path = reverse("sharing:campaign_card", kwargs={"slug": campaign.slug})
    # The card shows the reach: a new city is a new card, so a new address for crawlers.
    reach = campaign_reach(campaign)
    return absolute(f"{path}?v={_version(campaign)}-{reach.cities}-{reach.countries}")


def event_card_url(event: LocalEvent, language: str) -> str:
    with override(language):
        path = reverse("sharing:event_card", kwargs={"pk": event.pk})
    return absolute(f"{path}?v={_version(event)}")


def event_ics_url(event: LocalEvent, language: str) -> str:
    with override(language):
        return absolute(reverse("sharing:event_ics", kwargs={"pk": event.pk}))


def _version(obj: Campaign | LocalEvent) -> str:
    # Crawlers keep an image by its address: a new address after an edit makes them fetch it.
    return f"{obj.updated_at.timestamp():.6f}".replace(".", "") if obj.updated_at else "0"
