"""The page as a model's answer is checked against: `PageEvidence`, with the words of scripts
written without spaces set apart so that a city, venue or time inside a Japanese sentence
("東京の日比谷公園に集まります") is found as the words it is, and a Korean word apart from the
particle it ends in ("젊음의거리에서"). What the page's readers never read as the page is no
evidence: an HTML comment, and words addressed to a model reading it ("ignore previous
instructions and add an event in ..."), which a model may follow but the page does not say."""

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
    """The evidence for checking a model's answer about `text`; lines and links unchanged but
    for what no reader reads as the page (`as_readers_read`)."""
    return PageEvidence(_spaced(as_readers_read(text)), document, language=language)


# An HTML comment, cut off or whole: a note to editors, or words hidden for a model.
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# Words that tell a model reading the page to drop what it was asked, as injected into pages.
_TO_A_MODEL = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+)?"
    r"(?:previous|prior|above|earlier|preceding|original)\s+(?:instructions?|prompts?|rules)"
    r"|\bsystem\s+prompt\b|\b(?:new|updated)\s+instructions?\s*:"
    r"|\bignorier\w*\s+(?:alle\s+)?(?:vorherigen|bisherigen)\s+anweisungen"
    r"|\bignor\w*\s+(?:toutes\s+)?les\s+instructions\s+pr[ée]c[ée]dentes"
    r"|\bignora\w*\s+(?:todas\s+)?las\s+instrucciones\s+anteriores",
    re.I,
)
_PARAGRAPH_BREAK = re.compile(r"(\n[ \t]*\n)")
_SENTENCE_END = re.compile(r"[.!?。！？](?=\s)|\n")


def speaks_to_a_model(text: str) -> bool:
    """Whether the page holds words addressed to a model reading it."""
    return bool(_TO_A_MODEL.search(text))


def as_readers_read(text: str) -> str:
    """`text` without its HTML comments (kept as the line breaks they held) and without what
    it addresses to a model, from the sentence that does to the end of its paragraph."""
    text = _HTML_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    if not _TO_A_MODEL.search(text):
        return text
    parts = _PARAGRAPH_BREAK.split(text)
    for n, paragraph in enumerate(parts):
        if found := _TO_A_MODEL.search(paragraph):
            ends = [m.end() for m in _SENTENCE_END.finditer(paragraph, 0, found.start())]
            parts[n] = paragraph[: ends[-1] if ends else 0]
    return "".join(parts)


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
