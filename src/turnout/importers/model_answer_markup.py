"""A model's answer about a page written as markup: XML (`<event><city>Nairobi</city>...`, or
the fields as attributes) or an HTML table, as models asked for JSON still answer when their
template or a tool taught them so. Each record is read as {field: text}, and nothing more: which
of them hold events is for `model_answer` to say, and what they claim for `page_confirmation` to
confirm. The markup is read by the standard library's HTML parser, which expands no entity
declarations and fetches nothing, so no answer unfolds into more than it is."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

# Bounds that keep a hostile answer cheap: elements read, levels of nesting kept, records given.
_MOST_ELEMENTS = 20_000
_DEEPEST = 40
_MOST_RECORDS = 300
# Elements of HTML that carry no field of their own.
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "col", "source"})
_CELLS = ("td", "th")


@dataclass
class _Element:
    tag: str
    attributes: dict[str, str]
    children: list["_Element"] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    @property
    def words(self) -> str:
        parts = [*self.text, *(child.words for child in self.children)]
        return " ".join(" ".join(parts).split())


class _Tree(HTMLParser):
    """The answer's elements as a tree, an end tag closing whatever it closes, the rest bounded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("", {})
        self.open = [self.root]
        self.count = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.count += 1
        if self.count > _MOST_ELEMENTS or len(self.open) > _DEEPEST:
            return
        element = _Element(tag, {k: v for k, v in attrs if v is not None})
        self.open[-1].children.append(element)
        if tag not in _VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.open[-1].tag == tag and len(self.open) > 1:
            self.open.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.open[-1].text.append(data)


def markup_records(block: str) -> list[dict[str, str]]:
    """The records an answer's XML or HTML table holds, [] for text that is neither."""
    if "<" not in block or ">" not in block:
        return []
    tree = _Tree()
    try:
        tree.feed(block)
        tree.close()
    except (AssertionError, ValueError):  # the parser's own complaints about broken markup
        return []
    records: list[dict[str, str]] = []
    _collect(tree.root, records)
    return records[:_MOST_RECORDS]


def _collect(element: _Element, records: list[dict[str, str]]) -> None:
    stack = [element]
    while stack and len(records) < _MOST_RECORDS:
        element = stack.pop()
        if element.tag == "table":
            records += _table_records(element)
            continue
        if record := _record(element):
            records.append(record)
            continue
        stack += reversed(element.children)


def _record(element: _Element) -> dict[str, str]:
    """An element whose children are fields (each a leaf, named once), or whose attributes
    are ("<event city='Nairobi' date='2027-10-16'/>"): {field: text}."""
    leaves = [child for child in element.children if not child.children]
    names = [leaf.tag for leaf in leaves]
    if len(leaves) >= 2 and len(leaves) == len(element.children) and len(set(names)) == len(names):
        return {leaf.tag: leaf.words for leaf in leaves} | dict(element.attributes)
    if not element.children and len(element.attributes) >= 2:
        return dict(element.attributes)
    return {}


def _table_records(table: _Element) -> list[dict[str, str]]:
    """A table's rows as {header: cell}, its first row the header."""
    rows = [
        [cell.words for cell in row.children if cell.tag in _CELLS]
        for row in _rows(table)
    ]  # fmt: skip
    rows = [row for row in rows if row]
    if len(rows) < 2 or len(rows[0]) < 2:
        return []
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:] if len(row) == len(header)]


def _rows(table: _Element) -> list[_Element]:
    rows, stack = [], list(reversed(table.children))
    while stack:
        element = stack.pop()
        if element.tag == "tr":
            rows.append(element)
        elif element.tag in ("thead", "tbody", "tfoot"):
            stack += reversed(element.children)
    return rows
