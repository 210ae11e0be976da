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
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from turnout.content.embeds import embed_block_rule
from turnout.content.frontmatter import FrontMatter
from turnout.content.headings import EXPLICIT_ID, assign_heading_ids

from .export_residue import export_residue_removed
from .front_matter import read_front_matter


@dataclass(frozen=True)
class Link:
    text: str
    url: str

    def __post_init__(self) -> None:
        # What cannot be taken apart as an address ("https://lu：.ma/x", "http://[::1") links
        # nowhere: it stays text, and nothing after this takes it apart.
        url = without_trackers(self.url) if is_address(self.url) else ""
        object.__setattr__(self, "url", url)


def is_address(url: str) -> bool:
    """Whether `url` can be taken apart at all: Python refuses a host that folds to another
    (a full-width colon), an unclosed IPv6 bracket and a port out of range."""
    try:
        parts = urlsplit(url)
        parts.hostname, parts.port  # noqa: B018  (each checks its part)
    except ValueError:
        return False
    return True


# Parameters that only tell a newsletter or an ad which click came from it.
_TRACKER = re.compile(r"^(?:utm_.*|fbclid|gclid|mc_cid|mc_eid|igshid|ref_src)$", re.I | re.S)


def without_trackers(url: str) -> str:
    """`url` without its click trackers ("?utm_source=newsletter&utm_medium=email"), so one
    signup page is one link however a page's author copied it."""
    if "?" not in url:
        return url
    parts = urlsplit(url)
    kept = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKER.match(k)
    ]
    if len(kept) == len(parse_qsl(parts.query, keep_blank_values=True)):
        return url
    return urlunsplit(parts._replace(query=urlencode(kept)))


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
    is_row: bool = False  # a row of a table of events


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
    parser.enable(["table", "strikethrough"])
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
    body = export_residue_removed(body)
    problems: list[tuple[int, str]] = [(1, error) for error in errors]
    offset = text[: len(text) - len(body)].count("\n") + 1  # line of the body's first line
    lines = body.split("\n")
    env: dict = {}  # the page's reference links ("[gent]: https://…"), for lines read apart
    sections = _sections(_parser.parse(body, env), lines, offset, env)
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
            elif depth < 0 and (items := _line_items(token.content, line, env, quote > 0)):
                sections[-1].blocks += items
                continue
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
                items = (
                    _html_list_items(token.content, start + offset)
                    or _html_table_rows(token.content, start + offset)
                    or _html_text(token.content, start + offset)
                )
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


# A line that opens with a flag ("🇩🇪 Berlin – …") or with a name in bold and a dash or comma
# ("**Kraków** – …"; not a label, "**When:**", nor a sentence, "**Note** bring water") is one
# place of a list written without bullets.
_LIST_LINE = re.compile(r"^\W*?[\U0001F1E6-\U0001F1FF]{2}|^\s*\*\*[^*:\n]+\*\*\s*[-–—|,(]")


def _line_items(content: str, line: int, env: dict, is_quote: bool) -> list[Block]:
    """The lines of a paragraph written as a list without its bullets, one item each; [] for
    a paragraph that is not such a list (fewer than two lines, or a line of another kind)."""
    written = content.split("\n")
    if len(written) < 2 or not all(_LIST_LINE.match(text) for text in written):
        return []
    items = []
    for number, text in enumerate(written):
        inline = _parser.parseInline(text, env)
        words, links = _flatten(inline[0]) if inline else (text, [])
        items.append(Block("item", line + number, words, text, links, is_quote=is_quote))
    return items


def _table_rows(tokens: list[Token], start: int, offset: int) -> list[Block]:
    """A markdown table of events as one item per row (see `_event_rows`)."""
    rows: list[tuple[int, list[tuple[str, list[Link]]]]] = []
    for index in range(start + 1, len(tokens)):
        token = tokens[index]
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            rows.append(((token.map[0] if token.map else 0) + offset, []))
        elif token.type == "inline" and rows:
            rows[-1][1].append(_flatten(token))
    titled = [(text, links) for text, links in rows[0][1] if text.strip()] if rows else []
    if len(titled) == 1 and len(rows) > 2 and len(rows[0][1]) > 1:
        # "| Mahnwachen am 14. Juni 2027 | | |" over the labels: a title row, read as the
        # line before the table (it may give the day), the labels are the second row's.
        if events := _event_rows(rows[1:]):
            (text, links) = titled[0]
            return [Block("paragraph", rows[0][0], text, text, links), *events]
    return _event_rows(rows)


