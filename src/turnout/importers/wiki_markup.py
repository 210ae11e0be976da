"""Confluence's and Jira's wiki markup, as pages copied from them keep it, written as
markdown before the page is read: "h2. Cities", "||City||Place||", "[here|https://…]",
"{info}…{info}"; and likewise MediaWiki's tables ("{| … |}") and a Discourse post's
"[details=…]" sections and "[date=…]" moments.

Only a page that shows the markup's own signs (a "h2. " heading or a "||" header row) is
rewritten: a markdown page's "# Title" or "[a|b]" means what markdown says. A header row
gains the line markdown's tables need under it, so the lines below it move down by one.
"""

import re

_HEADING = re.compile(r"^h([1-6])\.[ \t]+(.+)$", re.MULTILINE)
_HEADER_ROW = re.compile(r"^[ \t]*\|\|(.+?)\|\|[ \t]*$", re.MULTILINE)
_LINK = re.compile(r"\[([^\[\]|\n]+)\|((?:https?://|mailto:)[^\[\]|\s]+)\]")
_BARE_LINK = re.compile(r"\[((?:https?://)[^\[\]|\s]+)\]")
_MACRO = re.compile(r"\{(?:info|note|tip|warning|panel|expand|section|column)(?::[^}]*)?\}")
_NUMBERED = re.compile(r"^#[ \t]+(?=\S)", re.MULTILINE)


def is_wiki_markup(text: str) -> bool:
    """Whether `text` is written in Confluence's wiki markup: a "h1. " heading or a "||"
    header row of a table."""
    return bool(_HEADING.search(text) or _HEADER_ROW.search(text))


def wiki_markup_as_markdown(text: str) -> str:
    """`text` in markdown when it is wiki markup; as it is otherwise."""
    if _MEDIAWIKI_TABLE.search(text):
        text = mediawiki_as_markdown(text)
    if _FORUM_TAG.search(text):
        text = forum_tags_as_markdown(text)
    if not is_wiki_markup(text):
        return text
    text = _LINK.sub(r"[\1](\2)", text)  # before the tables: "|" in a link splits no cell
    text = _BARE_LINK.sub(r"<\1>", text)
    text = _MACRO.sub(" ", text)
    text = _NUMBERED.sub("1. ", text)  # "# item" is a numbered item there, not a heading
    text = _HEADING.sub(lambda m: f"{'#' * int(m[1])} {m[2]}", text)
    return _HEADER_ROW.sub(_header_row, text)


def _header_row(match: re.Match) -> str:
    cells = [cell.strip() for cell in match.group(1).split("||")]
    return f"| {' | '.join(cells)} |\n|{'---|' * len(cells)}"


# MediaWiki's: "== Heading ==", a table from "{|" to "|}" whose rows "|-" separate and whose
# cells "||" or "!!" divide, "[https://… label]", "''italics''", "[[Category:…]]".
_MEDIAWIKI_TABLE = re.compile(r"^\{\|[^\n]*\n(.*?)^\|\}[ \t]*$", re.MULTILINE | re.DOTALL)
_MEDIAWIKI_HEADING = re.compile(r"^(={1,6})[ \t]*(.+?)[ \t]*\1[ \t]*$", re.MULTILINE)
_MEDIAWIKI_LINK = re.compile(r"(?<!\[)\[(https?://[^\s\]]+)[ \t]+([^\]\n]+)\]")
_MEDIAWIKI_INTERNAL = re.compile(r"\[\[(?:[^\]|\n]*\|)?([^\]\n]*)\]\]")
_MEDIAWIKI_CATEGORY = re.compile(r"^\[\[[^\]:\n]+:[^\]\n]*\]\][ \t]*$", re.MULTILINE)
_MEDIAWIKI_BOLD = re.compile(r"'''(.+?)'''")
_MEDIAWIKI_ITALIC = re.compile(r"''(.+?)''")


def mediawiki_as_markdown(text: str) -> str:
    """A page copied from a MediaWiki in markdown: its tables as markdown's, its headings,
    links and emphasis as markdown writes them, its category links left out."""
    text = _MEDIAWIKI_CATEGORY.sub("", text)
    text = _MEDIAWIKI_LINK.sub(r"[\2](\1)", text)
    text = _MEDIAWIKI_INTERNAL.sub(r"\1", text)
    text = _MEDIAWIKI_ITALIC.sub(r"*\1*", _MEDIAWIKI_BOLD.sub(r"**\1**", text))
    text = _MEDIAWIKI_HEADING.sub(lambda m: f"{'#' * len(m[1])} {m[2]}", text)
    return _MEDIAWIKI_TABLE.sub(_mediawiki_table, text)


def _mediawiki_table(match: re.Match) -> str:
    rows: list[list[str]] = [[]]
    for line in match.group(1).splitlines():
        line = line.strip()
        if line.startswith("|-"):
            rows.append([])
        elif line.startswith(("!", "|")) and not line.startswith("|+"):
            cells = re.split(r"\s*(?:\|\||!!)\s*", line[1:])
            # "| style="…" | Praha": what stands before a cell's single "|" is its attributes.
            rows[-1] += [cell.split(" | ")[-1].strip() for cell in cells]
    rows = [row for row in rows if row]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    lines.insert(1, "|" + "---|" * width)
    return "\n".join(lines) + "\n"


# Discourse's: a collapsed section "[details="Amsterdam"] … [/details]", and a moment each
# reader sees on their own clock "[date=2027-06-12 time=14:00:00 timezone="Europe/Amsterdam"]"
# (written on the clock of its zone, which is its place's).
_FORUM_TAG = re.compile(r"\[(?:details|date)=", re.I)
_DETAILS_OPEN = re.compile(r"^[ \t]*\[details=\"?([^\]\"\n]+)\"?\][ \t]*$", re.I | re.MULTILINE)
_DETAILS_CLOSE = re.compile(r"^[ \t]*\[/details\][ \t]*$", re.I | re.MULTILINE)
_FORUM_DATE = re.compile(
    r"\[date=(\d{4}-\d{2}-\d{2})(?:\s+time=(\d{1,2}:\d{2})(?::\d{2})?)?[^\]\n]*\]", re.I
)


def forum_tags_as_markdown(text: str) -> str:
    """A Discourse post's sections as headings over their lines, its moments as a day and an
    hour: "[date=2027-06-12 time=14:00:00 …]" → "2027-06-12 14:00"."""
    text = _DETAILS_OPEN.sub(lambda m: f"\n### {m[1].strip()}\n", text)
    text = _DETAILS_CLOSE.sub("", text)
    text = _FORUM_RANGE.sub(_forum_range, text)
    return _FORUM_DATE.sub(lambda m: f"{m[1]} {m[2]}" if m[2] else m[1], text)


_FORUM_RANGE = re.compile(rf"{_FORUM_DATE.pattern}\s*(?:→|-|–|—|to)\s*{_FORUM_DATE.pattern}", re.I)


def _forum_range(match: re.Match) -> str:
    """Two moments of one day, "[date=… time=14:00:00] → [date=… time=16:00:00]", as
    "2027-06-12 14:00–16:00"; of two days as they are written."""
    day, starts, last_day, ends = match.groups()
    if day != last_day or not (starts and ends):
        return _FORUM_DATE.sub(lambda m: f"{m[1]} {m[2]}" if m[2] else m[1], match.group())
    return f"{day} {starts}–{ends}"
