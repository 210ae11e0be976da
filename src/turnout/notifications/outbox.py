"""The outbox: write emails with the change they report, then deliver them exactly once.

Delivery guarantee (documented in docs/notifications.md):
- A message is written in the transaction of the change it reports, so it exists if and only
  if that change was committed; or it is owed by the changed row and written into the outbox
  by the next delivery run (`register_letter_writer`), with the same guarantee.
- A worker claims a message (state "sending", committed) before talking to the mail server
  and records it as sent right after the server accepted it. Claims use SELECT ... FOR UPDATE
  SKIP LOCKED on PostgreSQL; on SQLite every write transaction is IMMEDIATE, so claims queue.
- A message whose claim is older than OUTBOX_LEASE_SECONDS belonged to a worker that died
  between claiming and recording. The mail server may or may not have accepted it, and SMTP
  offers no way to ask, so it is never resent automatically: it becomes "uncertain" and shows
  in the admin, where a person may send it again (with the same Message-ID, so the copy is
  recognizable as a duplicate). Every other message is delivered exactly once.
- A failed attempt is retried after OUTBOX_RETRY_SECONDS, doubling each time, until
  OUTBOX_MAX_ATTEMPTS. A message no attempt can send fails at once, with the reason
  (`OutboxMessage.Failure`): one the mail server refused with a 5xx answer, or one that cannot
  be made into an email (an invalid address, a header no mail system takes), which is found
  before the server is asked. Failed messages stay visible in the admin, and to the person who
  wrote them when they were written to many (`WrittenMessage`).
"""

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from turnout.web.insert_statements import InsertStatement
from turnout.web.prepared import prepared_cursor

from . import claims
from .composition import Email, sender_domain
from .failures import record_failure
from .mime import Undeliverable, mime_message
from .models import OutboxMessage, WrittenMessage
from .sending_hold import SendingHold

logger = logging.getLogger(__name__)


def enqueue(
    email: Email,
    *,
    now: datetime,
    dedupe_key: str | None = None,
    written_message: WrittenMessage | None = None,
) -> OutboxMessage | None:
    """Write `email` to the outbox in the caller's transaction; None if already queued.

    `written_message`: the message a person wrote to many that this email is a copy of.
    """
    try:
        # A savepoint only where a duplicate is expected, so that it can be told from an error
        # without undoing the caller's transaction; each costs a round trip to the database.
        with transaction.atomic(savepoint=dedupe_key is not None):
            message = _row(email, now=now, dedupe_key=dedupe_key)
            message.written_message = written_message
            message.save(force_insert=True)
    except IntegrityError:
        if dedupe_key and OutboxMessage.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    wake_worker_on_commit()
    return message


def enqueue_many(emails: Sequence[tuple[Email, str | None]], *, now: datetime) -> int:
    """Write many `(email, dedupe_key)` in the caller's transaction with one INSERT per
    thousand; those whose key is already queued are left out. Returns how many were written."""
    if not emails:
        return 0
    rows = [_row(email, now=now, dedupe_key=key) for email, key in emails]
    if all(key is None for _, key in emails):
        # Nothing to leave out (Message-IDs are random): the count needs no query.
        OutboxMessage.objects.bulk_create(rows, batch_size=1000)
        count = len(rows)
    else:
        OutboxMessage.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
        written = OutboxMessage.objects.filter(message_id__in=[row.message_id for row in rows])
        count = written.count()
    if count:
        wake_worker_on_commit()
    return count


# The outbox row's INSERT, composed once per database (web/insert_statements.py).
_OUTBOX_ROW = InsertStatement(OutboxMessage)
OutboxRow = list  # one row's values, as `outbox_rows` gives them


def outbox_rows(emails: Sequence[Email], *, now: datetime) -> list[OutboxRow]:
    """The values of each email's outbox row, for `write_rows`: composed before a write
    transaction, so that its lock (on SQLite, the database's one) is held only to run the
    statement. For the letters a surge owes, written a few at a time every few milliseconds
    (a fan-out of thousands keeps `enqueue_many`'s multi-row INSERT)."""
    return [_OUTBOX_ROW.values(_row(email, now=now, dedupe_key=None)) for email in emails]


def write_rows(rows: Sequence[OutboxRow]) -> int:
    """Write rows `outbox_rows` gave, in the caller's transaction; how many."""
    _OUTBOX_ROW.insert_many(rows)
    if rows:
        wake_worker_on_commit()
    return len(rows)


