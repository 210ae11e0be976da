"""Getting a server or worker process ready: long-lived data loaded, then set aside from the GC.

The gazetteer (tens of thousands of cities with their names in every language) is several
hundred thousand Python objects that live as long as the process. Left to the garbage
collector, every full collection walked all of them: 100-150 ms pauses that landed on a few
requests in a hundred (bench/campaign_page.py saw them as its p99). Loading that data once,
before gunicorn forks its workers, and then freezing it (`gc.freeze`, the permanent generation)
takes it out of every later collection and lets the workers share its memory pages.
"""

import gc
from collections.abc import Callable

from django.conf import settings
from django.urls import get_resolver
from django.utils import translation

# Loaders of long-lived data that apps above `web` add from their AppConfig.ready() (geo adds
# the gazetteer and the base map), so that this module imports none of them.
_place_loaders: list[Callable[[], None]] = []


def register_place_loader(load: Callable[[], None]) -> None:
    """Run `load()` in every server process before it forks (not in task workers)."""
    _place_loaders.append(load)


def prepare_process(*, load_places: bool = True) -> None:
    """Load what every request may need, then freeze it. Touches no database connection, so
    it is safe in a process that forks afterwards.

    A task worker passes `load_places=False`: emails name places as organizers typed them, so
    it would spend a second of CPU on a gazetteer it never reads.
    """
    if load_places:
        for load in _place_loaders:
            load()
    _populate_url_resolver()
    gc.collect()
    gc.freeze()


def _populate_url_resolver() -> None:
    """Build the URL resolver's tables in every language now: each is built on the first
    `reverse()` in that language (every email links into the site), which made the first
    letters of a new worker, and the first requests of each server process, wait for it."""
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            get_resolver().reverse_dict  # noqa: B018 - read for its side effect
