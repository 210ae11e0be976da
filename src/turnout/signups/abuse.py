"""Keeping bots off the signup form without a captcha: a signed time trap.

Floods are held by `turnout.web.rate_limits`."""

from datetime import datetime

from django.conf import settings
from django.core import signing

STAMP_SALT = "turnout.signups.form-stamp"
STAMP_MAX_AGE_SECONDS = 24 * 3600


class FormTooQuick(Exception):
    """Sent sooner after the form appeared than a person can fill it in."""


class FormStale(Exception):
    """The stamp is missing, forged or older than a day."""


def issue_form_stamp(*, now: datetime) -> str:
    """A signed note of when the form was shown, carried in a hidden field."""
    return signing.dumps(int(now.timestamp()), salt=STAMP_SALT)


def check_form_stamp(stamp: str, *, now: datetime) -> None:
    """Raise FormTooQuick or FormStale unless the form was shown long enough ago."""
    try:
        issued = int(signing.loads(stamp or "", salt=STAMP_SALT))
    except (signing.BadSignature, TypeError, ValueError):
        raise FormStale from None
    age = now.timestamp() - issued
    if age > STAMP_MAX_AGE_SECONDS or age < -60:
        raise FormStale
    if age < settings.SIGNUP_MIN_SECONDS:
        raise FormTooQuick
