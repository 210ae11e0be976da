"""The role's briefing once more before the event, to each person in a role, once.

Signups' reminder is composed once for everyone at an event (signups/mail_merge.py), so it
cannot carry one person's briefing; this is its own email, sent when the event is a day
away (or at once for a role taken later than that).
"""

from datetime import datetime, timedelta

from django.db import transaction

from turnout.campaigns.models import LocalEvent
from turnout.notifications import outbox
from turnout.signups.models import Signup

from . import emails
from .models import RoleAssignment

BRIEFING_BEFORE = timedelta(hours=24)
BATCH = 200


def queue_due_briefings(*, now: datetime) -> int:
    """Write the briefing reminders that are due; marking each in the same transaction as
    its outbox row, so a worker that crashes and runs again sends none twice."""
    queued = 0
    while True:
        with transaction.atomic():
            due = list(
                RoleAssignment.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(
                    state__in=RoleAssignment.IN_ROLE,
                    briefing_reminded_at__isnull=True,
                    signup__state=Signup.State.CONFIRMED,
                    signup__anonymized_at__isnull=True,
                    role__event__status=LocalEvent.Status.APPROVED,
                    role__event__starts_at__gt=now,
                    role__event__starts_at__lte=now + BRIEFING_BEFORE,
                )
                .select_related("role", "role__event", "signup", "signup__event")
                .order_by("pk")[:BATCH]
            )
            for assignment in due:
                outbox.enqueue(
                    emails.role_reminder(assignment, now=now),
                    now=now,
                    dedupe_key=f"role-briefing:{assignment.pk}",
                )
                assignment.briefing_reminded_at = now
                assignment.save(update_fields=["briefing_reminded_at"])
            queued += len(due)
        if len(due) < BATCH:
            return queued
