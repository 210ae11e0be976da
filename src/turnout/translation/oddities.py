"""Damage that keeps every placeholder and marker: an answer in the wrong language or script,
or one sentence of it, copied untranslated (a short label too) or copied for one of its
sentences, numbers lost or changed, a sentence or a run of words written twice, HTML entities
escaped anew, text garbled by a wrong encoding (`encoding`), invisible control characters,
stray joiners or direction marks, emphasis lost to quotes, a stray HTML tag, an answer in
quotation marks or in JSON. Each test compares with the source, so a source that has the
oddity passes.
"""

import html
import json
import re
import unicodedata
from collections import Counter

from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from . import languages
from .encoding import encoding_problems, stray_joiners
from .figures import changed_numbers
from .markdown_content import without_image_descriptions
from .placeholders import PLACEHOLDER
from .problems import Problem
from .proportions import sentences, text_blocks
from .repetition import repeated_sentence
from .right_to_left import RIGHT_TO_LEFT

# Invisible characters that reorder or hide text (bidi overrides and isolates, zero-width
# space, word joiner, byte-order mark); joiners and marks that scripts need are allowed.
_INVISIBLE = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\ufeff")
_QUOTES = (
    ('"', '"'), ("'", "'"), ("“", "”"), ("„", "“"), ("„", "”"), ("«", "»"), ("»", "«"),
    ("‘", "’"), ("‚", "‘"), ("「", "」"), ("『", "』"),
    ("”", "”"), ("’", "’"),  # Finnish and Swedish open with the closing mark
)  # fmt: skip
_ENTITY_NAME = r"(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
_ENTITY = re.compile("&" + _ENTITY_NAME)
_ESCAPED_TWICE = re.compile("&amp;" + _ENTITY_NAME)  # "&amp;amp;", "&amp;#39;"
# Marks that set the direction of text: right-to-left languages use them around numbers and
# Latin names, in other languages they only hide how a text reads.
_DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")
_QUOTE_OPENINGS = frozenset(opening for opening, _closing in _QUOTES)
# A quotation mark inside a text; an apostrophe between letters ("L'an", "don’t"), before a
# number ("all'1") or in Dutch "'s avonds" is none.
_QUOTE_MARK = {
    mark: re.compile(
        r"(?<![^\W\d_])"
        + re.escape(mark)
        + r"(?![st]\s)|(?<=[^\W\d_])"
        + re.escape(mark)
        + r"(?![^\W_])"
    )
    if mark in "'’"
    else re.compile(re.escape(mark))
    for pair in _QUOTES
    for mark in pair
}
_EMPHASIS = re.compile(r"\*+|~~+|(?<![^\W_])_+|_+(?![^\W_])")
_LINE_MARKER = re.compile(r"^[ \t]*(?:[-*+]\s+|\d+[.)]\s+)", re.MULTILINE)
_MARKUP = re.compile(r"<[A-Za-z/!?]")
_BLOCK_START = re.compile(r"(?:>|#{1,6}\s|[-*+]\s|\d+[.)]\s|\|)")
# Fewer letters than this beside a copy of the source are a tag ("[de]"), no translation.
_FEW_LETTERS = 6
_JSON_START = re.compile(r"^\s*(?:\{\s*[\"'{\[]|\[\s*[\"{\[])")


