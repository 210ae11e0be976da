"""Delivery from the outbox over real SMTP: retries, back-off, failure, claims, crashes."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import transaction

from turnout.notifications import outbox
from turnout.notifications.composition import Attachment, Email
from turnout.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

T0 = datetime(2030, 5, 1, 12, tzinfo=UTC)


def queue(n: int = 1, **fields) -> list[OutboxMessage]:
    messages = []
    for i in range(n):
        email = Email(
            kind="test",
            to=fields.get("to", f"person{i}@example.org"),
            language="en",
            subject=f"Message {i}",
            text=f"Hello {i}",
            html=f"<p>Hello {i}</p>",
            attachments=fields.get("attachments", ()),
        )
        messages.append(outbox.enqueue(email, now=T0, dedupe_key=fields.get("dedupe_key")))
    return messages


def test_each_message_is_delivered_once_with_its_stable_message_id(smtp_server):
    queued = queue(3)
    with time_machine.travel(T0, tick=False):
        report = outbox.deliver_due()
        outbox.deliver_due()  # a second run finds nothing to do
    assert len(report.sent) == 3
    assert sorted(smtp_server.message_ids()) == sorted(m.message_id for m in queued)
    received = smtp_server.messages[0]
    assert received["Auto-Submitted"] == "auto-generated"
    assert received.get_body(("plain",)).get_content().strip() == "Hello 0"
    assert received.get_body(("html",)).get_content().strip() == "<p>Hello 0</p>"
    assert set(OutboxMessage.objects.values_list("state", flat=True)) == {"sent"}


def test_a_calendar_attachment_keeps_its_method_in_the_content_type(smtp_server):
    queue(
        attachments=(Attachment("invite.ics", "BEGIN:VCALENDAR\r\n", "text/calendar", "REQUEST"),)
    )
    with time_machine.travel(T0, tick=False):
        outbox.deliver_due()
    (part,) = list(smtp_server.messages[0].iter_attachments())
    assert part.get_content_type() == "text/calendar"
    assert part.get_param("method") == "REQUEST"
    assert part.get_filename() == "invite.ics"


def test_the_same_dedupe_key_is_queued_once():
    assert queue(dedupe_key="reminder:1:48")[0] is not None
    assert queue(dedupe_key="reminder:1:48")[0] is None
    assert OutboxMessage.objects.count() == 1


def test_many_are_written_at_once_leaving_out_keys_already_queued():
    queue(dedupe_key="reminder:1:48")
    emails = [
        (Email(kind="test", to=f"p{n}@example.org", language="nl", subject="S", text="T",
               html="<p>T</p>"), key)
        for n, key in enumerate(["reminder:1:48", "reminder:2:48", None])
    ]  # fmt: skip
    with transaction.atomic():
        assert outbox.enqueue_many(emails, now=T0) == 2
    assert sorted(OutboxMessage.objects.values_list("to_email", flat=True)) == [
        "p1@example.org", "p2@example.org", "person0@example.org"
    ]  # fmt: skip
    assert outbox.enqueue_many([], now=T0) == 0


def test_a_message_written_in_a_rolled_back_transaction_never_exists():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue()
        raise RuntimeError
    assert not OutboxMessage.objects.exists()


def test_a_temporary_failure_is_retried_with_exponential_back_off(smtp_server, settings):
    settings.OUTBOX_RETRY_SECONDS = 60
    (message,) = queue()
    smtp_server.handler.fail_next = 2
    with time_machine.travel(T0, tick=False):
        outbox.deliver_due()
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("pending", 1)
    assert message.next_attempt_at == T0 + timedelta(seconds=60)
    assert "451" in message.last_error
    with time_machine.travel(T0 + timedelta(seconds=59), tick=False):
        assert outbox.deliver_due().sent == []  # not due yet
    with time_machine.travel(T0 + timedelta(seconds=60), tick=False):
        outbox.deliver_due()
    message.refresh_from_db()
    assert message.next_attempt_at == T0 + timedelta(seconds=60 + 120)
    with time_machine.travel(T0 + timedelta(seconds=180), tick=False):
        outbox.deliver_due()
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("sent", 3)
    assert smtp_server.message_ids() == [message.message_id]


def test_after_the_last_attempt_a_message_is_failed_and_left_for_the_admin(smtp_server, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    (message,) = queue()
    smtp_server.handler.fail_next = 5
    with time_machine.travel(T0, tick=False) as traveller:
        outbox.deliver_due()
        traveller.shift(timedelta(hours=1))
        outbox.deliver_due()
        traveller.shift(timedelta(hours=1))
        outbox.deliver_due()
    message.refresh_from_db()
    assert (message.state, message.attempts) == ("failed", 2)
    assert smtp_server.messages == []


def test_a_permanent_refusal_fails_at_once(smtp_server):
    (message,) = queue(to="nobody@example.org")
    smtp_server.handler.refuse.add("nobody@example.org")
    with time_machine.travel(T0, tick=False):
        report = outbox.deliver_due()
    message.refresh_from_db()
    assert report.failed == [message.message_id]
    assert (message.state, message.attempts) == ("failed", 1)
    assert "550" in message.last_error


def test_a_claimed_message_is_not_sent_by_another_worker():
    (message,) = queue()
    with time_machine.travel(T0, tick=False):
        claimed = outbox.claim_next(now=T0, worker_id="a")
        assert claimed.pk == message.pk
        assert outbox.claim_next(now=T0, worker_id="b") is None


def test_a_claimed_message_is_the_row_as_the_orm_reads_it():
    calendar = Attachment(filename="x.ics", content="BEGIN:VCALENDAR", mimetype="text/calendar")
    (message,) = queue(attachments=(calendar,))
    claimed = outbox.claim_next(now=T0 + timedelta(seconds=1), worker_id="a")

    stored = OutboxMessage.objects.get(pk=message.pk)
    for field in OutboxMessage._meta.concrete_fields:
        assert getattr(claimed, field.attname) == getattr(stored, field.attname), field.name
    assert claimed.state == OutboxMessage.State.SENDING
    assert claimed.attempts == 1
    assert claimed.attachments[0]["method"] == ""  # JSON, decoded
    assert claimed.created_at.tzinfo is not None
    assert not claimed._state.adding


class CrashAfterSending(SMTPBackend):
    """Delivers over SMTP, then the process "dies" before the outbox can record the send."""

    deliveries = 0
    crash_after = 0

    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        type(self).deliveries += sent
        if type(self).deliveries == type(self).crash_after:
            raise SystemExit("killed mid-send")
        return sent


def test_a_worker_killed_after_sending_resumes_without_duplicates(smtp_server, settings):
    settings.OUTBOX_LEASE_SECONDS = 300
    settings.EMAIL_BACKEND = f"{__name__}.CrashAfterSending"
    CrashAfterSending.deliveries, CrashAfterSending.crash_after = 0, 3
    queued = queue(6)
    with time_machine.travel(T0, tick=False), pytest.raises(SystemExit):
        outbox.deliver_due(worker_id="first")
    # Message 3 reached the server but was never recorded: it is "sending", not "sent".
    assert sorted(OutboxMessage.objects.values_list("state", flat=True)) == [
        "pending",
        "pending",
        "pending",
        "sending",
        "sent",
        "sent",
    ]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    with time_machine.travel(T0 + timedelta(seconds=10), tick=False):
        report = outbox.deliver_due(worker_id="restarted")
    assert len(report.sent) == 3
    with time_machine.travel(T0 + timedelta(seconds=301), tick=False):
        report = outbox.deliver_due(worker_id="later")
    assert report.uncertain == [queued[2].message_id]
    received = smtp_server.message_ids()
    assert sorted(received) == sorted(m.message_id for m in queued)  # all six, once each
    assert len(received) == len(set(received))
    assert OutboxMessage.objects.get(pk=queued[2].pk).state == "uncertain"


def test_send_again_requeues_an_uncertain_message_with_the_same_message_id(smtp_server):
    (message,) = queue()
    OutboxMessage.objects.filter(pk=message.pk).update(state="uncertain", attempts=1)
    assert outbox.send_again(message=message, now=T0)
    with time_machine.travel(T0, tick=False):
        outbox.deliver_due()
    assert smtp_server.message_ids() == [message.message_id]
    assert not outbox.send_again(message=message, now=T0)  # a sent message stays sent
