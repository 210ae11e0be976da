"""The real client behind reverse proxies: X-Forwarded-For and X-Forwarded-Proto, believed only
from the proxies named in TRUSTED_PROXIES.

Anyone can send these headers, so a hop is believed only when the machine that added it is
trusted: X-Forwarded-For is read from the right (each proxy appends the address it saw) past
trusted hops, and the first address that is not a trusted proxy is the client. The middleware
puts that address in REMOTE_ADDR, so rate limits, the audit log and everything else read one
answer; the peer the server saw stays in TURNOUT_PROXY_PEER. X-Forwarded-Host is never
believed: the proxy passes the Host header on, and ALLOWED_HOSTS checks it.
"""

import ipaddress
from collections.abc import Callable, Iterable
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponseBase

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

PEER_KEY = "TURNOUT_PROXY_PEER"
FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"
FORWARDED_PROTO = "HTTP_X_FORWARDED_PROTO"


def trusted_networks(entries: Iterable[str]) -> tuple[Network, ...]:
    """TRUSTED_PROXIES as networks (an address is a network of one); refuse anything else."""
    networks = []
    for entry in entries:
        try:
            # strict=False: 10.1.2.3/8 means the network 10.0.0.0/8 the address belongs to.
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is not an IP address or network; give addresses "
                "or networks separated by commas, for example 127.0.0.1,10.0.0.0/8,::1"
            ) from None
    return tuple(networks)


def parse_address(text: str) -> Address | None:
    """An address as proxies write it (192.0.2.1, 192.0.2.1:443, [2001:db8::1]:443); None if
    it is none. An IPv4 address seen over IPv6 (::ffff:192.0.2.1) counts as the IPv4 one."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_in(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_hop(
    *, peer: str, forwarded_for: str, networks: tuple[Network, ...]
) -> tuple[Address, int | None] | None:
    """The real client and its position in X-Forwarded-For (None: the peer itself), or None
    when the peer is not a trusted proxy and nothing it forwarded may be believed."""
    peer_address = parse_address(peer)
    if peer_address is None or not _is_in(peer_address, networks):
        return None
    hops = forwarded_for.split(",") if forwarded_for.strip() else []
    client, position = peer_address, None
    for index in range(len(hops) - 1, -1, -1):
        address = parse_address(hops[index])
        if address is None:
            # A trusted proxy passed on something that is no address: the client is the last
            # machine we can vouch for, never a string the client may have chosen.
            break
        client, position = address, index
        if not _is_in(address, networks):
            break
    return client, position


def forwarded_scheme(proto: str, *, hops: int, position: int | None) -> str:
    """Which X-Forwarded-Proto value speaks for the client: proxies that append give one value
    per hop, aligned with X-Forwarded-For; otherwise the nearest proxy's (rightmost) value."""
    values = [value.strip().lower() for value in proto.split(",")]
    if position is not None and len(values) == hops:
        return values[position]
    return values[-1]


def believe_trusted_proxies(meta: dict, networks: tuple[Network, ...]) -> None:
    """Rewrite a request's META so REMOTE_ADDR is the real client and X-Forwarded-Proto is
    present only as a trusted proxy said it."""
    if not networks:
        return  # no proxy trusted: REMOTE_ADDR is the client (SECURE_PROXY_SSL_HEADER as set)
    peer = meta.get("REMOTE_ADDR", "")
    forwarded_for = meta.get(FORWARDED_FOR, "")
    found = client_hop(peer=peer, forwarded_for=forwarded_for, networks=networks)
    if found is None:
        meta.pop(FORWARDED_PROTO, None)  # a client claiming https for itself
        return
    client, position = found
    meta[PEER_KEY] = peer
    meta["REMOTE_ADDR"] = str(client)
    if proto := meta.get(FORWARDED_PROTO):
        hops = len(forwarded_for.split(",")) if forwarded_for.strip() else 0
        meta[FORWARDED_PROTO] = forwarded_scheme(proto, hops=hops, position=position)


# The client of the request this thread or task is serving, for records written deep inside
# services (the audit log) that are not handed the request; None outside a request.
_client_address: ContextVar[str | None] = ContextVar("turnout_client_address", default=None)


def current_client_address() -> str | None:
    """The real client address of the request being served, or None (a command, a task)."""
    return _client_address.get()


class TrustedProxiesMiddleware:
    """First in MIDDLEWARE: everything after it (the HTTPS redirect, rate limits, the audit
    log) sees the real client and scheme."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.networks = trusted_networks(settings.TRUSTED_PROXIES)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        believe_trusted_proxies(request.META, self.networks)
        token = _client_address.set(request.META.get("REMOTE_ADDR") or None)
        try:
            return self.get_response(request)
        finally:
            _client_address.reset(token)
