"""Giving a participant their share code."""

from datetime import datetime

from django.db import IntegrityError

from turnout.signups.models import Signup, new_referral_code


def may_share(signup: Signup, *, now: datetime) -> bool:
    """Only people going (or waiting) to an event still ahead share a link."""
    if signup.is_anonymized or signup.confirmed_at is None or not signup.is_active:
        return False
    return not signup.event.is_cancelled and signup.event.ends_at > now


def ensure_share_code(signup: Signup) -> str:
    """The participant's share code, given now if they confirmed before codes existed.

    Codes are given at confirmation (signups' `confirm_signup`); this covers older signups.
    The update only fills an empty code, so two requests at once agree on one code.
    """
    if signup.referral_code:
        return signup.referral_code
    for _attempt in range(3):  # a clash among 31**10 codes is all but impossible; retry anyway
        try:
            Signup.objects.filter(pk=signup.pk, referral_code__isnull=True).update(
                referral_code=new_referral_code()
            )
            break
        except IntegrityError:
            continue
    signup.referral_code = Signup.objects.values_list("referral_code", flat=True).get(pk=signup.pk)
    return signup.referral_code or ""
