"""Right-to-left answers whose punctuation stands at the wrong end: a sentence typed or copied
through a left-to-right editor comes out as ".שלום" (the full stop first, in memory), which a
page shows at the sentence's right-hand start."""

from django.utils.translation import gettext as _

from .languages import base
from .placeholders import PLACEHOLDER
from .problems import Problem
from .proportions import text_blocks

RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "dv", "ckb", "sd", "ug"})
# Sentence-ending marks a right-to-left sentence ends with (Latin, Arabic, Urdu).
_ENDING = ".!?:؟۔…"
# Hebrew, Arabic, Syriac, Thaana and their presentation forms.
_RIGHT_TO_LEFT_LETTERS = (("\u0590", "\u08ff"), ("\ufb1d", "\ufdff"), ("\ufe70", "\ufefc"))
_SET_ASIDE = "*_~ \u200f\u200e\u061c"


def punctuation_side_problems(source: str, translated: str, *, language: str) -> list[Problem]:
    """Blocks of a right-to-left answer that open with a sentence's final punctuation before
    a right-to-left letter, where no block of the source opens with punctuation."""
    if base(language) not in RIGHT_TO_LEFT:
        return []
    if any(_opening_mark(block) for block in text_blocks(source)):
        return []
    wrong = [block for block in text_blocks(translated) if _opening_mark(block)]
    if not wrong:
        return []
    return [
        Problem(
            "punctuation_side",
            _(
                "A sentence starts with its final punctuation (%(start)s…): in right-to-left "
                "text it stands at the wrong end."
            )
            % {"start": _visible(wrong[0])[:12]},
            "In your answer a sentence starts with the punctuation that should end it. Write "
            "each sentence's full stop or question mark after its last word, in logical order.",
        )
    ]


def _opening_mark(block: str) -> bool:
    text = _visible(block)
    return len(text) > 1 and text[0] in _ENDING and _is_right_to_left(text[1])


def _visible(block: str) -> str:
    return PLACEHOLDER.sub("", block).lstrip(_SET_ASIDE)


def _is_right_to_left(char: str) -> bool:
    return any(low <= char <= high for low, high in _RIGHT_TO_LEFT_LETTERS)
