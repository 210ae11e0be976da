"""Damage that keeps every placeholder and marker: an answer in the wrong language or copied
untranslated, invisible control characters, emphasis lost to quotes, a stray HTML tag, an
answer in quotation marks or in JSON. Each test compares with the source, so a source that
has the oddity passes.
"""

import json
import re
import unicodedata
from collections import Counter

from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from .placeholders import PLACEHOLDER
from .problems import Problem

# Frequent function words; a word listed for two languages says nothing and is left out below.
_FUNCTION_WORDS = {
    "en": "the and of to is are that this with for we you our be will what which it on at from "
    "have has not they their who about i do no in",
    "nl": "het een en van de is zijn dat die met voor we wij je jullie onze ons niet op naar "
    "bij ook wat wordt worden deze dit om te heeft hebben in",
    "de": "der die das und ist sind nicht mit für wir ihr unsere unser ein eine auf zu dem auch "
    "wird werden sich es dass von bei nach des du nie in",
    "fr": "le la les et est sont des du une un pour nous vous notre nos avec dans que qui pas "
    "sur ce cette au aux il elle de en se son très mais aussi",
    "es": "el la los las y es son del una un para nosotros nuestra nuestro con en que no por "
    "este esta al se lo de muy pero también así hay sus nos está están",
    "pl": "i w z na się nie jest są do że to oraz dla nasz nasza nasze my jak od po przez czy",
    "it": "il lo gli e è sono della di per noi nostra con che non una un del le la se da",
    "pt": "o os e é são da do dos uma um para nós nossa com que não em de se este esta por "
    "está muito mas também",
}
_COUNTS = Counter(word for words in _FUNCTION_WORDS.values() for word in set(words.split()))
_OWN_WORDS = {
    language: frozenset(word for word in words.split() if _COUNTS[word] == 1)
    for language, words in _FUNCTION_WORDS.items()
}
# Enough telling words to name a language, and how far ahead of the expected one it must be.
_LANGUAGE_EVIDENCE, _LANGUAGE_LEAD = 4, 3
# Languages written in a script of their own: an answer without a letter of it is not theirs.
_SCRIPTS = {
    "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ko": re.compile(r"[\uac00-\ud7af]"),
}
_WORD = re.compile(r"[^\W\d_]+")
# Invisible characters that reorder or hide text (bidi overrides and isolates, zero-width
# space, word joiner, byte-order mark); joiners and marks that scripts need are allowed.
_INVISIBLE = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u2060\ufeff")
_QUOTES = (
    ('"', '"'), ("'", "'"), ("“", "”"), ("„", "“"), ("„", "”"), ("«", "»"), ("»", "«"),
    ("‘", "’"), ("‚", "‘"), ("「", "」"), ("『", "』"),
)  # fmt: skip
_EMPHASIS = re.compile(r"\*+|~~+|(?<![^\W_])_+|_+(?![^\W_])")
_LINE_MARKER = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)", re.MULTILINE)
_MARKUP = re.compile(r"<[A-Za-z/!?]")
_JSON_START = re.compile(r"^\s*(?:\{\s*[\"'{\[]|\[\s*[\"{\[])")


def odd_problems(
    source: str, result: str, source_language: str, language: str, *, wrapped: bool
) -> list[Problem]:
    """What is wrong with `result` in the ways above; both texts with placeholders. Answers
    wrapped in chatter are only checked for what the chatter cannot explain."""
    problems = []
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
    elif found := wrong_language(result, language):
        problems.append(
            Problem(
                "wrong_language",
                _("The answer is not written in the language asked for (it looks like %(found)s).")
                % {"found": _language_name(found)},
                "Your answer is not in the language asked for. Translate the text into that "
                "language.",
            )
        )
    return problems


def _language_name(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return _("another language or script")


def words(text: str) -> list[str]:
    return _WORD.findall(PLACEHOLDER.sub(" ", text).casefold())


def is_untranslated(source: str, translated: str, *, source_language: str, language: str) -> bool:
    """The source came back as it was: a sentence of several words is never the same in two
    languages (a name or a single word may be)."""
    if _base(source_language) == _base(language):
        return False
    found = words(translated)
    return len(found) >= 4 and found == words(source)


def wrong_language(translated: str, language: str) -> str:
    """The language `translated` is written in when it is clearly not `language`, else ""."""
    language = _base(language)
    script = _SCRIPTS.get(language)
    if script is not None:
        text = PLACEHOLDER.sub(" ", translated)
        return "?" if len(words(text)) >= 4 and not script.search(text) else ""
    if language not in _OWN_WORDS:
        return ""
    found = words(translated)
    hits = {code: sum(word in own for word in found) for code, own in _OWN_WORDS.items()}
    best = max(hits, key=lambda code: hits[code])
    if best != language and hits[best] >= _LANGUAGE_EVIDENCE:
        return best if hits[language] * _LANGUAGE_LEAD < hits[best] else ""
    return ""


def invisible_characters(source: str, translated: str) -> list[str]:
    """Control and invisible characters of `translated` that `source` does not have."""
    found = {
        ch
        for ch in translated
        if ch not in source
        and (ch in _INVISIBLE or (unicodedata.category(ch) == "Cc" and ch not in "\n\t\r"))
    }
    return [f"U+{ord(ch):04X}" for ch in sorted(found)]


def in_quotation_marks(source: str, translated: str) -> bool:
    """The whole answer is one quotation (`"Wij willen ..."`), which the source is not."""
    source, translated = source.strip(), translated.strip()
    for opening, closing in _QUOTES:
        inner = translated[len(opening) : -len(closing)]
        if (
            len(translated) > 2
            and translated.startswith(opening)
            and translated.endswith(closing)
            and opening not in inner
            and closing not in inner
            and not source.startswith(opening)
        ):
            return True
    return False


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


def _base(language: str) -> str:
    return (language or "").lower().replace("_", "-").split("-")[0]
