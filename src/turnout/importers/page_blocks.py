"""The pieces a page's sections are made of: blocks (paragraphs, list items, rows of a
table of events) and their links, read from markdown's inline tokens, from HTML anchors and
from addresses written out.

Apart from `document`, which splits a page into sections of these blocks, so that tables
(`page_tables`) read their cells by the same rules without importing the page reader.
"""

import html
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from markdown_it.token import Token


@dataclass(frozen=True)
class Link:
    text: str
    url: str

    def __post_init__(self) -> None:
        # What cannot be taken apart as an address ("https://lu：.ma/x", "http://[::1") links
        # nowhere: it stays text, and nothing after this takes it apart.
        url = without_trackers(unwrapped(self.url)) if is_address(self.url) else ""
        object.__setattr__(self, "url", url)


# Where a site sends a click through itself before the page it leads to: Google's
# "google.com/url?q=…" (Docs, Gmail, search) and Facebook's "l.facebook.com/l.php?u=…".
_REDIRECTS = {
    ("google.com", "/url"): ("q", "url"),
    ("l.facebook.com", "/l.php"): ("u",),
    ("lm.facebook.com", "/l.php"): ("u",),
    ("l.messenger.com", "/l.php"): ("u",),
    ("l.instagram.com", "/"): ("u",),
}


def unwrapped(url: str) -> str:
    """The page a redirect wrapper leads to ("https://www.google.com/url?q=https://lu.ma/x&sa=D"
    is "https://lu.ma/x"), so that a link copied from a Google Doc or a Facebook post is the
    link its author meant; any other address as it is."""
    if "?" not in url:
        return url
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    names = _REDIRECTS.get((host, parts.path or "/"), ())
    for name, value in parse_qsl(parts.query):
        if name in names and is_address(value) and urlsplit(value).scheme in {"http", "https"}:
            return value
    return url


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
# "aff" is the source Eventbrite tags its own links with ("?aff=ebdssbcollection").
_TRACKER = re.compile(r"^(?:utm_.*|fbclid|gclid|mc_cid|mc_eid|igshid|ref_src|aff)$", re.I | re.S)


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


# A line struck through from its first word to its last: "- ~~**Košice** – Hlavná ulica~~",
# "<li><del>Nitra – 17:00</del></li>". Words after the strike ("~~Lille~~ → Roubaix") say
# what became of it instead, and are read as such.
_STRUCK_LINE = re.compile(
    r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])?\s*(?:<li[^>]*>\s*)?"
    r"(?:~~(?P<tilde>.+?)~~|<(?P<tag>del|s|strike)(?:\s[^>]*)?>(?P<html>.+?)</(?P=tag)\s*>)"
    r"\s*(?:</li\s*>)?[\s.;,]*$",
    re.I,
)


def is_struck_through(block: Block) -> bool:
    """Whether the block's first line is struck through whole, with no word beside it: an
    event called off without a word saying so."""
    return is_struck_line(block.source.strip().split("\n", 1)[0])


def is_struck_line(written: str) -> bool:
    """Whether a line of markdown or HTML is struck through whole (`is_struck_through`)."""
    found = _STRUCK_LINE.match(written.strip())
    return found is not None and bool(re.search(r"\w", found["tilde"] or found["html"] or ""))


def is_only_links(block: Block) -> bool:
    """Whether a block is nothing but its links ("[Sign up](...)", "[Wired](...), [Time](...)")."""
    rest = block.text
    for link in block.links:
        rest = rest.replace(link.text, "", 1)
    return bool(block.links) and len(re.sub(r"[\W_]+", "", rest)) <= 3


def inline_words(inline: Token) -> tuple[str, list[Link]]:
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


# Chat invitations and signup or call pages people write without "https://" ("t.me/vigil",
# "chat.whatsapp.com/X", "lu.ma/x", "partiful.com/e/x", "meet.jit.si/x", "linktr.ee/x"):
# hosts whose every address with a path is a page of its own, so no sentence's words are
# taken for one.
_BARE_CHAT = re.compile(
    r"(?<![\w./@:-])(?:www\.)?(?:t\.me|telegram\.me|chat\.whatsapp\.com|wa\.me|discord\.gg|"
    r"discord\.com/invite|signal\.group|lu\.ma|luma\.com|partiful\.com/e|"
    r"eventbrite\.(?:com|co\.uk|ie|de|fr|es|it|nl|ca|com\.au)/e|meetup\.com|mobilize\.us|"
    r"actionnetwork\.org/events|forms\.gle|bit\.ly|tinyurl\.com|fb\.me/e|"
    r"facebook\.com/events|meet\.jit\.si|(?:[\w-]+\.)?zoom\.us/j|pretix\.eu|linktr\.ee)"
    r"/[^\s<>()\[\]\"'`]+",
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


def html_words(inner: str) -> tuple[str, list[Link]]:
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


_HTML_TAG = re.compile(r"<[^>]+>")
