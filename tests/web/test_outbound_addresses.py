"""Outbound HTTP resolves names within its deadline and, unless told otherwise, connects to
public addresses only: every address a name has, checked when connecting (web/outbound.py)."""

import socket
import time

import httpx
import pytest

from turnout.web import outbound

from .certificates import self_signed, tls
from .trickle import serving, trickling_http

PAGE = b"<html><head><title>Hello</title></head></html>"


def get(url: str, *, deadline: float = 2.0, private_addresses: bool = False) -> httpx.Response:
    client = outbound.http_client(private_addresses=private_addresses, timeout=10)
    with outbound.overall_deadline(deadline), client:
        return client.get(url)


def resolving(monkeypatch, answers: dict[str, list[str]], *, delay: float = 0.0) -> None:
    """The system resolver, with `answers` for some names (and a slow server if `delay`)."""
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        time.sleep(delay)
        if host in answers:
            return [
                (socket.AF_INET6 if ":" in address else socket.AF_INET, socket.SOCK_STREAM, 6,
                 "", (address, port)) for address in answers[host]
            ]  # fmt: skip
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.5", "169.254.169.254", "0.0.0.0",
     "100.64.0.1", "224.0.0.1", "::1", "fe80::1%eth0", "fd00::1", "::ffff:127.0.0.1",
     "::ffff:10.0.0.1", "::"],
)  # fmt: skip
def test_addresses_of_private_and_special_networks_are_not_public(address):
    assert not outbound.is_public(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
def test_internet_addresses_are_public(address):
    assert outbound.is_public(address)


def test_this_machine_is_not_fetched_by_address_or_by_name(monkeypatch):
    resolving(monkeypatch, {"rebound.example": ["127.0.0.1"]})
    with serving(trickling_http(body=PAGE, interval=0)) as peer:
        for host in ("127.0.0.1", "localhost", "rebound.example", "[::ffff:127.0.0.1]"):
            with pytest.raises(httpx.ConnectError, match="not a public address"):
                get(f"http://{host}:{peer.port}/")
        time.sleep(0.1)  # let the accept loop notice a connection, were there one
        assert peer.connections == []
        # The same server, for a client that may reach private addresses:
        assert get(f"http://rebound.example:{peer.port}/", private_addresses=True).content == PAGE


def test_a_name_with_one_private_address_among_public_ones_is_refused(monkeypatch):
    resolving(monkeypatch, {"mixed.example": ["93.184.215.14", "10.0.0.7"]})
    with pytest.raises(httpx.ConnectError, match="mixed.example is not a public address"):
        get("http://mixed.example/")


def test_a_redirect_into_a_private_network_is_refused_at_its_hop(monkeypatch):
    def redirect(connection, stop):
        connection.recv(65536)
        connection.sendall(
            b"HTTP/1.1 302 Found\r\nLocation: http://inside.example/\r\nContent-Length: 0\r\n"
            b"Connection: close\r\n\r\n"
        )

    # This machine stands in for a public server; the redirect names a private address.
    monkeypatch.setattr(outbound, "is_public", lambda address: address == "127.0.0.1")
    resolving(monkeypatch, {"outside.example": ["127.0.0.1"], "inside.example": ["10.0.0.7"]})
    with serving(redirect) as peer:
        client = outbound.http_client(timeout=5, follow_redirects=True)
        with outbound.overall_deadline(3), client:
            with pytest.raises(httpx.ConnectError, match="inside.example is not a public"):
                client.get(f"http://outside.example:{peer.port}/")
        assert len(peer.connections) == 1


def test_a_resolver_that_does_not_answer_is_abandoned_at_the_deadline(monkeypatch):
    resolving(monkeypatch, {"slow.example": ["93.184.215.14"]}, delay=3)
    started = time.monotonic()
    with pytest.raises(httpx.ConnectTimeout, match="resolving slow.example"):
        get("http://slow.example/", deadline=0.5)
    assert time.monotonic() - started < 1.5


def test_a_name_that_does_not_resolve_fails_with_its_name(monkeypatch):
    def refuse(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    with pytest.raises(httpx.ConnectError, match="cannot resolve nowhere.example"):
        get("http://nowhere.example/")


def test_https_checks_the_certificate_against_the_name_not_the_address(monkeypatch, tmp_path):
    server, client = self_signed(tmp_path, name="news.example", alt_name="DNS:news.example")
    monkeypatch.setattr(outbound, "_verifying_ssl_context", lambda: client)
    resolving(monkeypatch, {"news.example": ["127.0.0.1"]})
    with serving(tls(trickling_http(body=PAGE, interval=0), server)) as peer:
        url = f"https://news.example:{peer.port}/story"
        assert get(url, private_addresses=True).content == PAGE
