"""A markdown page read into what the importer reasons about: front matter and sections.

Each section (the part before the first heading, then one per heading of any level) keeps its
paragraphs, list items, embeds and raw HTML in order, each with the line it starts on in the
file and its links. Front matter, heading ids and embeds are read by the content app's own
code (`turnout.content`), so an imported page means to the importer what it means to the site.
Links are markdown links, addresses written out ("RSVP: https://lu.ma/x") and the HTML anchors
exports leave; HTML is read by `page_html`.
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

from .countries import FLAG_PATTERN
from .export_residue import export_residue_removed
from .front_matter import events_table, read_front_matter
from .page_blocks import Block as Block
from .page_blocks import Link as Link
from .page_blocks import bare_links as bare_links
from .page_blocks import bare_urls as bare_urls
from .page_blocks import inline_words
from .page_blocks import is_address as is_address
from .page_blocks import is_only_links as is_only_links
from .page_blocks import without_trackers as without_trackers
from .page_html import html_blocks
from .page_plain_text import email_headers_as_front_matter, plain_cards_as_headings
from .page_tables import table_rows
from .wiki_markup import wiki_markup_as_markdown


@dataclass
class Section:
    heading: str  # "" for the part before the first heading
    level: int  # 0 for that part
    line: int
    heading_id: str = ""
    blocks: list[Block] = field(default_factory=list)
    heading_links: list[Link] = field(default_factory=list)  # "### [Lisboa](https://…)"
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
        return first.heading if first else html_title(self.body)

    @property
    def headings(self) -> list[Section]:
        return [s for s in self.sections if s.level > 0]


def _build_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    parser.enable(["table", "strikethrough"])
    parser.block.ruler.before(
        "table", "embed", embed_block_rule, {"alt": ["paragraph", "reference", "blockquote"]}
    )
    parser.core.ruler.after("inline", "heading_ids", assign_heading_ids)
    return parser


_parser = _build_parser()
_LIST_MARKER = re.compile(r"^(?:[-*+]|\d{1,9}[.)])\s+")
# "- 14. Juni: Berlin" is a bullet opening with a day, as German and others write it; markdown
# reads "14." as a numbered list inside the bullet and loses the number, so it is escaped.
_DAY_AFTER_BULLET = re.compile(r"^(\s*[-*+]\s+)(0?[1-9]|[12]\d|3[01])([.)])(?=\s)", re.MULTILINE)


# Bullets typed as characters, as Google Docs and Word leave them when copied as text
# ("●&nbsp;&nbsp;**Pittsburgh, PA** …", "•\tBerlin …"): markdown's own.
_TYPED_BULLET = re.compile(r"^([ \t]*)[●•○◦▪■►➢](?:&nbsp;|[ \t\u00a0])+", re.MULTILINE)


def read_document(text: str) -> Document:
    """Read a markdown page; problems with its front matter are noted, never raised."""
    text = email_headers_as_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    front_matter, body, posted_at, errors = read_front_matter(text)
    body = plain_cards_as_headings(export_residue_removed(wiki_markup_as_markdown(body)))
    body = _TYPED_BULLET.sub(r"\1- ", body)
    problems: list[tuple[int, str]] = [(1, error) for error in errors]
    offset = text[: len(text) - len(body)].count("\n") + 1  # line of the body's first line
    if table := events_table(front_matter.extra):  # after the body's lines, which it lacks
        body = f"{body.rstrip()}\n\n{table}\n"
    lines = body.split("\n")
    env: dict = {}  # the page's reference links ("[gent]: https://…"), for lines read apart
    parsed = _parser.parse(_DAY_AFTER_BULLET.sub(r"\1\2\\\3", body), env)
    sections = _sections(parsed, lines, offset, env)
    return Document(
        front_matter=front_matter,
        sections=sections,
        body=body,
        problems=problems,
        posted_at=posted_at,
    )


def _sections(tokens: list[Token], lines: list[str], offset: int, env: dict) -> list[Section]:
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
                    heading_links=inline_words(inline)[1],
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
            elif depth < 0 and (
                items := _line_items(token.content, line, env, quote > 0)
                or _card_item(token.content, line, env, quote > 0)
                or _button_item(token, line, quote > 0)
            ):
                sections[-1].blocks += items
                continue
            elif in_item_first_paragraph and _is_toggle_detail(sections[-1], token, depth):
                # A Notion toggle: "- Madrid" over its indented "Lugar: Puerta del Sol".
                text, links = inline_words(token)
                item = sections[-1].blocks[-1]
                item.text, item.links = f"{item.text} – {text}", [*item.links, *links]
                continue
            elif _FOOTNOTE.match(token.content):
                # "[^times]: Our last day was on 13 March, 10am–4pm": a note on another line,
                # whose days and hours are not the page's.
                kind, source = "other", token.content
            else:
                kind, source = "paragraph", token.content
            text, links = inline_words(token)
            if kind == "item":
                text = _bold_name_set_apart(token.content, text)
            sections[-1].blocks.append(
                Block(kind, line, text, source, links, max(depth, 0), is_quote=quote > 0)
            )
        elif token.type == "embed":
            url = token.meta.get("url", "")
            sections[-1].blocks.append(Block("embed", start + offset, url, url))
        elif token.type == "html_block":
            if depth < 0:  # HTML inside a list item is a comment or decoration
                items = html_blocks(token.content, start + offset)
                if items or not _ONLY_CLOSING_TAGS.fullmatch(token.content):  # "</aside>"
                    sections[-1].blocks += items or [Block("html", start + offset, token.content)]
        elif token.type == "table_open" and depth < 0:
            rows = table_rows(tokens, index, offset)
            sections[-1].blocks += rows or [Block("other", start + offset)]
        elif token.type in {"fence", "code_block"} and depth < 0:
            sections[-1].blocks.append(Block("other", start + offset))
    for number, section in enumerate(sections):
        first = starts[number] + (1 if number else 0)
        last = starts[number + 1] if number + 1 < len(starts) else len(lines)
        section.source = "\n".join(lines[first:last]).strip("\n")
    return sections


# A detail of a toggle's item, under it: "Lugar: Puerta del Sol", "**Hora:** 12:00".
_DETAIL_LABEL = re.compile(r"^[*_]{0,2}[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2}\s?[:：][*_]{0,2}\s*\S")
_TOGGLE_TITLE = 60


def _is_toggle_detail(section: Section, token: Token, depth: int) -> bool:
    """Whether a paragraph inside a list item is a labelled detail of that item, whose title
    is a short name: what a Notion toggle list exports ("- Madrid" over "Lugar: …")."""
    item = section.blocks[-1] if section.blocks else None
    return bool(
        item is not None
        and item.kind == "item"
        and item.depth == max(depth, 0)
        and len(item.text.split(" – ")[0]) <= _TOGGLE_TITLE
        and _DETAIL_LABEL.match(token.content)
    )


_ONLY_CLOSING_TAGS = re.compile(r"(?:\s*</[a-zA-Z][\w-]*\s*>)+\s*")

# A footnote's definition as GitHub, Pandoc and Obsidian write it: "[^1]: …", "[^note]: …".
_FOOTNOTE = re.compile(r"^\[\^[^\]\s]{1,40}\]:")


# A line that opens with a flag ("🇩🇪 Berlin – …") or with a name in bold and a dash, comma,
# middle dot or colon ("**Kraków** – …", "**Madrid** · …", "**臺北**：…", "**Lyon**: …"; not a
# label with its colon in bold, "**When:**", nor a sentence, "**Note** bring water") is one
# place of a list written without bullets; a label ("**Wann**: …") is read as one there too.
# WhatsApp writes bold with one asterisk, its colon inside: "*İstanbul:* 18.00, Taksim".
_LIST_LINE = re.compile(
    rf"^\W*?(?:{FLAG_PATTERN})|^\s*\*\*[^*:\n]+\*\*\s*[-–—|,(:：·•]|^\s*\*[^*:\s][^*:\n]{{0,40}}:\*\s"
)


def _line_items(content: str, line: int, env: dict, is_quote: bool) -> list[Block]:
    """The lines of a paragraph written as a list without its bullets, one item each; [] for
    a paragraph that is not such a list (fewer than two lines, or a line of another kind)."""
    written = content.split("\n")
    if len(written) < 2 or not all(_LIST_LINE.match(text) for text in written):
        return []
    items = []
    for number, text in enumerate(written):
        inline = _parser.parseInline(text, env)
        words, links = inline_words(inline[0]) if inline else (text, [])
        items.append(Block("item", line + number, words, text, links, is_quote=is_quote))
    return items


# A button of a page of links (Linktree, Beacons, a site's "all actions" page) that names a
# place, a day or an hour and what else: "[🗓️ Hamburg – Sa., 14.6., 15 Uhr](https://…)".
_BUTTON = re.compile(r"^\s*\[([^\[\]\n]{3,160})\]\([^()\s]+\)\s*$")
_BUTTON_PARTS = re.compile(r"\S\s[-–—|·•]\s\S.*\d|\d.*\S\s[-–—|·•]\s\S")


def _button_item(token: Token, line: int, is_quote: bool) -> list[Block]:
    """A paragraph that is only one link whose words are in parts, one of them with a digit,
    as an item: each button of a page of links is one event's line, its link the signup."""
    match = _BUTTON.match(token.content)
    if match is None or not _BUTTON_PARTS.search(match.group(1)):
        return []
    text, links = inline_words(token)
    return [Block("item", line, text, token.content, links, is_quote=is_quote)]


