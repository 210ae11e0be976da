"""A long-running loop that survives losing its database: a failover, a restart, a killed
connection (`pg_terminate_backend`).

Django reconnects by itself once a broken connection is closed; what a loop must do is close
it, wait (longer each time, see `backoff`), and say so: one warning when the database is lost,
one when it is back, and how long it was gone.
"""

import logging
import time

from django.db import DatabaseError, InterfaceError, OperationalError, connections

from .backoff import backoff_seconds

# What a lost or refused connection raises. Other database errors (a constraint, a bug in a
# query) are not outages and are not retried here.
DATABASE_LOST = (OperationalError, InterfaceError)

FIRST_WAIT_SECONDS = 0.5
LONGEST_WAIT_SECONDS = 30.0
# A database that has answered this long since the last outage starts the back-off afresh.
SETTLED_AFTER_SECONDS = 30.0


def is_busy(error: BaseException) -> bool:
    """SQLite's "database is locked": another writer held the lock past the busy timeout. The
    database is there, only contended; the same back-off applies, but the log says so."""
    return isinstance(error, OperationalError) and "database is locked" in str(error)


def close_database_connections() -> None:
    """Drop this thread's connections, broken ones included; the next query opens a new one."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except DatabaseError:
            pass  # already broken: Django forgets it all the same


def database_answers() -> bool:
    """Whether a fresh connection can run a query now."""
    try:
        connection = connections["default"]
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DATABASE_LOST:
        close_database_connections()
        return False
    return True


class Reconnection:
    """One loop's account of a database outage: how long to wait next, and the log lines."""

    def __init__(self, *, name: str, logger: logging.Logger) -> None:
        self.name = name
        self.logger = logger
        self.attempts = 0  # failures in this outage
        self.lost_at = 0.0
        # Failures in a row for the back-off: a database that answers a probe and fails again
        # at once (flapping) gets longer waits, not a fresh 0.5 s each time.
        self.streak = 0
        self.recovered_at = -SETTLED_AFTER_SECONDS

    @property
    def is_lost(self) -> bool:
        return self.attempts > 0

    def lost(self, error: BaseException) -> float:
        """Record a failure, close the broken connections; returns the seconds to wait."""
        close_database_connections()
        if not self.attempts and time.monotonic() - self.recovered_at >= SETTLED_AFTER_SECONDS:
            self.streak = 0
        self.attempts += 1
        self.streak += 1
        wait = backoff_seconds(self.streak, base=FIRST_WAIT_SECONDS, cap=LONGEST_WAIT_SECONDS)
        if self.attempts == 1:
            self.lost_at = time.monotonic()
            self.logger.warning(
                "%s %s (%s: %s); reconnecting in %.1f s",
                self.name, "found the database busy" if is_busy(error) else "lost the database",
                type(error).__name__, str(error).strip(), wait,
            )  # fmt: skip
        else:
            self.logger.info(
                "%s: database still unreachable (attempt %d); next try in %.1f s",
                self.name, self.attempts, wait,
            )  # fmt: skip
        return wait

    def recovered(self) -> None:
        """Log the recovery, if there was an outage, and start counting afresh."""
        if not self.attempts:
            return
        self.logger.warning(
            "%s reconnected to the database after %.1f s (%d attempts)",
            self.name, time.monotonic() - self.lost_at, self.attempts,
        )  # fmt: skip
        self.attempts = 0
        self.recovered_at = time.monotonic()
