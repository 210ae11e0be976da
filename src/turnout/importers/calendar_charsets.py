"""A feed's character set as its server declares it ("Content-Type: text/calendar;
charset=Shift_JIS"): old sites serve Japanese in Shift_JIS, Russian in windows-1251 or KOI8-R,
and the file says nothing of it. Such a feed is made UTF-8 before it is read; one that is UTF-8
already stays as it is, whatever the header says (servers often claim ISO-8859-1 for any
text)."""

import codecs
from email.message import Message

_UTF8_NAMES = {"utf-8", "utf8", "us-ascii", "ascii"}
# ISO-8859-1 as declared is in practice Windows' superset of it (quotes, the euro sign).
_READ_AS_WINDOWS_1252 = {"iso8859-1", "latin-1", "latin1"}


def in_declared_charset(data: bytes, content_type: str) -> bytes:
    """`data` as UTF-8 when `content_type` declares another character set it is written in;
    any other `data` (UTF-8, UTF-16, a compressed download, a web page) as it is."""
    charset = _charset_of(content_type)
    if charset is None or charset in _UTF8_NAMES:
        return data
    if not data.lstrip()[:15].upper() == b"BEGIN:VCALENDAR":
        return data  # gzip, a zip, UTF-16, an HTML page: read by what reads those
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return data
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return data  # a name Python does not know: the reader's own guess
    name = "cp1252" if name in _READ_AS_WINDOWS_1252 else name
    return data.decode(name, errors="replace").encode("utf-8")


def _charset_of(content_type: str) -> str | None:
    message = Message()
    message["content-type"] = content_type[:500]
    charset = message.get_param("charset")
    if not isinstance(charset, str) or not charset.strip():
        return None
    return charset.strip().strip('"').lower()
