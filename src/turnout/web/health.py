"""What /healthz and /readyz report (docs/notifications.md, "Health checks").

Liveness (/healthz) is only "this process answers": it touches nothing, so a database outage
never gets healthy processes restarted. Readiness (/readyz) checks what serving and sending
email need: the database answers, a task worker's heartbeat is fresh, and no email has waited
longer than it should. Each check can be turned off with a threshold of 0; the worker check
does not apply when tasks are not run from the database queue (`TASKS_BACKEND` other than
"database": the immediate backend runs them inline, another backend has its own workers).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import connection

from .heartbeat import latest_heartbeat
from .reconnection import DATABASE_LOST


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    facts: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Readiness:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def as_json(self) -> dict:
        return {
            "status": "ready" if self.ok else "unready",
            "failing": [check.name for check in self.checks if not check.ok],
            "checks": {
                check.name: {"ok": check.ok, "detail": check.detail, **check.facts}
                for check in self.checks
            },
        }


# Checks that apps above `web` add from their AppConfig.ready() (notifications adds the
# outbox's), by name, so that this module imports none of them.
_readiness_checks: dict[str, Callable[..., Check]] = {}


def register_readiness_check(name: str, check: Callable[..., Check]) -> None:
    """Add `check(now=...)` to /readyz after the database and the worker."""
    _readiness_checks[name] = check


def readiness(*, now: datetime) -> Readiness:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = Check("database", True, "reachable")
        added = tuple(check(now=now) for check in _readiness_checks.values())
        return Readiness((database, worker_check(now=now), *added))
    except DATABASE_LOST as error:
        unreachable = Check("database", False, f"unreachable: {type(error).__name__}")
        unknown = "not checked: the database is unreachable"
        names = ("worker", *_readiness_checks)
        return Readiness((unreachable, *(Check(name, False, unknown) for name in names)))


def worker_check(*, now: datetime) -> Check:
    if settings.TASKS_BACKEND != "database":
        detail = f"not applicable: TASKS_BACKEND={settings.TASKS_BACKEND!r} runs no worker here"
        return Check("worker", True, detail)
    limit = settings.READY_WORKER_STALE_SECONDS
    if limit <= 0:
        return Check("worker", True, "not checked (READY_WORKER_STALE_SECONDS=0)")
    heartbeat = latest_heartbeat()
    if heartbeat is None:
        return Check("worker", False, "no worker has reported", {"max_age_seconds": limit})
    age = max(0.0, (now - heartbeat.last_seen).total_seconds())
    facts = {
        "worker_id": heartbeat.worker_id,
        "last_seen": heartbeat.last_seen.isoformat(),
        "age_seconds": round(age, 1),
        "max_age_seconds": limit,
    }
    if age > limit:
        return Check("worker", False, "heartbeat stale: no worker is running", facts)
    return Check("worker", True, "heartbeat fresh", facts)
