"""A server or worker process loads its long-lived data before forking, and freezes it."""

import gc

from turnout.places import gazetteer
from turnout.web.warmup import prepare_process


def test_the_gazetteer_is_loaded_and_kept_out_of_later_collections():
    # No database mark: a query here would fail the test (the master process forks after it).
    try:
        prepare_process()
        assert gazetteer.gazetteer.cache_info().currsize == 1
        # The cities and their names are hundreds of thousands of objects, now permanent.
        assert gc.get_freeze_count() > 100_000
    finally:
        gc.unfreeze()


def test_the_url_resolver_is_built_in_every_language_before_the_first_link():
    from django.conf import settings
    from django.urls import get_resolver

    resolver = get_resolver()
    resolver._reverse_dict.clear()  # as a new process has it
    try:
        prepare_process(load_places=False)
        assert set(resolver._reverse_dict) >= {code for code, _ in settings.LANGUAGES}
    finally:
        gc.unfreeze()
