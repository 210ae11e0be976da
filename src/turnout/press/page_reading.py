"""What a news page says about itself: title, outlet, publication date and language.

News sites say it in several places, and each says it differently: Open Graph and Twitter
tags, schema.org JSON-LD (a `NewsArticle`, often inside an `@graph`), `itemprop` and Dublin
Core tags, and the plain <title> with the outlet after a bar ("Story | The Outlet"). Each is
read, the most specific first. Their bytes come in whatever encoding the page declares, in its
HTTP header or in a <meta charset> near its start.
"""

import codecs
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

# The tags that carry a publication date, the most specific first.
DATE_TAGS = (
    "article:published_time", "og:article:published_time", "og:published_time",
    "datepublished", "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date",
    "dcterms.date", "citation_publication_date", "parsely-pub-date", "sailthru.date",
    "publish-date", "publishdate", "pubdate", "date",
)  # fmt: skip
ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "report", "liveblogposting", "socialmediaposting",
}  # fmt: skip
MAX_JSON_LD_CHARS = 200_000
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I
)
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


@dataclass(frozen=True)
class PageMetadata:
    title: str = ""
    site_name: str = ""
    published_on: date | None = None
    language: str = ""


def decode_page(body: bytes, declared: str | None) -> str:
    """The page's text: the HTTP header's charset, else a byte order mark, else <meta
    charset>, else UTF-8 if it is that, else Windows-1252; never an error."""
    for name in (declared, _bom_encoding(body), _meta_charset(body[:4096])):
        if name and (codec := _codec(name)):
            return body.decode(codec, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


def _bom_encoding(body: bytes) -> str | None:
    if body.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _meta_charset(start: bytes) -> str | None:
    match = _META_CHARSET.search(start)
    return match.group(1).decode("ascii") if match else None


def _codec(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # HTML's rule: a page that says Latin-1 is read as Windows-1252 (its superset).
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


class _PageParser(HTMLParser):
    """Collects <meta> values by property, name or itemprop, the <title>, <html lang>, and the
    JSON-LD blocks anywhere in the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.lang = ""
        self.json_ld: list[str] = []
        self._in_title = False
        self._in_json_ld = False
        self._json_ld_size = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "html" and not self.lang:
            self.lang = values.get("lang") or values.get("xml:lang", "")
        elif tag == "title" and not self.title:
            self._in_title = True
        elif tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            key = key.lower()
            if key == "" and values.get("http-equiv", "").lower() == "content-language":
                key = "content-language"
            if key and "content" in values:
                self.meta.setdefault(key, values["content"].strip())
        elif tag == "script" and "ld+json" in values.get("type", "").lower():
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "script":
            self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif self._in_json_ld and self._json_ld_size + len(data) <= MAX_JSON_LD_CHARS:
            self._json_ld_size += len(data)
            self.json_ld[-1] += data


def parse_metadata(html: str) -> PageMetadata:
    """Metadata from a page's HTML, each fact from the most specific place that gives it."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    meta, article = parser.meta, _article(parser.json_ld)
    site_name = (
        meta.get("og:site_name") or _name(article.get("publisher"))
        or meta.get("application-name") or ""
    )  # fmt: skip
    title = (
        meta.get("og:title") or meta.get("twitter:title") or _text(article.get("headline"))
        or " ".join(parser.title.split())
    )  # fmt: skip
    published = _first_date(
        [meta.get(tag) for tag in DATE_TAGS] + [_text(article.get("datePublished"))]
    )
    language = (
        parser.lang or _text(article.get("inLanguage")) or meta.get("og:locale", "")
        or meta.get("content-language", "")
    )  # fmt: skip
    language = language.replace("_", "-").split("-")[0].strip().lower()
    return PageMetadata(
        title=_without_outlet(" ".join(title.split()), site_name)[:300].strip(),
        site_name=" ".join(site_name.split())[:200],
        published_on=published,
        language=language if len(language) == 2 and language.isalpha() else "",
    )


def _article(blocks: list[str]) -> dict:
    """The first schema.org article among the JSON-LD blocks (in a list or an @graph)."""
    for block in blocks:
        try:
            data = json.loads(block)
        except (ValueError, RecursionError):
            continue
        queue = list(data[:50]) if isinstance(data, list) else [data]
        while queue:
            item = queue.pop(0)
            if not isinstance(item, dict):
                continue
            if isinstance(item.get("@graph"), list):
                queue.extend(item["@graph"][:50])  # nested ones too; the block's size bounds them
            types = item.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in names):
                return item
    return {}


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _name(value: object) -> str:
    if isinstance(value, list) and value:
        value = value[0]
    return _text(value.get("name")) if isinstance(value, dict) else _text(value)


def _without_outlet(title: str, site_name: str) -> str:
    """ "Story | The Outlet" -> "Story", when the part after the bar is the outlet's name."""
    if not site_name:
        return title
    for separator in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and head and tail.strip().casefold() == site_name.strip().casefold():
            return head
    return title


def _first_date(values: list[str | None]) -> date | None:
    for value in values:
        if value and (found := parse_date(value)):
            return found
    return None


def parse_date(value: str) -> date | None:
    """ "2024-05-13T18:02:00+02:00", "2024/05/13", "20240513" or "Mon, 13 May 2024 09:00:00
    GMT" as a day; None for anything else."""
    value = value.strip()
    if match := re.match(r"(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?!\d)", value):
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            return None
    try:
        moment: datetime = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return moment.date()
