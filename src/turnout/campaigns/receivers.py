"""Model signal receivers of campaigns: a changed campaign or event renews its cached page."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import page_cache
from .models import Campaign, LocalEvent


@receiver([post_save, post_delete], sender=Campaign)
def campaign_changed(sender, instance: Campaign, **kwargs) -> None:
    # After the commit too: a visitor rendering between the save and the commit would otherwise
    # cache the old list under the new counter.
    campaign_id = instance.pk
    page_cache.bump_version(campaign_id)
    transaction.on_commit(lambda: page_cache.bump_version(campaign_id))


@receiver([post_save, post_delete], sender=LocalEvent)
def event_changed(sender, instance: LocalEvent, **kwargs) -> None:
    campaign_id = instance.campaign_id
    page_cache.bump_version(campaign_id)
    transaction.on_commit(lambda: page_cache.bump_version(campaign_id))
