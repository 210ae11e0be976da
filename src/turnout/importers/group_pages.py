"""A local group's page: it names the group's place, how it meets and where it talks.

"PauseAI NYC Action Items … Join our monthly meetings … Discord, WhatsApp, Instagram": a page
that is no protest but speaks of meetings or calls itself a local group, and links to at least
one channel, is read as a group, placed by the city its title (or front matter) names.
"""

import re

from django.utils.text import slugify

from turnout.groups.channels import ChannelKind, channel_kind_by_host

from .document import Document
from .event_words import GROUP_NAMES, MEETINGS
from .places import Place, PlaceNotUnderstood, read_place
from .records import GroupRecord
from .vocabulary import contains_phrase

_MAX_MEETINGS = 5


def channel_kind(url: str) -> str | None:
    if url.lower().startswith("mailto:"):
        return str(ChannelKind.EMAIL)
    kind = channel_kind_by_host(url)
    return str(kind) if kind else None


def read_group_page(
    document: Document, slug: str, name: str, language: str | None
) -> GroupRecord | None:
    """The group a page describes, or None when it is no group's page."""
    blocks = [b for b in document.blocks() if b.kind in {"paragraph", "item"}]
    named = contains_phrase(f"{document.title} {slug.replace('-', ' ')}", GROUP_NAMES, language)
    meetings = [b for b in blocks if contains_phrase(b.text, MEETINGS, language)]
    if not named and not meetings:
        return None
    channels: list[tuple[str, str]] = []
    for block in blocks:
        for link in block.links:
            kind = channel_kind(link.url)
            if kind and kind != ChannelKind.EMAIL and (kind, link.url) not in channels:
                channels.append((kind, link.url))
    place = _place(document, language)
    if not channels or place is None:
        return None
    return GroupRecord(
        slug=slugify(slug)[:100],
        name=(document.title or slug)[:150],
        city=place.city,
        country=place.country,
        source=name,
        description=document.front_matter.description,
        meetings=[" ".join(b.text.split())[:300] for b in meetings[:_MAX_MEETINGS]],
        channels=channels,
        latitude=place.latitude,
        longitude=place.longitude,
        line=meetings[0].line if meetings else None,
    )


def _place(document: Document, language: str | None) -> Place | None:
    """The city of the front matter (`city:`, `location:`), else the one the title names."""
    extra = document.front_matter.extra
    for key in ("city", "location", "place"):
        if isinstance(extra.get(key), str):
            try:
                return read_place([extra[key]], language=language)
            except PlaceNotUnderstood:
                continue
    words = re.findall(r"[^\W\d_][\w'-]*", document.title)
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            candidate = words[start : start + size]
            if not all(w[0].isupper() for w in candidate) or len(" ".join(candidate)) < 3:
                continue
            try:
                return read_place([" ".join(candidate)], language=language)
            except PlaceNotUnderstood:
                continue
    return None
