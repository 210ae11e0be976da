"""Reading the audit log: entries filtered by action or person, for the log page."""

from django.db.models import QuerySet

from .models import AuditAction, AuditEntry


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
    # An action no longer declared (from an older version) shows as it was recorded.
    labels = dict(AuditAction.choices)
    return [(action, str(labels.get(action, action))) for action in actions]
