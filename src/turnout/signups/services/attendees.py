"""What organizers do with their attendees: export, message, mark attendance; all audited."""

import csv
import io
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from turnout.accounts.models import User
from turnout.accounts.services import record_audit
from turnout.campaigns.models import LocalEvent
from turnout.notifications import outbox, signup_emails

from .. import selectors
from ..models import Signup

CSV_COLUMNS = [
    "name",
    "email",
    "phone",
    "state",
    "language",
    "signed_up",
    "confirmed",
    "wants_updates",
]

MAX_SUBJECT = 150
MAX_BODY = 10_000


def _csv_safe(value: str) -> str:
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def export_attendees_csv(*, event: LocalEvent, actor: User, now: datetime) -> str:
    """The event's signups as CSV for its organizers; the export is written to the audit log."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    with transaction.atomic():
        signups = list(selectors.attendees(event))
        for signup in signups:
            writer.writerow(
                [
                    _csv_safe(signup.name),
                    _csv_safe(signup.email),
                    _csv_safe(signup.phone),
                    signup.state,
                    signup.language,
                    signup.created_at.isoformat(),
                    signup.confirmed_at.isoformat() if signup.confirmed_at else "",
                    "yes" if signup.wants_updates else "no",
                ]
            )
        record_audit(
            actor=actor,
            action="signups.export",
            target=event,
            summary=f"Exported {len(signups)} signups as CSV at {now.isoformat()}",
        )
    return buffer.getvalue()


def message_attendees(
    *, event: LocalEvent, actor: User, subject: str, body: str, now: datetime
) -> int:
    """Queue an organizer's message to every confirmed attendee; returns how many."""
    subject, body = subject.strip(), body.strip()
    errors = {}
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
    with transaction.atomic():
        recipients = list(selectors.confirmed_attendees(event).select_related("event"))
        for signup in recipients:
            email = signup_emails.attendee_message(signup, subject=subject, body=body)
            outbox.enqueue(email, now=now)
        record_audit(
            actor=actor,
            action="signups.message",
            target=event,
            summary=f"Message to {len(recipients)} attendees: {subject}",
        )
    return len(recipients)


def mark_attendance(
    *, event: LocalEvent, actor: User, attended_ids: set[int], now: datetime
) -> int:
    """Record who came: checked people become "attended", unchecked ones "confirmed" again."""
    if event.starts_at > now:
        raise ValidationError(_("Attendance can be recorded once the event has started."))
    with transaction.atomic():
        LocalEvent.objects.select_for_update().get(pk=event.pk)
        holders = Signup.objects.select_for_update().filter(
            event=event, state__in=Signup.HOLDS_PLACE, anonymized_at__isnull=True
        )
        came = holders.filter(pk__in=attended_ids).exclude(state=Signup.State.ATTENDED)
        came.update(state=Signup.State.ATTENDED, attended_at=now)
        holders.filter(state=Signup.State.ATTENDED).exclude(pk__in=attended_ids).update(
            state=Signup.State.CONFIRMED, attended_at=None
        )
        attended = Signup.objects.filter(event=event, state=Signup.State.ATTENDED).count()
        record_audit(
            actor=actor,
            action="signups.attendance",
            target=event,
            summary=f"{attended} marked as attended",
        )
    return attended