# The column of a table that names the state, province or country of each row's city.
_REGION_LABELS = frozenset(
    {
        "state", "province", "region", "country", "land", "bundesland", "provincie", "pays",
        "etat", "pais", "estado", "provincia", "paese", "regione", "kraj", "wojewodztwo",
        "lan", "fylke",
    }
)  # fmt: skip


def _event_rows(rows: list[tuple[int, list[tuple[str, list[Link]]]]]) -> list[Block]:
    """A table of events (date | city | venue | link, columns in any order) as one item per
    row, written the way a city bullet is: "10/18/2025: Foley Square, New York, NY – RSVP",
    or "Antwerpen – Groenplaats – 14u–16u" when no column gives the day; [] for another
    table. A state or country column left empty under a row that gives one (a merged cell)
    is that row's."""
    from .dates import find_dates
    from .details import is_cancelled
    from .event_words import CITY_LABELS
    from .times import find_times
    from .vocabulary import WHEN_LABELS, WHERE_LABELS, fold, phrases

    if len(rows) < 2:
        return []
    roles = []
    labels = [fold(text.strip(" *_:")) for text, _links in rows[0][1]]
    # "Plaats" is a city or a venue in Dutch: a venue when another column is the city's.
    only_city = [
        label in phrases(CITY_LABELS) and label not in phrases(WHERE_LABELS) for label in labels
    ]
    for label in labels:
        if label in phrases(WHEN_LABELS):
            roles.append("when")
        elif label in phrases(CITY_LABELS) and not (
            any(only_city) and label in phrases(WHERE_LABELS)
        ):
            roles.append("city")
        elif label in phrases(WHERE_LABELS):
            roles.append("venue")
        elif label in _REGION_LABELS:
            roles.append("region")
        else:
            roles.append("other")
    if "city" not in roles and "venue" not in roles and not _gives_days(rows[1:], roles):
        return []
    if "when" not in roles and "city" not in roles:
        return []
    blocks = []
    region = ""
    for line, cells in rows[1:]:
        by_role: dict[str, list[str]] = {"when": [], "venue": [], "city": [], "other": []}
        by_role["region"] = []
        links: list[Link] = []
        for role, (text, cell_links) in zip(roles, cells, strict=False):
            if text.strip():
                by_role[role].append(" ".join(text.split()))
            links += cell_links
        # A date cell saying its event is off ("01.10.2027 abgesagt"): the day, then the word.
        for cell in list(by_role["when"]):
            day, _space, verdict = cell.rpartition(" ")
            if day and re.search(r"\d", day) and is_cancelled(verdict, None):
                by_role["when"][by_role["when"].index(cell)] = day
                by_role["other"].append(verdict)
        # "por confirmar" in the time column: the row opens with its place, not its hours,
        # and the words are a note on it, in brackets.
        notes = ""
        if not any(find_dates(when) or find_times(when) for when in by_role["when"]):
            notes = f" ({'; '.join(by_role['when'])})" if by_role["when"] else ""
            by_role["when"] = []
        if "region" in roles:
            region = ", ".join(by_role["region"]) or region
            by_role["city"] += [region] if region else []
        if by_role["when"]:
            place = ", ".join(by_role["venue"] + by_role["city"])
            text = f"{' '.join(by_role['when'])}: {place}"
        else:
            text = " – ".join([", ".join(by_role["city"]), *by_role["venue"]]) + notes
        if by_role["other"]:
            text += " – " + " – ".join(by_role["other"])
        blocks.append(Block("item", line, text, text, links, is_row=True))
    return blocks


def _gives_days(rows: list[tuple[int, list[tuple[str, list[Link]]]]], roles: list[str]) -> bool:
    """Whether the "when" column of a table without places gives days ("Sunday 7 February
    2027 | Pacific islands | [Humanitix](…)"): the days of the one place the page names."""
    from .dates import find_dates

    whens = [
        text
        for _line, cells in rows
        for role, (text, _links) in zip(roles, cells, strict=False)
        if role == "when"
    ]
    return bool(whens) and all(find_dates(text) for text in whens if text.strip())


_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?=</tr\s*>|<tr\b|</table\s*>|\Z)", re.I | re.S)
_HTML_CELL = re.compile(r"<t([hd])\b([^>]*)>(.*?)(?=</t[hd]\s*>|<t[hd]\b|</tr\s*>|\Z)", re.I | re.S)
_COLSPAN = re.compile(r"""colspan\s*=\s*["']?(\d+)""", re.I)


