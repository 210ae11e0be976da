"""Expand a page's JSON-LD with PyLD, offline: schema.org's context is a small local file
(tests/sharing/schema_context.jsonld) that maps the terms we use to schema.org IRIs."""

import json
from pathlib import Path

from pyld import jsonld

S = "https://schema.org/"
_CONTEXT = json.loads((Path(__file__).parent / "schema_context.jsonld").read_text())
_SCHEMA_ADDRESSES = {
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
}


def _offline_loader(url, options=None):
    if url.rstrip("/") + "/" in {a.rstrip("/") + "/" for a in _SCHEMA_ADDRESSES}:
        return {"contextUrl": None, "documentUrl": url, "document": _CONTEXT}
    raise AssertionError(f"the JSON-LD asked for a remote document: {url}")


def expand(data: dict) -> list[dict]:
    return jsonld.expand(data, {"documentLoader": _offline_loader})


def values(node: dict, term: str) -> list:
    """The values of schema.org's `term` on an expanded node: literals and IRIs as strings,
    nested nodes as dicts."""
    found = []
    for item in node.get(S + term, []):
        if "@value" in item:
            found.append(item["@value"])
        elif set(item) == {"@id"}:
            found.append(item["@id"])
        else:
            found.append(item)
    return found


def one(node: dict, term: str):
    found = values(node, term)
    assert len(found) == 1, (term, found)
    return found[0]


def types(node: dict) -> set[str]:
    return set(node.get("@type", []))
