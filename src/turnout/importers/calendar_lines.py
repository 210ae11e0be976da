"""A calendar file's bytes made into the lines an RFC 5545 parser reads: every line ending, fold,
character set and vCalendar 1.0 habit that programs write, undone before parsing."""

import quopri
import re

from .calendar_concatenated import as_one_calendar

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# "BE" of BEGIN:VCALENDAR in UTF-16, little- and big-endian.
_UTF16_BEGIN = (b"B\x00E\x00", b"\x00B\x00E")
# A lone CR that ends a line rather than sits in a text: another property, or a fold, follows.
_LONE_CR_ENDING_A_LINE = re.compile(rb"\r(?!\n)(?=[A-Za-z][A-Za-z0-9-]*[;:]|[ \t])")
_FOLD = re.compile(rb"\r?\n[ \t]")
# "TZID=tzone://Microsoft/Utc": a parameter value with a colon must be quoted, and Exchange
# does not, so the parser would take "//Microsoft/Utc:2030…" for the value.
_UNQUOTED_URI_PARAMETER = re.compile(rb"(;TZID=)([A-Za-z][\w+.-]*://[^;:\"\r\n]*)", re.I)
# "TZID=(UTC+01:00) Brussels, Copenhagen, Madrid, Paris" unquoted, as some converters of
# Outlook's calendars write it: the colon in its offset is not where the value begins.
_UNQUOTED_DISPLAY_NAME = re.compile(rb"(;TZID=)(\((?:UTC|GMT)[+-]?[\d:.]*\)[^;:\"\r\n]*)", re.I)
# "TZID=GMT+05:30" unquoted, as Android writes a zone it has no name for: the same colon.
_UNQUOTED_OFFSET_NAME = re.compile(rb"(;TZID=)((?:GMT|UTC)\s?[+-]\d{1,2}:\d{2})(?=[:;])", re.I)
_DATE_PROPERTIES = {b"DTSTART", b"DTEND", b"DUE", b"EXDATE", b"RDATE", b"RECURRENCE-ID"}
# ISO 8601's extended form ("2030-04-13T12:00:00Z") and times without seconds ("T1200"), as
# vCalendar 1.0 exporters and some scripts write them; RFC 5545 knows the basic form only.
_LOOSE_DATE = re.compile(
    rb"(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?)?(Z)?"
)


def calendar_lines(data: bytes) -> list[bytes]:
    """The unfolded lines of `data`, each valid UTF-8, vCalendar 1.0's quoted-printable texts
    decoded and its loose dates and repeat rules written as RFC 5545 has them."""
    if data.startswith(_UTF16_BOMS):  # Windows' "Unicode" export
        data = data.decode("utf-16", errors="replace").encode()
    elif data[:4] in _UTF16_BEGIN:  # the same without its byte order mark
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        data = data.decode(encoding, errors="replace").encode()
    data = data.replace(b"\x00", b"")  # never meant, and PostgreSQL cannot store it in text
    # A byte order mark begins the file, or every piece of one pasted together from files
    # Notepad saved (before a line, inside a fold, in a title): never a character of it.
    data = data.replace(b"\xef\xbb\xbf", b"")
    if b"\n" not in data:
        # Lines that end in CR alone (old Mac exports): the parser knows CRLF and LF only.
        data = data.replace(b"\r", b"\n")
    else:
        # A file whose lines were joined from several sources mixes the endings; a stray CR
        # in a text of a CRLF file stays text.
        data = _LONE_CR_ENDING_A_LINE.sub(b"\n", data)
    lines = _joined_quoted_printable(re.split(rb"\r?\n", data))
    # Unfolded as bytes, before decoding: programs fold after so many bytes, also in the
    # middle of a character ("für" would read "f��r").
    unfolded = _FOLD.sub(b"", b"\n".join(lines)).split(b"\n")
    return as_one_calendar([_readable(line) for line in _with_lost_line_breaks(unfolded)])


# What every content line begins with: a name (letters, digits, "-"), then ";" or ":".
_CONTENT_LINE = re.compile(rb"([A-Za-z0-9-]+)[;:]")
# An entry's texts people write in several lines; another line that is no property is
# garbage (an HTML page, a line of a broken export), which the parser and its callers judge.
_FREE_TEXTS = {b"DESCRIPTION", b"COMMENT", b"X-ALT-DESC", b"SUMMARY", b"LOCATION"}