def _html_table_rows(content: str, line: int) -> list[Block]:
    """A table of events written in HTML inside the markdown, read as a markdown one is."""
    if not re.match(r"\s*<table\b", content, re.I):
        return []
    rows: list[tuple[int, list[tuple[str, list[Link]]]]] = []
    for row in _HTML_ROW.finditer(content):
        cells: list[tuple[str, list[Link]]] = []
        for _kind, attributes, inner in _HTML_CELL.findall(row.group(1)):
            cells.append(_html_words(inner))
            span = _COLSPAN.search(attributes)
            cells += [("", [])] * (min(int(span.group(1)), 20) - 1 if span else 0)
        rows.append((line + content[: row.start()].count("\n"), cells))
    return _event_rows(rows)


# HTML a page writes its text in (not an embed, a script or a form, which are read apart).
_HTML_TEXT = re.compile(r"\s*<(?:p|div|section|article|h[1-6])\b", re.I)
_HTML_NOT_TEXT = re.compile(
    r"<(?:script|iframe|blockquote|form|embed|object|style)\b|consent", re.I
)
_HTML_HEADING = re.compile(r"<h[1-6]\b", re.I)
_HTML_BREAK = re.compile(r"</?(?:p|div|section|article|h[1-6]|br|li|ul|ol)\b[^>]*>", re.I)


def _html_text(content: str, line: int) -> list[Block]:
    """Paragraphs a page wrote in HTML ("<p>Join us on <strong>12 April</strong></p>") as
    paragraphs; an event card (a heading over its details: "<h3>Tucson, AZ</h3><p>…</p>")
    as one item whose parts are read as a city bullet's ("Tucson, AZ – Pima County … –
    6:00 PM – 9:00 PM MST – Sign up"); [] for other HTML."""
    if not _HTML_TEXT.match(content) or _HTML_NOT_TEXT.search(content):
        return []
    pieces = [_html_words(piece) for piece in _HTML_BREAK.split(content)]
    pieces = [(text, links) for text, links in pieces if text]
    if not pieces:
        return []
    if _HTML_HEADING.search(content) and len(pieces) > 1:
        text = " – ".join(text for text, _links in pieces)
        links = [link for _text, piece_links in pieces for link in piece_links]
        return [Block("item", line, text, text, links)]
    return [Block("paragraph", line, text, text, links) for text, links in pieces]


def _html_words(inner: str) -> tuple[str, list[Link]]:
    """The words of a piece of HTML and its anchors as links."""
    links = [
        Link(html.unescape(_HTML_TAG.sub("", text)).strip(), html.unescape(url))
        for url, text in _HTML_ANCHOR.findall(inner)
    ]
    text = " ".join(html.unescape(_HTML_TAG.sub(" ", inner)).split())
    text = re.sub(r"\s+([,.;:)])", r"\1", text)  # "<strong>Leeds</strong>, UK"
    linked = {link.url for link in links}
    links += [link for link in bare_links(text) if link.url not in linked]
    return text, links


_HTML_ITEM = re.compile(r"<li\b[^>]*>(.*?)(?=</li\s*>|<li\b|</[uo]l\s*>|\Z)", re.I | re.S)
_HTML_TAG = re.compile(r"<[^>]+>")


def _html_list_items(content: str, line: int) -> list[Block]:
    """The items of a list a WordPress or Google Docs export left as HTML ("<ul><li>…"),
    read as markdown bullets are: their words, and their anchors as links."""
    if not re.match(r"\s*<(?:ul|ol|li)\b", content, re.I):
        return []
    items = []
    for match in _HTML_ITEM.finditer(content):
        text, links = _html_words(match.group(1))
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
    """The visible text of an inline token and its links, in order. Words struck through
    after the start of a line are a detail replaced ("~~Stationsplein~~ uitgesteld", "~~1 May~~
    moved to 15 May") and left out; a line struck from its start keeps them: it names the
    event called off ("~~Lille : Grand'Place, 14h~~ — annulé")."""
    words: list[str] = []
    links: list[Link] = []
    open_link: tuple[str, int] | None = None
    struck_from: int | None = None
    for child in inline.children or []:
        if child.type == "s_open":
            line_so_far = "".join(words).rsplit("\n", 1)[-1]
            struck_from = len(words) if line_so_far.strip() else None
        elif child.type == "s_close":
            if struck_from is not None:
                del words[struck_from:]
            struck_from = None
        elif child.type == "text" and open_link is None:
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