def odd_problems(
    source: str, result: str, source_language: str, language: str, *, wrapped: bool
) -> list[Problem]:
    """What is wrong with `result` in the ways above; both texts with placeholders. Answers
    wrapped in chatter are only checked for what the chatter cannot explain."""
    problems = encoding_problems(source, result)
    invisible = invisible_characters(source, result)
    if invisible:
        problems.append(
            Problem(
                "invisible",
                _("The answer contains invisible control characters: %(characters)s.")
                % {"characters": ", ".join(invisible)},
                f"Your answer contains invisible control characters ({', '.join(invisible)}). "
                f"Write plain text only.",
            )
        )
    if markup_added(source, result):
        problems.append(
            Problem(
                "markup",
                _("The answer contains HTML (<…) that the source does not have."),
                "Your answer contains HTML tags or a '<' that the text does not have. Write "
                "no HTML: copy the ⟦n⟧ tokens.",
            )
        )
    if emphasis_changed(source, result):
        problems.append(
            Problem(
                "emphasis",
                _("Bold, italic or strike-through markers (**, _, ~~) were lost or changed."),
                "Your answer lost or changed the emphasis markers (*, **, _, ~~). Keep each "
                "of them around the words that translate the emphasized words, never replace "
                "them by quotation marks.",
            )
        )
    if entities := entities_added(source, result):
        problems.append(
            Problem(
                "entities",
                _("The answer contains HTML entities that the source does not have: %(found)s.")
                % {"found": ", ".join(entities)},
                f"Your answer contains HTML entities ({', '.join(entities)}) that are not in the "
                f"text. Write the characters themselves, never escaped.",
            )
        )
    if marks := direction_marks(source, result, language):
        problems.append(
            Problem(
                "direction_marks",
                _("The answer contains right-to-left or left-to-right marks: %(characters)s.")
                % {"characters": ", ".join(marks)},
                f"Your answer contains invisible direction marks ({', '.join(marks)}), which "
                f"this language does not need. Write plain text only.",
            )
        )
    if changed := changed_numbers(source, result):
        shown = ", ".join(changed)
        problems.append(
            Problem(
                "numbers",
                _("Numbers of the source are missing or changed: %(numbers)s.")
                % {"numbers": shown},
                f"Your answer lacks or changed the number(s) {shown} of the text (a date, a "
                f"time, an amount, a phone number). Keep every number of the text.",
            )
        )
    if repeated := repeated_sentence(source, result):
        problems.append(
            Problem(
                "repeated_sentence",
                _("A sentence appears twice in the answer: “%(text)s”.")
                % {"text": _snippet(repeated)},
                f"Your answer repeats a sentence (“{_snippet(repeated)}”). Translate each "
                f"sentence of the text once, in its order.",
            )
        )
    if looks_like_json(source, result):
        problems.append(
            Problem(
                "json",
                _("The answer is JSON, not the translated text."),
                "Your answer was JSON. Reply with the translated text itself, as plain Markdown.",
            )
        )
    if wrapped:  # text around the translation is in another language anyway
        return problems
    if in_quotation_marks(source, result):
        problems.append(
            Problem(
                "quoted",
                _("The answer is wrapped in quotation marks that the source does not have."),
                "Your answer was wrapped in quotation marks. Reply with the translation "
                "only, without quotation marks around it.",
            )
        )
    if is_untranslated(source, result, source_language=source_language, language=language):
        problems.append(
            Problem(
                "untranslated",
                _("The answer is the source text, untranslated."),
                "Your answer repeated the text untranslated. Translate it into the language "
                "asked for.",
            )
        )
    elif copied := copied_sentences(
        source, result, source_language=source_language, language=language
    ):
        problems.append(
            Problem(
                "partly_untranslated",
                _("Part of the answer is the source text, untranslated: “%(text)s”.")
                % {"text": _snippet(copied[0])},
                f"Part of your answer repeats the text untranslated (“{_snippet(copied[0])}”). "
                f"Translate every sentence into the language asked for.",
            )
        )
    elif found := languages.wrong_language(result, language, source=source):
        problems.append(_wrong_language(found))
    elif switched := switched_language(source, result, language):
        sentence, found = switched
        whole = languages.short_foreign(
            result, language, source=source, source_language=source_language
        )
        if whole == found:  # not part of the answer: all of it, in a neighbouring language
            return problems + [_wrong_language(whole)]
        problems.append(
            Problem(
                "mixed_language",
                _("Part of the answer is in another language (%(found)s): “%(text)s”.")
                % {"found": _language_name(found), "text": _snippet(sentence)},
                f"Part of your answer (“{_snippet(sentence)}”) is not in the language asked "
                f"for. Translate every sentence into that language.",
            )
        )
    elif short := languages.short_foreign(
        result, language, source=source, source_language=source_language
    ):
        problems.append(_wrong_language(short))
    return problems


