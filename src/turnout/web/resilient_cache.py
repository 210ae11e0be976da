"""The Redis cache, made to degrade: a Redis that is down or hanging costs a miss, not a request.

Everything Turnout keeps in the cache (whole campaign pages and their events section, the
site's settings, drawn icons) can be rebuilt from the database, so an outage of Redis should
make pages slower, never fail them. Django's RedisCache raises on a refused connection and
waits for as long as the socket lets it on a hung one; this backend

- gives each connection short timeouts (OPTIONS socket_connect_timeout and socket_timeout,
  0.25 s in settings.py), so a hung Redis costs at most that;
- turns a connection error or timeout into a miss: get() returns the default, get_many() an
  empty dict, set(), touch(), delete() and friends do nothing, add() says it stored nothing,
  and incr() raises ValueError as for a key that is not there;
- stops asking Redis for BREAKER_SECONDS after a failure (a circuit breaker), so a dead Redis
  costs one timeout per process every few seconds instead of one per cache call;
- logs one warning when an outage begins and one line when Redis answers again.

Counters in the cache therefore count nothing during an outage: they fail open. That is what a
movement wants on the day of a protest, when signups must keep working. The limits that guard
signups and other public forms do not depend on it: they are counted in the database
(turnout.web.rate_limits) and hold whether Redis is up or not.

What a write that could not reach a Redis which then comes back with its data (it was hung,
not restarted) leaves behind: a whole campaign page whose version was not bumped is served
until it expires (WHOLE_PAGE_CACHE_SECONDS, seconds), and site settings saved meanwhile show
once their cached copy expires (branding's CACHE_SECONDS, ten minutes). The events section's
version is read from the database and is never stale.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What an unreachable or hung Redis raises (socket errors arrive wrapped in these).
OUTAGE = (RedisConnectionError, RedisTimeoutError, OSError)


class Breaker:
    """Whether to ask Redis at all: closed (ask) until a failure, then open for `seconds`.

    Shared by the threads of a process; one warning per outage, however many calls fail."""

    def __init__(self, seconds: float, *, clock=time.monotonic):
        self.seconds = seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._open_until = float("-inf")
        self._outage_since: float | None = None

    def allows(self) -> bool:
        return self._clock() >= self._open_until

    def failed(self, error: Exception) -> None:
        with self._lock:
            now = self._clock()
            self._open_until = now + self.seconds
            if self._outage_since is None:
                self._outage_since = now
                logger.warning(
                    "The Redis cache is unreachable (%s: %s); pages are served without it and "
                    "it is tried again every %s s.",
                    type(error).__name__,
                    error,
                    self.seconds,
                )

    def succeeded(self) -> None:
        if self._outage_since is None:  # the usual case: no lock taken
            return
        with self._lock:
            if self._outage_since is not None:
                logger.warning(
                    "The Redis cache answers again after %.1f s.",
                    self._clock() - self._outage_since,
                )
                self._outage_since = None

    @property
    def in_outage(self) -> bool:
        return self._outage_since is not None


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that turns an outage of Redis into misses (see the module's doc).

    OPTIONS: breaker_seconds (default 5), besides what Django's RedisCache takes (the socket
    timeouts among them)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        breaker_seconds = float(options.pop("breaker_seconds", 5))
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = Breaker(breaker_seconds)

    def _guarded(self, call, fallback):
        if not self.breaker.allows():
            return fallback()
        try:
            result = call()
        except OUTAGE as error:
            self.breaker.failed(error)
            return fallback()
        self.breaker.succeeded()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            lambda: super(ResilientRedisCache, self).add(key, value, timeout, version),
            lambda: False,
        )

    def get(self, key, default=None, version=None):
        return self._guarded(
            lambda: super(ResilientRedisCache, self).get(key, default, version), lambda: default
        )

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._guarded(
            lambda: super(ResilientRedisCache, self).set(key, value, timeout, version), lambda: None
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(
            lambda: super(ResilientRedisCache, self).touch(key, timeout, version), lambda: False
        )

    def delete(self, key, version=None):
        return self._guarded(
            lambda: super(ResilientRedisCache, self).delete(key, version), lambda: False
        )

    def get_many(self, keys, version=None):
        return self._guarded(lambda: super(ResilientRedisCache, self).get_many(keys, version), dict)

    def has_key(self, key, version=None):
        return self._guarded(
            lambda: super(ResilientRedisCache, self).has_key(key, version), lambda: False
        )

    def incr(self, key, delta=1, version=None):
        def missing():
            raise ValueError(f"Key '{key}' not found (the Redis cache is unreachable).")

        return self._guarded(
            lambda: super(ResilientRedisCache, self).incr(key, delta, version), missing
        )

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that failed to be stored.
        return self._guarded(
            lambda: super(ResilientRedisCache, self).set_many(data, timeout, version),
            lambda: list(data),
        )

    def delete_many(self, keys, version=None):
        self._guarded(
            lambda: super(ResilientRedisCache, self).delete_many(keys, version), lambda: None
        )

    def clear(self):
        return self._guarded(lambda: super(ResilientRedisCache, self).clear(), lambda: False)