# A paragraph's first line wholly in bold, a name or a day and a name, not a label.
_CARD_TITLE = re.compile(r"^\s*\*\*[^*\n]{2,80}(?<!:)\*\*\s*$")


def _card_item(content: str, line: int, env: dict, is_quote: bool) -> list[Block]:
    """A paragraph that opens with a line in bold over the lines of its details ("**Sat 14th
    — Philadelphia**" over "City Hall, 11am. [RSVP](…)"), or with one place's line of a list
    without bullets ("**Vienna** — Praterstern, noon" over "RSVP: https://…"), as one item, as
    an event card is read; [] for any other paragraph."""
    title, _newline, details = content.partition("\n")
    is_place_line = bool(_LIST_LINE.match(title)) and not _LIST_LINE.match(details)
    if not is_place_line and (not details.strip() or not _CARD_TITLE.match(title)):
        return []
    inline = _parser.parseInline(" – ".join([title.strip(), *details.split("\n")]), env)
    words, links = inline_words(inline[0]) if inline else (content, [])
    return [Block("item", line, words, content, links, is_quote=is_quote)]


# A bullet opening with a name in bold and then, after a mere space, its venue or its day
# ("**東京** 日比谷公園", "**Lyon** place Bellecour", "**大阪** 6月12日（土）14時"): the bold is
# where the name ends.
_BOLD_LEAD = re.compile(r"^\*\*([^*\n]{1,40}?)\*\*[ \u3000]+(?=[^\W_])")


