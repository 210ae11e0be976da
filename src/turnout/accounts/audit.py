"""Reading the audit log: entries filtered by action or person, and shown in the reader's
language (objects by name, local dates), for the log page."""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.apps import apps
from django.db.models import Model, QuerySet
from django.utils.translation import gettext

from turnout.localization.formatting import format_clock, format_day

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


@dataclass(frozen=True)
class ShownEntry:
    """An entry as the log shows it: its object by name, its details with local times."""

    entry: AuditEntry
    target_name: str
    details: str


# Details written by older code carry timestamps like "at 2026-12-03T14:22:49.123456+00:00".
_ISO_MOMENT = re.compile(
    r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?"
)


def shown_entries(entries: Iterable[AuditEntry]) -> list[ShownEntry]:
    """`entries` with their objects' names (one query per kind of object), in the active
    language: "Protest in Utrecht", or "deleted local event #27" when it is gone."""
    entries = list(entries)
    wanted: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if entry.target_type and entry.target_id:
            wanted[entry.target_type].add(entry.target_id)
    names: dict[tuple[str, str], str] = {}
    models_by_label: dict[str, type[Model] | None] = {}
    for label, ids in wanted.items():
        model = models_by_label[label] = _model(label)
        if model is None:
            continue
        keys = [pk for pk in ids if pk.isdigit()] if _has_integer_key(model) else list(ids)
        for obj in model._default_manager.filter(pk__in=keys):
            names[(label, str(obj.pk))] = str(obj)
    return [
        ShownEntry(
            entry=entry,
            target_name=_target_name(entry, names, models_by_label),
            details=_localized_moments(entry.summary),
        )
        for entry in entries
    ]


def _model(label: str) -> type[Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _has_integer_key(model: type[Model]) -> bool:
    return model._meta.pk.get_internal_type() in {
        "AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField",
    }  # fmt: skip


def _target_name(
    entry: AuditEntry,
    names: dict[tuple[str, str], str],
    models_by_label: dict[str, type[Model] | None],
) -> str:
    if not entry.target_type:
        return ""
    name = names.get((entry.target_type, entry.target_id))
    if name:
        return name
    model = models_by_label.get(entry.target_type)
    kind = str(model._meta.verbose_name) if model is not None else entry.target_type
    return gettext("deleted %(kind)s #%(id)s") % {"kind": kind, "id": entry.target_id}


def _localized_moments(summary: str) -> str:
    def localized(match: re.Match) -> str:
        try:
            moment = datetime.fromisoformat(match.group(0))
        except ValueError:
            return match.group(0)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(UTC)
        return f"{format_day(moment)}, {format_clock(moment)}"

    return _ISO_MOMENT.sub(localized, summary)
