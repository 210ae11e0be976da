"""How often one address may submit press links without an account (a cache counter per hour)."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

WINDOW_SECONDS = 3600


def client_address(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is whatever the client wants it to be unless a
    # trusted proxy rewrites it, and a deployment behind one sets REMOTE_ADDR accordingly.
    return request.META.get("REMOTE_ADDR", "unknown")


def take_submission_slot(request: HttpRequest) -> bool:
    """Count one submission from this address; False once the hourly limit is reached."""
    if request.user.is_authenticated:
        return True
    key = f"press:submissions:{client_address(request)}"
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= settings.PRESS_SUBMISSIONS_PER_HOUR