def _row(email: Email, *, now: datetime, dedupe_key: str | None) -> OutboxMessage:
    return OutboxMessage(
        message_id=OutboxMessage.new_message_id(sender_domain()),
        dedupe_key=dedupe_key,
        kind=email.kind,
        to_email=email.to,
        reply_to=email.reply_to,
        unsubscribe_url=email.unsubscribe_url,
        language=email.language,
        subject=email.subject,
        body_text=email.text,
        body_html=email.html,
        attachments=[asdict(attachment) for attachment in email.attachments],
        next_attempt_at=now,
        created_at=now,
    )


def wake_worker_on_commit() -> None:
    """Ask for a delivery run once the transaction commits (once per transaction): for a
    message written to the outbox, or a letter owed (`register_letter_writer`)."""
    if any(entry[1] is _wake_worker for entry in connection.run_on_commit):
        return
    # robust: failing to queue the task must not fail the request; the worker's periodic
    # sweep delivers the message anyway.
    transaction.on_commit(_wake_worker, robust=True)


# With the database queue, a delivery task this process queued or found waiting less than
# this long ago is taken to be still waiting: in a surge of signups every commit would
# otherwise ask the database (a query after each commit, measured at 8 % of a signup's time).
# If that task had already run to its end before this commit, the message waits for the
# worker's periodic sweep (every 30 s, notifications/apps.py): later, never lost, never sent
# twice. Other queues take a task without asking the database, and are asked every time.
WAKE_COALESCE_SECONDS = 0.5
_last_wake = float("-inf")


# After a failed wake (a queue on a Redis that is down or hangs), the next wakes in this
# process are skipped for this long: each would cost a request its connection timeout, and
# the worker's sweep sends the messages once the queue is back.
WAKE_PAUSE_AFTER_FAILURE_SECONDS = 5.0
_last_failed_wake = float("-inf")

# So a delivery run on the database queue looks for more work this long before it ends: a
# commit within WAKE_COALESCE_SECONDS of its process's last wake asks for no run of its own,
# trusting the run that wake queued (or found waiting) to see it. Without this, the last emails
# of a burst could wait for the periodic sweep (up to 30 s; 11 s was measured in a surge).
LINGER_SECONDS = WAKE_COALESCE_SECONDS + 0.1
# How often a lingering run looks: an email waits at most this much longer. As often as a
# sending run writes the letters owed meanwhile (LETTERS_EVERY_SECONDS): at 50 ms a surge's
# last letters waited 25 ms on average for the look, and a look (a few fixed statements on
# partial indexes, web/prepared.py) costs well under a millisecond.
IDLE_LOOK_SECONDS = 0.02


def _wake_worker() -> None:
    global _last_wake, _last_failed_wake
    from .tasks import deliver_outbox

    started = time.monotonic()
    if _uses_database_queue(deliver_outbox):
        if started - _last_wake < WAKE_COALESCE_SECONDS:
            return
        _last_wake = started
        if _delivery_waiting_in_queue(deliver_outbox):
            return  # it starts after this commit, so it sends this message too
    elif started - _last_failed_wake < WAKE_PAUSE_AFTER_FAILURE_SECONDS:
        return
    try:
        deliver_outbox.enqueue()
    except Exception:
        _last_failed_wake = time.monotonic()
        raise  # on_commit(robust=True) logs it; the request goes on


def linger_for(task) -> float:
    """How long a delivery run of `task` waits for more work before it ends (LINGER_SECONDS
    on the database queue, whose wakes are coalesced; none elsewhere)."""
    return LINGER_SECONDS if _uses_database_queue(task) else 0.0


def _uses_database_queue(task) -> bool:
    from django_tasks_db.backend import DatabaseBackend

    return isinstance(task.get_backend(), DatabaseBackend)


def _delivery_waiting_in_queue(task) -> bool:
    """Whether a delivery task is queued and not started yet (the database queue only).

    In a signup surge every commit would otherwise add a task row (measured: a fifth of a
    signup's time on SQLite) that then finds nothing left to send.
    """
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.ready().filter(task_path=task.module_path).exists()


