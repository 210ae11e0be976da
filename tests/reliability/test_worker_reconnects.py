"""`turnout worker` loses its PostgreSQL connections and goes on sending email.

A real worker runs against a database of its own with persistent connections (CONN_MAX_AGE),
as production does. Its connections are killed (`pg_terminate_backend`, what a failover or an
administrator does), once while the database also refuses new ones for a few seconds (a
restart), and once alone. The worker logs the loss and the recovery, keeps running, keeps its
heartbeat, sends an email queued afterwards, and still stops at once on SIGTERM.
"""

import signal
import subprocess
import sys
import time

import dj_database_url
import pytest

from tests.notifications.smtp import SMTPServer
from tests.reliability.served import Database, _admin_connection, wait_until

pytestmark = pytest.mark.slow

ENQUEUE = """
from django.db import transaction
from django.utils import timezone
from turnout.notifications import outbox
from turnout.notifications.composition import Email

with transaction.atomic():
    outbox.enqueue(
        Email(kind="test", to={to!r}, language="en", subject="Hello", text="Hi", html=""),
        now=timezone.now(),
    )
"""


@pytest.fixture
def sink():
    server = SMTPServer()
    server.start()
    yield server
    server.stop()


def kill_connections(database: Database, *, refuse_for: float = 0.0) -> int:
    """Terminate every connection to the database; with `refuse_for`, also refuse new ones
    for that many seconds (a restart, as the worker sees it). Returns how many were killed."""
    name = dj_database_url.parse(database.url)["NAME"]
    with _admin_connection(database.url) as admin:
        if refuse_for:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        (killed,) = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchone()
        if refuse_for:
            time.sleep(refuse_for)
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    return killed


def test_the_worker_survives_losing_its_database_and_sends_what_is_queued_afterwards(
    served_database, sink
):
    database = served_database
    if not database.is_postgresql:
        pytest.skip(
            "needs PostgreSQL (DATABASE_URL=postgres://…): a SQLite file has no server "
            "connection to kill, and the worker opens it afresh for every poll"
        )
    mail = {
        "EMAIL_HOST": sink.host,
        "EMAIL_PORT": str(sink.port),
        "EMAIL_USE_TLS": "false",
        "CONN_MAX_AGE": "600",  # connections outlive a poll, as in production
    }
    log_path = database.data_dir / "worker.log"
    log = log_path.open("a")  # appending: the worker's writes never land over earlier lines
    worker = subprocess.Popen(
        [sys.executable, "-m", "turnout.cli", "worker", "--interval", "0.2"],
        env=database.env(**mail),
        cwd=database.data_dir,
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def output() -> str:
        return log_path.read_text()

    def running() -> bool:
        if worker.poll() is not None:
            pytest.fail(f"the worker exited with {worker.returncode}:\n{output()}")
        return True

    def sent_to(address: str):
        running()
        return sink.to(address)

    try:
        database.python(ENQUEUE.format(to="before@example.org"))
        wait_until(lambda: sent_to("before@example.org"), timeout=90, message="first email")
        wait_until(
            lambda: database.query("SELECT count(*) FROM web_workerheartbeat")[0][0],
            timeout=15,
            message="a heartbeat",
        )

        # A restart: connections killed, and refused for three seconds.
        assert kill_connections(database, refuse_for=3.0) >= 1
        database.python(ENQUEUE.format(to="after-restart@example.org"))
        wait_until(
            lambda: sent_to("after-restart@example.org"), timeout=60, message="email after restart"
        )
        # A failover or an administrator: the open connections killed, new ones welcome.
        time.sleep(1.0)  # the worker and its threads hold connections again
        assert kill_connections(database) >= 1
        time.sleep(1.0)
        database.python(ENQUEUE.format(to="after-kill@example.org"))
        wait_until(
            lambda: sent_to("after-kill@example.org"), timeout=60, message="email after a kill"
        )

        last_seen_age = database.query(
            "SELECT EXTRACT(EPOCH FROM now() - max(last_seen)) FROM web_workerheartbeat"
        )[0][0]
        assert last_seen_age < 15  # the heartbeat went on after the outages
        assert running()
        text = output()
        assert "lost the database" in text
        assert "reconnected to the database after" in text

        started = time.monotonic()
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=10) == 0
        assert time.monotonic() - started < 5  # prompt, even with threads beside the loop
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait()
        log.close()
    assert {str(m["To"]) for m in sink.messages} == {
        "before@example.org",
        "after-restart@example.org",
        "after-kill@example.org",
    }
    assert len(sink.messages) == 3  # nothing sent twice
