"""A deleted cover (removed, replaced by the admin, or gone with its campaign or event) takes
its files along, once the deletion is committed: a rollback keeps them."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from turnout.web.stored_files import delete_files

from .models import CoverImage


@receiver(post_delete, sender=CoverImage, dispatch_uid="covers.delete_files")
def delete_cover_files(sender, instance: CoverImage, **kwargs) -> None:
    names = instance.file_names()
    transaction.on_commit(lambda: delete_files(names))
