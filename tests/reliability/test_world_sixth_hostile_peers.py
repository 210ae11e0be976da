"""Pages and feeds that a person links and that lie about themselves: compressed into a "zip
bomb" (once or twice over), a body without end, redirects without end, a Content-Length the
body never reaches, bytes that are not the UTF-8 they claim, a Content-Type that lies, and an
encoding nobody asked for. The press preview (`press.metadata`) and the calendar feed fetch
(`importers.calendar_fetching`) both go through `web.outbound`.

Each ends within its deadline with no details (the press link stays as the person typed it) or
a clear reason (the feed), and none of them makes the process hold more than a few megabytes:
before, 500 bytes of doubly gzipped zeros made httpx unpack all of them in one call.
"""

import gzip
import time
import tracemalloc
import zlib

import pytest

from tests.web.trickle import read_http_request, serving
from turnout.importers import calendar_fetching
from turnout.importers.calendar_fetching import FeedUnavailable, fetch_calendar
from turnout.press.metadata import MAX_REDIRECTS, PageMetadata, fetch_page_metadata

pytestmark = pytest.mark.slow

DEADLINE = 3.0
UNPACKED = 300 * 1024 * 1024  # what the bomb holds: far beyond any limit of ours
MEMORY_LIMIT = 16 * 1024 * 1024  # what reading any of the answers below may take at its peak


def gzipped_zeros(size: int) -> bytes:
    """gzip of `size` zero bytes, made a megabyte at a time (never holding them all)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = bytes(1024 * 1024)
    packed = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(packed) + packer.flush()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return gzipped_zeros(UNPACKED)


def answer(head: bytes, body: bytes):
    """A server answering every request with `head` (status line and headers) and `body`."""

    def handle(connection, stop):
        read_http_request(connection)
        connection.sendall(head + b"\r\n" + body)

    return handle


def html_head(extra: bytes = b"", length: int | None = None, body: bytes = b"") -> bytes:
    size = len(body) if length is None else length
    return (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra
        + b"Content-Length: " + str(size).encode() + b"\r\nConnection: close\r\n"
    )  # fmt: skip


def endless(connection, stop):
    """Chunk after chunk of a page at full speed, for as long as anyone reads."""
    read_http_request(connection)
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    piece = b"<p>" + b"Klimaatstaking " * 4000 + b"</p>"
    chunk = f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    while not stop.is_set():
        connection.sendall(chunk)


def redirecting_forever(connection, stop):
    request = read_http_request(connection)
    path = request.split(b" ", 2)[1]
    connection.sendall(
        b"HTTP/1.1 302 Found\r\nLocation: " + path + b"x\r\nContent-Length: 0\r\n"
        b"Connection: close\r\n\r\n"
    )


def measured(call):
    """`call()`'s result, its seconds and the peak of memory it allocated."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        result = call()
    finally:
        seconds = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return result, seconds, peak


@pytest.fixture
def press(settings):
    settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = True  # the servers below are local
    settings.PRESS_METADATA_TIMEOUT = DEADLINE


def hostile_pages(bomb: bytes) -> dict:
    double = gzip.compress(bomb, 9)
    page = b"<title>Staking voor het klimaat</title>"
    broken_utf8 = b"<html><head><title>Gr\xe8ve \xff\xfe pour le climat</title></head></html>"
    return {
        "a gzip bomb": answer(html_head(b"Content-Encoding: gzip\r\n", body=bomb), bomb),
        "a double gzip bomb": answer(
            html_head(b"Content-Encoding: gzip, gzip\r\n", body=double), double
        ),
        "an endless body": endless,
        "redirects without end": redirecting_forever,
        "a Content-Length never reached": answer(html_head(length=50_000, body=page), page),
        "an encoding not asked for": answer(
            html_head(b"Content-Encoding: br\r\n", body=page), page
        ),
        "an image calling itself a page": answer(
            html_head(body=b"\x89PNG\r\n\x1a\n" + bytes(5000)), b"\x89PNG\r\n\x1a\n" + bytes(5000)
        ),
        "broken UTF-8": answer(html_head(body=broken_utf8), broken_utf8),
    }


HOSTILE = [
    "a gzip bomb", "a double gzip bomb", "an endless body", "redirects without end",
    "a Content-Length never reached", "an encoding not asked for",
    "an image calling itself a page", "broken UTF-8",
]  # fmt: skip


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_hostile_press_page_gives_no_details_soon_and_in_little_memory(hostile, press, bomb):
    with serving(hostile_pages(bomb)[hostile]) as peer:
        metadata, seconds, peak = measured(
            lambda: fetch_page_metadata(f"{peer.url}/nieuws/klimaat")
        )
    assert seconds < DEADLINE + 5, seconds
    assert peak < MEMORY_LIMIT, f"{peak / 2**20:.0f} MiB"
    if hostile == "broken UTF-8":  # read, the broken bytes replaced: still one clean line
        assert metadata.title == "Gr\ufffdve \ufffd\ufffd pour le climat"
    else:  # nothing usable: the link is kept as typed (the endless page's start has no title)
        assert metadata == PageMetadata()
    if hostile == "redirects without end":
        assert len(peer.connections) == MAX_REDIRECTS + 1


def test_a_compressed_page_is_still_read(press):
    page = (
        b'<html lang="de"><head><meta property="og:title" content="Klimastreik in Berlin">'
        b'<meta property="og:site_name" content="Stadtblatt"></head><body>'
        + b"<p>Bericht</p>" * 2000
        + b"</body></html>"
    )
    for encoding, packed in [
        (b"gzip", gzip.compress(page)),
        (b"deflate", zlib.compress(page)),  # the zlib wrapping HTTP names "deflate"
        (b"deflate", zlib.compress(page, wbits=-zlib.MAX_WBITS)),  # the bare kind some send
        (b"gzip", gzip.compress(page[:900]) + gzip.compress(page[900:])),  # two members
    ]:
        head = html_head(b"Content-Encoding: " + encoding + b"\r\n", body=packed)
        with serving(answer(head, packed)) as peer:
            metadata = fetch_page_metadata(f"{peer.url}/artikel")
        assert (metadata.title, metadata.site_name, metadata.language) == (
            "Klimastreik in Berlin",
            "Stadtblatt",
            "de",
        ), encoding


@pytest.fixture
def feeds(monkeypatch, settings):
    monkeypatch.setattr(calendar_fetching, "FETCH_TIMEOUT_SECONDS", DEADLINE)
    settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES = True


@pytest.mark.parametrize("hostile", ["a gzip bomb", "a double gzip bomb", "an endless body"])
def test_a_feed_that_never_ends_is_refused_as_too_large_in_little_memory(hostile, feeds, bomb):
    with serving(hostile_pages(bomb)[hostile]) as peer:
        outcome, seconds, peak = measured(lambda: _refusal(f"{peer.url}/agenda.ics"))
    assert "larger than 5 MB" in outcome
    assert seconds < DEADLINE + 5, seconds
    assert peak < MEMORY_LIMIT + calendar_fetching.MAX_FEED_BYTES * 3, f"{peak / 2**20:.0f} MiB"


def test_a_feed_that_redirects_forever_is_refused_with_a_reason(feeds):
    with serving(redirecting_forever) as peer:
        assert "could not fetch the feed" in _refusal(f"{peer.url}/agenda.ics")


def _refusal(url: str) -> str:
    with pytest.raises(FeedUnavailable) as refused:
        fetch_calendar(url)
    return str(refused.value)
