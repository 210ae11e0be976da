"""Outbound HTTP under an overall deadline: connect, TLS, redirects and every read share one budget.

httpx's timeouts bound each socket operation, so a server that sends one byte a second keeps a
request alive for as long as it likes. Here every connect, read and write on the wire is given
only the time left until the deadline of the `overall_deadline()` block it runs in, and fails
with httpx's own timeout errors once that is spent, so callers handle it like any time-out.

    with outbound.overall_deadline(3.0), outbound.http_client(timeout=3.0) as client:
        with client.stream("GET", url) as response:
            body = response.read()

A request through `http_client()` outside an `overall_deadline()` block is a programming error
and raises RuntimeError. Names are resolved under the deadline too: the operating system's
resolver runs in a helper thread that the request stops waiting for once the time is spent (a
dead DNS server would otherwise hold the caller for resolv.conf's time-outs and retries).

The server fetches addresses that people type (a press link, a calendar feed), so by default a
client connects only to public addresses: every address a name resolves to is checked, on every
redirect, at the moment of connecting, so a DNS answer that changes between a check and the
connection (DNS rebinding) cannot reach the server's own network. `http_client(
private_addresses=True)` is for addresses the operator configured, such as a translation model
on the same machine.

A compressed answer is unpacked a piece at a time as it is read (`unpacking.py`), so a caller's
own limit on the size of a body also bounds the memory its unpacking takes.
"""

import functools
import ipaddress
import socket
import ssl
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import httpcore
import httpx

from .forward_proxy import proxy_for
from .unpacking import ACCEPTED_ENCODINGS, unpacked

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


def http_client(*, private_addresses: bool = False, **kwargs: Any) -> httpx.Client:
    """An httpx.Client whose every request obeys the surrounding `overall_deadline()` and, unless
    `private_addresses`, goes to public addresses only (`NonPublicAddress`).

    A forward proxy named in the environment (`web/forward_proxy.py`) is used through a transport of
    ours, so that the deadline reaches it too; httpx's own handling of the environment is off.
    """
    transport = RoutingTransport(private_addresses=private_addresses)
    return _Client(transport=transport, trust_env=False, **kwargs)


class InvalidAddress(httpx.RequestError):
    """An address no request can be made to (a host IDNA cannot spell, such as "☃.example",
    or an IPv4 address written "0177.0.0.1"): an `httpx.HTTPError` like any other failure.
    httpx's own `InvalidURL` is none, so a caller handling fetch failures would miss it."""


class _Client(httpx.Client):
    def build_request(self, method: str, url: Any, **kwargs: Any) -> httpx.Request:
        # Django's URL validation takes hosts httpx refuses (a snowman, a soft hyphen,
        # full-width letters): such an address is one that cannot be fetched.
        try:
            return super().build_request(method, url, **kwargs)
        except httpx.InvalidURL as error:
            raise InvalidAddress(f"{error}") from error


class RoutingTransport(httpx.BaseTransport):
    """Each request (each redirect too) straight to its server or through the proxy the
    environment names for it; one transport per route, made when first needed."""

    def __init__(self, *, private_addresses: bool) -> None:
        self._private_addresses = private_addresses
        self._routes: dict[str | None, DeadlineTransport] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        proxy = proxy_for(request.url)
        key = None if proxy is None else str(proxy)
        if key not in self._routes:
            self._routes[key] = DeadlineTransport(
                private_addresses=self._private_addresses, proxy=proxy
            )
        # Compressed answers are unpacked by `unpacking`, a piece at a time, never by httpx.
        request.headers["Accept-Encoding"] = ACCEPTED_ENCODINGS
        return unpacked(self._routes[key].handle_request(request))

    def close(self) -> None:
        for transport in self._routes.values():
            transport.close()


class DeadlineTransport(httpx.HTTPTransport):
    """httpx's own transport over a network backend that bounds each operation by the deadline,
    connecting directly or through an HTTP(S) `proxy`."""

    def __init__(self, *, private_addresses: bool = False, proxy: httpx.URL | None = None) -> None:
        ssl_context = _verifying_ssl_context()
        super().__init__(verify=ssl_context)
        # httpx offers no argument for httpcore's network backend, so the pool it built (empty
        # until the first request) is replaced by the same kind of pool over ours.
        if proxy is None:
            backend = _DeadlineBackend(httpcore.SyncBackend(), private_addresses=private_addresses)
            self._pool = httpcore.ConnectionPool(ssl_context=ssl_context, network_backend=backend)
            self._checks_destination = False
            return
        # The proxy is the operator's own and may sit on their network; the destination, which
        # the proxy resolves, is checked here instead (`handle_request`).
        backend = _DeadlineBackend(httpcore.SyncBackend(), private_addresses=True)
        self._pool = httpcore.HTTPProxy(
            proxy_url=httpcore.URL(
                scheme=proxy.raw_scheme, host=proxy.raw_host, port=proxy.port,
                target=proxy.raw_path,
            ),
            proxy_auth=_credentials(proxy),
            ssl_context=ssl_context,
            proxy_ssl_context=ssl_context if proxy.scheme == "https" else None,
            network_backend=backend,
        )  # fmt: skip
        self._checks_destination = not private_addresses

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._checks_destination:
            _check_destination(request)
        return super().handle_request(request)


