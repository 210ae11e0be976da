"""The page as a model's answer is checked against: `PageEvidence`, with the words of scripts
written without spaces set apart so that a city, venue or time inside a Japanese sentence
("東京の日比谷公園に集まります") is found as the words it is, and a Korean word apart from the
particle it ends in ("젊음의거리에서")."""

import re
from collections.abc import Callable

from .document import Document
from .page_evidence import URL, PageEvidence

# Hiragana is the grammar between the words of a Japanese sentence (particles, endings):
# a space on each side of a run of it leaves the names and times between as words.
_HIRAGANA_RUN = re.compile(r"[\u3041-\u309f]+")
# Japanese punctuation, a word boundary of its own.
_CJK_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff01\uff08\uff09\uff0c\uff1a\uff1b]")


def model_evidence(text: str, document: Document, *, language: str | None) -> PageEvidence:
    """The evidence for checking a model's answer about `text`; lines and links unchanged."""
    return PageEvidence(_spaced(text), document, language=language)


# A Korean particle at the end of a word: "부산에서" is "부산" and "에서" ("in Busan"),
# "젊음의거리에서" the street and "에서"; "의" inside a name ("젊음의거리") stays.
_KOREAN_PARTICLE = re.compile(
    r"(?<=[\uac00-\ud7a3])(에서는|에서|으로|에|까지|부터)(?=[\s.,!?)]|$)", re.M
)


def _spaced(text: str) -> str:
    if _KOREAN_PARTICLE.search(text):
        text = _spaced_outside_links(text, lambda words: _KOREAN_PARTICLE.sub(r" \1", words))
    if not _HIRAGANA_RUN.search(text):
        return text
    return _spaced_outside_links(text, _spaced_words)


def _spaced_outside_links(text: str, spaced: Callable[[str], str]) -> str:
    parts = []
    last = 0
    for link in URL.finditer(text):  # a link is kept as written
        parts.append(spaced(text[last : link.start()]))
        parts.append(link.group())
        last = link.end()
    parts.append(spaced(text[last:]))
    return "".join(parts)


def _spaced_words(text: str) -> str:
    text = _CJK_PUNCTUATION.sub(lambda m: f" {m.group()} ", text)
    return _HIRAGANA_RUN.sub(lambda m: f" {m.group()} ", text)
