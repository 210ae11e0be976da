"""The mail server down, then back: emails wait with back-off and each arrives exactly once.

`turnout worker --batch` runs the real task queue at frozen moments; the SMTP server (aiosmtpd
on loopback) is stopped, so its port refuses connections, and later started again.
"""

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core.management import call_command

from tests.factories import LocalEventFactory
from turnout.notifications.models import OutboxMessage
from turnout.signups.services.registration import sign_up

# The worker opens its own connections: the rows must be committed.
pytestmark = pytest.mark.django_db(transaction=True)

T0 = datetime(2030, 5, 1, 12, tzinfo=UTC)


def run_worker_at(moment: datetime) -> None:
    with time_machine.travel(moment, tick=False):
        call_command("worker", batch=True, verbosity=0)


def sign_up_people(event, emails: list[str], *, now: datetime) -> None:
    with time_machine.travel(now, tick=False):
        for email in emails:
            sign_up(
                event=event, name="Person", email=email, language="en",
                accepted_code_of_conduct=True, now=now,
            )  # fmt: skip


def bring_back(smtp_server) -> None:
    """Start the mail server again on the same address."""
    smtp_server.controller = Controller(
        smtp_server.handler, hostname=smtp_server.host, port=smtp_server.port
    )
    smtp_server.start()


@pytest.fixture
def event(db):
    return LocalEventFactory(starts_at=T0 + timedelta(days=10))


def test_an_unreachable_mail_server_backs_off_doubling_and_then_delivers(
    smtp_server, settings, event
):
    settings.OUTBOX_RETRY_SECONDS = 60
    smtp_server.stop()
    sign_up_people(event, ["ada@example.org"], now=T0)

    run_worker_at(T0)
    message = OutboxMessage.objects.get()
    assert (message.state, message.attempts) == ("pending", 1)  # not "sending": nothing left
    assert message.next_attempt_at == T0 + timedelta(seconds=60)
    assert "Connection refused" in message.last_error

    run_worker_at(T0 + timedelta(seconds=59))  # not due: not tried
    message.refresh_from_db()
    assert message.attempts == 1

    run_worker_at(T0 + timedelta(seconds=60))  # due, still down: the delay doubles
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("pending", 2)
    assert message.next_attempt_at == T0 + timedelta(seconds=60 + 120)

    bring_back(smtp_server)
    run_worker_at(T0 + timedelta(seconds=179))
    assert smtp_server.messages == []  # the back-off holds even though the server is up
    run_worker_at(T0 + timedelta(seconds=180))
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("sent", 3)
    assert smtp_server.message_ids() == [message.message_id]


def test_emails_written_during_a_mail_server_outage_all_arrive_once_when_it_is_back(
    smtp_server, settings, event
):
    settings.OUTBOX_RETRY_SECONDS = 60
    smtp_server.stop()
    emails = [f"person{i}@example.org" for i in range(12)]
    # People keep signing up through the outage; the worker's sweeps keep failing.
    for minute, batch in enumerate([emails[:4], emails[4:8], emails[8:]]):
        moment = T0 + timedelta(minutes=minute)
        sign_up_people(event, batch, now=moment)
        run_worker_at(moment)
    states = Counter(OutboxMessage.objects.values_list("state", flat=True))
    assert states == {"pending": 12}  # none sent, none lost, none stuck or uncertain
    assert smtp_server.messages == []

    bring_back(smtp_server)
    for hours in (1, 7):  # later than any back-off so far; the longest is 6 hours
        run_worker_at(T0 + timedelta(hours=hours))
    assert Counter(OutboxMessage.objects.values_list("state", flat=True)) == {"sent": 12}
    received = smtp_server.message_ids()
    assert len(received) == len(set(received)) == 12  # each exactly once
    assert set(received) == set(OutboxMessage.objects.values_list("message_id", flat=True))
    assert sorted(str(m["To"]) for m in smtp_server.messages) == sorted(emails)
