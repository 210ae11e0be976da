"""Keep translations in line with their source: a saved page, campaign, event, cover or photo
realigns them at once (no provider is called; changed segments show the source language
until translated). A deleted cover or photo takes its translations with it."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.content.models import Page
from turnout.covers.models import CoverImage
from turnout.media.models import Photo

from .models import Translation
from .providers import configured_provider
from .services import refresh_translations_of
from .sources import texts_of


@receiver(post_save, sender=Page, dispatch_uid="translation_refresh_page")
@receiver(post_save, sender=Campaign, dispatch_uid="translation_refresh_campaign")
@receiver(post_save, sender=LocalEvent, dispatch_uid="translation_refresh_event")
@receiver(post_save, sender=CoverImage, dispatch_uid="translation_refresh_cover")
@receiver(post_save, sender=Photo, dispatch_uid="translation_refresh_photo")
def refresh_after_save(sender, instance, raw=False, **kwargs) -> None:
    if raw:  # loading fixtures
        return
    if isinstance(instance, LocalEvent | CoverImage | Photo):
        _forget_hidden_texts(instance)
    refresh_translations_of(instance, provider=configured_provider())


@receiver(post_delete, sender=CoverImage, dispatch_uid="translation_forget_cover")
@receiver(post_delete, sender=Photo, dispatch_uid="translation_forget_photo")
def forget_after_delete(sender, instance, **kwargs) -> None:
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=instance.pk
    ).delete()


def _forget_hidden_texts(obj: LocalEvent | CoverImage | Photo) -> None:
    """A meeting point made private, a photo withdrawn or a text emptied (such as a cover's
    credit) is no longer anyone's to translate or review: its translations go."""
    shown = {source.field for source in texts_of(obj)}
    Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).exclude(field__in=shown).delete()
