"""Links to local events, fast enough for pages that list hundreds of them."""

from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# A placeholder no real primary key reaches, replaced by the event's own in `event_path`.
_PLACEHOLDER_PK = 2_147_483_647


def event_path(pk: int) -> str:
    """The path of a local event's page in the active language: "/nl/events/42/"."""
    return event_paths()(pk)


def event_paths() -> Callable[[int], str]:
    """A function from an event's primary key to its path, for the active language.

    A campaign page links every one of its hundreds of events (twice, with the map), and a
    full `reverse()` per link was a fifth of the page's time; the path is reversed once per
    language, script prefix and URLconf and the number put in.
    """
    template = _event_path_template(
        get_language(), get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF
    )
    head, _, tail = template.partition(str(_PLACEHOLDER_PK))
    return lambda pk: f"{head}{pk}{tail}"


@lru_cache(maxsize=128)
def _event_path_template(language: str, prefix: str, urlconf: str | None, root: str) -> str:
    # The arguments are only the cache key: reverse() reads each of them from the active state.
    return reverse("campaigns:event_detail", kwargs={"pk": _PLACEHOLDER_PK})
