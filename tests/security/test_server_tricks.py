"""Header and framing tricks sent as raw bytes to gunicorn (`turnout serve`): 4xx, never 500."""

import socket

import pytest

from tests.reliability.served import served

pytestmark = pytest.mark.slow

BIG_BODY = 3 * 1024 * 1024  # past DATA_UPLOAD_MAX_MEMORY_SIZE
# A valid CSRF pair, so that forms are read rather than refused for a missing token.
CSRF = b"Cookie: csrftoken=" + b"a" * 32 + b"\r\nX-CSRFToken: " + b"a" * 32 + b"\r\n"

TRICKS = {
    "a header longer than the server reads": (
        b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: " + b"a" * 20_000 + b"\r\n\r\n"
    ),
    "hundreds of headers": (
        b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + b"".join(b"X-H%d: 1\r\n" % i for i in range(300))
        + b"\r\n"
    ),
    "an address longer than the server reads": (
        b"GET /en/events/?q=" + b"a" * 10_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    ),
    "a Content-Length that is not a number": (
        b"POST /en/signups/privacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: abc\r\n\r\nemail=x"
    ),
    "a negative Content-Length": (
        b"POST /en/signups/privacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Length: -7\r\n\r\nemail=x"
    ),
    "both Content-Length and chunked (request smuggling)": (
        b"POST /en/signups/privacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /admin/ HTTP/1.1\r\n\r\n"
    ),
    "two different Content-Lengths": (
        b"POST /en/signups/privacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 7\r\n"
        b"Content-Length: 3\r\n\r\nemail=x"
    ),
    "a foreign Host": b"GET /en/ HTTP/1.1\r\nHost: evil.example\r\n\r\n",
    "a malformed request line": b"G@T /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    "an unknown HTTP version": b"GET /en/ HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
    "an oversized form": (
        b"POST /en/signups/privacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + CSRF
        + b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: %d\r\n\r\nemail=" % (BIG_BODY + 6) + b"a" * BIG_BODY
    ),
    "invalid UTF-8 in a form": (
        b"POST /en/signups/privacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + CSRF
        + b"Content-Type: application/x-www-form-urlencoded; charset=utf-8\r\n"
        b"Content-Length: 18\r\n\r\nemail=\xff\xfe@\xc3(.org%ff"
    ),
    "invalid UTF-8 in the address": (
        b"GET /en/events/?near=\xff\xfe%ff&page=\xc3( HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    ),
    "invalid UTF-8 in a header": (
        b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: \xff\xfe\r\n"
        b"Cookie: sessionid=\xff; turnout_embeds=\xfe\r\n\r\n"
    ),
}

# Tricks that are not errors for the server to refuse (a harmless page may be the answer).
MAY_SUCCEED = {"invalid UTF-8 in the address", "invalid UTF-8 in a header"}


def status_of(port: int, raw: bytes) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=20) as connection:
        try:
            connection.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may refuse before the body arrives; its answer still counts
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    status_line = answer.split(b"\r\n", 1)[0]
    assert status_line.startswith(b"HTTP/1."), f"no HTTP answer: {answer[:200]!r}"
    return int(status_line.split()[1])


def test_header_and_framing_tricks_are_refused_by_the_served_application(served_database):
    with served(served_database) as base:
        port = int(base.rsplit(":", 1)[1])
        answers = {name: status_of(port, raw) for name, raw in TRICKS.items()}
    errors = {name: status for name, status in answers.items() if status >= 500}
    assert errors == {}
    refused = {name: status for name, status in answers.items() if name not in MAY_SUCCEED}
    assert all(400 <= status < 500 for status in refused.values()), refused
