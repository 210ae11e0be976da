"""A markdown page read into what the importer reasons about: front matter and sections.

Each section (the part before the first heading, then one per heading of any level) keeps its
paragraphs, list items, embeds and raw HTML in order, each with the line it starts on in the
file and its links. Front matter, heading ids and embeds are read by the content app's own
code (`turnout.content`), so an imported page means to the importer what it means to the site.
Links are markdown links, addresses written out ("RSVP: https://lu.ma/x") and the HTML anchors
exports leave; a list left as HTML ("<ul><li>…") is read as list items.
"""

import html
import re
from dataclasses import dataclass, field
from datetime import datetime

from markdown_it import MarkdownIt
from markdown_it.token import Token

from turnout.content.embeds import embed_block_rule
from turnout.content.frontmatter import FrontMatter
from turnout.content.headings import EXPLICIT_ID, assign_heading_ids

from .front_matter import read_front_matter


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass
class Block:
    """A paragraph, a list item, an embed or a piece of raw HTML."""

    kind: str  # "paragraph", "item", "embed", "html", "other"
    line: int  # where it starts in the file, from 1
    text: str = ""  # the visible words, links reduced to their text
    source: str = ""  # the markdown as written
    links: list[Link] = field(default_factory=list)
    depth: int = 0  # how deep a list item is nested
    is_quote: bool = False


@dataclass
class Section:
    heading: str  # "" for the part before the first heading
    level: int  # 0 for that part
    line: int
    heading_id: str = ""
    blocks: list[Block] = field(default_factory=list)
    source: str = ""  # the section's markdown, without its heading

    def items(self, *, depth: int | None = 0) -> list[Block]:
        return [b for b in self.blocks if b.kind == "item" and (depth is None or b.depth == depth)]

    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]


@dataclass
class Document:
    front_matter: FrontMatter
    sections: list[Section]
    body: str
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, what went wrong)
    posted_at: datetime | None = None  # the front-matter date when it gives a time

    def blocks(self) -> list[Block]:
        return [block for section in self.sections for block in section.blocks]

    @property
    def title(self) -> str:
        if self.front_matter.title:
            return self.front_matter.title
        first = next((s for s in self.sections if s.level == 1), None)
        return first.heading if first else ""

    @property
    def headings(self) -> list[Section]:
        return [s for s in self.sections if s.level > 0]


def is_only_links(block: Block) -> bool:
    """Whether a block is nothing but its links ("[Sign up](...)", "[Wired](...), [Time](...)")."""
    rest = block.text
    for link in block.links:
        rest = rest.replace(link.text, "", 1)
    return bool(block.links) and len(re.sub(r"[\W_]+", "", rest)) <= 3


def _build_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    parser.enable("table")
    parser.block.ruler.before(
        "table", "embed", embed_block_rule, {"alt": ["paragraph", "reference", "blockquote"]}
    )
    parser.core.ruler.after("inline", "heading_ids", assign_heading_ids)
    return parser


_parser = _build_parser()
_LIST_MARKER = re.compile(r"^(?:[-*+]|\d{1,9}[.)])\s+")


