"""Microdata items (`itemscope itemtype=… itemprop=…`) read into JSON-LD's shape.

A hand-written page or an older theme marks its event up in the HTML itself:
`<div itemscope itemtype="https://schema.org/Event"><h2 itemprop="name">…</h2>
<time itemprop="startDate" datetime="2027-04-12T14:00">…`. Each top-level item becomes a
dictionary as JSON-LD would write it ({"@type": "Event", "name": …, "location": {…}}), so
that one reading serves both.
"""

from html.parser import HTMLParser

# Elements that never hold text or an end tag.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
# Where an element keeps its value rather than in its text (the HTML standard's list).
_VALUE_ATTRIBUTES = {
    "meta": "content",
    "time": "datetime",
    "data": "value",
    "meter": "value",
    "a": "href",
    "link": "href",
    "area": "href",
    "img": "src",
    "audio": "src",
    "video": "src",
    "source": "src",
    "iframe": "src",
    "object": "data",
}
_MAX_ITEMS = 2_000
_MAX_OPEN = 200
_MAX_TEXT = 2_000


def microdata_items(text: str) -> list[dict]:
    """The page's top-level microdata items; [] when it has none or cannot be read."""
    if "itemscope" not in text.lower():
        return []
    parser = _MicrodataParser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError, RecursionError):
        pass  # what was read before the markup broke is kept
    return parser.items


class _Open:
    """An element still open: the item it starts, the property whose text it collects."""

    def __init__(self, tag: str, item: dict | None, props: list[str], collect: bool) -> None:
        self.tag = tag
        self.item = item
        self.props = props
        self.text: list[str] | None = [] if collect else None


class _MicrodataParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[dict] = []
        self.open: list[_Open] = []
        self.count = 0

    def _item(self) -> dict | None:
        return next((o.item for o in reversed(self.open) if o.item is not None), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name.lower(): value or "" for name, value in attrs}
        props = found.get("itemprop", "").split()[:5] if "itemprop" in found else []
        parent = self._item()
        item = None
        if "itemscope" in found and self.count < _MAX_ITEMS:
            self.count += 1
            item = {"@type": found.get("itemtype", "").split()[:3]}
            if parent is not None and props:
                for prop in props:
                    _add(parent, prop, item)
            elif parent is None:
                self.items.append(item)
        elif props and parent is not None:
            attribute = _VALUE_ATTRIBUTES.get(tag)
            if attribute and (attribute in found or tag in _VOID):
                for prop in props:
                    _add(parent, prop, found.get(attribute, "").strip())
                props = []
            elif "content" in found:  # RDFa-style content on any element, as themes write
                for prop in props:
                    _add(parent, prop, found["content"].strip())
                props = []
        if tag in _VOID or len(self.open) >= _MAX_OPEN:
            return
        self.open.append(_Open(tag, item, [] if item else props, bool(props) and not item))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.open and self.open[-1].tag == tag:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        for element in self.open:
            if element.text is not None and sum(map(len, element.text)) < _MAX_TEXT:
                element.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not any(o.tag == tag for o in self.open):
            return  # a stray end tag closes nothing
        while self.open:
            element = self.open.pop()
            if element.text is not None and element.props:
                parent = self._item()
                if parent is not None:
                    value = " ".join("".join(element.text).split())
                    for prop in element.props:
                        _add(parent, prop, value)
            if element.tag == tag:
                return


def _add(item: dict, prop: str, value: object) -> None:
    """A property's value; one written twice is a list, as in JSON-LD."""
    if prop not in item:
        item[prop] = value
    elif isinstance(item[prop], list):
        if len(item[prop]) < 50:
            item[prop].append(value)
    else:
        item[prop] = [item[prop], value]
