"""A plain-text email, as a movement's mailing list sends it, written as the markdown page it is.

Such an email has no markdown: its headers ("Subject:", "From:", "Date:") stand where a page's
front matter does, and its cities are lines in capitals ("NORWICH") over "Where:" and "When:"
lines, set apart by "---" rules. Its subject and date become the front matter, each city's
line a heading over its details, and a rule before text under no city a heading of its own, so
that a footer's postal address is read as no detail of the last city.
"""

import re
from email.utils import parsedate_to_datetime

# A header's line: "Subject: …", "From: Name <a@b>", "Date: Tue, 25 May 2027 09:12:44 +0100".
_HEADER = re.compile(r"^([A-Za-z][A-Za-z-]{1,30}):[ \t]*(.*)$")
_EMAIL_HEADERS = frozenset({"from", "to", "date", "sent", "reply-to", "cc"})
# A rule alone on its line, as plain-text emails set their parts apart.
_RULE = re.compile(r"^[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,})[ \t]*$")
# A card's title: a line in capitals of a few words ("NORWICH", "KING'S LYNN").
_TITLE = re.compile(r"^[ \t]*([^\W\da-z][^a-z\n]{1,40})[ \t]*$")


def email_headers_as_front_matter(text: str) -> str:
    """`text` with the headers it opens with as front matter: the subject its title, the
    day it was sent its date; as it is when it opens otherwise."""
    lines = text.split("\n")
    headers: dict[str, str] = {}
    for line in lines:
        if not line.strip():
            break
        match = _HEADER.match(line)
        if match is None:
            return text
        headers[match[1].lower()] = match[2].strip()
    if "subject" not in headers or not _EMAIL_HEADERS & set(headers):
        return text
    title = headers["subject"].replace('"', "'")
    front = ["---", f'title: "{title}"']
    if sent := _sent_on(headers.get("date") or headers.get("sent") or ""):
        front.append(f"date: {sent}")
    # The header's lines, kept as many, so the body's lines keep their numbers.
    front += ["#"] * max(0, len(headers) - len(front) - 1) + ["---"]
    return "\n".join([*front, *lines[len(headers) :]])


def _sent_on(written: str) -> str:
    try:
        return parsedate_to_datetime(written).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


def plain_cards_as_headings(body: str) -> str:
    """`body` with the cities of a plain-text email as headings: a line in capitals after a
    rule, with its details on the lines right under it, becomes "### NORWICH"; a rule after
    such cards before text under no title becomes an empty heading, which ends the last card.
    Each line keeps its number; a body without such cards is as it was."""
    lines = body.split("\n")
    titles = [index for index in range(len(lines)) if _is_card_title(lines, index)]
    if len(titles) < 2:
        return body
    for index in titles:
        lines[index] = f"### {lines[index].strip()}"
    for index, line in enumerate(lines):
        if index > titles[0] and _RULE.match(line) and not _opens_card(lines, index, titles):
            lines[index] = "###"
    return "\n".join(lines)


def _is_card_title(lines: list[str], index: int) -> bool:
    if not _TITLE.match(lines[index]) or not re.search(r"[^\W\d_]{3}", lines[index]):
        return False
    below = lines[index + 1] if index + 1 < len(lines) else ""
    above = [line for line in lines[:index] if line.strip()]
    return bool(below.strip()) and bool(above) and bool(_RULE.match(above[-1]))


def _opens_card(lines: list[str], index: int, titles: list[int]) -> bool:
    """Whether the rule at `index` stands right before a card's title, or ends the page."""
    after = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
    return after is None or after in titles
