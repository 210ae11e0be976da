"""State changes about people: the audit log (roles and privacy requests come with them)."""

from django.db import models

from turnout.web.proxies import current_client_address

from .models import AuditEntry, User


def record_audit(
    *, actor: User | None, action: str, target: models.Model | None = None, summary: str = ""
) -> AuditEntry:
    """Write one audit log entry; call it inside the transaction of the change it records."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        summary=summary,
        client_address=current_client_address(),
    )