def _wrong_language(found: str) -> Problem:
    return Problem(
        "wrong_language",
        _("The answer is not written in the language asked for (it looks like %(found)s).")
        % {"found": _language_name(found)},
        "Your answer is not in the language asked for. Translate the text into that language.",
    )


def switched_language(source: str, translated: str, language: str) -> tuple[str, str] | None:
    """(sentence, its language) for a sentence of the answer that is in another language,
    or partly in Latin letters where the language has its own script ("?"), not a quotation
    and not words of the source kept as they were; also the only sentence of an answer too
    short for `languages.wrong_language` to judge."""
    blocks = text_blocks(without_image_descriptions(translated))
    found = [sentence for block in blocks for sentence in sentences(block)]
    source_words = set(words(source))
    for sentence in found:
        if sentence.lstrip("*_")[:1] in _QUOTE_OPENINGS:
            continue
        own = words(sentence)
        if 2 * sum(word in source_words for word in own) >= len(own):
            continue
        if other := languages.foreign_sentence(sentence, language):
            return sentence, other
        if languages.romanized_run(sentence, language, kept=source_words):
            return sentence, "?"
    return None


def _language_name(code: str) -> str:
    for known in (code, f"{code}-hans"):  # Django names Chinese by its script only
        try:
            return str(get_language_info(known)["name_translated"])
        except KeyError:
            continue
    return _("another language or script")


def words(text: str) -> list[str]:
    return languages.words(text)


def is_untranslated(source: str, translated: str, *, source_language: str, language: str) -> bool:
    """The source came back as it was. A short label ("Sign up", "Aanmelden") counts when it
    holds a word of the source language that the target language does not share; names,
    numbers and words like "Online" or "Stop" may come back unchanged. Without word lists for
    the source language, only a copy of four words or more counts."""
    if languages.base(source_language) == languages.base(language):
        return False
    found = words(translated)
    if not found or found != words(source):
        return False
    if languages.has_vocabulary(source_language):
        return bool(
            languages.telling_words(source, source_language=source_language, language=language)
        )
    return len(found) >= 4


def copied_sentences(
    source: str, translated: str, *, source_language: str, language: str
) -> list[str]:
    """Sentences of four words or more that came back untranslated in an answer that
    translated the rest (a model that stopped translating halfway), or the whole source left
    in beside its translation ("“Join us” → Rejoignez-nous"). A quotation kept in the
    source's language is not counted: it is never all of the source and more."""
    if languages.base(source_language) == languages.base(language):
        return []
    if _source_left_in(source, translated, source_language=source_language, language=language):
        return [source]
    originals = {
        tuple(words(sentence))
        for block in text_blocks(source)
        for sentence in sentences(block)
        if len(words(sentence)) >= 4
    }
    copied = []
    for block in text_blocks(without_image_descriptions(translated)):
        for sentence in sentences(block):
            if sentence.lstrip("*_")[:1] in _QUOTE_OPENINGS:
                continue
            found = tuple(words(sentence))
            if found in originals and (
                not languages.has_vocabulary(source_language)
                or languages.telling_words(
                    sentence, source_language=source_language, language=language
                )
            ):
                copied.append(sentence)
    return copied


