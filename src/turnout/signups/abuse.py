"""Keeping bots and floods off the public forms: a time trap and rate limits, no captcha."""

import math
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.core.cache import cache

STAMP_SALT = "turnout.signups.form-stamp"
STAMP_MAX_AGE_SECONDS = 24 * 3600
HOUR = 3600


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


@dataclass(frozen=True)
class Limited:
    """A limit was reached; the next attempt may come after `retry_after` seconds."""

    retry_after: int

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after / 60))


def hit(scope: str, key: str, *, limit: int, window: int = HOUR, now: datetime) -> Limited | None:
    """Count one attempt for `key` in a fixed window; return Limited once over `limit`.

    Counters live in the cache (local memory by default, Redis when REDIS_URL is set, which
    makes the limit shared by all application servers).
    """
    if limit <= 0:
        return None
    start = int(now.timestamp()) // window * window
    cache_key = f"ratelimit:{scope}:{key}:{start}"
    cache.add(cache_key, 0, timeout=window + 60)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # evicted between add and incr
        cache.set(cache_key, 1, timeout=window + 60)
        count = 1
    if count > limit:
        return Limited(retry_after=start + window - int(now.timestamp()))
    return None


def client_address(request) -> str:
    """The client's IP as the web server saw it (a reverse proxy must set REMOTE_ADDR)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"
