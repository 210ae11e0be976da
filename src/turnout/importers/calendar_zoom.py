"""What Zoom writes into an entry's description taken out: its invitation (the call's link,
ID and passcode, then one-tap numbers that carry the passcode and the telephone numbers), and
a webinar's registration confirmation, written to one registrant, whose join link is theirs."""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# "+496971049922,,86420135790#,,,,*418275# Deutschland": a number that dials into the call and
# types its passcode.
_ONE_TAP = re.compile(r"\+?\d[\d ()-]{5,}\d,,+\d{6,}#")
# "Find your local number: https://us06web.zoom.us/u/kd…": the last line of the invitation.
_NUMBERS_PAGE = re.compile(r"https?://[\w.-]*zoom(?:gov)?\.(?:us|com)/u/", re.I)
# A webinar's join link made for one registrant: its token (tk=) lets them in as that person.
_REGISTRANT_LINK = re.compile(r"https?://[\w.-]*zoom(?:gov)?\.(?:us|com)/w/\d+\?\S*\btk=", re.I)
# What the invitation's first part is made of, above its one-tap numbers: lines that name Zoom
# ("Jonas lädt Sie zu einem geplanten Zoom-Meeting ein", "Join Zoom Meeting"), its link,
# "Topic: …", "Meeting ID: …", rules of dashes. A sentence of the organizer's ends the walk up.
_INVITATION_LINE = re.compile(r"zoom|https?://|^\w[\w .()-]{0,30}[:：]\s|^[-_=*~ ]+$", re.I)
_SENTENCE_END = (".", "!", "?", "。", "！", "？")
# Longer lines are none of Zoom's (and are not searched: a pattern over a long line of digits
# would take quadratic time).
_LINE_MOST_CHARACTERS = 200


def without_zoom_dial_in(text: str) -> str:
    """`text` without Zoom's invitation: from its first line ("… is inviting you to a scheduled
    Zoom meeting", or the heading of its one-tap numbers) to its page of local numbers ("Find
    your local number: …"), or to its last one-tap line. Left alone without one-tap numbers:
    a link to a call alone the caller takes out."""
    lines = text.split("\n")
    taps = [n for n, line in enumerate(lines) if _is_short(line) and _ONE_TAP.search(line)]
    if not taps:
        return text
    first = _invitation_start(lines, taps[0])
    pages = [n for n in range(first, len(lines)) if _NUMBERS_PAGE.search(lines[n])]
    last = pages[-1] if pages else taps[-1]
    return "\n".join([*lines[:first], *lines[last + 1 :]])


def is_zoom_confirmation(text: str) -> bool:
    """Whether `text` is the confirmation Zoom sends one registrant of a webinar ("Hi Jonas,
    thank you for registering…"): none of it is the event's own description."""
    return bool(_REGISTRANT_LINK.search(text))


def without_zoom_token(url: str) -> str:
    """A Zoom webinar's join link without the token that lets one registrant in as themself."""
    if not _REGISTRANT_LINK.match(url):
        return url
    parts = urlsplit(url)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key.lower() != "tk"]
    return urlunsplit(parts._replace(query=urlencode(query)))


def _invitation_start(lines: list[str], first_tap: int) -> int:
    """The first line of the invitation whose first one-tap number is on line `first_tap`: the
    heading just above it ("Schnelleinwahl mobil"), and the lines of Zoom's above that."""
    start = first_tap
    for number in range(first_tap - 1, -1, -1):
        line = lines[number].strip()
        is_heading = start == first_tap and not line.endswith(_SENTENCE_END)
        if not line or (_is_short(line) and (is_heading or _is_invitation_line(line))):
            start = number if line else start
            continue
        break
    return start


def _is_invitation_line(line: str) -> bool:
    return bool(_INVITATION_LINE.search(line)) and (
        "zoom" in line.lower() or not line.endswith(_SENTENCE_END)
    )


def _is_short(line: str) -> bool:
    return len(line) <= _LINE_MOST_CHARACTERS
