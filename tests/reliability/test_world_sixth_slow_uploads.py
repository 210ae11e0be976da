"""Photo uploads sent a byte at a time through the guide's nginx (deploy/nginx/turnout.conf),
more of them at once than the one `turnout serve` behind it has threads, and then abandoned
half-way: nginx reads each body whole before it passes the request on, so no gunicorn thread
waits on a slow client; the site answers throughout; an abandoned upload never reaches the
application and leaves nothing stored.
"""

import shutil
import socket
import ssl
import threading
import time

import httpx
import pytest
from bench.topology import nginx, nginx_path

from tests.reliability.served import Database, free_port, one_event_campaign, served

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not nginx_path() or not shutil.which("openssl"),
        reason="needs Debian's nginx and openssl (apt-get install nginx openssl)",
    ),
]

THREADS = 2  # gunicorn threads of the one server: fewer than the slow uploads
SLOW_UPLOADS = 6
DECLARED = 200_000  # each upload's Content-Length; none sends more than a sliver of it
BOUNDARY = "----turnout-slow-upload"


def slow_upload(base: str, path: str, stop: threading.Event, sent: list[int]) -> None:
    """POST a multipart photo upload to nginx, a byte every 0.1 s, until `stop`; then hang up
    with the body unfinished."""
    host, port = base.removeprefix("https://").split(":")
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    with (
        socket.create_connection((host, int(port)), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname=host) as connection,
    ):
        connection.sendall(
            f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
            f"Content-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
            f"Content-Length: {DECLARED}\r\n\r\n".encode()
        )
        body = (
            (
                f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="photos"; '
                'filename="plein.jpg"\r\nContent-Type: image/jpeg\r\n\r\n'
            ).encode()
            + b"\xff\xd8\xff\xe0"
            + bytes(DECLARED)
        )
        for byte in body:
            if stop.wait(0.1):
                return  # abandoned: the socket closes mid-body
            connection.sendall(bytes([byte]))
            sent.append(1)


def test_slow_and_abandoned_uploads_through_nginx_hold_no_application_thread(
    served_database: Database, tmp_path
):
    database = served_database
    event = database.python(one_event_campaign("langzaam", "Langzame dag"))
    path = f"/en/photos/event/{event}/"
    with served(database, WEB_THREADS=str(THREADS), LOG_LEVEL="INFO") as upstream:
        port = upstream.rsplit(":", 1)[1]
        with nginx(
            tmp_path / "nginx", http_port=free_port(), https_port=free_port(),
            upstreams=[f"127.0.0.1:{port}"], startup=60,
        ) as base:  # fmt: skip
            stop, sent = threading.Event(), []
            uploads = [
                threading.Thread(target=slow_upload, args=(base, path, stop, sent), daemon=True)
                for _ in range(SLOW_UPLOADS)
            ]
            for upload in uploads:
                upload.start()
            try:
                time.sleep(1)  # every upload under way, each body a few bytes along
                slowest = 0.0
                for _ in range(10):
                    for page in ("/healthz", "/en/campaigns/langzaam/"):
                        answer = httpx.get(f"{base}{page}", verify=False, timeout=10)
                        assert answer.status_code == 200, (page, answer.status_code)
                        slowest = max(slowest, answer.elapsed.total_seconds())
                    time.sleep(0.2)
                assert slowest < 2, slowest
                assert len(sent) > SLOW_UPLOADS * 10  # the uploads were really trickling
            finally:
                stop.set()
                for upload in uploads:
                    upload.join(5)
            time.sleep(0.5)  # nginx notices the hang-ups
            # The site still answers, and none of the unfinished bodies reached the server.
            assert httpx.get(f"{base}/healthz", verify=False, timeout=10).status_code == 200
            served_log = next(database.data_dir.glob("serve-*.log")).read_text()
            access_log = (tmp_path / "nginx" / "access.log").read_text()
    assert "GET /en/campaigns/langzaam/" in served_log  # the server logs what reaches it
    assert f"POST {path}" not in served_log
    assert access_log.count(f"POST {path}") == SLOW_UPLOADS  # each one logged by nginx alone
    assert database.query("SELECT count(*) FROM turnout_media_photo") == [(0,)]
