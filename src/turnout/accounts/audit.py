"""Reading the audit log: entries filtered by action or person, and what each action means."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry

ACTION_LABELS = {
    "role.granted": _("Role granted"),
    "role.revoked": _("Role revoked"),
    "proposal.approved": _("Proposal approved"),
    "proposal.rejected": _("Proposal rejected"),
    "proposal.changes_requested": _("Changes asked of a proposal"),
    "invitation.sent": _("Co-organizer invited"),
    "organizers.messaged": _("Message to organizers"),
    "events.exported": _("Event list exported"),
    "signups.message": _("Message to attendees"),
    "signups.export": _("Attendee list exported"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def audit_entries(*, action: str = "", person: str = "") -> QuerySet[AuditEntry]:
    """Newest first; `person` matches the actor's email or a mention in the details."""
    entries = AuditEntry.objects.select_related("actor").order_by("-created_at", "-pk")
    if action:
        entries = entries.filter(action=action)
    if person:
        entries = entries.filter(actor__email__iexact=person.strip()) | entries.filter(
            summary__icontains=person.strip()
        )
    return entries


def recorded_actions() -> list[tuple[str, str]]:
    """Every action that occurs in the log, with its label, for a filter menu."""
    actions = AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct()
    return [(action, action_label(action)) for action in actions]