def read_document(text: str) -> Document:
    """Read a markdown page; problems with its front matter are noted, never raised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front_matter, body, posted_at, errors = read_front_matter(text)
    problems: list[tuple[int, str]] = [(1, error) for error in errors]
    offset = text[: len(text) - len(body)].count("\n") + 1  # line of the body's first line
    lines = body.split("\n")
    sections = _sections(_parser.parse(body), lines, offset)
    return Document(
        front_matter=front_matter,
        sections=sections,
        body=body,
        problems=problems,
        posted_at=posted_at,
    )


def _sections(tokens: list[Token], lines: list[str], offset: int) -> list[Section]:
    sections = [Section(heading="", level=0, line=offset)]
    starts = [0]
    depth = -1  # list nesting: -1 outside any list
    in_item_first_paragraph: list[bool] = []
    quote = 0
    for index, token in enumerate(tokens):
        start = token.map[0] if token.map else 0
        if token.type == "heading_open":
            inline = tokens[index + 1]
            sections.append(
                Section(
                    heading=EXPLICIT_ID.sub("", _plain(inline)).strip(),
                    level=int(token.tag[1]),
                    line=start + offset,
                    heading_id=str(token.attrGet("id") or ""),
                )
            )
            starts.append(start)
        elif token.type in {"bullet_list_open", "ordered_list_open"}:
            depth += 1
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            depth -= 1
        elif token.type == "list_item_open":
            in_item_first_paragraph.append(True)
        elif token.type == "list_item_close":
            in_item_first_paragraph.pop()
        elif token.type == "blockquote_open":
            quote += 1
        elif token.type == "blockquote_close":
            quote -= 1
        elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
            opener = tokens[index - 1]
            line = (opener.map[0] if opener.map else 0) + offset
            if in_item_first_paragraph and in_item_first_paragraph[-1]:
                in_item_first_paragraph[-1] = False
                kind = "item"
                source = _item_source(lines, opener.map)
            else:
                kind, source = "paragraph", token.content
            text, links = _flatten(token)
            sections[-1].blocks.append(
                Block(kind, line, text, source, links, max(depth, 0), is_quote=quote > 0)
            )
        elif token.type == "embed":
            url = token.meta.get("url", "")
            sections[-1].blocks.append(Block("embed", start + offset, url, url))
        elif token.type == "html_block":
            if depth < 0:  # HTML inside a list item is a comment or decoration
                items = _html_list_items(token.content, start + offset)
                sections[-1].blocks += items or [Block("html", start + offset, token.content)]
        elif token.type == "table_open" and depth < 0:
            rows = _table_rows(tokens, index, offset)
            sections[-1].blocks += rows or [Block("other", start + offset)]
        elif token.type in {"fence", "code_block"} and depth < 0:
            sections[-1].blocks.append(Block("other", start + offset))
    for number, section in enumerate(sections):
        first = starts[number] + (1 if number else 0)
        last = starts[number + 1] if number + 1 < len(starts) else len(lines)
        section.source = "\n".join(lines[first:last]).strip("\n")
    return sections


def _table_rows(tokens: list[Token], start: int, offset: int) -> list[Block]:
    """A table of events (date | city | venue | link) as one item per row, written the way a
    city bullet is: "10/18/2025: Foley Square, New York, NY – RSVP"; [] for another table."""
    from .event_words import CITY_LABELS
    from .vocabulary import WHEN_LABELS, WHERE_LABELS, fold, phrases

    rows: list[tuple[int, list[tuple[str, list[Link]]]]] = []
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            rows.append(((token.map[0] if token.map else 0) + offset, []))
        elif token.type == "inline" and rows:
            rows[-1][1].append(_flatten(token))
    if len(rows) < 2:
        return []
    roles = []
    for text, _links in rows[0][1]:
        label = fold(text.strip(" *_:"))
        if label in phrases(WHEN_LABELS):
            roles.append("when")
        elif label in phrases(CITY_LABELS):
            roles.append("city")
        elif label in phrases(WHERE_LABELS):
            roles.append("venue")
        else:
            roles.append("other")
    if "when" not in roles or not {"city", "venue"} & set(roles):
        return []
    blocks = []
    for line, cells in rows[1:]:
        by_role: dict[str, list[str]] = {"when": [], "venue": [], "city": [], "other": []}
        links: list[Link] = []
        for role, (text, cell_links) in zip(roles, cells, strict=False):
            if text.strip():
                by_role[role].append(" ".join(text.split()))
            links += cell_links
        place = ", ".join(by_role["venue"] + by_role["city"])
        text = f"{' '.join(by_role['when'])}: {place}"
        if by_role["other"]:
            text += " – " + " – ".join(by_role["other"])
        blocks.append(Block("item", line, text, text, links))
    return blocks


_HTML_ITEM = re.compile(r"<li\b[^>]*>(.*?)(?=</li\s*>|<li\b|</[uo]l\s*>|\Z)", re.I | re.S)
_HTML_TAG = re.compile(r"<[^>]+>")


def _html_list_items(content: str, line: int) -> list[Block]:
    """The items of a list a WordPress or Google Docs export left as HTML ("<ul><li>…"),
    read as markdown bullets are: their words, and their anchors as links."""
    if not re.match(r"\s*<(?:ul|ol|li)\b", content, re.I):
        return []
    items = []
    for match in _HTML_ITEM.finditer(content):
        inner = match.group(1)
        links = [
            Link(html.unescape(_HTML_TAG.sub("", text)).strip(), html.unescape(url))
            for url, text in _HTML_ANCHOR.findall(inner)
        ]
        text = " ".join(html.unescape(_HTML_TAG.sub(" ", inner)).split())
        text = re.sub(r"\s+([,.;:)])", r"\1", text)  # "<strong>Leeds</strong>, UK"
        linked = {link.url for link in links}
        links += [link for link in bare_links(text) if link.url not in linked]
        number = line + content[: match.start()].count("\n")
        if text:
            items.append(Block("item", number, text, text, links))
    return items


def _item_source(lines: list[str], span: list[int] | None) -> str:
    if not span:
        return ""
    text = "\n".join(line.strip() for line in lines[span[0] : span[1]])
    return _LIST_MARKER.sub("", text.strip(), count=1)


def _plain(inline: Token) -> str:
    return _flatten(inline)[0]


def _flatten(inline: Token) -> tuple[str, list[Link]]:
    """The visible text of an inline token and its links, in order."""
    words: list[str] = []
    links: list[Link] = []
    open_link: tuple[str, int] | None = None
    for child in inline.children or []:
        if child.type == "text" and open_link is None:
            words.append(child.content)
            links += bare_links(child.content)
        elif child.type in {"text", "code_inline"}:
            words.append(child.content)
        elif child.type == "html_inline" and (anchor := _ANCHOR_OPEN.match(child.content)):
            open_link = (html.unescape(anchor.group(1)), len(words))
        elif child.type in {"softbreak", "hardbreak"}:
            words.append("\n")
        elif child.type == "image":
            words.append(child.content)
        elif child.type == "link_open":
            open_link = (str(child.attrGet("href") or ""), len(words))
        elif child.type == "link_close" or (
            child.type == "html_inline" and _ANCHOR_CLOSE.match(child.content)
        ):
            if open_link is None:
                continue
            url, first = open_link
            links.append(Link("".join(words[first:]).strip(), url))
            open_link = None
    return "".join(words), links


# Pages exported from WordPress or Google Docs keep their links as HTML anchors.
_ANCHOR_OPEN = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*["']([^"']+)["']""", re.I)
_ANCHOR_CLOSE = re.compile(r"</a\s*>", re.I)
_HTML_ANCHOR = re.compile(
    r"""<a\s[^>]*?\bhref\s*=\s*["']([^"']+)["'][^>]*>(.*?)</a\s*>""", re.I | re.S
)
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+", re.I)


def bare_urls(text: str) -> list[str]:
    """The URLs written out without markdown ("RSVP: https://lu.ma/x."), without the
    punctuation that ends their sentence."""
    return [url.rstrip(".,;:!?*_") for url in _BARE_URL.findall(text)]


# Chat invitations people write without "https://" ("t.me/vigil", "chat.whatsapp.com/X").
_BARE_CHAT = re.compile(
    r"(?<![\w./@:-])(?:www\.)?(?:t\.me|telegram\.me|chat\.whatsapp\.com|wa\.me|discord\.gg|"
    r"discord\.com/invite|signal\.group)/[^\s<>()\[\]\"'`]+",
    re.I,
)


def bare_links(text: str) -> list[Link]:
    """The links written out in `text`: full addresses, and chat invitations written without
    their scheme, each kept as written (its text) and as an address (its URL)."""
    links = [Link(url, url) for url in bare_urls(text)]
    for match in _BARE_CHAT.finditer(text):
        written = match.group().rstrip(".,;:!?*_")
        links.append(Link(written, f"https://{written}"))
    return links
