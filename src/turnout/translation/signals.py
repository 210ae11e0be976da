"""Keep translations in line with their source: a saved page, campaign or event realigns them
at once (no provider is called; changed segments show the source language until translated)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.dispatch import receiver

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.content.models import Page

from .models import Translation
from .providers import configured_provider
from .services import refresh_translations_of
from .sources import texts_of


@receiver(post_save, sender=Page, dispatch_uid="translation_refresh_page")
@receiver(post_save, sender=Campaign, dispatch_uid="translation_refresh_campaign")
@receiver(post_save, sender=LocalEvent, dispatch_uid="translation_refresh_event")
def refresh_after_save(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # loading fixtures
        return
    if isinstance(instance, LocalEvent):
        _forget_hidden_texts(instance)
    refresh_translations_of(instance, provider=configured_provider())


def _forget_hidden_texts(event: LocalEvent) -> None:
    """A meeting point made private (or a text emptied) is no longer anyone's to translate or
    review: its translations go."""
    shown = {source.field for source in texts_of(event)}
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(event), object_id=event.pk
    ).exclude(field__in=shown).delete()
