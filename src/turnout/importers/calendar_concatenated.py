"""Several calendars in one file, as a script that glues exports together (`cat a.ics b.ics`)
serves them: read as one calendar holding every one's events and zones. Each calendar but the
first may begin with its own byte order mark, and its own lines (PRODID, X-WR-CALNAME) give
way to the first's. A later calendar's own X-WR-TIMEZONE still holds for its floating times
(a Dubai group's export glued after an Istanbul one's): they are written in that zone. A
calendar nested inside another (a feed merger's) is read the same way, as one."""

import re
from zoneinfo import ZoneInfo

_BOM = b"\xef\xbb\xbf"
# A floating date-time (or a list of them) of an entry, with no TZID: the parameters before it
# are simple ones (VALUE=DATE-TIME), none quoted.
_FLOATING = re.compile(
    rb"(DTSTART|DTEND|DUE|RDATE|EXDATE|RECURRENCE-ID)((?:;[A-Za-z0-9-]+=[^;:\"]*)*)"
    rb":(\d{8}T\d{6}(?:,\d{8}T\d{6})*)\s*",
    re.I,
)


def as_one_calendar(lines: list[bytes]) -> list[bytes]:
    """`lines` (unfolded) with each END:VCALENDAR that another BEGIN:VCALENDAR follows taken
    out, with that BEGIN and the second calendar's own lines; other lines as they are, but a
    later calendar's floating times given the zone its X-WR-TIMEZONE names where that is not
    the first's. What follows an END:VCALENDAR and is no calendar stays, for the parser."""
    words = [line.removeprefix(_BOM).strip().upper() for line in lines]
    if words.count(b"BEGIN:VCALENDAR") < 2:
        return lines  # one calendar, as nearly every feed is
    zones = _own_zones(lines, words)
    joined: list[bytes] = []
    depth, skipping_head, number, nested = 0, False, 0, 0
    # An inner calendar's END gives way only where the outer one's is still to come: one END
    # for two BEGINs ends the document, which is read (or refused) as cut off, not run on.
    last_end = max((at for at, word in enumerate(words) if word == b"END:VCALENDAR"), default=-1)
    components: list[bytes] = []  # the components open in the calendar being read
    for at, (line, word) in enumerate(zip(lines, words, strict=True)):
        if not word:
            continue
        # A calendar inside the calendar (a feed merger's, wrapping each feed it read): its
        # events are the calendar's; its own lines and END give way as a glued one's do.
        if word == b"BEGIN:VCALENDAR" and depth == 1:
            nested, skipping_head = nested + 1, True
            continue
        if word == b"END:VCALENDAR" and depth == 1 and nested and at < last_end:
            nested -= 1
            continue
        if word == b"BEGIN:VCALENDAR" and joined and depth == 0 and _ends_calendar(joined):
            joined.pop()  # the END:VCALENDAR before: the calendars go on as one
            skipping_head, number = True, number + 1
            depth, components = 1, []
            continue
        if word.startswith(b"BEGIN:"):
            depth += 1
            components.append(word.removeprefix(b"BEGIN:"))
            skipping_head = False
        elif word.startswith(b"END:"):
            depth = max(depth - 1, 0)
            components = components[:-1]
        elif skipping_head and depth == 1:
            continue  # the second calendar's VERSION, PRODID, X-WR-CALNAME: the first's hold
        elif number and depth == 1 and word.startswith(b"X-WR-TIMEZONE"):
            continue  # said of its floating times below, not of the calendar it joins
        line = line.removeprefix(_BOM)
        zone = zones.get(number)
        if zone and zone != zones.get(0) and b"VTIMEZONE" not in components:
            line = _in_zone(line, zone)  # a VTIMEZONE's own times are floating by design
        joined.append(line)
    return joined


def _own_zones(lines: list[bytes], words: list[bytes]) -> dict[int, bytes]:
    """Each calendar's X-WR-TIMEZONE, by its number in the file, where it names a zone."""
    zones: dict[int, bytes] = {}
    depth, number = 0, -1
    for line, word in zip(lines, words, strict=True):
        if word == b"BEGIN:VCALENDAR" and depth == 0:
            number += 1
        if word.startswith(b"BEGIN:"):
            depth += 1
        elif word.startswith(b"END:"):
            depth = max(depth - 1, 0)
        elif depth == 1 and word.startswith(b"X-WR-TIMEZONE:") and number >= 0:
            name = line.removeprefix(_BOM).strip().partition(b":")[2].strip()
            if _is_zone(name):
                zones.setdefault(number, name)
    return zones


def _is_zone(name: bytes) -> bool:
    try:
        ZoneInfo(name.decode("ascii"))
    except (ValueError, UnicodeDecodeError, OSError, KeyError):  # also ZoneInfoNotFoundError
        return False
    return b"/" in name  # an IANA name, not "EST" or "UTC" alone


def _in_zone(line: bytes, zone: bytes) -> bytes:
    found = _FLOATING.fullmatch(line)
    if found is None or b"TZID=" in found[2].upper():
        return line
    return found[1] + found[2] + b";TZID=" + zone + b":" + found[3]


def _ends_calendar(lines: list[bytes]) -> bool:
    return lines[-1].strip().upper() == b"END:VCALENDAR"
