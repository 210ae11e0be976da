"""Read what a crawler reads from a page: its meta tags and JSON-LD blocks."""

import json
from html.parser import HTMLParser


class _HeadReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []
        self.links: list[dict[str, str]] = []
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        found = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in found or "name" in found):
            self.meta.append((found.get("property") or found["name"], found.get("content", "")))
        elif tag == "link":
            self.links.append(found)
        elif tag == "script" and found.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


def read_head(html: str) -> _HeadReader:
    reader = _HeadReader()
    reader.feed(html)
    return reader


def meta_tags(html: str) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for name, content in read_head(html).meta:
        tags.setdefault(name, []).append(content)
    return tags


def json_ld_blocks(html: str) -> list[dict]:
    return [json.loads(block) for block in read_head(html).json_ld]
