"""Remarks in brackets that a translation adds: a model's disclaimer or comment slipped into
the text ("… 10:00–18:00 (please protest peacefully and lawfully).") keeps every sentence,
number and mark, and may be too short to lengthen the answer noticeably."""

import re

from django.utils.translation import gettext as _

from .placeholders import PLACEHOLDER
from .problems import Problem

# A bracketed run of words (round, full-width or square brackets not opening a link).
_ASIDE = re.compile(r"[(（]([^()（）\n]*)[)）]|(?<![\]!])\[([^\[\]\n]*)\](?![(⟦\[])")
# An aside shorter than this many words (or characters, without spaces) glosses a word: a
# translator's "(KI)" or "(Utrecht)" is no remark.
_WORDS, _UNSPACED_CHARACTERS = 3, 12


def aside_problems(protected_source: str, translated: str) -> list[Problem]:
    """More bracketed asides than the source has, one of them a remark of several words (a
    translation may say the source's own aside in more words, or add a short gloss)."""
    expected, found = _asides(protected_source), _asides(translated)
    remarks = [aside for aside in found if _is_remark(aside) and aside not in expected]
    if len(found) <= len(expected) or not remarks:
        return []
    return [
        Problem(
            "aside",
            _("The translation adds a remark in brackets that the source lacks: (%(aside)s).")
            % {"aside": remarks[0][:80]},
            f"Your answer adds a remark in brackets that the text lacks: ({remarks[0][:80]}). "
            f"Translate the text only; add no comment, note or warning of your own.",
        )
    ]


def _asides(text: str) -> list[str]:
    """What each pair of brackets holds, link texts aside, placeholders set aside."""
    return [
        PLACEHOLDER.sub(" ", match.group(1) or match.group(2) or "").strip()
        for match in _ASIDE.finditer(text)
    ]


def _is_remark(aside: str) -> bool:
    words = aside.split()
    if len(words) >= _WORDS:
        return True
    # Kana, Han and Thai run on without spaces: a remark is one long "word".
    return len(words) == 1 and len(words[0]) >= _UNSPACED_CHARACTERS and _unspaced(words[0])


def _unspaced(word: str) -> bool:
    """Whether `word` is of a script written without spaces (kana, Han, Thai)."""
    return any("\u3040" <= ch <= "\u9fff" or "\u0e00" <= ch <= "\u0e7f" for ch in word)
