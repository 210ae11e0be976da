"""Messages a person writes to many (organizers to attendees, coordinators to organizers):
their limits and the one check of subject and body, with errors a person understands; the
record of each such message and how far its copies got (delivered, waiting, failed and why)."""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Model
from django.utils.translation import gettext_lazy as _

from turnout.web import rate_limits
from turnout.web.text import multi_line, single_line

from . import outbox
from .composition import Email
from .models import OutboxMessage, WrittenMessage

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from turnout.accounts.models import User

MAX_SUBJECT = 150
MAX_BODY = 10_000
# Everyone a message reaches gets a copy each time: sent in a loop, messages about one event
# would mail-bomb all its attendees from the site's address. A few an hour about one event or
# campaign are plenty, whichever of its organizers or coordinators writes them.
MESSAGES_PER_HOUR_ABOUT_ONE = 6


def checked_message(*, subject: str, body: str) -> tuple[str, str]:
    """Subject on one line and body without surrounding blanks; ValidationError per field if
    unusable. A line break in the subject is folded, as a browser's text box would; the body
    keeps its lines but no bidi override or control character (`multi_line`), which would
    turn its words around in every recipient's mail client."""
    subject, body = single_line(subject), multi_line(body).strip()
    errors: dict[str, StrOrPromise] = {}
    if not subject:
        errors["subject"] = _("Write a subject.")
    elif len(subject) > MAX_SUBJECT:
        errors["subject"] = _("Keep the subject under %(max)d characters.") % {"max": MAX_SUBJECT}
    if not body:
        errors["body"] = _("Write a message.")
    elif len(body) > MAX_BODY:
        errors["body"] = _("Keep the message under %(max)d characters.") % {"max": MAX_BODY}
    if errors:
        raise ValidationError(errors)
    return subject, body


def record_written_message(
    *, author: "User | None", about: Model, subject: str, now: datetime
) -> WrittenMessage:
    """Keep a message written to many, in the caller's transaction; enqueue its copies with
    `outbox.enqueue(..., written_message=...)` so that `deliveries` can tell how it went."""
    return WrittenMessage.objects.create(
        author=author if author is not None and author.is_authenticated else None,
        target_type=about._meta.label_lower,
        target_id=str(about.pk),
        subject=subject,
        written_at=now,
    )


def _check_pace(*, about: Model, now: datetime) -> None:
    """ValidationError once MESSAGES_PER_HOUR_ABOUT_ONE were written about `about` this hour.
    Counted in the caller's transaction, whose counter row stays locked until it commits: two
    messages sent at once cannot both pass the limit."""
    key = f"{about._meta.label_lower}:{about.pk}"
    if limited := rate_limits.hit(
        rate_limits.Limit("messages-about", key, MESSAGES_PER_HOUR_ABOUT_ONE), now=now
    ):
        raise ValidationError(
            _(
                "%(count)d messages were sent in the last hour; please wait %(minutes)d minutes"
                " before sending another."
            )
            % {"count": MESSAGES_PER_HOUR_ABOUT_ONE, "minutes": limited.minutes}
        )


Recipient = TypeVar("Recipient")


def write_to_many(
    *,
    author: "User",
    about: Model,
    subject: str,
    body: str,
    recipients: Callable[[], Iterable[Recipient]],
    copy_for: Callable[[Recipient, str, str], Email],
    now: datetime,
) -> WrittenMessage:
    """The one way a person writes to many: check subject and body, keep the record of the
    message and queue `copy_for(recipient, subject, body)` for each of `recipients()`, in one
    transaction (the caller's, when it has one, so its audit entry commits with the copies).
    The recipients are read inside that transaction. Returns the record; its `copies` count."""
    subject, body = checked_message(subject=subject, body=body)
    with transaction.atomic():
        _check_pace(about=about, now=now)
        written = record_written_message(author=author, about=about, subject=subject, now=now)
        for recipient in recipients():
            outbox.enqueue(copy_for(recipient, subject, body), now=now, written_message=written)
    return written


@dataclass(frozen=True)
class FailedCopy:
    to: str
    reason: "StrOrPromise"
    server_answer: str  # the mail server's own words, when it refused


@dataclass(frozen=True)
class Delivery:
    """How far a written message got: copies delivered, waiting, uncertain and failed."""

    message: WrittenMessage
    delivered: int
    waiting: int
    uncertain: int
    failed: list[FailedCopy]

    @property
    def total(self) -> int:
        return self.delivered + self.waiting + self.uncertain + len(self.failed)


def deliveries(*, about: Model, limit: int = 10) -> list[Delivery]:
    """The latest messages written about `about`, newest first, each with its delivery."""
    written = list(
        WrittenMessage.objects.filter(target_type=about._meta.label_lower, target_id=str(about.pk))[
            :limit
        ]
    )
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for row in (
        OutboxMessage.objects.filter(written_message__in=written)
        .values("written_message", "state")
        .annotate(copies=Count("id"))
        .order_by()
    ):
        counts[row["written_message"]][row["state"]] = row["copies"]
    failed: dict[int | None, list[FailedCopy]] = defaultdict(list)
    for copy in OutboxMessage.objects.filter(
        written_message__in=written, state=OutboxMessage.State.FAILED
    ).order_by("to_email"):
        failed[copy.written_message_id].append(
            FailedCopy(
                to=copy.to_email,
                reason=copy.get_failure_display() if copy.failure else _("Not delivered"),
                server_answer=(
                    copy.last_error if copy.failure == OutboxMessage.Failure.REFUSED else ""
                ),
            )
        )
    State = OutboxMessage.State
    return [
        Delivery(
            message=message,
            delivered=counts[message.pk][State.SENT],
            waiting=counts[message.pk][State.PENDING] + counts[message.pk][State.SENDING],
            uncertain=counts[message.pk][State.UNCERTAIN],
            failed=failed[message.pk],
        )
        for message in written
    ]