def _with_lost_line_breaks(lines: list[bytes]) -> list[bytes]:
    """The lines with each one that is no content line ("Neem een regenjas mee.") joined to
    the property before it as the line break it was: exporters that write a text's line
    breaks unescaped and unfolded, where the parser would drop the rest of the text."""
    joined: list[list[bytes]] = []  # each line with the lines that go on from it
    for line in lines:
        before = _CONTENT_LINE.match(joined[-1][0]) if joined else None
        is_text = before is not None and before[1].upper() in _FREE_TEXTS
        if is_text and line.strip() and not _CONTENT_LINE.match(line):
            joined[-1].append(line)
        else:
            joined.append([line])
    return [b"\\n".join(parts) for parts in joined]


def _joined_quoted_printable(lines: list[bytes]) -> list[bytes]:
    """Each quoted-printable value on one line: a line ending in "=" goes on in the next one
    (a soft line break), with no space before it as a fold would have."""
    joined: list[bytes] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        head = line.partition(b":")[0]
        if b"QUOTED-PRINTABLE" in head.upper():
            while line.endswith(b"=") and index < len(lines) and len(line) < 1_000_000:
                line = line[:-1] + lines[index]
                index += 1
        joined.append(line)
    return joined


# "\،", "\，": an Arabic or a full-width comma (or semicolon) escaped as RFC 5545 escapes the
# ASCII one, by a program or a hand that took them for the same; the parser keeps the
# backslash. An escaped backslash before one ("\\،") stays.
_ESCAPED_WIDE_PUNCTUATION = re.compile(
    rb"(?<!\\)((?:\\\\)*)\\(\xd8\x8c|\xd8\x9b|\xe3\x80\x81|\xef\xbc\x8c|\xef\xbc\x9b)"
)


def _readable(line: bytes) -> bytes:
    if b"://" in line:
        line = _UNQUOTED_URI_PARAMETER.sub(rb'\1"\2"', line)
    if b"TZID=(" in line.upper():
        line = _UNQUOTED_DISPLAY_NAME.sub(rb'\1"\2"', line)
    elif b"TZID=GMT" in line.upper() or b"TZID=UTC" in line.upper():
        line = _UNQUOTED_OFFSET_NAME.sub(rb'\1"\2"', line)
    head, value = _split_at_value(line)
    if value is None:
        return _utf8(line, None)
    name, *parameters = _PARAMETER.findall(head) if b'"' in head else head.split(b";")
    charset = None
    is_quoted_printable = False
    kept = []
    for parameter in parameters:
        key, _, given = parameter.partition(b"=")
        if key.upper() == b"CHARSET":
            charset = given.strip(b'"').decode("ascii", errors="replace")
        elif key.upper() == b"ENCODING" and given.upper() == b"QUOTED-PRINTABLE":
            is_quoted_printable = True
        elif key.upper() == b"ENCODING" and given.upper() in (b"8BIT", b"7BIT"):
            pass  # vCalendar 1.0's word for what every line is now
        else:
            kept.append(parameter)
    if is_quoted_printable:
        text = _decoded(quopri.decodestring(value), charset)
        value = _as_ical_text(text).encode()
    else:
        value = _utf8(value, charset)
    if name.upper() in _FREE_TEXTS and b"\\" in value:
        value = _ESCAPED_WIDE_PUNCTUATION.sub(rb"\1\2", value)
    if name.upper() in _DATE_PROPERTIES:
        value = b",".join(_basic_date(part) for part in value.split(b","))
    elif name.upper() in (b"RRULE", b"EXRULE") and b"FREQ=" not in value.upper():
        value = _rfc_rule(value)
    elif name.upper() in (b"RRULE", b"EXRULE"):
        # COUNT=0 is vCalendar's "#0", for ever: converters carry it over as it was.
        value = re.sub(rb"(?i)(^|;)COUNT=0+(;|$)", rb"\1", value).strip(b";") or value
    return b";".join([_utf8(name, None), *(_utf8(p, charset) for p in kept)]) + b":" + value


# A name or parameter between semicolons, a quoted value whole ("(UTC+01:00) Amsterdam; …").
_PARAMETER = re.compile(rb'(?:[^;"]|"[^"]*"?)+')


# No name and parameters are longer: a longer "head" is a line that is no property, kept as is.
_MAX_HEAD = 2000


def _split_at_value(line: bytes) -> tuple[bytes, bytes | None]:
    """A content line's name and parameters, and its value: after the first colon that is not
    inside a quoted parameter value ("TZID=\"(UTC+01:00) Amsterdam\"")."""
    colon = line.find(b":", 0, _MAX_HEAD)
    if colon < 0 or b'"' not in line[:colon]:
        return (line, None) if colon < 0 else (line[:colon], line[colon + 1 :])
    quoted = False
    for index, byte in enumerate(line[:_MAX_HEAD]):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return line[:index], line[index + 1 :]
    return line, None


