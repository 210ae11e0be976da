"""On SQLite, a delivery run holds its sending back while a surge of signups is coming in.

SQLite has one write lock, which every signup, every letter written and every email claimed
takes in turn. In a surge the delivery run writes the letters the signups owe every few
milliseconds, and between those it would claim and send the emails already written: one write
transaction per email, each one more turn at the lock the people signing up wait for. So while
each look finds new letters, the run writes them and sends nothing, for at most
HOLD_SECONDS: an email then goes at most that much later, a sustained surge still has its
emails sent (after HOLD_SECONDS the run sends as usual until the letters stop coming), and
no guarantee changes (a held email is simply not claimed yet). PostgreSQL has no such lock:
there the run never holds.
"""

import time

from django.db import connection

HOLD_SECONDS = 1.0


class SendingHold:
    def __init__(self) -> None:
        self.enabled = connection.vendor == "sqlite"
        # When the letters began to come without a pause; None once a look found none.
        self.since: float | None = None

    def letters_written(self, count: int) -> None:
        """What the last look for owed letters wrote."""
        if not count:
            self.since = None
        elif self.since is None:
            self.since = time.monotonic()

    def holding(self) -> bool:
        """Whether to send nothing until the next look for letters."""
        if not self.enabled or self.since is None:
            return False
        return time.monotonic() - self.since < HOLD_SECONDS
