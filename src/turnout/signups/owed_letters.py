"""The emails a signup is owed, written by the delivery worker from the signup row.

Signing up and confirming are the two requests a surge brings by the hundred, so they do as
little as a correct signup must: the form writes the signup, the link decides the place under
the event's lock. The email each of them owes (the confirmation request; "you're in" with the
invite, or "you're on the waitlist") is marked on the signup row in the same statement
(`Signup.letter_due`) rather than composed in the request and written as a second row: the
mark exists if and only if the change was committed, as an outbox row written with it would.

The delivery worker starts each run by writing the owed letters into the outbox (on
PostgreSQL rows locked with SKIP LOCKED, letters written and marks cleared in one transaction;
on SQLite, whose one write lock every signup waits for, letters and their rows' values
composed first and only the marks still unchanged cleared, with their letters, under the
lock), then sends them like any other message: each owed letter becomes exactly one outbox
row, whatever process dies when. A letter the signup no longer matches (cancelled, promoted,
erased before the worker came to it) is not written: what replaced it was told by its own
email.
"""

import logging
from datetime import datetime

from django.db import connection, transaction

from turnout.campaigns.models import LocalEvent
from turnout.notifications import outbox
from turnout.notifications.composition import Email
from turnout.web.prepared import prepared_cursor
from turnout.web.raw_rows import RowReader

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
    Letter.ALREADY_SIGNED_UP: (
        Signup.State.AWAITING_CONFIRMATION,
        *Signup.HOLDS_PLACE,
        Signup.State.WAITLISTED,
    ),  # fmt: skip
}


def write_owed_letters(*, now: datetime, limit: int) -> int:
    """Write up to `limit` owed letters into the outbox; how many signups it took. A delivery
    run calls it when `OWED` holds (outbox.register_letter_writer)."""
    if connection.vendor == "postgresql":
        return _write_holding_rows(now=now, limit=limit)
    return _write_then_clear(now=now, limit=limit)


def _write_holding_rows(*, now: datetime, limit: int) -> int:
    """PostgreSQL: the owed rows locked (SKIP LOCKED: each worker takes its own) while their
    letters are composed; a request that changes one of them waits for this commit."""
    with transaction.atomic():
        owed = _owed(limit, locked=True)
        if not owed:
            return 0
        letters = [letter for _, letter in _composed(owed, now=now)]
        outbox.write_rows(outbox.outbox_rows(letters, now=now))
        with prepared_cursor() as cursor:  # a fixed statement: built by the ORM, it cost more
            cursor.execute(_CLEAR_ALL, [[signup.pk for signup in owed]])
    return len(owed)


def _write_then_clear(*, now: datetime, limit: int) -> int:
    """SQLite: a write transaction holds the database's one write lock from its start, and
    every signup waits for it; so the letters are composed first, outside, and the lock is
    held only to clear each mark that still says what was composed (one conditional UPDATE
    per kind) and to write the letters of the marks cleared. A letter whose mark changed
    meanwhile (confirmed, cancelled, erased) is not written; the next run writes what is owed
    now. Each owed letter is still written exactly once, whatever the other workers do."""
    owed = _owed(limit)
    if not owed:
        return 0
    composed = _composed(owed, now=now)
    rows = outbox.outbox_rows([letter for _, letter in composed], now=now)
    with transaction.atomic():
        cleared = _clear_marks(owed)
        outbox.write_rows(
            [row for (signup, _), row in zip(composed, rows, strict=True) if signup.pk in cleared]
        )
    return len(owed)


def _owed(limit: int, *, locked: bool = False) -> list[Signup]:
    """Up to `limit` signups owed a letter, oldest first, each given its event (with the
    covers a letter shows): one instance per event, which remembers its texts in each
    language (campaigns.event_texts).

    The signups are read by a statement of fixed shape (web/raw_rows.py) and their events by
    one query: a delivery run looks every few milliseconds in a surge, and building the
    joined query with the ORM cost more than the letters of a small batch."""
    owed = _OWED.all(_owed_sql(locked=locked), [limit])
    if owed:
        events = LocalEvent.objects.select_related("cover", "campaign__cover").in_bulk(
            {signup.event_id for signup in owed}
        )
        for signup in owed:
            signup.event = events[signup.event_id]
    return owed


# PostgreSQL only (an array of ids); the rows are locked by this transaction.
_CLEAR_ALL = f"UPDATE {Signup._meta.db_table} SET letter_due = '' WHERE id = ANY(%s)"
_OWED = RowReader(Signup, [field.name for field in Signup._meta.concrete_fields])


def _owed_sql(*, locked: bool) -> str:
    # The condition as the partial index on letter_due states it (OWED).
    return (
        f"SELECT {', '.join(_OWED.columns)} FROM {Signup._meta.db_table}"
        " WHERE NOT (letter_due = '') ORDER BY id LIMIT %s"
        + (" FOR UPDATE SKIP LOCKED" if locked else "")
    )


def _composed(owed: list[Signup], *, now: datetime) -> list[tuple[Signup, Email]]:
    # One moment for the whole batch: what an event's letters show alike (its roles still
    # open, its safety block) is asked once, not once per person.
    with contexts_kept():
        letters = [(signup, _letter(signup, now=now)) for signup in owed]
    return [(signup, letter) for signup, letter in letters if letter is not None]


def _clear_marks(owed: list[Signup]) -> set[int]:
    """Clear the marks that still name the letter each signup had when read; their ids."""
    cleared: set[int] = set()
    by_letter: dict[str, list[int]] = {}
    for signup in owed:
        by_letter.setdefault(signup.letter_due, []).append(signup.pk)
    with connection.cursor() as cursor:
        for letter, ids in by_letter.items():
            cursor.execute(
                f"UPDATE {Signup._meta.db_table} SET letter_due = '' WHERE letter_due = %s"
                f" AND id IN ({', '.join(['%s'] * len(ids))}) RETURNING id",
                [letter, *ids],
            )
            cleared.update(row[0] for row in cursor.fetchall())
    return cleared


# Whether a letter is owed, as a delivery run asks every writer at once, every few
# milliseconds (outbox.register_letter_writer). The condition as the partial index on
# letter_due states it, so that SQLite's planner uses the index too.
OWED = f"EXISTS (SELECT 1 FROM {Signup._meta.db_table} WHERE NOT (letter_due = '') LIMIT 1)"


def _letter(signup: Signup, *, now: datetime) -> Email | None:
    """The email `signup.letter_due` names, composed now; None when there is none to write."""
    letter = signup.letter_due
    if not signup.email or signup.state not in _STATES.get(letter, ()):
        return None
    if letter == Letter.CONFIRMATION_REQUEST and signup.event.is_cancelled:
        return None  # signed up as the event was cancelled: there is nothing left to confirm
    try:
        if letter == Letter.CONFIRMATION_REQUEST:
            return signup_emails.confirmation_request(signup)
        if letter == Letter.CONFIRMED:
            return signup_emails.signup_confirmed(signup, now=now)
        if letter == Letter.ALREADY_SIGNED_UP:
            return signup_emails.already_signed_up(signup)
        return signup_emails.waitlisted(signup)
    except Exception:
        # One letter that cannot be composed (a fault in a template or a translation) must not
        # hold back every other email: it is logged with the signup, and not retried.
        logger.exception("Could not write the %s email of signup %s", letter, signup.pk)
        return None
