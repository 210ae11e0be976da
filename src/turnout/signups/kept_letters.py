"""The emails everyone signing up for one event gets alike, composed once and kept a while.

In a surge hundreds of people sign up for one event within minutes, and each of them gets the
same confirmation request (and the same "you're in", or "you're on the waitlist") but for
their name, private link and own sections (their check-in code, share link, role: signups/
sections.py). Composing it (text, HTML, the layout and the calendar invite) was a third of a
signup's processing time. So it is composed once as a mail-merge letter (mail_merge.py) per
event, kind, language and state, kept in this process for KEEP_SECONDS, and each person gets
the letter with their own values and sections put in: the same email, byte for byte, as one
composed for them alone at the moment the letter was.

The key holds everything else the email shows that can change while the process runs: the
event's columns, the cover shown (its file, alt text and credit), the safety block people
holding a place see (the campaign's defaults for the country fill it), the site's brand and
address, the person's language and state. Not in it: a change of code or catalogues (a new
process starts with nothing kept) and a reviewed translation of the cover's alt text or of
the event's title and meeting point, which shows within KEEP_SECONDS. A kept "you're in"
carries the invite as made when the letter was composed: its DTSTAMP (when the calendar
object was created) is then up to KEEP_SECONDS old, which calendars do not act on.
"""

import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db.models import Model

from turnout.campaigns.day_details import effective_safety
from turnout.campaigns.models import LocalEvent
from turnout.covers.display import event_or_campaign_cover
from turnout.notifications.composition import Email, brand_context

from .mail_merge import Letter, compose_letter
from .models import Signup
from .sections import per_batch, per_event

KEEP_SECONDS = 60.0
MOST_KEPT = 256  # letters; the oldest goes first

_kept: dict[tuple, tuple[float, Letter]] = {}
_keeping = threading.Lock()  # a server may run threads: eviction walks the dict


def _columns(instance: Model | None) -> tuple[str, ...]:
    """Every column of a row as loaded (a deferred one would cost a query), by value: a row
    saved anew, or another row under a reused id, composes anew."""
    if instance is None:
        return ()
    loaded = instance.__dict__
    return tuple(
        repr(loaded[field.attname])
        for field in instance._meta.concrete_fields
        if field.attname in loaded
    )


def _key(kind: str, signup: Signup) -> tuple:
    # Within a batch of letters (sections.contexts_kept), once per event and once in all;
    # the safety block under the name emails.event_facts asks it by.
    event = per_event("kept letter key", signup.event, _event_key)
    safety = per_event("safety", signup.event, effective_safety) if signup.holds_place else None
    brand = per_batch("kept letter brand", _brand_key)
    return (kind, signup.language, signup.state, *event, safety, brand, settings.SITE_URL)


def _event_key(event: LocalEvent) -> tuple:
    shown = _columns(event_or_campaign_cover(event))  # its file, alt text and credit
    return (_columns(event), shown)


def _brand_key() -> tuple:
    return tuple((name, str(value)) for name, value in brand_context().items())


def email_to(
    signup: Signup, *, kind: str, compose: Callable[[Signup], Email], sections: str = ""
) -> Email:
    """`compose(signup)`, from the letter kept for its event, kind and language (composed
    now if none is kept or it is older than KEEP_SECONDS), with the person's own participant
    sections of the place `sections` names, if any."""
    key = _key(kind, signup)
    now = time.monotonic()
    found = _kept.get(key)
    if found is not None and now - found[0] <= KEEP_SECONDS:
        letter = found[1]
    else:
        letter = compose_letter(compose, sample=signup, sections=sections)
        with _keeping:
            _kept[key] = (now, letter)
            while len(_kept) > MOST_KEPT:
                del _kept[next(iter(_kept))]
    return letter.to(signup)


def forget_all() -> None:
    with _keeping:
        _kept.clear()
