"""Clients that open a request through the guide's nginx (deploy/nginx/turnout.conf) and then
stop sending: one address may hold only so many such requests at once (a stalled upload counts
until its body is in), the next gets a clear 429, and nginx lets each stalled one go once its
body has been silent for client_body_timeout; then the address is served again. Together these
bound what a trickling or stalled attacker holds, however slowly it sends."""

import re
import shutil
import socket
import ssl
import time
from pathlib import Path

import httpx
import pytest
from bench.topology import nginx, nginx_path

from tests.reliability.served import Database, free_port, one_event_campaign, served, wait_until

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not nginx_path() or not shutil.which("openssl"),
        reason="needs Debian's nginx and openssl (apt-get install nginx openssl)",
    ),
]

SITE_CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "turnout.conf"


def _setting(pattern: str) -> int:
    """A number from the guide's nginx file, so the test follows what the guide says."""
    return int(re.search(pattern, SITE_CONFIG.read_text(), re.MULTILINE).group(1))


PER_ADDRESS = _setting(r"^\s*limit_conn turnout_per_address (\d+);")
BODY_TIMEOUT = _setting(r"^\s*client_body_timeout (\d+)s;")


def stalled_upload(base: str, path: str) -> ssl.SSLSocket:
    """A POST whose headers and first body bytes are sent, and then nothing more."""
    host, port = base.removeprefix("https://").split(":")
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    connection = context.wrap_socket(
        socket.create_connection((host, int(port)), timeout=10), server_hostname=host
    )
    connection.sendall(
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        "Content-Length: 100000\r\n\r\nname=Sta".encode()
    )
    return connection


def test_stalled_requests_are_limited_per_address_and_let_go_after_the_body_timeout(
    served_database: Database, tmp_path
):
    assert 10 <= PER_ADDRESS <= 1000 and BODY_TIMEOUT <= 60  # the guide bounds both
    database = served_database
    event = database.python(one_event_campaign("stil", "Stille dag"))
    path = f"/en/signups/events/{event}/"
    with served(database, LOG_LEVEL="INFO") as upstream:
        port = upstream.rsplit(":", 1)[1]
        with nginx(
            tmp_path / "nginx", http_port=free_port(), https_port=free_port(),
            upstreams=[f"127.0.0.1:{port}"], startup=60,
        ) as base:  # fmt: skip
            stalled = [stalled_upload(base, path) for _ in range(PER_ADDRESS)]
            try:
                time.sleep(0.5)  # nginx has read every header
                answer = httpx.get(f"{base}/en/campaigns/stil/", verify=False, timeout=10)
                assert answer.status_code == 429
                started = time.monotonic()
                # nginx answers each stalled upload 408 (or just closes it) once its body has
                # been silent for the timeout, and not much later.
                for connection in stalled:
                    connection.settimeout(BODY_TIMEOUT + 20)
                    reply = connection.recv(100)
                    assert reply == b"" or reply.startswith(b"HTTP/1.1 408"), reply
                assert time.monotonic() - started < BODY_TIMEOUT + 20
            finally:
                for connection in stalled:
                    connection.close()
            wait_until(
                lambda: httpx.get(f"{base}/en/campaigns/stil/", verify=False, timeout=10)
                .status_code == 200,
                timeout=10,
                message="the address is served again once its stalled requests are gone",
            )  # fmt: skip
            access_log = (tmp_path / "nginx" / "access.log").read_text()
    served_log = next(database.data_dir.glob("serve-*.log")).read_text()
    assert "GET /en/campaigns/stil/" in served_log  # the server logs what reaches it
    assert f"POST {path}" not in served_log  # no stalled body ever reached the server
    assert '" 429 ' in access_log
    assert database.query("SELECT count(*) FROM signups_signup") == [(0,)]