# Functions that write letters owed by rows of apps above this one into the outbox (each in
# its own transaction, at most `limit` at a time) and return how many they wrote: the
# signups' confirmation emails are owed by the signup row, so that the request that signs
# someone up neither composes an email nor writes a second row (signups/owed_letters.py).
LetterWriter = Callable[..., int]
_letter_writers: list[LetterWriter] = []
# Each writer's SQL condition, true when it may have something to write: a delivery run asks
# them all in one statement every LETTERS_EVERY_SECONDS, and calls the writers only then.
_owed_conditions: list[str] = []
LETTERS_AT_A_TIME = 200
# How often a delivery run looks for letters owed meanwhile: a surge's emails are written
# within this of the request that owes them (one query on a partial index when none are owed;
# on SQLite the letters are composed outside the write lock, so a batch holds it briefly).
LETTERS_EVERY_SECONDS = 0.02


def register_letter_writer(writer: LetterWriter, *, owed: str) -> None:
    """`writer(now=..., limit=...)` runs at the start of every delivery run, and whenever it
    looks for letters owed meanwhile, if `owed` (an SQL condition on its own table, such as
    `rows_waiting(model)`) is true."""
    if writer not in _letter_writers:
        _letter_writers.append(writer)
        _owed_conditions.append(f"({owed})")


def rows_waiting(model: type[models.Model]) -> str:
    """The `owed` condition of a writer that answers the rows of `model` (answer_requests)."""
    return f"EXISTS (SELECT 1 FROM {model._meta.db_table})"


def _writers_owing() -> list[LetterWriter]:
    """The writers that may have a letter to write, asked in one fixed statement whatever
    their number (each writer asked apart was a round trip each, every few milliseconds)."""
    if not _owed_conditions:
        return []
    with prepared_cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(_owed_conditions)}")
        owing = cursor.fetchone()
    return [writer for writer, owes in zip(_letter_writers, owing, strict=True) if owes]


def answer_requests(model: type[models.Model], answer: Callable, *, limit: int) -> int:
    """For letter writers: answer up to `limit` waiting request rows of `model`, oldest first
    (`answer(row)` enqueues an email, or nothing), and delete them in the same transaction;
    how many were answered. The rows are what a request wrote instead of composing the email
    itself, so that its work does not depend on who the address belongs to."""
    if not _any_row(model):  # the usual case: one look, no write lock taken
        return 0
    with transaction.atomic():
        rows = model._default_manager.select_for_update(skip_locked=True).order_by("pk")
        waiting = list(rows[:limit])
        for row in waiting:
            answer(row)
        model._default_manager.filter(pk__in=[row.pk for row in waiting]).delete()
    return len(waiting)


def _any_row(model: type[models.Model]) -> bool:
    """Whether `model`'s table has a row, asked as a fixed statement: a delivery run asks
    every few milliseconds in a surge, and the ORM's `exists()` cost a batch more to build
    than to run."""
    with prepared_cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {model._meta.db_table} LIMIT 1")
        return cursor.fetchone() is not None


def write_owed_letters(*, now: datetime | None = None) -> int:
    """Write every letter owed into the outbox; how many. Delivery runs do it first."""
    written = 0
    for writer in _writers_owing():
        while True:
            count = writer(now=now or timezone.now(), limit=LETTERS_AT_A_TIME)
            written += count
            if count < LETTERS_AT_A_TIME:
                break
    return written


@dataclass
class DeliveryReport:
    sent: list[str] = field(default_factory=list)
    retried: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    uncertain: list[str] = field(default_factory=list)


