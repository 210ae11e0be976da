"""Rate limits for the public forms: attempts per key and hour, shared by every process.

One statement counts all the limits of a request (an upsert with RETURNING, which SQLite 3.35+
and PostgreSQL both run atomically), so a burst spread over several workers or servers cannot
slip past a limit, and a signup pays one round trip for its two limits.
"""

import hashlib
import ipaddress
import math
from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from .models import RateCounter
from .prepared import prepared_cursor

HOUR = 3600


@dataclass(frozen=True)
class Limit:
    """At most `per_window` attempts for `key` within `scope` per `window` seconds (<= 0: none)."""

    scope: str
    key: str
    per_window: int
    window: int = HOUR


@dataclass(frozen=True)
class Limited:
    """A limit was reached; the next attempt may come after `retry_after` seconds."""

    retry_after: int

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after / 60))


def client_address(request) -> str:
    """The client's IP: REMOTE_ADDR, which turnout.web.proxies has set to the real client when
    the request came through a trusted proxy (TRUSTED_PROXIES).

    Never X-Forwarded-For itself: it is whatever the client wants it to be.
    """
    return request.META.get("REMOTE_ADDR", "") or "unknown"


# How much of an address one household, office or phone holds: an attacker there easily has
# every address of it, its neighbours rarely any (an IPv6 subscriber is given a /56 or a /64).
CLIENT_NETWORK_PREFIX = {4: 24, 6: 56}
# What one subscriber holds at will: an IPv4 address (a home's NAT shares it), or the /56 an
# IPv6 provider hands a home; counting one IPv6 address would let a home take a fresh one of
# its billions for every request.
CLIENT_SUBSCRIBER_PREFIX = {4: 32, 6: 56}


def _client_block(request, prefixes: dict[int, int]) -> str:
    try:
        address = ipaddress.ip_address(client_address(request))
    except ValueError:
        return "unknown"
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    network = ipaddress.ip_network(f"{address}/{prefixes[address.version]}", strict=False)
    return str(network.network_address if network.num_addresses == 1 else network)


def client_network(request) -> str:
    """The network the client's address belongs to ("198.51.100.0/24", "2001:db8:0:100::/56"),
    for limits an attacker must not escape by taking the next address of their own."""
    return _client_block(request, CLIENT_NETWORK_PREFIX)


def client_subscriber(request) -> str:
    """The client as the per-client limits of public forms count it: "203.0.113.7", or
    "2001:db8:0:100::/56" for every address of one IPv6 home."""
    return _client_block(request, CLIENT_SUBSCRIBER_PREFIX)


def _digest(scope: str, key: str) -> str:
    return hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()


def hit(*limits: Limit, now: datetime) -> Limited | None:
    """Count one attempt against every limit; return Limited if any of them is now exceeded.

    One statement, in the caller's transaction when there is one (its rows then stay locked
    until that commit: count last), else committed at once (the signup view counts first)."""
    active = [limit for limit in limits if limit.per_window > 0]
    if not active:
        return None
    timestamp = int(now.timestamp())
    rows = {
        (limit.scope, _digest(limit.scope, limit.key), timestamp // limit.window * limit.window): (
            limit
        )
        for limit in active
    }
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    values = ", ".join(["(%s, %s, %s, 1)"] * len(rows))
    with prepared_cursor() as cursor:  # one shape per set of limits: a form's is always the same
        cursor.execute(
            f"INSERT INTO {table} (scope, key_digest, window_start, attempts) VALUES {values} "
            "ON CONFLICT (scope, key_digest, window_start) "
            f"DO UPDATE SET attempts = {table}.attempts + 1 "
            "RETURNING scope, key_digest, window_start, attempts",
            [part for row in rows for part in row],
        )
        counted = cursor.fetchall()
    retry_after = [
        start + limit.window - timestamp
        for scope, digest, start, attempts in counted
        if attempts > (limit := rows[(scope, digest, start)]).per_window
    ]
    return Limited(retry_after=max(retry_after)) if retry_after else None


def forget_past_windows(*, now: datetime, keep_seconds: int = 2 * HOUR) -> int:
    """Delete counters of windows that began over `keep_seconds` ago; return how many."""
    deleted, _ = RateCounter.objects.filter(
        window_start__lt=int(now.timestamp()) - keep_seconds
    ).delete()
    return deleted
