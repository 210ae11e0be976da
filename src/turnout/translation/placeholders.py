"""Placeholders: what a translator must not touch is swapped out before sending, back after.

Link targets and reference links' labels, footnote markers, URLs, e-mail addresses, inline
code, heading ids, HTML and component tags, HTML comments, gettext variables and template
tags become `⟦1⟧`, `⟦2⟧`, ...; the model sees only words and markdown markers.
"""

import re
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"⟦(\d+)⟧")
# Letters of the scripts written without spaces between words (Thai, kana, Han, Hangul, whose
# particles attach): an address or a hashtag ends where they start.
UNSPACED_LETTERS = "[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
_PROTECTED = re.compile(
    r"""
    (?P<code>(?P<ticks>`+)[^`]*?(?P=ticks))                       # inline code
  | (?P<heading_id>\{\#[A-Za-z][\w-]*\})            # {#anchor}
  | (?<=\])(?P<target>\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\))  # ](target "title")
  | (?P<reference>^[ \t]{0,3}\[(?!\^)[^\]]+\]:\s+\S+.*$)  # [label]: https://..., not "[^1]: words"
  | (?<=\])(?P<label>\[[^\[\]\s][^\[\]\n]*\])        # [text][label]: a reference link
  | (?P<footnote>\[\^[^\[\]\s]+\])                   # [^1]: a footnote's marker
  | (?P<tag></?[A-Za-z][^<>\n]*>|<https?://[^<>\s]+>)  # HTML, components, autolinks
  | (?P<comment><!--(?:[^-]|-(?!->)){0,2000}?-->)    # "<!--more-->": where a summary ends
  | (?P<url>(?:https?://|mailto:)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'"])
  | (?P<email>(?<!(?!{unspaced})[\w.+-])(?:(?!{unspaced})[\w.+-])+@(?:(?!{unspaced})[\w-])+
      (?:\.(?:(?!{unspaced})[\w-])+)+)  # from a word's start: linear; "写信至a@b.cn，" "a@b.kr로"
  | (?P<template>\{\{[^{}\n]*\}\}|\{%[^{}\n]*%\})        # {{ variable }}, {% tag %}
  | (?P<format>%\([\w]+\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]|%[sd]|\{[\w.]*\})  # gettext
  | (?P<existing>⟦\d+⟧)                             # text that looks like ours: keep it intact
    """.replace("{unspaced}", UNSPACED_LETTERS),
    re.VERBOSE | re.MULTILINE,
)


@dataclass(frozen=True)
class ProtectedText:
    text: str  # with placeholders
    originals: tuple[str, ...]  # originals[n - 1] is what ⟦n⟧ stands for

    def restore(self, translated: str) -> str:
        """Put the originals back into a translation (validated beforehand)."""
        return PLACEHOLDER.sub(lambda m: self._original(int(m.group(1))), translated)

    def _original(self, number: int) -> str:
        return self.originals[number - 1] if 0 < number <= len(self.originals) else ""


def protect(text: str) -> ProtectedText:
    """Replace everything that must survive translation unchanged by numbered placeholders."""
    originals: list[str] = []

    def swap(match: re.Match) -> str:
        originals.append(match.group(0))
        return f"⟦{len(originals)}⟧"

    return ProtectedText(_PROTECTED.sub(swap, text), tuple(originals))


def has_words(protected: str) -> bool:
    """Whether anything is left to translate once placeholders and markup are set aside."""
    return any(ch.isalpha() for ch in PLACEHOLDER.sub("", protected))
