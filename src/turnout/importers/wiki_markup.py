"""Confluence's and Jira's wiki markup, as pages copied from them keep it, written as
markdown before the page is read: "h2. Cities", "||City||Place||", "[here|https://…]",
"{info}…{info}".

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
