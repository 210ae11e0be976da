"""Claiming the next due email in one round trip to the database, on PostgreSQL and SQLite.

A fan-out of 100,000 reminders claims 100,000 times, and the ORM's version (BEGIN; record the
last one sent; SELECT ... FOR UPDATE SKIP LOCKED; UPDATE; COMMIT) spent 2 ms on each, more
than sending the email. The statements below do the same in one go: record the message this
worker sent last, take the next due one (the first in `outbox_due_idx` order that no other
worker holds), and return it. The guarantees are those of `outbox.claim_next`.
"""

from datetime import datetime

from django.db import connection, transaction

from turnout.web.prepared import prepared_cursor
from turnout.web.raw_rows import RowReader

from .models import OutboxMessage

_TABLE = OutboxMessage._meta.db_table
_ROWS = RowReader(OutboxMessage, [field.name for field in OutboxMessage._meta.concrete_fields])
_COLUMNS = _ROWS.columns

# What being sent means for a row: the one statement both databases run for it.
_RECORD_SENT = (
    f"UPDATE {_TABLE} SET state = 'sent', sent_at = %(now)s, last_error = '' WHERE id = %(sent_id)s"
)

# PostgreSQL: one statement, one commit. The "sent" step runs even though nothing reads it
# (data-modifying WITH queries always run to completion).
_POSTGRESQL = f"""
WITH sent AS ({_RECORD_SENT}), due AS (
    SELECT id FROM {_TABLE}
    WHERE state = 'pending' AND next_attempt_at <= %(now)s
    ORDER BY next_attempt_at, id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
UPDATE {_TABLE} AS message
SET state = 'sending', attempts = message.attempts + 1, claimed_at = %(now)s,
    claimed_by = %(worker)s
FROM due WHERE message.id = due.id
RETURNING {", ".join(f"message.{column}" for column in _COLUMNS)}
"""

# SQLite: its write transactions take the database's one write lock when they begin
# (IMMEDIATE, see settings), so no other worker can take the same row in between.
_SQLITE_CLAIM = f"""
UPDATE {_TABLE}
SET state = 'sending', attempts = attempts + 1, claimed_at = %(now)s, claimed_by = %(worker)s
WHERE id = (
    SELECT id FROM {_TABLE}
    WHERE state = 'pending' AND next_attempt_at <= %(now)s
    ORDER BY next_attempt_at, id
    LIMIT 1
)
RETURNING {", ".join(_COLUMNS)}
"""


def claim_next_due(*, now: datetime, worker_id: str, sent_id: int | None) -> OutboxMessage | None:
    """Record `sent_id` as sent and claim the next due message, in one transaction."""
    params = {
        "now": connection.ops.adapt_datetimefield_value(now),
        "worker": worker_id[:64],
        "sent_id": sent_id,
    }
    if connection.vendor == "postgresql":
        # One statement is one transaction of its own (no BEGIN and COMMIT round trips).
        return _ROWS.one(_POSTGRESQL, params)
    with transaction.atomic():
        if sent_id is not None:
            record_sent(sent_id, now=now)
        with prepared_cursor() as cursor:
            cursor.execute(_SQLITE_CLAIM, params)
            row = cursor.fetchone()
    # Read into a message once committed: the transaction holds SQLite's one write lock, which
    # every signup waits for, and a worker running at a lower priority may be held up there.
    return None if row is None else _ROWS.instance(row)


def record_sent(message_id: int, *, now: datetime) -> None:
    """Record a message as sent on its own (the PostgreSQL claim above does it in its WITH).
    Written out, as the claim is: SQLite runs it once per email, and the ORM's update took
    longer to build than to run."""
    with prepared_cursor() as cursor:
        now_value = connection.ops.adapt_datetimefield_value(now)
        cursor.execute(_RECORD_SENT, {"now": now_value, "sent_id": message_id})
