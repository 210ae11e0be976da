"""The attacker's ninth round against what the logs keep: a mail server that refuses a message
answers with the recipient's address ("550 5.1.1 <zoe@example.nl>: no such user"), and Python's
SMTP error names it as a key. The worker logged the error whole, so every attendee whose
mailbox was full or gone was named in the logs, which LOG_FORMAT=json ships wherever the
operator collects them, beyond the event's organizers and the campaign's coordinators. Now a
log line names the message by its id, never the person it was for."""

import logging
import smtplib
from datetime import UTC, datetime

import pytest

from turnout.notifications import failures, outbox
from turnout.notifications.composition import Email
from turnout.web.json_logs import JsonLinesFormatter

pytestmark = pytest.mark.django_db

START = datetime(2030, 4, 2, 9, 0, tzinfo=UTC)


def _message(address: str):
    email = Email(kind="test", to=address, language="nl", subject="Hoi", text="", html="")
    message = outbox.enqueue(email, now=START)
    message.attempts = 1
    return message


@pytest.mark.parametrize(
    "address, error",
    [
        (
            "zoe.de.vries@example.nl",
            smtplib.SMTPRecipientsRefused(
                {"zoe.de.vries@example.nl": (550, b"5.1.1 <Zoe.de.Vries@example.nl>: no such user")}
            ),
        ),
        (
            "julia@example.org",
            smtplib.SMTPRecipientsRefused(
                {"julia@example.org": (452, b"4.2.2 <julia@example.org> mailbox full")}
            ),
        ),
        ("ahmed@example.com", ValueError("Invalid address 'ahmed@example.com'")),
        ("xiaolong@example.cn", smtplib.SMTPDataError(554, b"5.7.1 xiaolong@example.cn: spam")),
    ],
)  # fmt: skip
def test_a_failed_email_is_logged_without_its_recipients_address(address, error, caplog):
    message = _message(address)
    with caplog.at_level(logging.WARNING, logger="turnout.notifications.failures"):
        failures.record_failure(message, error=error, now=START)
    [record] = [r for r in caplog.records if r.name == "turnout.notifications.failures"]
    line = JsonLinesFormatter().format(record)
    assert address.split("@")[0].casefold() not in line.casefold()
    assert message.message_id in line  # the operator still finds the row
    # The organizer's own delivery report keeps the server's answer as it was given.
    message.refresh_from_db()
    assert message.last_error