def _credentials(proxy: httpx.URL) -> tuple[bytes, bytes] | None:
    return (proxy.username.encode(), proxy.password.encode()) if proxy.username else None


def _check_destination(request: httpx.Request) -> None:
    """Refuse a proxied request to a name that resolves to a non-public address. The proxy
    resolves it again, so a name that changes its answer in between (DNS rebinding) is the
    proxy's to refuse: configure it to deny private networks (README, "Behind a proxy")."""
    url = request.url
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        addresses = resolve(url.host, port)
    except httpcore.ConnectTimeout as error:
        raise httpx.ConnectTimeout(str(error), request=request) from error
    except httpcore.ConnectError as error:
        raise httpx.ConnectError(str(error), request=request) from error
    if not all(map(is_public, addresses)):
        message = f"{url.host} is not a public address; it is not fetched"
        raise httpx.ConnectError(message, request=request) from NonPublicAddress(message)


class NonPublicAddress(httpcore.ConnectError):
    """A name that resolves to an address of a private, loopback, link-local or otherwise
    non-public network; httpx raises it as an `httpx.ConnectError` with this message."""


# IPv6 prefixes whose last 32 bits are an IPv4 address a translator delivers to: NAT64's
# well-known prefix (RFC 6052) and the IPv4-compatible form (deprecated, all zeros but those).
# On an IPv6-only network with NAT64, 64:ff9b::a00:1 is 10.0.0.1 and 64:ff9b::7f00:1 is
# the translator's 127.0.0.1, though Python calls both global.
_CARRIES_IPV4 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("::/96"))
# NAT64's local-use prefix (RFC 8215) is the operator's own network, whatever it embeds.
_NAT64_LOCAL_USE = ipaddress.IPv6Network("64:ff9b:1::/48")


def is_public(address: str) -> bool:
    """Whether an IP address is one anybody on the internet can reach (and so one the server may
    be asked to fetch from): not private, loopback, link-local, site-local, reserved or
    multicast, also when written as an IPv4 address inside IPv6 (mapped, NAT64, 6to4,
    IPv4-compatible)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # without an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL_USE or ip.is_site_local:
            return False
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.sixtofour is not None:
            ip = ip.sixtofour
        elif any(ip in network for network in _CARRIES_IPV4):
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.is_global and not ip.is_multicast


# Resolution runs here so that a caller can stop waiting for it; a few threads, since a resolver
# that hangs keeps its thread until the system's own time-outs end it.
_resolver = ThreadPoolExecutor(max_workers=4, thread_name_prefix="outbound-dns")


def resolve(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, in the resolver's order; within the deadline."""
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        return [host]  # an address already: nothing to ask
    except ValueError:
        pass
    pending = _resolver.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        found = pending.result(timeout=_bounded(None, httpcore.ConnectTimeout))
    except FutureTimeout:
        raise httpcore.ConnectTimeout(f"resolving {host} took longer than allowed") from None
    except (OSError, UnicodeError) as error:
        raise httpcore.ConnectError(f"cannot resolve {host}: {error}") from error
    return list(dict.fromkeys(str(info[4][0]) for info in found))


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
    def __init__(self, backend: httpcore.NetworkBackend, *, private_addresses: bool) -> None:
        self._backend = backend
        self._private_addresses = private_addresses

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve(host, port)
        if not self._private_addresses and not all(map(is_public, addresses)):
            raise NonPublicAddress(f"{host} is not a public address; it is not fetched")
        # Each address in turn, as socket.create_connection does; TLS still checks the name.
        last_error: Exception | None = None
        for address in addresses:
            bounded = _bounded(timeout, httpcore.ConnectTimeout)
            try:
                stream = self._backend.connect_tcp(
                    address, port, bounded, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                last_error = error
                continue
            return _DeadlineStream(stream)
        raise last_error or httpcore.ConnectError(f"{host} has no address")

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(min(seconds, seconds_left()))
