"""A calendar that arrives wrapped, unwrapped before its lines are read: gzip-compressed by a
server that forgot to say so, a .zip of .ics files (an export mailed or downloaded), a CalDAV
server's multistatus answer holding each entry in a `calendar-data` element; and a web page
(a sign-in page, the calendar's page) told in words for what it is, unless it shows the
calendar's text in a <pre>."""

import html
import io
import re
import zipfile
import zlib

from django.utils.translation import gettext as _

from .calendar_fetching import MAX_FEED_BYTES, FeedUnavailable

_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"
_LEADING = b"\xef\xbb\xbf \t\r\n"
# Read with a pattern, not an XML parser: a hostile answer's entities cannot expand.
_CALENDAR_DATA = re.compile(
    rb"<(?:[\w.-]+:)?calendar-data\b[^>]*>(.*?)</(?:[\w.-]+:)?calendar-data\s*>", re.S | re.I
)
_CDATA = re.compile(rb"<!\[CDATA\[(.*?)\]\]>", re.S)
_WEB_PAGE = re.compile(rb"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_MULTISTATUS = re.compile(rb"<(?:[\w.-]+:)?multistatus\b", re.I)
_CALENDAR_BODY = re.compile(rb"BEGIN:VCALENDAR\r?\n(.*)END:VCALENDAR", re.S | re.I)
_COMPONENT_START = re.compile(rb"^BEGIN:(?!VCALENDAR)", re.M | re.I)
# A page that shows the calendar as text (a server that sends .ics as text/html, a browser's
# "view source" saved): the feed is in its <pre>, HTML-escaped.
_PRE = re.compile(rb"<pre\b[^>]*>(.*?)</pre\s*>", re.S | re.I)
_TAG = re.compile(rb"<[^>]*>")


def unwrapped_calendar(data: bytes) -> bytes:
    """The iCalendar text `data` holds, however wrapped; raise `FeedUnavailable` in words for
    a wrapping that cannot be opened or a web page."""
    if data.startswith(_GZIP_MAGIC):
        data = _gunzipped(data)
    if data.startswith(_ZIP_MAGIC):
        data = _calendar_in_zip(data)
    head = data[:2000].lstrip(_LEADING)
    if head.startswith(b"<") and _CALENDAR_DATA.search(data):
        return _merged([_element_text(match[1]) for match in _CALENDAR_DATA.finditer(data)])
    if head.startswith(b"<") and _MULTISTATUS.search(head):
        raise FeedUnavailable(
            _(
                "this is a CalDAV server's answer with no calendar in it: use the calendar's"
                " export or subscription link as the feed's address"
            )
        )
    if head.startswith(b"<") and _WEB_PAGE.search(head):
        shown = _PRE.search(data)
        if shown and _CALENDAR_BODY.search(shown[1]):
            return _pre_text(shown[1])  # a server that shows the .ics as a page
        raise FeedUnavailable(
            _(
                "this is a web page, not an iCalendar feed: perhaps a sign-in page, or the"
                " calendar's page rather than the address of its feed"
            )
        )
    return data


def _gunzipped(data: bytes) -> bytes:
    # Bounded as a download is: a small file may unpack to gigabytes.
    unpacker = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        text = unpacker.decompress(data, MAX_FEED_BYTES + 1)
    except zlib.error as error:
        raise FeedUnavailable(_("the feed is compressed (gzip) and cannot be unpacked")) from error
    if len(text) > MAX_FEED_BYTES:
        raise FeedUnavailable(_("the feed is larger than 5 MB"))
    return text


def _calendar_in_zip(data: bytes) -> bytes:
    """The .ics files of a .zip as one calendar; macOS' "__MACOSX/._…" shadows left out."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [
                info
                for info in archive.infolist()
                if info.filename.lower().endswith((".ics", ".ical", ".ifb", ".vcs"))
                and not info.filename.startswith("__MACOSX/")
                and not info.filename.rsplit("/", 1)[-1].startswith("._")
            ]
            texts, size = [], 0
            for info in members:
                with archive.open(info) as member:
                    text = member.read(MAX_FEED_BYTES + 1 - size)
                size += len(text)
                if size > MAX_FEED_BYTES:
                    raise FeedUnavailable(_("the feed is larger than 5 MB"))
                texts.append(text)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as error:
        raise FeedUnavailable(_("the feed is a .zip file that cannot be opened")) from error
    if not texts:
        raise FeedUnavailable(_("the feed is a .zip file with no calendar (.ics) in it"))
    return texts[0] if len(texts) == 1 else _merged(texts)


def _element_text(content: bytes) -> bytes:
    inner = _CDATA.fullmatch(content.strip())
    if inner:
        return inner[1]
    return html.unescape(content.decode("utf-8", errors="replace")).encode()


def _pre_text(content: bytes) -> bytes:
    # Tags first (links a page drew around addresses), then "&lt;" as "<": in that order an
    # escaped "<" in a title is kept.
    text = _TAG.sub(b"", content).decode("utf-8", errors="surrogateescape")
    return html.unescape(text).encode("utf-8", errors="surrogateescape").strip() + b"\r\n"


def _merged(calendars: list[bytes]) -> bytes:
    """Several VCALENDARs (one per CalDAV resource or file) as one: their components together."""
    bodies = []
    for text in calendars:
        body = _CALENDAR_BODY.search(text)
        if body is None:
            continue
        start = _COMPONENT_START.search(body[1])
        bodies.append(body[1][start.start() :] if start else b"")
    if not bodies:
        return calendars[0] if calendars else b""
    lines = [b"BEGIN:VCALENDAR", b"VERSION:2.0", b"PRODID:-//Turnout//merged calendars//EN"]
    return (
        b"\r\n".join(lines) + b"\r\n" + b"".join(_ending(b) for b in bodies) + b"END:VCALENDAR\r\n"
    )


def _ending(body: bytes) -> bytes:
    return body if not body or body.endswith(b"\n") else body + b"\r\n"
