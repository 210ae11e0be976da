"""Saving or deleting the settings drops the cached copy, now and again after the commit (so a
request between the two cannot keep the old row cached)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import SiteSettings


@receiver(post_save, sender=SiteSettings)
@receiver(post_delete, sender=SiteSettings)
def forget_cached_settings(**kwargs) -> None:
    SiteSettings.forget_cached()
    transaction.on_commit(SiteSettings.forget_cached)
