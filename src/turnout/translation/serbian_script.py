"""Serbian in the script its readers asked for: Latin for "sr-Latn", Cyrillic for "sr-Cyrl",
either for "sr" alone (both are in everyday use), but one of them throughout. A model asked
for one often answers in the other, or transliterates letter by letter; both scripts write
the same words, so the word lists of `languages` cannot tell, only the letters can.
"""

import re

from django.utils.translation import gettext as _

from .placeholders import PLACEHOLDER
from .problems import Problem

_WORD = re.compile(r"[^\W\d_]+")
# Letters of the other script that a page may hold (a name, a brand written in Latin letters
# on a Cyrillic page), and words of it that make a mix.
_FEWEST_LETTERS, _FEWEST_WORDS = 12, 4


def expected_script(language: str) -> str | None:
    """ "latin", "cyrillic", "" (either) for Serbian; None for another language."""
    parts = language.replace("_", "-").casefold().split("-")
    if parts[0] != "sr":
        return None
    if "latn" in parts[1:]:
        return "latin"
    return "cyrillic" if "cyrl" in parts[1:] else ""


def serbian_script_problems(source: str, translated: str, *, language: str) -> list[Problem]:
    wanted = expected_script(language)
    if wanted is None:
        return []
    kept = set(_WORD.findall(PLACEHOLDER.sub(" ", source)))
    letters = {"latin": 0, "cyrillic": 0}
    written = {"latin": 0, "cyrillic": 0}
    for word in _WORD.findall(PLACEHOLDER.sub(" ", translated)):
        script = _script(word)
        if script and word not in kept:
            letters[script] += len(word)
            written[script] += 1
    if not wanted:  # either, the one most of the answer is in
        wanted = max(letters, key=lambda script: letters[script])
        other = "cyrillic" if wanted == "latin" else "latin"
        if letters[other] < _FEWEST_LETTERS or written[other] < _FEWEST_WORDS:
            return []
        return [
            Problem(
                "serbian_script",
                _("The translation mixes Cyrillic and Latin letters: write it in one script."),
                f"Your answer mixes Cyrillic and Latin script. Write all of it in "
                f"{wanted.capitalize()} script.",
            )
        ]
    other = "cyrillic" if wanted == "latin" else "latin"
    if letters[other] < _FEWEST_LETTERS or written[other] < _FEWEST_WORDS:
        return []
    return [
        Problem(
            "serbian_script",
            _("The translation is in Cyrillic script where Latin script is expected.")
            if wanted == "latin"
            else _("The translation is in Latin script where Cyrillic script is expected."),
            f"Your answer is written (partly) in {other.capitalize()} script. Write all of it "
            f"in Serbian {wanted.capitalize()} script.",
        )
    ]


def _script(word: str) -> str:
    if all("\u0400" <= ch <= "\u04ff" for ch in word):
        return "cyrillic"
    if all(ch.isascii() or "\u00c0" <= ch <= "\u024f" for ch in word):
        return "latin"
    return ""
