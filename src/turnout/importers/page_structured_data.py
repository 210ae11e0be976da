"""The schema.org events a page embeds as structured data: JSON-LD scripts and microdata.

Event platforms and site builders (lu.ma, Eventbrite, Meetup, Mobilizon, Squarespace, Wix,
The Events Calendar, Action Network) write each event a second time, for search engines, as
`<script type="application/ld+json">` or as `itemscope itemtype="…/Event"` attributes. This
module finds those events and hands them on as plain dictionaries in JSON-LD's shape
(`page_structured_events` reads them into event records). Whatever a page writes there is
untrusted: sizes, depths and counts are bounded and nothing in it can raise.
"""

import json
import re
from collections.abc import Iterator

from .page_microdata import microdata_items

# Bounds on what is read: a script larger than this is no event's description, a page of
# more events than this is a feed, not a page.
MAX_SCRIPT_CHARS = 4_000_000
MAX_PAGE_CHARS = 10_000_000
MAX_EVENTS = 500
MAX_DEPTH = 24

_SCRIPT = re.compile(
    r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
    re.I | re.S,
)
# What templates wrap JSON in to hide it from old browsers or XHTML parsers.
_WRAPPERS = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_SCHEMA = re.compile(r"^(?:https?://(?:www\.)?schema\.org/|schema:)", re.I)
# Event's subtypes that protests are published as; any "…Event" type counts too.
_EVENT_TYPES = {"Festival", "Hackathon", "EventSeries"}
# The keys under which a page's other nodes hold its events (a WebPage's mainEntity, an
# Organization's events, an ItemList's elements).
_CONTAINER_KEYS = (
    "@graph",
    "mainEntity",
    "itemListElement",
    "item",
    "event",
    "events",
    "subjectOf",
    "hasPart",
    "about",
)


def structured_event_nodes(text: str) -> list[dict]:
    """The schema.org events of a page, JSON-LD's first, then microdata's; at most
    `MAX_EVENTS`, each once. Sub-events stand for the event that holds them."""
    text = text[:MAX_PAGE_CHARS]
    found: list[dict] = []
    seen: set[str] = set()
    roots = [*_json_ld_roots(text), *microdata_items(text)] if _may_hold_events(text) else []
    for root in roots:
        ids = _ids_of(root)
        for node in _events_in(root, ids, 0):
            key = _identity(node)
            if key not in seen:
                seen.add(key)
                found.append(node)
            if len(found) >= MAX_EVENTS:
                return found
    return found


def _identity(node: dict) -> str:
    """What tells one event from another: all it says (the same event written as JSON-LD
    and as microdata differs in its wording and is joined later, by its city and day)."""
    try:
        return json.dumps(node, sort_keys=True, default=str)[:2000]
    except (RecursionError, ValueError, TypeError):
        return str(id(node))


def _may_hold_events(text: str) -> bool:
    return "ld+json" in text.lower() or "itemscope" in text.lower()


def _json_ld_roots(text: str) -> Iterator[object]:
    for match in _SCRIPT.finditer(text):
        body = match.group(1)
        if len(body) > MAX_SCRIPT_CHARS:
            continue
        body = "\n".join(line for line in body.split("\n") if not _WRAPPERS.fullmatch(line))
        body = _WRAPPERS.sub("", body.strip())
        for attempt in (body, _TRAILING_COMMA.sub(r"\1", body)):
            try:
                yield json.loads(attempt)
                break
            except (ValueError, RecursionError):
                continue


def type_names(node: dict) -> set[str]:
    """A node's schema.org types without their prefixes ("https://schema.org/Event" → "Event")."""
    value = node.get("@type", node.get("type"))
    values = value if isinstance(value, list) else [value]
    return {_SCHEMA.sub("", v).strip() for v in values[:10] if isinstance(v, str)}


def is_event(node: dict) -> bool:
    return any(t.endswith("Event") or t in _EVENT_TYPES for t in type_names(node))


def _ids_of(root: object) -> dict[str, dict]:
    """The nodes of a graph by their "@id", for the references between them."""
    ids: dict[str, dict] = {}
    stack: list[tuple[object, int]] = [(root, 0)]
    while stack and len(ids) < 5_000:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, dict):
            if isinstance(value.get("@id"), str) and len(value) > 1:
                ids.setdefault(value["@id"], value)
            stack += [(v, depth + 1) for v in list(value.values())[:200]]
        elif isinstance(value, list):
            stack += [(v, depth + 1) for v in value[: MAX_EVENTS * 2]]
    return ids


def resolved(value: object, ids: dict[str, dict]) -> object:
    """A reference ({"@id": "#place"}) replaced by the node it names."""
    if isinstance(value, dict) and set(value) == {"@id"} and isinstance(value["@id"], str):
        return ids.get(value["@id"], value)
    return value


def _events_in(value: object, ids: dict[str, dict], depth: int) -> Iterator[dict]:
    if depth > MAX_DEPTH:
        return
    value = resolved(value, ids)
    if isinstance(value, list):
        for item in value[: MAX_EVENTS * 2]:
            yield from _events_in(item, ids, depth + 1)
        return
    if not isinstance(value, dict):
        return
    if is_event(value):
        yield from _with_sub_events(value, ids, depth)
        return
    for key in _CONTAINER_KEYS:
        if key in value:
            yield from _events_in(value[key], ids, depth + 1)


def _with_sub_events(event: dict, ids: dict[str, dict], depth: int) -> Iterator[dict]:
    """An event, or its sub-events when it holds some ("Klimaatweek" over one event a city),
    each taking what it does not say itself (its place, its link, its status) from it."""
    subs = event.get("subEvent", event.get("subEvents"))
    subs = subs if isinstance(subs, list) else [subs] if subs is not None else []
    inherited = {k: v for k, v in event.items() if k not in {"subEvent", "subEvents", "@id"}}
    count = 0
    for sub in subs[: MAX_EVENTS * 2]:
        sub = resolved(sub, ids)
        if isinstance(sub, dict) and depth < MAX_DEPTH:
            for node in _with_sub_events({**inherited, **sub}, ids, depth + 1):
                count += 1
                yield node
    if not count:
        yield {**event, **{k: resolved(event.get(k), ids) for k in ("location", "offers")}}
