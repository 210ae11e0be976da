"""The emails everyone signing up for one event gets alike, composed once and kept a while.

In a surge hundreds of people sign up for one event within minutes, and each of them gets the
same confirmation request (and, once the event is full, the same waitlist email) but for their
name and private link. Composing it (text, HTML and the layout) was a third of a signup's
processing time. So it is composed once as a mail-merge letter (mail_merge.py) per event,
kind and language, kept in this process for KEEP_SECONDS, and each person gets the letter
with their own values put in: the same email, byte for byte, as one composed for them alone.

The key holds everything else the email shows that can change while the process runs: the
event's columns, the cover shown, the site's brand and address, the person's language and
state. Only a change of code or catalogues is not in it, and a new process starts with
nothing kept.
"""

import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings

from turnout.covers.display import event_or_campaign_cover
from turnout.notifications.composition import Email, brand_context

from .mail_merge import Letter, compose_letter
from .models import Signup

KEEP_SECONDS = 60.0
MOST_KEPT = 256  # letters; the oldest goes first

_kept: dict[tuple, tuple[float, Letter]] = {}
_keeping = threading.Lock()  # a server may run threads: eviction walks the dict


def _key(kind: str, signup: Signup) -> tuple:
    event = signup.event
    # Every column of the event as loaded (a deferred one would cost a query), by value:
    # a row saved anew, or another row under a reused id, composes anew.
    loaded = event.__dict__
    columns = tuple(
        repr(loaded[field.attname])
        for field in event._meta.concrete_fields
        if field.attname in loaded
    )
    cover = event_or_campaign_cover(event)
    shown: tuple[Any, ...] = (cover.pk, cover.key, cover.email_file) if cover else ()
    brand = tuple((name, str(value)) for name, value in brand_context().items())
    return (kind, signup.language, signup.state, columns, shown, brand, settings.SITE_URL)


def email_to(signup: Signup, *, kind: str, compose: Callable[[Signup], Email]) -> Email:
    """`compose(signup)`, from the letter kept for its event, kind and language (composed
    now if none is kept or it is older than KEEP_SECONDS)."""
    key = _key(kind, signup)
    now = time.monotonic()
    found = _kept.get(key)
    if found is not None and now - found[0] <= KEEP_SECONDS:
        letter = found[1]
    else:
        letter = compose_letter(compose, sample=signup)
        with _keeping:
            _kept[key] = (now, letter)
            while len(_kept) > MOST_KEPT:
                del _kept[next(iter(_kept))]
    return letter.to(signup)


def forget_all() -> None:
    with _keeping:
        _kept.clear()
