"""Getting a calendar feed's bytes: from a URL (http, https, webcal) within one deadline and
a size bound, in UTF-8 when the server declares another character set, or from a local file
within the same bound. A feed that cannot be had raises `FeedUnavailable`, whose message says
why in plain words; reading it is `calendar_feeds`'s.

A registered feed is asked whether it changed since the version read last (RFC 9110's
If-None-Match and If-Modified-Since): a server that says it has not spares both sides the
download and the reading."""

import re
from dataclasses import dataclass
from pathlib import Path

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

from turnout.web import outbound

from .calendar_charsets import in_declared_charset
from .calendar_fetch_failures import fetch_failure

MAX_FEED_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT_SECONDS = 20
# An ETag or date longer than this, or with other than printable ASCII, is not kept: it is
# sent back in a header, and the columns that keep them are this long.
MAX_VALIDATOR_LENGTH = 200


class FeedUnavailable(Exception):
    """The feed could not be fetched or is not iCalendar; the message says why."""


@dataclass(frozen=True)
class FeedVersion:
    """What a server said names the version of the feed it sent: its ETag, its Last-Modified."""

    etag: str = ""
    last_modified: str = ""

    def asking(self) -> dict[str, str]:
        """The headers asking for the feed only if it is no longer this version."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class FetchedFeed:
    data: bytes | None  # None: the server said the feed is still the version asked about
    version: FeedVersion


def fetch_calendar(location: str) -> bytes:
    """The bytes of a feed at a URL (http, https, webcal) or in a local file."""
    data = fetch_if_changed(location, since=None).data
    assert data is not None  # nothing was asked about, so nothing can be "unchanged"
    return data


def fetch_if_changed(location: str, *, since: FeedVersion | None) -> FetchedFeed:
    """The feed at `location` with the version its server names; without its bytes when the
    server says it is still the version `since`."""
    if not re.match(r"^(https?|webcal)://", location, re.I):
        return FetchedFeed(_local_file(location), FeedVersion())
    url = re.sub(r"^webcal://", "https://", location, flags=re.I)
    asking = since.asking() if since is not None else {}
    try:
        with (
            outbound.overall_deadline(FETCH_TIMEOUT_SECONDS),  # for redirects and every read
            outbound.http_client(
                private_addresses=settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES,
                timeout=FETCH_TIMEOUT_SECONDS,
                follow_redirects=True,
            ) as client,
            client.stream("GET", url, headers=asking) as response,
        ):
            if response.status_code == 304 and asking:
                assert since is not None
                return FetchedFeed(None, since)
            response.raise_for_status()
            data = b""
            for chunk in response.iter_bytes():
                data += chunk
                if len(data) > MAX_FEED_BYTES:
                    raise FeedUnavailable(_("the feed is larger than 5 MB"))
            version = FeedVersion(
                etag=_validator(response.headers.get("etag", "")),
                last_modified=_validator(response.headers.get("last-modified", "")),
            )
            return FetchedFeed(
                in_declared_charset(data, response.headers.get("content-type", "")), version
            )
    except httpx.HTTPError as error:
        raise FeedUnavailable(fetch_failure(error, seconds=FETCH_TIMEOUT_SECONDS)) from error


def _validator(value: str) -> str:
    value = value.strip()
    if len(value) > MAX_VALIDATOR_LENGTH or not re.fullmatch(r"[\x20-\x7e]*", value):
        return ""
    return value


def _local_file(location: str) -> bytes:
    path = Path(location)
    if not path.is_file():
        raise FeedUnavailable(_("no such file: %(path)s") % {"path": location})
    if path.stat().st_size > MAX_FEED_BYTES:  # the same bound as a feed fetched
        raise FeedUnavailable(_("the feed is larger than 5 MB"))
    return path.read_bytes()
