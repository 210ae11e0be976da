"""Keep an event's earlier start times when it moves (models.PreviousStart).

Every save of an event passes here, whichever path saved it (the organizer's dashboard, the
admin, an importer): the start time stored before the save is read and, when the new one
differs, kept after the save succeeded.
"""

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from turnout.campaigns.models import LocalEvent

from .models import PreviousStart

_ATTRIBUTE = "_sharing_moved_from"


@receiver(pre_save, sender=LocalEvent, dispatch_uid="sharing-note-start-before-save")
def note_start_before_save(sender, instance: LocalEvent, raw: bool = False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    stored = LocalEvent.objects.filter(pk=instance.pk).values_list("starts_at", flat=True).first()
    if stored is not None and instance.starts_at is not None and stored != instance.starts_at:
        setattr(instance, _ATTRIBUTE, stored)


@receiver(post_save, sender=LocalEvent, dispatch_uid="sharing-keep-previous-start")
def keep_previous_start(sender, instance: LocalEvent, raw: bool = False, **kwargs) -> None:
    moved_from = instance.__dict__.pop(_ATTRIBUTE, None)
    if moved_from is not None and not raw:
        PreviousStart.objects.create(event=instance, starts_at=moved_from)
