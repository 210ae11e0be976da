"""Lines that describe one event: "Where: …", "**Wann:** …", "Duration: 3 days", emoji lines.

A paragraph may hold several such lines ("**When:** Saturday\\n**Where:** Dam Square"), and one
line several facts ("🗓 15.9 🕞 um 16:00 Uhr 📍 Rathausplatz"): each becomes a labelled part.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from .event_words import CANCELLED, DURATION_LABELS, SIGNUP
from .page_blocks import Block, Link
from .vocabulary import WHEN_LABELS, WHERE_LABELS, any_phrase, contains_phrase, fold, phrases


@dataclass
class Line:
    """One line of a paragraph or list item, with the links written on it."""

    text: str
    line: int
    links: list[Link] = field(default_factory=list)
    block: Block | None = None


def lines_of(block: Block) -> list[Line]:
    """The lines of a block; each link goes to the first line that shows its text."""
    texts = block.text.split("\n")
    lines = [Line(text, block.line + number, [], block) for number, text in enumerate(texts)]
    for link in block.links:
        owner = next((line for line in lines if link.text and link.text in line.text), lines[-1])
        owner.links.append(link)
    return lines


# Emoji that stand for a label: a calendar for the day, a clock for the time, a pin for the
# place, a link or a ticket for the signup.
_EMOJI_LABELS = {
    "when": "🗓📅📆",
    "time": "⏰⌚⏱⏲" + "".join(chr(c) for c in range(0x1F550, 0x1F568)),
    "where": "📍📌🗺🏁🏛🗺",
    "signup": "🔗🎟📝✍",  # "🔗 https://lu.ma/…": the event's own link
}
_EMOJI = re.compile("([" + "".join(_EMOJI_LABELS.values()) + "])\ufe0f?")


def labelled_parts(text: str, language: str | None) -> list[tuple[str, str]]:
    """[("when", "15.9"), ("time", "um 16:00 Uhr"), ("where", "Rathausplatz")] for an emoji
    line; [("where", "Dam Square")] for "Where: Dam Square"; [] for a line with no label."""
    if _EMOJI.search(text):
        parts = _EMOJI.split(text)
        found = []
        for index in range(1, len(parts) - 1, 2):
            label = next(k for k, chars in _EMOJI_LABELS.items() if parts[index] in chars)
            value = parts[index + 1].strip(" |·-–—,")
            if value:
                found.append((label, value))
        return found
    label, value = label_of(text, language)
    return [(label, value)] if label else []


def label_of(text: str, language: str | None) -> tuple[str, str]:
    """("where", "Parliament Square, London") for "Where: Parliament Square, London"."""
    head, colon, value = text.partition(":")
    if not colon or len(head) > 30:
        return "", text
    folded = fold(head.strip(" *_"))
    for label, table in (
        ("where", WHERE_LABELS),
        ("when", WHEN_LABELS),
        ("duration", DURATION_LABELS),
    ):
        if folded in phrases(table, language):
            return label, value.strip(" *_")
    return "", text


def is_cancelled(text: str, language: str | None) -> bool:
    """Whether the words say the event is called off ("CANCELLED", "abgesagt", "inställd").

    The page's own language's words count written with or without accents ("REPORTE" on a
    French page); another language's only as that language writes them ("reporté"), so a
    Spanish heading "Reporte" (a report) or an Italian "annulla" calls nothing off."""
    own, others = _cancel_words((language or "").replace("_", "-").split("-")[0].lower())
    return bool(any_phrase(own).search(fold(text)) or any_phrase(others).search(_cased(text)))


@lru_cache(maxsize=64)  # one entry per page language
def _cancel_words(own: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the page's language's words folded, the other languages' words as they write them)."""
    folded = tuple(fold(w) for w in CANCELLED.get(own, ()))
    written = tuple(_cased(w) for code, words in CANCELLED.items() if code != own for w in words)
    return folded, written


def _cased(text: str) -> str:
    """Lower case with accents kept (NFC, so that "é" typed either way compares equal)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def is_signup_link(link: Link, line_text: str, language: str | None) -> bool:
    """A link offered for signing up: its text says so ("Sign up", "RSVP on Luma",
    "Anmelden"), or it is "[here]" or a bare address right after such words ("Sign up [here]")."""
    if contains_phrase(link.text, SIGNUP, language):
        return True
    before = line_text.split(link.text, 1)[0][-60:] if link.text else ""
    # A short link text ("[here]") or the address itself ("Anmeldung: https://…").
    is_pointer = len(link.text) < 20 or link.url.endswith(link.text)  # "t.me/x" or "https://…"
    return bool(before) and contains_phrase(before, SIGNUP, language) and is_pointer
