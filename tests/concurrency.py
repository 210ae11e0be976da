"""Running many jobs at once against the database, each in its own thread and connection."""

import os
import threading

import pytest
from django.db import connection, connections

# Threads that hold a database connection at once: below PostgreSQL's max_connections.
CONNECTIONS = int(os.environ.get("TURNOUT_TEST_CONNECTIONS", "40"))


def all_at_once(jobs) -> list[BaseException]:
    """Run every job in its own thread with its own connection, released together; return
    what the jobs raised."""
    barrier = threading.Barrier(len(jobs))
    gate = threading.BoundedSemaphore(CONNECTIONS)
    errors: list[BaseException] = []

    def run(job):
        try:
            barrier.wait()
            with gate:
                try:
                    job()
                finally:
                    connections.close_all()
        except BaseException as error:  # noqa: BLE001 - collected and asserted on
            errors.append(error)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


# What a test module of races marks itself with: a database that takes writers at once.
ON_POSTGRESQL = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrency is tested on PostgreSQL (set DATABASE_URL); SQLite serializes writers",
    ),
]
