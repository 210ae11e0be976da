"""A calendar parsed even when some of its entries are damaged.

The parser refuses a whole document for one part of one event it cannot read (a reminder's time
cut short, an END lost, a line that begins a component nothing ends), and a feed refused is
every one of its events left as it was. So a document the parser refuses is read again event by
event; an event that still cannot be read is left out and named, and the rest is read as
usual."""

from dataclasses import dataclass

from icalendar import Calendar

# Components only a calendar holds: one of them beginning ends the one before, closed or not
# (a VALARM sits in an event, a STANDARD in a zone).
_OUTERMOST = {b"VEVENT", b"VTODO", b"VJOURNAL", b"VFREEBUSY", b"VTIMEZONE", b"VAVAILABILITY"}
# icalendar checks some of what it reads with `assert` (a line whose parameter, unescaped,
# holds a line break fails as a zone is read): that too is a line it cannot read. A TZID that
# names a folder of the zone database ("Etc", "America") fails as the file is opened (OSError).
PARSER_ERRORS = (
    ValueError, IndexError, KeyError, AttributeError, TypeError, AssertionError, OSError
)  # fmt: skip


class CalendarCutOff(ValueError):
    """The document stops before its END:VCALENDAR: a download broken off, a file saved in
    part. Which events it would have gone on to give nobody can tell."""


@dataclass(frozen=True)
class UnreadEntry:
    """An event left out of a calendar because a line of it cannot be read."""

    uid: str
    label: str  # its title, else its UID, else ""


def parse_calendar(lines: list[bytes]) -> tuple[Calendar, list[UnreadEntry]]:
    """The calendar of `lines` (unfolded, see `calendar_lines`) and the events left out of it.
    One of PARSER_ERRORS when the document is cut off (`CalendarCutOff`: a download broken
    off would make every event after the cut look gone) or when the calendar's own lines or a
    zone cannot be read (events would be read on the wrong clock): nothing is better than
    that."""
    try:
        return Calendar.from_ical(b"\r\n".join(lines)), []
    except PARSER_ERRORS:
        head, blocks = _top_level(lines)
    end = [b"END:VCALENDAR"]
    kept: list[bytes] = []
    unread: list[UnreadEntry] = []
    for block in blocks:
        if _is_zone_without_rules(block):
            continue  # says nothing of its times: its TZID is read as if it had no VTIMEZONE
        if not block[0].upper().startswith(b"BEGIN:VEVENT"):
            kept += block  # read as it is, or the whole document is refused below
            continue
        # An event whose END was lost, then one whose reminders (VALARM) are damaged: what
        # people here need of it is still whole.
        closed = block if block[-1].strip().upper() == b"END:VEVENT" else [*block, b"END:VEVENT"]
        for candidate in (closed, _without_inner_components(closed)):
            if _parses([*head, *candidate, *end]):
                kept += candidate
                break
        else:
            unread.append(_unread(block))
    return Calendar.from_ical(b"\r\n".join([*head, *kept, *end])), unread


def _top_level(lines: list[bytes]) -> tuple[list[bytes], list[list[bytes]]]:
    """The calendar's own lines (BEGIN:VCALENDAR first) and each component inside it, from its
    BEGIN to its END; a component left open (the next one begins) is kept as it is. ValueError
    for a document that does not begin with BEGIN:VCALENDAR, is cut off before its END or goes
    on after it (what follows would look gone from the feed)."""
    lines = [line for line in lines if line.strip()]
    if not lines or lines[0].strip().upper() != b"BEGIN:VCALENDAR":
        raise ValueError("the document does not begin with BEGIN:VCALENDAR")
    head: list[bytes] = [lines[0]]
    blocks: list[list[bytes]] = []
    depth = 0
    for number, line in enumerate(lines[1:], start=2):
        word = line.strip().upper()
        if depth == 0 and word == b"END:VCALENDAR":
            if number < len(lines):  # a second calendar, or an END where none belongs
                raise ValueError("the document goes on after its END:VCALENDAR")
            return head, blocks
        if word.startswith(b"BEGIN:"):
            if depth == 0 or word.partition(b":")[2].strip() in _OUTERMOST:
                blocks.append([])  # an outermost component begins: the one before is over
                depth = 0
            depth += 1
        if depth == 0:
            head.append(line)
            continue
        blocks[-1].append(line)
        if word.startswith(b"END:"):
            depth -= 1
    raise CalendarCutOff("the document is cut off before its END:VCALENDAR")


def _is_zone_without_rules(block: list[bytes]) -> bool:
    """A VTIMEZONE with neither STANDARD nor DAYLIGHT in it (RFC 5545 needs one), which the
    parser refuses with the whole document."""
    words = [line.strip().upper() for line in block]
    return words[0].startswith(b"BEGIN:VTIMEZONE") and not {
        b"BEGIN:STANDARD",
        b"BEGIN:DAYLIGHT",
    } & set(words)


def _without_inner_components(block: list[bytes]) -> list[bytes]:
    """An event without the components inside it (its reminders)."""
    bare, depth = [], 0
    for line in block:
        word = line.strip().upper()
        if word.startswith(b"BEGIN:"):
            depth += 1
        if depth <= 1:
            bare.append(line)
        if word.startswith(b"END:"):
            depth -= 1
    return bare


def _parses(lines: list[bytes]) -> bool:
    try:
        Calendar.from_ical(b"\r\n".join(lines))
    except PARSER_ERRORS:
        return False
    return True


def _unread(block: list[bytes]) -> UnreadEntry:
    def value(name: bytes) -> str:
        for line in block:
            key, _colon, text = line.partition(b":")
            if key.split(b";")[0].strip().upper() == name:
                return text.decode("utf-8", "replace").strip()
        return ""

    uid = value(b"UID")[:500]
    return UnreadEntry(uid=uid, label=(value(b"SUMMARY") or uid)[:80])
