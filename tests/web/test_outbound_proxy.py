"""Outbound HTTP through the forward proxy the environment names (HTTP_PROXY, HTTPS_PROXY,
ALL_PROXY, NO_PROXY), under the same deadline and the same refusal of non-public places.

The proxy below is a real one on loopback: it forwards absolute-form requests and tunnels
CONNECT, and records what it was asked."""

import base64
import select
import socket
import threading
import time

import httpx
import pytest

from turnout.web import forward_proxy, outbound

from .certificates import self_signed, tls
from .trickle import read_http_request, serving, trickle, trickling_http

PAGE = b"<html><head><title>Through the proxy</title></head></html>"


def forwarding_proxy(asked: list[bytes]):
    """A forward proxy: absolute-form requests are sent on, CONNECT becomes a tunnel."""

    def handle(connection: socket.socket, stop: threading.Event) -> None:
        request = read_http_request(connection)
        head = request.split(b"\r\n\r\n", 1)[0]
        asked.append(head)
        method, target, _ = head.split(b"\r\n", 1)[0].split(b" ", 2)
        if method == b"CONNECT":
            host, port = target.rsplit(b":", 1)
            upstream = socket.create_connection((host.decode(), int(port)))
            connection.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            _pipe(connection, upstream, stop)
            return
        url = httpx.URL(target.decode())
        upstream = socket.create_connection((url.host, url.port))
        path = url.raw_path
        upstream.sendall(request.replace(target, path, 1))
        _pipe(connection, upstream, stop)

    return handle


def _pipe(client: socket.socket, upstream: socket.socket, stop: threading.Event) -> None:
    with upstream:
        while not stop.is_set():
            ready, _, _ = select.select([client, upstream], [], [], 0.05)
            for side in ready:
                data = side.recv(65536)
                if not data:
                    return
                (upstream if side is client else client).sendall(data)


def fetch(url: str, *, private_addresses: bool = True, deadline: float = 3.0) -> bytes:
    client = outbound.http_client(private_addresses=private_addresses, timeout=10)
    with outbound.overall_deadline(deadline), client:
        with client.stream("GET", url) as response:
            return response.read()


def test_a_request_goes_through_the_proxy_the_environment_names(monkeypatch):
    asked: list[bytes] = []
    with serving(trickling_http(body=PAGE, interval=0)) as site:
        with serving(forwarding_proxy(asked)) as proxy:
            monkeypatch.setenv("HTTP_PROXY", proxy.url)
            assert fetch(f"{site.url}/news?page=2") == PAGE
    assert asked[0].startswith(f"GET {site.url}/news?page=2 HTTP/1.1".encode())
    assert site.connections  # reached, through the proxy only
    assert len(proxy.connections) == 1


def test_https_is_tunnelled_through_the_proxy(monkeypatch):
    asked: list[bytes] = []
    server_context, client_context = self_signed_pair()
    monkeypatch.setattr(outbound, "_verifying_ssl_context", lambda: client_context)
    with serving(tls(trickling_http(body=PAGE, interval=0), server_context)) as site:
        with serving(forwarding_proxy(asked)) as proxy:
            monkeypatch.setenv("https_proxy", f"{proxy.host}:{proxy.port}")  # no scheme: http
            assert fetch(f"https://{site.host}:{site.port}/") == PAGE
    assert asked[0].startswith(f"CONNECT {site.host}:{site.port} HTTP/1.1".encode())


def test_the_proxy_is_given_its_credentials(monkeypatch):
    asked: list[bytes] = []
    with serving(trickling_http(body=PAGE, interval=0)) as site:
        with serving(forwarding_proxy(asked)) as proxy:
            monkeypatch.setenv("ALL_PROXY", f"http://turnout:s%C3%A9cret@{proxy.host}:{proxy.port}")
            assert fetch(site.url) == PAGE
    expected = base64.b64encode("turnout:sécret".encode()).decode()
    assert f"Proxy-Authorization: Basic {expected}".encode().lower() in asked[0].lower()


@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "*", "localhost,127.0.0.1"])
def test_hosts_in_no_proxy_are_reached_directly(monkeypatch, no_proxy):
    asked: list[bytes] = []
    with serving(trickling_http(body=PAGE, interval=0)) as site:
        with serving(forwarding_proxy(asked)) as proxy:
            monkeypatch.setenv("HTTP_PROXY", proxy.url)
            monkeypatch.setenv("NO_PROXY", no_proxy)
            assert fetch(site.url) == PAGE
    assert proxy.connections == [] and asked == []


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:9/", "http://10.1.2.3/admin", "http://[::1]/", "http://localhost/"]
)
def test_a_proxy_does_not_open_the_way_to_private_addresses(monkeypatch, url):
    with serving(forwarding_proxy([])) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        with pytest.raises(httpx.ConnectError, match="not a public address"):
            fetch(url, private_addresses=False)
    assert proxy.connections == []  # refused before the proxy is asked


def test_a_proxy_on_the_operators_own_network_is_allowed(monkeypatch):
    """The proxy itself may be private (it usually is): only the destination is judged."""
    asked: list[bytes] = []
    with serving(forwarding_proxy(asked)) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        # A public address the proxy answers for itself: nothing leaves this machine.
        with pytest.raises(httpx.HTTPError):
            fetch("http://192.0.2.1/", private_addresses=False, deadline=0.5)
    # 192.0.2.0/24 is documentation space, not public: refused before the proxy.
    assert asked == []
    with serving(answering_proxy(asked)) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        assert fetch("http://93.184.215.14/page", private_addresses=False) == PAGE
    assert asked[-1].startswith(b"GET http://93.184.215.14/page HTTP/1.1")


def answering_proxy(asked: list[bytes]):
    def handle(connection: socket.socket, stop: threading.Event) -> None:
        asked.append(read_http_request(connection).split(b"\r\n\r\n", 1)[0])
        length = str(len(PAGE)).encode()
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: " + length + b"\r\n\r\n" + PAGE)

    return handle


def test_a_stalling_proxy_is_cut_off_at_the_deadline(monkeypatch):
    def stalling(connection: socket.socket, stop: threading.Event) -> None:
        read_http_request(connection)
        trickle(
            connection, b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n" + b"x" * 100, stop, 0.1
        )

    with serving(stalling) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        started = time.monotonic()
        with pytest.raises(httpx.TimeoutException):
            fetch("http://127.0.0.1:9/", deadline=1.0)
    assert time.monotonic() - started < 2.0


def test_a_socks_proxy_is_refused_with_a_clear_error(monkeypatch):
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:1080")
    with pytest.raises(forward_proxy.UnsupportedProxy, match="socks5://127.0.0.1 is not supported"):
        fetch("http://127.0.0.1:9/")


def self_signed_pair():
    import tempfile
    from pathlib import Path

    return self_signed(Path(tempfile.mkdtemp()), name="127.0.0.1", alt_name="IP:127.0.0.1")
