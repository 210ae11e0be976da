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