def deliver_due(
    *, worker_id: str = "", limit: int | None = None, linger: float = 0.0
) -> DeliveryReport:
    """Send every message that is due, one claim at a time, over one mail connection; then
    look for more for `linger` seconds (owed letters and due messages) before ending.

    A message the server accepted is recorded as sent in the same transaction that claims the
    next one: one commit per message instead of two, with the same guarantee (until that
    commit it is "sending", which a dead worker leaves for `flag_abandoned_claims`).
    """
    report = DeliveryReport()
    hold = SendingHold()
    hold.letters_written(write_owed_letters())
    letters_due_at = time.monotonic() + LETTERS_EVERY_SECONDS
    report.uncertain = flag_abandoned_claims(now=timezone.now())
    mail = None
    accepted: OutboxMessage | None = None  # sent, not yet recorded
    try:
        while limit is None or len(report.sent) + len(report.retried) + len(report.failed) < limit:
            if time.monotonic() >= letters_due_at:
                # A long run (a surge's hundreds of emails) does not keep the letters owed
                # meanwhile waiting for its end.
                hold.letters_written(write_owed_letters())
                letters_due_at = time.monotonic() + LETTERS_EVERY_SECONDS
            if hold.holding():  # a surge on SQLite: its letters first (sending_hold.py)
                if accepted is not None:
                    claims.record_sent(accepted.pk, now=timezone.now())
                    accepted = None
                time.sleep(max(0.0, letters_due_at - time.monotonic()))
                continue
            message = claim_next(now=timezone.now(), worker_id=worker_id, sent=accepted)
            accepted = None
            if message is None:
                if not _work_turns_up(within=linger):
                    break
                continue
            try:
                email = mime_message(message)
            except Undeliverable as error:
                _report_failure(report, message, error)  # fails at once; the server is not asked
                continue
            if mail is None:
                try:
                    mail = get_connection(fail_silently=False)
                    mail.open()
                except Exception as error:  # noqa: BLE001 - the mail server cannot be reached
                    # Nothing was sent: this message is retried with back-off, and the run
                    # ends, since every other message would fail the same way now.
                    mail = None
                    _report_failure(report, message, error)
                    break
            try:
                mail.send_messages([email])
            except Exception as error:  # noqa: BLE001 - any failure is recorded and retried
                mail.close()
                mail = None
                _report_failure(report, message, error)
                continue
            accepted = message
            report.sent.append(message.message_id)
    finally:
        if accepted is not None:
            claims.record_sent(accepted.pk, now=timezone.now())
        if mail is not None:
            mail.close()
    return report


def _work_turns_up(*, within: float) -> bool:
    """Whether an owed letter or a due message turns up within `within` seconds, looked for
    every IDLE_LOOK_SECONDS by reading only: a claim takes SQLite's one write lock, which every
    signup then waits for."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        time.sleep(IDLE_LOOK_SECONDS)
        if write_owed_letters() or _any_due():
            return True
    return False


def _any_due() -> bool:
    with prepared_cursor() as cursor:
        cursor.execute(_ANY_DUE, [connection.ops.adapt_datetimefield_value(timezone.now())])
        return cursor.fetchone() is not None


# What the claim asks first, read only; its index (outbox_due_idx) serves it.
_ANY_DUE = (
    f"SELECT 1 FROM {OutboxMessage._meta.db_table}"
    " WHERE state = 'pending' AND next_attempt_at <= %s LIMIT 1"
)


def _report_failure(report: DeliveryReport, message: OutboxMessage, error: Exception) -> None:
    state = record_failure(message, error=error, now=timezone.now())
    target = report.failed if state == OutboxMessage.State.FAILED else report.retried
    target.append(message.message_id)


def claim_next(
    *, now: datetime, worker_id: str = "", sent: OutboxMessage | None = None
) -> OutboxMessage | None:
    """Take the next due message for this worker; no other worker gets it.

    `sent`, the message this worker delivered last, is recorded in the same transaction.
    """
    return claims.claim_next_due(
        now=now, worker_id=worker_id, sent_id=sent.pk if sent is not None else None
    )


def flag_abandoned_claims(*, now: datetime) -> list[str]:
    """Mark messages claimed longer ago than the lease as uncertain; never resend them."""
    cutoff = now - timedelta(seconds=settings.OUTBOX_LEASE_SECONDS)
    with transaction.atomic():
        stuck = OutboxMessage.objects.filter(
            state=OutboxMessage.State.SENDING, claimed_at__lt=cutoff
        )
        ids = list(stuck.values_list("message_id", flat=True))
        stuck.update(
            state=OutboxMessage.State.UNCERTAIN,
            last_error="The worker stopped while sending; the mail server may have it.",
        )
    return ids


def send_again(*, message: OutboxMessage, now: datetime) -> bool:
    """Queue an uncertain or failed message once more, on a person's decision."""
    updated = OutboxMessage.objects.filter(
        pk=message.pk,
        state__in=[OutboxMessage.State.UNCERTAIN, OutboxMessage.State.FAILED],
    ).update(state=OutboxMessage.State.PENDING, attempts=0, failure="", next_attempt_at=now)
    if updated:
        wake_worker_on_commit()
    return bool(updated)
