"""The outbox's part of /readyz: no email has waited longer than it should (registered with
`turnout.web.health` by this app's AppConfig.ready)."""

from datetime import datetime

from django.conf import settings

from turnout.web.health import Check

from .backlog import oldest_due_since


def outbox_check(*, now: datetime) -> Check:
    limit = settings.READY_OUTBOX_MAX_AGE_SECONDS
    if limit <= 0:
        return Check("outbox", True, "not checked (READY_OUTBOX_MAX_AGE_SECONDS=0)")
    since = oldest_due_since(now=now)
    if since is None:
        return Check("outbox", True, "no email waiting", {"max_age_seconds": limit})
    age = max(0.0, (now - since).total_seconds())
    facts = {"oldest_due_since": since.isoformat(), "age_seconds": round(age, 1)}
    facts["max_age_seconds"] = limit
    if age > limit:
        return Check("outbox", False, "an email has waited too long to be sent", facts)
    return Check("outbox", True, "email is going out", facts)
