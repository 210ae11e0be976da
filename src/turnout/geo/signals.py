"""Every saved event gets coordinates from the gazetteer when nobody entered them."""

from django.db.models.signals import pre_save
from django.dispatch import receiver

from turnout.campaigns.day_details import store_public_coordinates
from turnout.campaigns.models import LocalEvent
from turnout.places.lookup import complete_coordinates


@receiver(pre_save, sender=LocalEvent, dispatch_uid="geo.complete_event_coordinates")
def complete_event_coordinates(sender, instance: LocalEvent, raw: bool = False, **kwargs) -> None:
    # Admin, proposal forms, importers and the demo all save through here; fixtures (raw) do not.
    if raw or instance.is_online:  # an online event has no place to look up
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and not {"city", "country"} & set(update_fields):
        return
    if complete_coordinates(instance):
        # LocalEvent.save() set them from the empty place; its update_fields already name them.
        store_public_coordinates(instance)
