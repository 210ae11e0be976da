"""State changes about people: the audit log (roles and privacy requests come with them)."""

from django.db import models

from turnout.web.proxies import current_client_address

from .models import AuditAction, AuditEntry, User


def record_audit(
    *, actor: User | None, action: str, target: models.Model | None = None, summary: str = ""
) -> AuditEntry:
    """Write one audit log entry; call it inside the transaction of the change it records.

    `action` must be an `AuditAction`: a new kind of entry is declared there, with its label,
    so the log never shows a name nobody can read.
    """
    if action not in AuditAction.values:
        raise ValueError(f"Unknown audit action {action!r}: declare it in AuditAction first.")
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=AuditAction(action),
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        summary=summary,
        client_address=current_client_address(),
    )
