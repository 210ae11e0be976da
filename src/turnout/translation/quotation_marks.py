"""A stray straight quotation mark: one `"` without its pair, where the source's are paired.

A model that turns emphasis into quotes, or drops one of two, leaves a `"` that opens or closes
nothing ("## "Waarom we ..."). A pair may mix its marks as people type them (German and Dutch
„so" with a straight closing mark), so the typographic double marks count with the straight
ones. Hebrew types its gershayim as `"` inside a word ("ארה"ב", "אחה"צ"): between two Hebrew
letters it is no quotation mark.
"""

import re

from django.utils.translation import gettext as _

from .placeholders import PLACEHOLDER
from .problems import Problem

_STRAIGHT_QUOTE = re.compile(r'(?<![\u05d0-\u05ea])"|"(?![\u05d0-\u05ea])')


_TYPOGRAPHIC_QUOTES = re.compile("[\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d\u300e\u300f]")


def has_stray_quote(source: str, translated: str) -> bool:
    """`translated` has a `"` and an odd number of double quotation marks where `source` has
    an even one; both texts with placeholders, whose originals may hold quotes of their own."""
    if not _STRAIGHT_QUOTE.search(PLACEHOLDER.sub(" ", translated)):
        return False
    return _quotes(translated) % 2 == 1 and _quotes(source) % 2 == 0


def _quotes(text: str) -> int:
    text = PLACEHOLDER.sub(" ", text)
    return len(_STRAIGHT_QUOTE.findall(text)) + len(_TYPOGRAPHIC_QUOTES.findall(text))


def stray_quote_problems(source: str, translated: str) -> list[Problem]:
    if not has_stray_quote(source, translated):
        return []
    return [
        Problem(
            "stray_quote",
            _('The translation has a quotation mark (") without its pair.'),
            'Your answer has a quotation mark (") that opens or closes nothing. Quote only '
            "what the text quotes, with both marks, and keep the text's emphasis markers "
            "(*, **, _) as they are.",
        )
    ]