# Windows programs label their code page ISO-8859-1 and write "–" and "€" (0x96, 0x80) in it,
# so these labels are read as windows-1252, as browsers do (WHATWG Encoding).
_READ_AS_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}


def _decoded(data: bytes, charset: str | None) -> str:
    if charset and charset.strip().lower() in _READ_AS_WINDOWS_1252:
        charset = "cp1252"
    if charset:
        try:
            return data.decode(charset, errors="replace")
        except LookupError:  # a character set Python does not know
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # older Outlook exports are in the Windows code page
        return data.decode("cp1252", errors="replace")


def _utf8(data: bytes, charset: str | None) -> bytes:
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii"):
        if not data.isascii() and _is_utf8(data):
            # "CHARSET=ISO-8859-1" on a text pasted in UTF-8: a single-byte text is almost
            # never valid UTF-8 by chance ("Ã§" is how "ç" reads the other way round).
            return data
        return _decoded(data, charset).encode()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _decoded(data, None).encode()
    return data


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _as_ical_text(text: str) -> str:
    """A decoded vCalendar 1.0 text written as an RFC 5545 TEXT value."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return re.sub(r"\r\n|\r|\n", r"\\n", text)


def _basic_date(value: bytes) -> bytes:
    """ "2030-04-13T12:00Z" as "20300413T120000Z"; a PERIOD's two halves each; anything else
    as it was, for the parser to judge."""
    if b"/" in value:
        start, _, end = value.partition(b"/")
        return (
            _basic_date(start) + b"/" + (end if end[:1] in (b"P", b"+", b"-") else _basic_date(end))
        )
    match = _LOOSE_DATE.fullmatch(value.strip())
    if match is None:
        return value
    year, month, day, hour, minute, second, utc = match.groups()
    if hour is None:
        return year + month + day
    # RFC 5545 lets a second be 60, a leap second, which no clock library holds: a moment
    # before the next minute, as it is on every clock that shows one.
    second = b"59" if second == b"60" else second or b"00"
    return year + month + day + b"T" + hour + minute + second + (utc or b"")


# vCalendar 1.0 rules: "W1 TU TH #4", "D2 20301231T000000Z", "MP1 1+ SU #0", "MD1 15 #6",
# "YM1 6 #3". "#0" repeats for ever.
_VCAL_RULE = re.compile(
    rb"(?i)\s*(D|W|MP|MD|YM|YD)(\d+)((?:\s+[^\s#]+)*?)\s*(?:#(\d+)|\s(\d{8}(?:T\d{4,6}Z?)?))?\s*"
)
_VCAL_FREQUENCIES = {
    b"D": b"DAILY",
    b"W": b"WEEKLY",
    b"MP": b"MONTHLY",
    b"MD": b"MONTHLY",
    b"YM": b"YEARLY",
    b"YD": b"YEARLY",
}
_VCAL_LISTS = {b"W": b"BYDAY", b"MD": b"BYMONTHDAY", b"YM": b"BYMONTH", b"YD": b"BYYEARDAY"}


def _rfc_rule(value: bytes) -> bytes:
    """A vCalendar 1.0 rule as an RFC 5545 RRULE; what is no such rule stays as it was."""
    match = _VCAL_RULE.fullmatch(value)
    if match is None:
        return value
    kind, interval, modifiers, count, until = match.groups()
    kind = kind.upper()
    parts = [b"FREQ=" + _VCAL_FREQUENCIES[kind], b"INTERVAL=" + (interval.lstrip(b"0") or b"1")]
    words = modifiers.split()
    if kind == b"MP" and words:
        # "1+ SU" is the first Sunday, "1- FR" the last Friday.
        days, position = [], b""
        for word in words:
            if re.fullmatch(rb"\d[+-]", word):
                position = (b"-" if word.endswith(b"-") else b"") + word[:1]
            elif re.fullmatch(rb"(?i)(MO|TU|WE|TH|FR|SA|SU)", word):
                days.append(position + word.upper())
            else:
                return value
        parts.append(b"BYDAY=" + b",".join(days))
    elif words:
        items = []
        for word in words:
            if not re.fullmatch(rb"(?i)(MO|TU|WE|TH|FR|SA|SU|\d+-?|LD)", word):
                return value
            # "1-" counts from the end: the last day of the month; LD is the last day too.
            items.append(
                b"-1"
                if word.upper() == b"LD"
                else (b"-" + word[:-1] if word.endswith(b"-") else word.upper())
            )
        parts.append(_VCAL_LISTS[kind] + b"=" + b",".join(items))
    if count and count.lstrip(b"0"):
        parts.append(b"COUNT=" + count.lstrip(b"0"))
    elif until:
        parts.append(b"UNTIL=" + _basic_date(until))
    return b";".join(parts)
