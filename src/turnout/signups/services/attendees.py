"""What organizers do with their attendees: export, message, mark attendance; all audited."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from turnout.accounts.models import User
from turnout.accounts.services import record_audit
from turnout.campaigns.models import LocalEvent
from turnout.notifications.models import WrittenMessage
from turnout.notifications.written_messages import write_to_many
from turnout.web.spreadsheets import csv_text

from .. import emails as signup_emails
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


def export_attendees_csv(*, event: LocalEvent, actor: User, now: datetime) -> str:
    """The event's signups as CSV for its organizers; the export is written to the audit log."""
    with transaction.atomic():
        signups = list(selectors.attendees(event))
        text = csv_text(
            CSV_COLUMNS,
            (
                [
                    signup.name,
                    signup.email,
                    signup.phone,
                    signup.state,
                    signup.language,
                    signup.created_at.isoformat(),
                    signup.confirmed_at.isoformat() if signup.confirmed_at else "",
                    "yes" if signup.wants_updates else "no",
                ]
                for signup in signups
            ),
        )
        record_audit(
            actor=actor,
            action="signups.export",
            target=event,
            summary=f"Exported {len(signups)} signups as CSV at {now.isoformat()}",
        )
    return text


def message_attendees(
    *, event: LocalEvent, actor: User, subject: str, body: str, now: datetime
) -> WrittenMessage:
    """Queue an organizer's message to every confirmed attendee; the record of it counts
    its copies (`written_messages.deliveries`)."""
    with transaction.atomic():
        written = write_to_many(
            author=actor,
            about=event,
            subject=subject,
            body=body,
            recipients=lambda: selectors.messageable_attendees(event).select_related("event"),
            copy_for=lambda signup, subject, body: signup_emails.attendee_message(
                signup, subject=subject, body=body
            ),
            now=now,
        )
        record_audit(
            actor=actor,
            action="signups.message",
            target=event,
            summary=f"Message to {written.copies.count()} attendees: {written.subject}",
        )
    return written


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
        for unticked in holders.filter(state=Signup.State.ATTENDED).exclude(pk__in=attended_ids):
            unticked.event = event  # locked above; read by _state_before_arrival
            undo_arrival(signup=unticked)
        attended = Signup.objects.filter(event=event, state=Signup.State.ATTENDED).count()
        record_audit(
            actor=actor,
            action="signups.attendance",
            target=event,
            summary=f"{attended} marked as attended",
        )
    return attended


def record_arrival(*, signup: Signup, now: datetime) -> bool:
    """Mark one person as attended (the caller holds their row's lock); False if they already
    were. The door (turnout.checkin) decides whom it lets in; this is what arriving means."""
    if signup.state == Signup.State.ATTENDED:
        return False
    signup.state = Signup.State.ATTENDED
    signup.attended_at = now
    signup.save(update_fields=["state", "attended_at"])
    return True


def _state_before_arrival(signup: Signup) -> str:
    """What an arrived person was before: the door checks in anyone by their address, also
    someone who cancelled or never confirmed it, and taking that back must not give them a
    place (and the reminders and organizers' messages) they never held."""
    if signup.source == Signup.Source.WALK_IN:
        return Signup.State.CONFIRMED  # the place they took at the door
    if signup.cancelled_at is not None:  # cleared when they sign up again
        return Signup.State.CANCELLED
    if signup.confirmed_at is None:
        return Signup.State.AWAITING_CONFIRMATION
    # Someone promoted from the waitlist keeps `waitlisted_at` too, but they got a free place:
    # only while the places booked beforehand (not the door's walk-ins) fill the event were
    # they still waiting.
    capacity = signup.event.capacity
    if signup.waitlisted_at is not None and capacity is not None:
        booked = (
            Signup.objects.filter(event_id=signup.event_id, state__in=Signup.HOLDS_PLACE)
            .exclude(source=Signup.Source.WALK_IN)
            .exclude(pk=signup.pk)
            .count()
        )
        if booked >= capacity:
            return Signup.State.WAITLISTED
    return Signup.State.CONFIRMED


def undo_arrival(*, signup: Signup) -> bool:
    """Take back a mistaken arrival (row locked by the caller): a place held stays theirs, as
    unticking them on the attendance page does; False if they were not marked as attended."""
    if signup.state != Signup.State.ATTENDED:
        return False
    signup.state = _state_before_arrival(signup)
    signup.attended_at = None
    signup.save(update_fields=["state", "attended_at"])
    return True
