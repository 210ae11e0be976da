"""What a page lists as already held: the sections under a heading of past protests ("##
Past protests", "### Минулі акції") and the lines labelled so ("*Eerdere acties:* Amsterdam,
Museumplein (12 oktober 2026)"). Neither gives the campaign's days nor its events.
"""

import re
from dataclasses import replace

from .document import Block, Document, Section
from .event_words import PAST_EVENTS
from .vocabulary import contains_phrase


def without_past_events(document: Document, language: str | None) -> Document:
    """`document` without its sections and lines of protests already held."""
    sections: list[Section] = []
    past_level: int | None = None  # the level of the past heading whose sections are left out
    body = document.body
    for section in document.sections:
        if past_level is not None and section.level > past_level:
            body = _without_source(body, section)
            continue
        past_level = None
        if section.level and names_past_events(section.heading, language):
            past_level = section.level
            body = _without_source(body, section)
            continue
        blocks = [block for block in section.blocks if not _is_past_line(block, language)]
        is_whole = len(blocks) == len(section.blocks)
        sections.append(section if is_whole else replace(section, blocks=blocks))
    return replace(document, sections=sections, body=body)


def _without_source(body: str, section: Section) -> str:
    """The body without a past section's text: the schema.org events a saved page keeps in
    it (Events Manager's past list, a Meetup page's past events) are read from the body."""
    return body.replace(section.source, "", 1) if section.source.strip() else body


def names_past_events(heading: str, language: str | None) -> bool:
    """Whether a heading or a label is one over protests already held: short, and saying so
    ("Past protests", "Eerdere acties", "Минулі акції"; not "Why we march past the bank")."""
    words = re.findall(r"\w+", heading)
    return 0 < len(words) <= _LABEL_WORDS and contains_phrase(heading, PAST_EVENTS, language)


def _is_past_line(block: Block, language: str | None) -> bool:
    """ "*Eerdere acties:* Amsterdam, …": a paragraph or item whose label names past events."""
    if block.kind not in {"paragraph", "item"}:
        return False
    label, colon, _rest = block.text.partition(":")
    return bool(colon) and names_past_events(label, language)


# A heading of more words is a sentence, not a label.
_LABEL_WORDS = 4
