"""The statements a confirmation runs, composed before the event's lock is taken.

Everyone confirming for one event queues on its row lock (on SQLite, on the database's one
write lock, which a transaction takes at BEGIN). Built with the ORM, the statements under the
lock took longer to compose than to run: the aggregate that counts the places and the other
spellings of the address was most of a confirmation's time. Here each statement is text of a
fixed shape, composed once per database (or, for the count, per number of domains), prepared
on PostgreSQL (web/prepared.py) and read back as the ORM would (web/raw_rows.py): the lock is
held for the queries themselves.

The count's conditions are those of Django's `istartswith`/`iendswith` on each database
(SQLite's LIKE with its escape character, PostgreSQL's UPPER on both sides), so it finds what
the ORM's lookups would.
"""

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from django.db import connection

from turnout.campaigns.models import LocalEvent
from turnout.web.inboxes import inbox_domains, inbox_key
from turnout.web.prepared import prepared_cursor
from turnout.web.raw_rows import RowReader

from .models import Signup

_TABLE = Signup._meta.db_table
_HOLDS_PLACE = tuple(str(state) for state in Signup.HOLDS_PLACE)
_HELD = (*_HOLDS_PLACE, str(Signup.State.WAITLISTED))
_AWAITING = str(Signup.State.AWAITING_CONFIRMATION)

_SIGNUP = RowReader(Signup, ("id", "state", "referral_code", "event", "email"))
# What `LocalEvent.takes_signups_here` reads, and the capacity.
_EVENT = RowReader(LocalEvent, ("id", "status", "signup_url", "ends_at", "capacity"))


def signup_by_token(token: str) -> Signup | None:
    """The signup behind a confirmation link, with what confirming it reads."""
    return _SIGNUP.one(_signup_sql(), [token])


def locked_event(pk: int) -> LocalEvent:
    """The event, its row locked until the transaction ends (PostgreSQL; on SQLite the
    transaction holds the write lock already)."""
    event = _EVENT.one(_event_sql(connection.vendor), [pk])
    if event is None:
        raise LocalEvent.DoesNotExist
    return event


@dataclass(frozen=True)
class PlaceCount:
    """The statement that counts an event's places and a signup's other spellings."""

    sql: str
    params: tuple

    def run(self) -> tuple[int, int]:
        """(places taken, other signups of the same inbox holding a place or a spot)."""
        with prepared_cursor() as cursor:
            cursor.execute(self.sql, self.params)
            taken, same_inbox = cursor.fetchone()
        return int(taken or 0), int(same_inbox or 0)


def place_count(signup: Signup) -> PlaceCount:
    """The count for `signup` (its pk, event and address), composed now, run later."""
    base = inbox_key(signup.email).rpartition("@")[0]
    domains = sorted(inbox_domains(signup.email))
    escaped = connection.ops.prep_for_like_query
    params = (
        *_HOLDS_PLACE,
        *_HELD,
        signup.pk,
        *(f"%@{escaped(domain)}" for domain in domains),
        f"{escaped(base)}@%",
        f"{escaped(base)}+%",
        signup.event_id,
    )
    # Gmail ignores dots: there the local part is compared without them (the key has none).
    ignores_dots = inbox_key(f"a.b@{domains[0]}").startswith("ab@")
    return PlaceCount(_count_sql(connection.vendor, len(domains), ignores_dots), params)


@dataclass(frozen=True)
class Outcome:
    """The UPDATE that records a confirmation's outcome, if the signup is still awaiting it."""

    sql: str
    params: tuple

    def run(self) -> bool:
        """Whether the signup was still awaiting confirmation (and is now updated)."""
        with prepared_cursor() as cursor:
            cursor.execute(self.sql, self.params)
            return cursor.rowcount == 1


def outcome(signup: Signup, fields: dict) -> Outcome:
    """`fields` (state, confirmed_at, referral_code, letter_due, and waitlisted_at for the
    waitlist) written to `signup` only while it awaits confirmation and is not erased: one
    UPDATE both locks the row and checks that no other request changed it meanwhile."""
    names = tuple(fields)
    values = tuple(_value(Signup._meta.get_field(name), fields[name]) for name in names)
    return Outcome(_outcome_sql(names), (*values, signup.pk, _AWAITING))


def _value(field, value):
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return None if value is None else str(value)


@cache
def _signup_sql() -> str:
    return f"SELECT {', '.join(_SIGNUP.columns)} FROM {_TABLE} WHERE token = %s"


@cache
def _event_sql(vendor: str) -> str:
    lock = " FOR UPDATE" if vendor == "postgresql" else ""
    return (
        f"SELECT {', '.join(_EVENT.columns)} FROM {LocalEvent._meta.db_table} WHERE id = %s{lock}"
    )


@cache
def _count_sql(vendor: str, domains: int, ignores_dots: bool) -> str:
    local = "REPLACE(email, '.', '')" if ignores_dots else "email"
    at_domain = " OR ".join([_like(vendor, "email")] * domains)
    same_inbox = (
        f"state IN ({_marks(_HELD)}) AND id <> %s AND ({at_domain})"
        f" AND ({_like(vendor, local)} OR {_like(vendor, local)})"
    )
    return (
        f"SELECT SUM(CASE WHEN state IN ({_marks(_HOLDS_PLACE)}) THEN 1 ELSE 0 END),"
        f" SUM(CASE WHEN {same_inbox} THEN 1 ELSE 0 END)"
        f" FROM {_TABLE} WHERE event_id = %s"
    )


@cache
def _outcome_sql(names: tuple[str, ...]) -> str:
    column = {field.name: field.column for field in Signup._meta.concrete_fields}
    columns = ", ".join(f"{column[name]} = %s" for name in names)
    return f"UPDATE {_TABLE} SET {columns} WHERE id = %s AND state = %s AND anonymized_at IS NULL"


def _marks(values: tuple) -> str:
    return ", ".join(["%s"] * len(values))


def _like(vendor: str, column: str) -> str:
    """A case-insensitive LIKE of `column` on a pattern parameter, as Django's i-lookups."""
    if vendor == "postgresql":
        return f"UPPER(({column})::text) LIKE UPPER(%s)"
    return f"{column} LIKE %s ESCAPE '\\'"
