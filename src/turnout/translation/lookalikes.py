"""Words that mix alphabets whose letters look alike: a Cyrillic "а" or "о" in a Latin word,
a Latin "i" in a Ukrainian one. A reader sees the word, but search, links and screen readers
do not; no language writes one word in two of these alphabets, so a word the source lacks
that does was damaged (a model's tokens, or text made to deceive)."""

import re
import unicodedata

from django.utils.translation import gettext as _

from .languages import script_of
from .placeholders import PLACEHOLDER
from .problems import Problem

# Alphabets with letters of the same shape (a/а/α, o/о/ο, p/р/ρ, i/і, x/х/χ).
_LOOKALIKE_SCRIPTS = frozenset({"latin", "cyrillic", "greek"})
_WORD = re.compile(r"[^\W\d_]+")


def mixed_script_words(source: str, translated: str) -> list[str]:
    """Words of `translated` written in two look-alike alphabets that `source` does not have."""
    own = set(_words(source))
    return [
        word for word in dict.fromkeys(_words(translated)) if _is_mixed(word) and word not in own
    ]


def mixed_script_problems(source: str, translated: str) -> list[Problem]:
    if not (mixed := mixed_script_words(source, translated)):
        return []
    shown = ", ".join(mixed[:5])
    return [
        Problem(
            "mixed_script",
            _(
                "Words mix letters of two alphabets that look alike (a Cyrillic “а” in a "
                "Latin word, for example): %(words)s."
            )
            % {"words": shown},
            f"Your answer has words that mix letters of two alphabets ({shown}). Write each "
            f"word in one alphabet, the one of the language asked for.",
        )
    ]


def _words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", PLACEHOLDER.sub(" ", text)))


def _is_mixed(word: str) -> bool:
    scripts = {script_of(ch) for ch in word} & _LOOKALIKE_SCRIPTS
    return len(scripts) > 1
