"""Mail servers that misbehave part-way through a conversation, which the outage tests (a
refused port, a byte-a-second server) do not try: one that takes the recipients and hangs up
at DATA or in the middle of the message, and one that answers 4xx to everything for a while
(421 at the greeting, 451 to the sender or to every recipient).

Nothing was delivered in any of them, so every email waits with back-off (never failed for
good, never marked uncertain, never sent), the signups stay, and once a working server answers
each person gets their email exactly once.
"""

import socket
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from tests.factories import LocalEventFactory
from tests.web.trickle import serving
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup
from turnout.signups.services.registration import sign_up

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

T0 = datetime(2030, 6, 3, 9, tzinfo=UTC)
PEOPLE = ["mila@example.org", "jonas@example.net", "fatima.el-amrani@example.org"]


def scripted_smtp(misbehaviour: str):
    """An SMTP server that talks normally until the point `misbehaviour` names."""

    def handle(connection: socket.socket, stop) -> None:
        reader = connection.makefile("rb")

        def say(line: str) -> None:
            connection.sendall(line.encode() + b"\r\n")

        if misbehaviour == "421 at the greeting":
            say("421 4.3.2 Too busy, come back later")
            return
        say("220 mail.example.org ESMTP")
        while line := reader.readline():
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                say("250 mail.example.org")
            elif command.startswith(b"MAIL"):
                if misbehaviour == "451 to the sender":
                    say("451 4.7.1 Greylisted, try again later")
                else:
                    say("250 2.1.0 OK")
            elif command.startswith(b"RCPT"):
                if misbehaviour == "451 to every recipient":
                    say("451 4.2.0 Mailbox busy")
                else:
                    say("250 2.1.5 OK")
            elif command == b"DATA":
                if misbehaviour == "hang-up at DATA":
                    return  # connection closed: the message never left the sender
                say("354 Go ahead")
                reader.readline()  # the first line of the message, then gone
                return
            elif command in (b"RSET", b"NOOP"):
                say("250 OK")
            elif command == b"QUIT":
                say("221 Bye")
                return
            else:
                say("502 5.5.2 Not implemented")

    return handle


def run_worker_at(moment: datetime) -> None:
    with time_machine.travel(moment, tick=False):
        call_command("worker", batch=True, verbosity=0)


@pytest.fixture
def event(db):
    return LocalEventFactory(starts_at=T0 + timedelta(days=12), title="Fietsparade Gent")


@pytest.mark.parametrize(
    "misbehaviour",
    [
        "hang-up at DATA",
        "hang-up in the message",
        "421 at the greeting",
        "451 to the sender",
        "451 to every recipient",
    ],
)
def test_a_server_that_misbehaves_mid_conversation_delays_each_email_and_loses_none(
    misbehaviour, smtp_server, settings, event
):
    settings.OUTBOX_RETRY_SECONDS = 60
    with time_machine.travel(T0, tick=False):
        for email in PEOPLE:
            sign_up(
                event=event, name="Deelnemer", email=email, language="en",
                accepted_code_of_conduct=True, now=T0,
            )  # fmt: skip
    with serving(scripted_smtp(misbehaviour)) as bad_server:
        settings.EMAIL_PORT = bad_server.port
        # A minute of it: the worker's sweeps keep meeting the same server.
        for seconds in (0, 60, 180):
            run_worker_at(T0 + timedelta(seconds=seconds))
        assert bad_server.connections, "the worker never reached the server"
    rows = OutboxMessage.objects.all()
    assert Counter(rows.values_list("state", flat=True)) == {"pending": len(PEOPLE)}
    tried = [row for row in rows if row.attempts]
    assert tried and all(row.last_error and not row.failure for row in tried)
    assert all(row.attempts < settings.OUTBOX_MAX_ATTEMPTS for row in rows)
    assert Signup.objects.filter(event=event).count() == len(PEOPLE)

    settings.EMAIL_PORT = smtp_server.port  # a working server from now on
    for hours in (1, 7):  # later than any back-off so far; the longest is 6 hours
        run_worker_at(T0 + timedelta(hours=hours))
    assert Counter(OutboxMessage.objects.values_list("state", flat=True)) == {"sent": len(PEOPLE)}
    received = smtp_server.message_ids()
    assert len(received) == len(set(received)) == len(PEOPLE)
    assert sorted(str(m["To"]) for m in smtp_server.messages) == sorted(PEOPLE)
