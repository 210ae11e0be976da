"""A delivery run on the database queue looks for more work before it ends.

In a burst, a commit within WAKE_COALESCE_SECONDS of its process's last wake queues no delivery
run, trusting the one that wake asked for to see it; if that run had already ended, the email
waited for the periodic sweep (measured at 11 s in a surge). So a run waits LINGER_SECONDS
for more: longer than the coalescing window, so every email whose wake was skipped is sent
by a run, and still at most once.
"""

import time

import pytest
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend

from turnout.notifications import outbox
from turnout.notifications.composition import Email
from turnout.notifications.models import OutboxMessage
from turnout.notifications.tasks import deliver_outbox

pytestmark = pytest.mark.django_db


def queue(n: int, *, to: str = "") -> list[OutboxMessage]:
    """`n` emails due now."""
    emails = [
        Email(kind="test", to=to or f"person{i}@example.org", language="en",
              subject=f"Message {i}", text=f"Hello {i}", html=f"<p>Hello {i}</p>")
        for i in range(n)
    ]  # fmt: skip
    return [outbox.enqueue(email, now=timezone.now()) for email in emails]


def committed_while_idle(monkeypatch, *, after: int) -> list[OutboxMessage]:
    """Queue one more email at the run's `after`-th idle pause, as a request committing then
    would (its wake skipped: its process asked for a run moments ago)."""
    added: list[OutboxMessage] = []
    pauses = 0
    real_sleep = time.sleep

    def pause(seconds: float) -> None:
        nonlocal pauses
        pauses += 1
        if pauses == after:
            added.extend(queue(1, to="late@example.org"))
        real_sleep(seconds)

    monkeypatch.setattr(outbox.time, "sleep", pause)
    return added


def test_an_email_committed_while_the_run_lingers_is_sent_by_it_once(smtp_server, monkeypatch):
    first = queue(2)
    late = committed_while_idle(monkeypatch, after=3)
    report = outbox.deliver_due(linger=outbox.LINGER_SECONDS)
    sent = [*first, *late]
    assert len(late) == 1
    assert sorted(report.sent) == sorted(m.message_id for m in sent)
    assert sorted(smtp_server.message_ids()) == sorted(m.message_id for m in sent)
    assert outbox.deliver_due().sent == []  # nothing left, nothing sent twice


def test_without_lingering_the_run_ends_at_once_and_leaves_it_to_the_next(smtp_server, monkeypatch):
    queue(1)
    late = committed_while_idle(monkeypatch, after=1)
    started = time.monotonic()
    report = outbox.deliver_due()
    assert time.monotonic() - started < outbox.LINGER_SECONDS
    assert len(report.sent) == 1 and late == []
    assert OutboxMessage.objects.filter(state="pending").count() == 0


def test_the_run_outlasts_the_window_in_which_wakes_are_skipped():
    assert outbox.LINGER_SECONDS > outbox.WAKE_COALESCE_SECONDS
    database_queue = isinstance(deliver_outbox.get_backend(), DatabaseBackend)
    assert outbox.linger_for(deliver_outbox) == (outbox.LINGER_SECONDS if database_queue else 0)
