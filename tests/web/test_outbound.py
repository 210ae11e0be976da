"""Outbound HTTP ends at its overall deadline, however slowly the other server answers."""

import time

import httpx
import pytest

from turnout.web import outbound

from .certificates import self_signed, tls
from .trickle import read_http_request, serving, trickling_http

PAGE = b"<html><head><title>" + b"x" * 400 + b"</title></head></html>"
DEADLINE = 1.0
MARGIN = 1.0  # scheduling slack on a loaded machine; the pages below take a minute


def fetch(url: str, *, deadline: float = DEADLINE, private_addresses: bool = True) -> bytes:
    # A per-read timeout far above the deadline: only the deadline can end a trickle. The
    # servers here are on this machine, so private addresses are allowed but where tested.
    client = outbound.http_client(private_addresses=private_addresses, timeout=10)
    with outbound.overall_deadline(deadline), client:
        with client.stream("GET", url) as response:
            return response.read()


@pytest.mark.parametrize("trickle_head", [False, True], ids=["body", "head"])
def test_a_server_sending_a_byte_at_a_time_is_cut_off_at_the_deadline(trickle_head):
    handler = trickling_http(body=PAGE, interval=0.1, trickle_head=trickle_head)
    with serving(handler) as peer:
        started = time.monotonic()
        with pytest.raises(httpx.TimeoutException):
            fetch(f"{peer.url}/story")  # 40+ seconds of bytes without the deadline
        elapsed = time.monotonic() - started
    assert DEADLINE - 0.1 <= elapsed < DEADLINE + MARGIN


def test_a_prompt_server_is_read_whole():
    with serving(trickling_http(body=PAGE, interval=0)) as peer:
        assert fetch(f"{peer.url}/story") == PAGE


def test_redirects_share_one_budget():
    """Each hop answers within the per-read timeout, but together they exceed the deadline."""

    def handle(connection, stop):
        read_http_request(connection)
        stop.wait(0.4)
        # Connection: close, since this handler closes it: a client reusing it for the next
        # hop would read a reset (seen on a loaded machine) instead of running out of time.
        connection.sendall(
            b"HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\n"
            b"Connection: close\r\n\r\n"
        )

    with serving(handle) as peer:
        started = time.monotonic()
        with (
            outbound.overall_deadline(DEADLINE),
            outbound.http_client(
                private_addresses=True, timeout=10, follow_redirects=True, max_redirects=50
            ) as client,
        ):
            with pytest.raises(httpx.TimeoutException):
                client.get(f"{peer.url}/start")
        assert time.monotonic() - started < DEADLINE + MARGIN
        assert 2 <= len(peer.connections) <= 4


def test_an_inner_block_cannot_extend_the_outer_deadline():
    with outbound.overall_deadline(0.5), outbound.overall_deadline(60):
        assert outbound.seconds_left() <= 0.5


def test_a_request_outside_a_deadline_is_a_programming_error():
    with serving(trickling_http(body=PAGE, interval=0)) as peer:
        client = outbound.http_client(private_addresses=True, timeout=1)
        with client, pytest.raises(RuntimeError):
            client.get(peer.url)


def test_a_deadline_already_spent_fails_before_connecting():
    with serving(trickling_http(body=PAGE, interval=0)) as peer:
        client = outbound.http_client(private_addresses=True, timeout=1)
        with outbound.overall_deadline(0), client:
            with pytest.raises(httpx.ConnectTimeout):
                client.get(peer.url)
        time.sleep(0.1)  # let the accept loop notice a connection, were there one
        assert peer.connections == []


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1, and a client context trusting it."""
    return self_signed(tmp_path_factory.mktemp("tls"), name="127.0.0.1", alt_name="IP:127.0.0.1")


@pytest.mark.parametrize("interval", [0, 0.1], ids=["prompt", "trickling"])
def test_https_is_under_the_same_deadline(certificate, monkeypatch, interval):
    server_context, client_context = certificate
    monkeypatch.setattr(outbound, "_verifying_ssl_context", lambda: client_context)
    with serving(tls(trickling_http(body=PAGE, interval=interval), server_context)) as peer:
        url = f"https://{peer.host}:{peer.port}/story"
        started = time.monotonic()
        if interval:
            with pytest.raises(httpx.TimeoutException):
                fetch(url)
            assert time.monotonic() - started < DEADLINE + MARGIN
        else:
            assert fetch(url) == PAGE
