"""Outbound HTTP under an overall deadline: connect, TLS, redirects and every read share one budget.

httpx's timeouts bound each socket operation, so a server that sends one byte a second keeps a
request alive for as long as it likes. Here every connect, read and write on the wire is given
only the time left until the deadline of the `overall_deadline()` block it runs in, and fails
with httpx's own timeout errors once that is spent, so callers handle it like any time-out.

    with outbound.overall_deadline(3.0), outbound.http_client(timeout=3.0) as client:
        with client.stream("GET", url) as response:
            body = response.read()

A request through `http_client()` outside an `overall_deadline()` block is a programming error
and raises RuntimeError. Name resolution happens in the operating system's resolver, which has
its own time-outs (resolv.conf), and is not interrupted by the deadline.
"""

import functools
import ssl
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

_deadline: ContextVar[float | None] = ContextVar("outbound_deadline", default=None)

# Writes go out in slices so that each slice, not the whole body, waits at most what is left.
_WRITE_SLICE = 16 * 1024


@contextmanager
def overall_deadline(seconds: float) -> Iterator[None]:
    """Everything `http_client()` sends or receives inside this block ends within `seconds`.

    A block inside another keeps the earlier of the two deadlines.
    """
    deadline = time.monotonic() + seconds
    outer = _deadline.get()
    token = _deadline.set(deadline if outer is None else min(deadline, outer))
    try:
        yield
    finally:
        _deadline.reset(token)


def seconds_left() -> float:
    """Seconds until the current block's deadline (never negative); RuntimeError outside one."""
    deadline = _deadline.get()
    if deadline is None:
        raise RuntimeError("outbound HTTP must run inside outbound.overall_deadline()")
    return max(0.0, deadline - time.monotonic())


def http_client(**kwargs: Any) -> httpx.Client:
    """An httpx.Client whose every request obeys the surrounding `overall_deadline()`.

    Proxies from the environment (HTTP_PROXY and friends) are not used: httpx would open them
    through transports of its own, which the deadline does not reach.
    """
    return httpx.Client(transport=DeadlineTransport(), trust_env=False, **kwargs)


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport over a network backend that bounds each operation by the deadline."""

    def __init__(self) -> None:
        ssl_context = _verifying_ssl_context()
        super().__init__(verify=ssl_context)
        # httpx offers no argument for httpcore's network backend, so the pool it built (empty
        # until the first request) is replaced by the same kind of pool over ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context, network_backend=_DeadlineBackend(httpcore.SyncBackend())
        )


@functools.cache
def _verifying_ssl_context() -> ssl.SSLContext:
    """The certificate authorities, loaded once per process: that takes a fifth of a second."""
    return httpx.create_ssl_context()


def _bounded(timeout: float | None, expired: type[Exception]) -> float:
    left = seconds_left()
    if left <= 0:
        raise expired("the overall deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        for start in range(0, len(buffer), _WRITE_SLICE):
            chunk = buffer[start : start + _WRITE_SLICE]
            self._stream.write(chunk, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        stream = self._backend.connect_tcp(host, port, bounded, local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(min(seconds, seconds_left()))
