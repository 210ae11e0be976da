"""Public pages read from a PostgreSQL read replica, when one is configured.

A protest day's crowd reads (the campaign page, the event list, an event's page) far more
than it writes, and a streaming replica can take those reads off the primary. With
`DATABASE_REPLICA_URL` set, settings add the `replica` database, this router and this
middleware; without it nothing here runs.

Who reads the replica: a GET or HEAD of a visitor without a session (nobody signed in, no
organizer, no admin) who has not just sent a form. Everything else, and every write, uses the
primary; so does all background work (the worker never enters a request). A replica lags its
primary by a moment, so a form's answer pins its sender to the primary for
`DATABASE_REPLICA_PIN_SECONDS` (a cookie), and the page that follows a signup or a proposal
shows what was just written. A replica that cannot be reached costs its readers nothing: the
request reads the primary, and the replica is left alone for `_RESTING_SECONDS`.
"""

import logging
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

REPLICA = "replica"
PIN_COOKIE = "turnout_primary"
_SAFE_METHODS = frozenset({"GET", "HEAD"})
# Health and metrics report on the primary, which is what the operator asks about.
_PRIMARY_PATHS = ("/healthz", "/readyz", "/metrics", "/admin/")
_RESTING_SECONDS = 10.0  # after the replica failed to answer, before it is asked again

_reading_replica: ContextVar[bool] = ContextVar("reading_replica", default=False)
_resting_until = 0.0
_resting = threading.Lock()


class ReplicaRouter:
    """Reads go to the replica inside a request that may read it; writes never do."""

    def db_for_read(self, model, **hints) -> str | None:
        return REPLICA if _reading_replica.get() else None

    def db_for_write(self, model, **hints) -> str | None:
        return None  # the primary ("default")

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db != REPLICA  # the replica follows the primary's schema by itself


def may_read_replica(request: HttpRequest) -> bool:
    """Whether this request may be answered from the replica (see the module's docstring)."""
    return (
        request.method in _SAFE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and PIN_COOKIE not in request.COOKIES
        and not request.path.startswith(_PRIMARY_PATHS)
    )


def _replica_answers() -> bool:
    """Open (or keep) the replica's connection; on failure read the primary for a while."""
    global _resting_until
    if time.monotonic() < _resting_until:
        return False
    try:
        connections[REPLICA].ensure_connection()
    except DatabaseError:
        with _resting:
            _resting_until = time.monotonic() + _RESTING_SECONDS
        logger.warning("The read replica does not answer; public pages read the primary")
        return False
    return True


class ReadReplicaMiddleware:
    """Routes a request's reads (ReplicaRouter) and pins a form's sender to the primary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        replica = may_read_replica(request) and _replica_answers()
        token = _reading_replica.set(replica)
        try:
            response = self.get_response(request)
        finally:
            _reading_replica.reset(token)
        if request.method not in _SAFE_METHODS:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                secure=request.is_secure(),
                httponly=True,
                samesite="Lax",
            )
        return response
