"""Title, outlet, date and language of a submitted link, read from the page when reachable.

The server fetches a URL a stranger typed, so it refuses anything but http(s) and, unless
PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES is on, any host that resolves to a private, loopback,
link-local or otherwise non-public address, on every redirect: `check_fetchable` refuses what
the URL itself shows, and the outbound client checks every address it connects to
(`web/outbound.py`), so a DNS answer that changes between the two cannot slip through. Every
failure means "no metadata", never an error for the person submitting.

A fetch runs in the task worker (`press.tasks`), never in a web request, and
PRESS_METADATA_TIMEOUT is its overall deadline: connecting, redirects and every read together.
"""

import logging
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings

from turnout.web import outbound

from .page_reading import PageMetadata, decode_page, parse_metadata

__all__ = ["PageMetadata", "UnsafeURL", "check_fetchable", "fetch_page_metadata"]

logger = logging.getLogger(__name__)

MAX_BYTES = 512 * 1024  # a page's <head> is near its start; no need for the whole article
MAX_REDIRECTS = 4
ALLOWED_SCHEMES = {"http", "https"}
USER_AGENT = "Turnout press-link preview (+https://github.com/turnout)"


class UnsafeURL(ValueError):
    """The URL may not be fetched by the server."""


def check_fetchable(url: str) -> None:
    """Refuse URLs the server should not fetch: other schemes, and hosts that are a non-public
    address or a name for this machine. A name is resolved when connecting, and each of its
    addresses checked then (outbound.NonPublicAddress)."""
    parts = urlsplit(url)
    if parts.scheme not in ALLOWED_SCHEMES or not parts.hostname:
        raise UnsafeURL("only http and https links are fetched")
    if getattr(settings, "PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES", False):
        return
    host = parts.hostname.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):  # RFC 6761: always this machine
        raise UnsafeURL(f"{host} is this machine")
    try:
        public = outbound.is_public(host)
    except ValueError:
        return  # a name
    if not public:
        raise UnsafeURL(f"{host} is not a public address")


def fetch_page_metadata(url: str, *, timeout: float | None = None) -> PageMetadata:
    """Read og:title, og:site_name, <title>, the publication date and language of `url`.

    Gives up, with no metadata, once `timeout` seconds (PRESS_METADATA_TIMEOUT) have passed.
    """
    timeout = settings.PRESS_METADATA_TIMEOUT if timeout is None else timeout
    try:
        html = _fetch_html(url, timeout=timeout)
    except (UnsafeURL, httpx.HTTPError, UnicodeError, ValueError) as error:
        logger.info("no metadata for %s: %s", url, error)
        return PageMetadata()
    return parse_metadata(html)


def _fetch_html(url: str, *, timeout: float) -> str:
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml"}
    # `timeout` is the whole fetch's budget, redirects included: a page that trickles its
    # bytes is cut off when it is spent, not after every slow read.
    with (
        outbound.http_client(
            private_addresses=settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES,
            timeout=timeout,
            follow_redirects=False,
            headers=headers,
        ) as client,
        outbound.overall_deadline(timeout),
    ):
        for _ in range(MAX_REDIRECTS + 1):
            check_fetchable(url)
            with client.stream("GET", url) as response:
                if response.is_redirect:
                    url = urljoin(url, response.headers["location"])
                    continue
                response.raise_for_status()
                if "html" not in response.headers.get("content-type", "text/html"):
                    raise ValueError("not an HTML page")
                body = b""
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) >= MAX_BYTES:
                        break
                return decode_page(body[:MAX_BYTES], response.charset_encoding)
    raise ValueError("too many redirects")
