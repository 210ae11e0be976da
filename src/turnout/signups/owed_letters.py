"""The emails a signup is owed, written by the delivery worker from the signup row.

Signing up and confirming are the two requests a surge brings by the hundred, so they do as
little as a correct signup must: the form writes the signup, the link decides the place under
the event's lock. The email each of them owes (the confirmation request; "you're in" with the
invite, or "you're on the waitlist") is marked on the signup row in the same statement
(`Signup.letter_due`) rather than composed in the request and written as a second row: the
mark exists if and only if the change was committed, as an outbox row written with it would.

The delivery worker starts each run by writing the owed letters into the outbox (rows locked
with SKIP LOCKED, letters written and marks cleared in one transaction), then sends them like
any other message: each owed letter becomes exactly one outbox row, whatever process dies
when. A letter the signup no longer matches (cancelled, promoted, erased before the worker
came to it) is not written: what replaced it was told by its own email.
"""

import logging
from datetime import datetime

from django.db import connection, transaction

from turnout.notifications import outbox
from turnout.notifications.composition import Email

from . import emails as signup_emails
from .models import Signup
from .sections import contexts_kept

logger = logging.getLogger(__name__)

Letter = Signup.Letter

# The states in which each letter still says what is true.
_STATES: dict[str, tuple[str, ...]] = {
    Letter.CONFIRMATION_REQUEST: (Signup.State.AWAITING_CONFIRMATION,),
    Letter.CONFIRMED: Signup.HOLDS_PLACE,
    Letter.WAITLISTED: (Signup.State.WAITLISTED,),
}


def write_owed_letters(*, now: datetime, limit: int) -> int:
    """Write up to `limit` owed letters into the outbox; how many signups it took."""
    if not _any_owed():
        return 0
    with transaction.atomic():
        owed = list(
            Signup.objects.select_for_update(skip_locked=True, of=("self",))
            .exclude(letter_due="")
            .select_related("event__cover", "event__campaign__cover")
            .order_by("pk")[:limit]
        )
        if not owed:
            return 0
        # One moment for the whole batch: what an event's letters show alike (its roles still
        # open, its safety block) is asked once, not once per person.
        with contexts_kept():
            composed = [_letter(signup, now=now) for signup in owed]
        outbox.enqueue_many([(letter, None) for letter in composed if letter], now=now)
        Signup.objects.filter(pk__in=[signup.pk for signup in owed]).update(letter_due="")
    return len(owed)


def _any_owed() -> bool:
    """Whether a letter is owed, asked without a transaction or the ORM's query building: a
    delivery run asks every few milliseconds (outbox.LETTERS_EVERY_SECONDS), and mostly none
    is. The partial index on letter_due answers it."""
    with connection.cursor() as cursor:
        cursor.execute(_ANY_OWED)
        return cursor.fetchone() is not None


# The condition as the index states it, so that SQLite's planner uses the index too.
_ANY_OWED = f"SELECT 1 FROM {Signup._meta.db_table} WHERE NOT (letter_due = '') LIMIT 1"


def _letter(signup: Signup, *, now: datetime) -> Email | None:
    """The email `signup.letter_due` names, composed now; None when there is none to write."""
    letter = signup.letter_due
    if not signup.email or signup.state not in _STATES.get(letter, ()):
        return None
    try:
        if letter == Letter.CONFIRMATION_REQUEST:
            return signup_emails.confirmation_request(signup)
        if letter == Letter.CONFIRMED:
            return signup_emails.signup_confirmed(signup, now=now)
        return signup_emails.waitlisted(signup)
    except Exception:
        # One letter that cannot be composed (a fault in a template or a translation) must not
        # hold back every other email: it is logged with the signup, and not retried.
        logger.exception("Could not write the %s email of signup %s", letter, signup.pk)
        return None