def _bold_name_set_apart(source: str, text: str) -> str:
    """`text` with a dash after its bold opening name when only a space follows it."""
    match = _BOLD_LEAD.match(source)
    if not match or not text.startswith(match.group(1)):
        return text
    name = match.group(1)
    return f"{name} – {text[len(name) :].lstrip()}"


def _item_source(lines: list[str], span: list[int] | None) -> str:
    if not span:
        return ""
    text = "\n".join(line.strip() for line in lines[span[0] : span[1]])
    return _LIST_MARKER.sub("", text.strip(), count=1)


def _plain(inline: Token) -> str:
    return inline_words(inline)[0]


# A saved web page names itself in its <h1>, else in its <title>, whose last part after a
# separator is usually the site's name ("Klimaatmars Amsterdam · Luma").
_HTML_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
_HTML_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_SITE_AFTER = re.compile(r"\s+[·|–—-]\s+[^·|–—]{1,40}$")


def html_title(body: str) -> str:
    """The title a saved HTML page gives itself ("" when it gives none)."""
    head = body[:200_000]
    for pattern, drop_site in ((_HTML_H1, False), (_HTML_TITLE, True)):
        if match := pattern.search(head):
            text = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", match[1])).split())
            if drop_site:
                text = _SITE_AFTER.sub("", text)
            if text:
                return text[:200]
    return ""
