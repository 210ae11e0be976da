"""Keep translations in line with their source: a saved page or campaign realigns them at once
(no provider is called; changed segments show the source language until translated)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from turnout.campaigns.models import Campaign
from turnout.content.models import Page

from .providers import configured_provider
from .services import refresh_translations_of


@receiver(post_save, sender=Page, dispatch_uid="translation_refresh_page")
@receiver(post_save, sender=Campaign, dispatch_uid="translation_refresh_campaign")
def refresh_after_save(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # loading fixtures
        return
    refresh_translations_of(instance, provider=configured_provider())
