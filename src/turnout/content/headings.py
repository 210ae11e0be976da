"""Stable heading ids: an explicit `{#id}` wins, otherwise a GitHub-style slug of the heading.

The ids are computed on the source-language text; translations carry them as explicit `{#id}`
(see `turnout.translation.segments`), so `/nl/values#what-do-we-want` and
`/en/values#what-do-we-want` reach the same section.
"""

import re
from dataclasses import dataclass

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# "{#id}", also as Pandoc and kramdown write it with classes or attributes: "{#id .wide}",
# "{: #id}". Only the id is kept. The blanks before it are taken from the start of their run
# only: a search trying each blank of a long run in turn would read the run again each time.
EXPLICIT_ID = re.compile(r"(?<!\s)\s*\{:?\s*#([A-Za-z][\w-]*)(?:\s+[.\w][^{}]*)?\}\s*$")
# A kramdown attribute list on a line of its own, after the block it is for: "{: #id .class}"
# (`foreign_syntax.portable_markdown`).
ATTRIBUTE_LINE = re.compile(r"^\{:[^{}]*\}$")
_NOT_SLUG = re.compile(r"[^\w\- ]", re.UNICODE)
TOC_LEVELS = ("h2", "h3")


@dataclass(frozen=True)
class TocEntry:
    level: int  # 2 or 3
    id: str
    text: str


def github_slug(text: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return _NOT_SLUG.sub("", text.strip().lower()).replace(" ", "-")


def plain_text(inline: Token) -> str:
    """The visible text of an inline token: emphasis, links and code reduced to their words."""
    parts = [
        child.content for child in inline.children or [] if child.type in {"text", "code_inline"}
    ]
    return "".join(parts) if inline.children is not None else inline.content


def assign_heading_ids(state: StateCore) -> None:
    """markdown-it core rule: give every heading a unique id, as GitHub does (`-1`, `-2`, ...)."""
    used: set[str] = set()
    suffixes: dict[str, int] = {}
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        explicit = EXPLICIT_ID.search(inline.content)
        if explicit:
            _strip_explicit_id(inline)
            base = explicit.group(1)
        else:
            base = github_slug(plain_text(inline)) or "section"
        slug, suffix = base, suffixes.get(base, 0)
        while slug in used:
            suffix += 1
            slug = f"{base}-{suffix}"
        suffixes[base] = suffix
        used.add(slug)
        token.attrSet("id", slug)


def _strip_explicit_id(inline: Token) -> None:
    inline.content = EXPLICIT_ID.sub("", inline.content)
    children = inline.children or []
    for child in reversed(children):
        if child.type == "text":
            child.content = EXPLICIT_ID.sub("", child.content).rstrip()
            break


def table_of_contents(tokens: list[Token]) -> list[TocEntry]:
    """The second- and third-level headings of a parsed document, in order."""
    entries = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in TOC_LEVELS and token.level == 0:
            text = plain_text(tokens[index + 1]).strip()
            entries.append(
                TocEntry(level=int(token.tag[1]), id=str(token.attrGet("id")), text=text)
            )
    return entries
