"""A signup that lets its place go lets its role go too (cancelled, or moved off a place),
and an anonymized signup holds no role: each within the transaction of that change."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from turnout.signups.models import Signup
from turnout.signups.signals import signups_anonymized

from .models import RoleAssignment


@receiver(post_save, sender=Signup, dispatch_uid="roles.free_role_when_place_goes")
def free_role_when_place_goes(sender, *, instance: Signup, created: bool, **kwargs) -> None:
    # Every path that cancels saves the signup (registration, admin), so this one receiver
    # covers them all; a new signup holds no role yet.
    if not created and not instance.holds_place:
        RoleAssignment.objects.filter(signup_id=instance.pk).delete()


@receiver(signups_anonymized, dispatch_uid="roles.forget_roles_of_anonymized")
def forget_roles_of_anonymized(sender, *, signup_ids: list[int], **kwargs) -> None:
    # Erasure on request and the retention sweep: who held which role is personal data.
    RoleAssignment.objects.filter(signup_id__in=signup_ids).delete()