def _source_left_in(source: str, translated: str, *, source_language: str, language: str) -> bool:
    """All of the source's words, in order, beside text as long as a short translation of
    it (a tag such as "[nl]" is not one): three words are enough when one of them is of the
    source's language only ("Why we march"), else four."""
    whole, found = words(source), words(translated)
    length = len(" ".join(whole))
    beside = len(" ".join(found)) - length
    if len(whole) < 3 or beside < max(length / 4, _FEW_LETTERS):
        return False
    if not any(found[i : i + len(whole)] == whole for i in range(len(found) - len(whole) + 1)):
        return False
    if languages.has_vocabulary(source_language):
        kinds = {"source_language": source_language, "language": language}
        return bool(languages.telling_words(source, **kinds))
    return len(whole) >= 4


def _snippet(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def entities_added(source: str, translated: str) -> list[str]:
    """HTML entities (`&amp;`, `&#39;`) the answer has more of than the source: escaped twice,
    or escaped where the page escapes them itself."""
    # Another reference to a character the source escapes as often ("&#38;" for "&amp;") is none.
    more = Counter(map(html.unescape, _ENTITY.findall(translated)))
    more -= Counter(map(html.unescape, _ENTITY.findall(source)))
    added = Counter(_ENTITY.findall(translated)) - Counter(_ENTITY.findall(source))
    twice = Counter(_ESCAPED_TWICE.findall(translated)) - Counter(_ESCAPED_TWICE.findall(source))
    return sorted({entity for entity in added if html.unescape(entity) in more} | set(twice))


def direction_marks(source: str, translated: str, language: str) -> list[str]:
    """Direction marks in an answer in a left-to-right language whose source has none."""
    if languages.base(language) in RIGHT_TO_LEFT:
        return []
    found = {ch for ch in translated if ch in _DIRECTION_MARKS and ch not in source}
    return [f"U+{ord(ch):04X}" for ch in sorted(found)]


def invisible_characters(source: str, translated: str) -> list[str]:
    """Control and invisible characters of `translated` that `source` does not have."""
    found = {
        ch
        for ch in translated
        if ch not in source
        and (ch in _INVISIBLE or (unicodedata.category(ch) == "Cc" and ch not in "\n\t\r"))
    }
    return [f"U+{ord(ch):04X}" for ch in sorted(found)] + stray_joiners(source, translated)


def in_quotation_marks(source: str, translated: str) -> bool:
    """The whole answer is one quotation (`"Wij willen ..."`, or quoted twice: `„“Wij ...”“`),
    which the source is not."""
    source, inner = source.strip(), translated.strip()
    peeled: set[str] = set()
    while True:
        for opening, closing in _QUOTES:
            if (
                len(inner) > len(opening) + len(closing)
                and inner.startswith(opening)
                and inner.endswith(closing)
                and not source.startswith(opening)
            ):
                inner = inner[len(opening) : -len(closing)].strip()
                peeled |= {opening, closing}
                break
        else:
            break
    if peeled and _BLOCK_START.match(inner) and _BLOCK_START.match(source):
        return True  # a quotation mark before ">" or "1." opens no sentence: it wraps the answer
    return bool(peeled) and not any(_QUOTE_MARK[mark].search(inner) for mark in peeled)


def emphasis_changed(source: str, translated: str) -> bool:
    """Bold, italics or strike-through markers (`**`, `_`, `~~`) lost, added or replaced by
    quotes: compared as runs, list markers set aside."""
    return _emphasis(source) != _emphasis(translated)


def looks_like_json(source: str, translated: str) -> bool:
    """An answer that is JSON (or JSON cut off), where the source is text."""
    if _JSON_START.match(source):
        return False
    if _JSON_START.match(translated):
        return True
    try:
        return isinstance(json.loads(translated), dict | list)
    except ValueError:
        return False


def markup_added(source: str, translated: str) -> bool:
    """A tag or the start of one (`<img src=x onerror=...` never closed), where the source's
    tags are all behind placeholders."""
    return len(_MARKUP.findall(translated)) > len(_MARKUP.findall(source))


def _emphasis(text: str) -> Counter:
    return Counter(_EMPHASIS.findall(_LINE_MARKER.sub("", PLACEHOLDER.sub(" ", text))))
