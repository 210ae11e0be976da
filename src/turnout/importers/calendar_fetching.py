"""Getting a calendar feed's bytes: from a URL (http, https, webcal) within one deadline and
a size bound, in UTF-8 when the server declares another character set, or from a local file
within the same bound. A feed that cannot be had raises `FeedUnavailable`, whose message says
why in plain words; reading it is `calendar_feeds`'s."""

import re
from pathlib import Path

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

from turnout.web import outbound

from .calendar_charsets import in_declared_charset
from .calendar_fetch_failures import fetch_failure

MAX_FEED_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT_SECONDS = 20


class FeedUnavailable(Exception):
    """The feed could not be fetched or is not iCalendar; the message says why."""


def fetch_calendar(location: str) -> bytes:
    """The bytes of a feed at a URL (http, https, webcal) or in a local file."""
    if re.match(r"^(https?|webcal)://", location, re.I):
        url = re.sub(r"^webcal://", "https://", location, flags=re.I)
        try:
            with (
                outbound.overall_deadline(FETCH_TIMEOUT_SECONDS),  # for redirects and every read
                outbound.http_client(
                    private_addresses=settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES,
                    timeout=FETCH_TIMEOUT_SECONDS,
                    follow_redirects=True,
                ) as client,
                client.stream("GET", url) as response,
            ):
                response.raise_for_status()
                data = b""
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > MAX_FEED_BYTES:
                        raise FeedUnavailable(_("the feed is larger than 5 MB"))
                return in_declared_charset(data, response.headers.get("content-type", ""))
        except httpx.HTTPError as error:
            raise FeedUnavailable(fetch_failure(error, seconds=FETCH_TIMEOUT_SECONDS)) from error
    path = Path(location)
    if not path.is_file():
        raise FeedUnavailable(_("no such file: %(path)s") % {"path": location})
    if path.stat().st_size > MAX_FEED_BYTES:  # the same bound as a feed fetched
        raise FeedUnavailable(_("the feed is larger than 5 MB"))
    return path.read_bytes()
