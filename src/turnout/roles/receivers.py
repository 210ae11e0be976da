"""A signup that lets its place go lets its role go too: cancelled, moved to the waitlist or
anonymized (erasure and retention in signups/services/privacy.py save the row with
`anonymized_at`), within the same transaction as that change."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from turnout.signups.models import Signup

from .services import free_role_of


@receiver(post_save, sender=Signup, dispatch_uid="roles.free_role_of_signup")
def free_role_when_place_goes(sender, *, instance: Signup, created: bool, **kwargs) -> None:
    if created:
        return  # a new signup holds no role
    if not instance.holds_place or instance.is_anonymized:
        free_role_of(instance)
