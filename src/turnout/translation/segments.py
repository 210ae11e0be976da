"""Segments: the blocks a text is translated in (heading, paragraph, list item, table row,
blockquote, front-matter value), and the skeleton that puts translated blocks back together.

Headings are given their id explicitly (`## Title {#id}`) before translation, so a translated
page keeps the anchors of the source language. Code, embeds, rules and blocks without words
stay in the skeleton and are never sent.
"""

import hashlib
from dataclasses import dataclass, field

import yaml

from turnout.content.frontmatter import join_front_matter, split_front_matter
from turnout.content.markdown import parser

from .placeholders import has_words, protect

TRANSLATED_FRONT_MATTER = ("title", "description")


class Kind:
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    QUOTE = "quote"
    FRONT_MATTER = "front_matter"


def source_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Segment:
    kind: str
    text: str
    key: str = ""  # the front-matter key for front-matter values

    @property
    def hash(self) -> str:
        return source_hash(self.text)


@dataclass
class SplitText:
    """A text cut into segments; `parts` interleaves literal strings and segment indexes."""

    segments: list[Segment] = field(default_factory=list)
    parts: list[str | int] = field(default_factory=list)
    front_matter: dict = field(default_factory=dict)

    def assemble(self, texts: list[str]) -> str:
        """The text again, with `texts[i]` in place of segment i (same order as `segments`)."""
        values = dict(self.front_matter)
        for index, segment in enumerate(self.segments):
            if segment.kind == Kind.FRONT_MATTER:
                values[segment.key] = texts[index]
        body = "".join(texts[part] if isinstance(part, int) else part for part in self.parts)
        return join_front_matter(values, body) if self.front_matter else body


def split_text(text: str) -> SplitText:
    """Cut markdown (front matter allowed) into translatable segments and a skeleton."""
    result = SplitText()
    raw, body = split_front_matter(text or "")
    if raw.strip():
        data = yaml.safe_load(raw)
        if isinstance(data, dict):
            result.front_matter = data
            for key in TRANSLATED_FRONT_MATTER:
                value = data.get(key)
                if isinstance(value, str) and has_words(protect(value).text):
                    result.segments.append(Segment(Kind.FRONT_MATTER, value.strip(), key))
    _split_body(body, result)
    return result


def _split_body(body: str, result: SplitText) -> None:
    lines = body.splitlines(keepends=True)
    tokens = parser.parse(body)
    cursor = 0

    def literal_until(line: int) -> None:
        nonlocal cursor
        if line > cursor:
            result.parts.append("".join(lines[cursor:line]))
            cursor = line

    def segment(kind: str, start: int, end: int, text: str | None = None) -> None:
        nonlocal cursor
        literal_until(start)
        chunk = "".join(lines[start:end])
        content = chunk.rstrip("\n") if text is None else text
        if has_words(protect(content).text):
            result.segments.append(Segment(kind, content))
            result.parts.append(len(result.segments) - 1)
            result.parts.append(chunk[len(chunk.rstrip("\n")) :] if text is None else "\n")
        else:
            result.parts.append(chunk)
        cursor = end

    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        start, end = token.map
        if token.level == 0 and token.type == "heading_open":
            inline = tokens[index + 1]
            level = int(token.tag[1])
            heading = f"{'#' * level} {inline.content.strip()} {{#{token.attrGet('id')}}}"
            segment(Kind.HEADING, start, end, heading)
        elif token.level == 0 and token.type == "paragraph_open":
            segment(Kind.PARAGRAPH, start, end)
        elif token.level == 0 and token.type == "blockquote_open":
            segment(Kind.QUOTE, start, end)
        elif token.level == 1 and token.type == "list_item_open":
            segment(Kind.LIST_ITEM, start, _item_end(lines, start, end))
        elif token.level == 2 and token.type == "tr_open":
            segment(Kind.TABLE_ROW, start, end)
        elif token.level == 0 and token.type in {
            "fence",
            "code_block",
            "hr",
            "embed",
            "html_block",
        }:
            literal_until(end)
    literal_until(len(lines))


def _item_end(lines: list[str], start: int, end: int) -> int:
    """A list item's last line, leaving the blank lines of a loose list to the skeleton."""
    while end - 1 > start and not lines[end - 1].strip():
        end -= 1
    return end
