"""Several calendars in one file, as a script that glues exports together (`cat a.ics b.ics`)
serves them: read as one calendar holding every one's events and zones. Each calendar but the
first may begin with its own byte order mark, and its own lines (PRODID, X-WR-CALNAME) give
way to the first's."""

_BOM = b"\xef\xbb\xbf"


def as_one_calendar(lines: list[bytes]) -> list[bytes]:
    """`lines` (unfolded) with each END:VCALENDAR that another BEGIN:VCALENDAR follows taken
    out, with that BEGIN and the second calendar's own lines; other lines as they are. What
    follows an END:VCALENDAR and is no calendar stays, for the parser to judge."""
    words = [line.removeprefix(_BOM).strip().upper() for line in lines]
    if words.count(b"BEGIN:VCALENDAR") < 2:
        return lines  # one calendar, as nearly every feed is
    joined: list[bytes] = []
    depth, skipping_head = 0, False
    for line, word in zip(lines, words, strict=True):
        if not word:
            continue
        if word == b"BEGIN:VCALENDAR" and joined and depth == 0 and _ends_calendar(joined):
            joined.pop()  # the END:VCALENDAR before: the calendars go on as one
            skipping_head = True
            continue
        if word.startswith(b"BEGIN:"):
            depth += 1
            skipping_head = False
        elif word.startswith(b"END:"):
            depth = max(depth - 1, 0)
        elif skipping_head and depth == 1:
            continue  # the second calendar's VERSION, PRODID, X-WR-CALNAME: the first's hold
        joined.append(line.removeprefix(_BOM))
    return joined


def _ends_calendar(lines: list[bytes]) -> bool:
    return lines[-1].strip().upper() == b"END:VCALENDAR"
