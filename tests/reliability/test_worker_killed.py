"""A task worker killed in the middle of a reminder fan-out: nothing lost, nothing doubled.

A real `turnout worker` process sends reminders to a real SMTP server (aiosmtpd) from a
database both share. The SMTP server itself kills the worker (SIGKILL) the moment it has
accepted the Nth message and before it answers "250": the worker dies with that message
claimed, exactly the case docs/notifications.md calls *uncertain*. A restarted worker sends
the rest; every message reaches the server exactly once, and the one in flight is marked
uncertain (not resent).
"""

import os
import signal
import subprocess
import sys
from collections import Counter

import pytest
from aiosmtpd.controller import Controller

from tests.notifications.smtp import RecordingHandler, SMTPServer

pytestmark = pytest.mark.slow

PEOPLE = 40
KILL_AT = 15

SEED = f"""
from datetime import timedelta
from django.utils import timezone
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.signups.models import Signup

now = timezone.now()
campaign = Campaign.objects.create(
    slug="fan-out", title="Fan-out day", starts_on=(now + timedelta(days=2)).date(),
    ends_on=(now + timedelta(days=2)).date(), status="published",
)
event = LocalEvent.objects.create(
    campaign=campaign, title="Protest in Utrecht", city="Utrecht", country="NL",
    timezone="Europe/Amsterdam", status="approved",
    starts_at=now + timedelta(hours=40), ends_at=now + timedelta(hours=42),
)
Signup.objects.bulk_create(
    Signup(event=event, name=f"Person {{i}}", email=f"person{{i}}@example.org", language="nl",
           accepted_code_of_conduct=True, state="confirmed",
           created_at=now - timedelta(days=10), confirmed_at=now - timedelta(days=10))
    for i in range({PEOPLE})
)
"""


class KillingHandler(RecordingHandler):
    """Accepts messages; at the Nth, calls `kill` before the "250" leaves the server."""

    def __init__(self, *, kill_at: int):
        super().__init__()
        self.kill_at = kill_at
        self.kill = None

    async def handle_DATA(self, server, session, envelope):
        answer = await super().handle_DATA(server, session, envelope)
        if self.kill and len(self.messages) == self.kill_at:
            self.kill()
            self.kill = None
        return answer


@pytest.fixture
def sink():
    server = SMTPServer()
    server.handler = KillingHandler(kill_at=KILL_AT)
    server.controller = Controller(server.handler, hostname=server.host, port=server.port)
    server.start()
    yield server
    server.stop()


def test_a_worker_killed_mid_fan_out_resumes_with_no_message_lost_or_doubled(served_database, sink):
    database = served_database
    mail = {
        "EMAIL_HOST": sink.host,
        "EMAIL_PORT": str(sink.port),
        "EMAIL_USE_TLS": "false",
        "DEFAULT_FROM_EMAIL": "Turnout <turnout@turnout.test>",
    }
    database.python(SEED)

    worker = subprocess.Popen(
        [sys.executable, "-m", "turnout.cli", "worker", "--interval", "0.1"],
        env=database.env(**mail),
        cwd=database.data_dir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    sink.handler.kill = lambda: os.kill(worker.pid, signal.SIGKILL)
    try:
        assert worker.wait(timeout=90) == -signal.SIGKILL
    finally:
        if worker.poll() is None:
            worker.kill()
    assert len(sink.messages) == KILL_AT
    in_flight = str(sink.messages[-1]["Message-ID"])
    states = Counter(state for (state,) in database.query(outbox_states_sql()))
    assert states["sending"] == 1  # claimed, accepted by the server, never recorded
    assert states["sent"] == KILL_AT - 1
    assert states["pending"] == PEOPLE - KILL_AT

    # Restarted: the reminders are not written again, the rest go out, the one in flight is
    # left alone. A lease of 0 s lets this worker see at once that the claim was abandoned.
    database.turnout("worker", "--batch", OUTBOX_LEASE_SECONDS="0", **mail)

    received = sink.message_ids()
    assert len(received) == PEOPLE
    assert len(set(received)) == PEOPLE  # each Message-ID exactly once
    rows = database.query("SELECT message_id, state FROM notifications_outboxmessage")
    assert len(rows) == PEOPLE  # one reminder per person, none written twice
    assert {message_id for message_id, _ in rows} == set(received)
    assert {message_id for message_id, state in rows if state == "uncertain"} == {in_flight}
    assert Counter(state for _, state in rows) == {"sent": PEOPLE - 1, "uncertain": 1}
    recipients = Counter(str(message["To"]) for message in sink.messages)
    assert set(recipients.values()) == {1}
    assert all(message["Subject"].startswith("Herinnering") for message in sink.messages)


def outbox_states_sql() -> str:
    return "SELECT state FROM notifications_outboxmessage"
