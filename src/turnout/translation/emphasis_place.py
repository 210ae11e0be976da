"""Emphasis on the same things: a count in bold ("**12,500 people**") that the answer leaves
plain while it puts the bold on the city or the speaker keeps as many emphasis marks, so
only what stands inside them tells. The numbers of a hundred and more inside emphasis (counts,
years, amounts) are compared: a translator may write "**two hours**" in words, or "**2 p.m.**"
as "**14 Uhr**".
"""

import re
from collections import Counter

from django.utils.translation import gettext as _

from .figures import numbers
from .placeholders import PLACEHOLDER
from .problems import Problem

# Bold or italic with "*" or "_", opening before a letter or digit and closing after one: a
# list's "* " marker and a lone "*" in "5 * 2" open nothing.
_EMPHASIZED = re.compile(
    r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1"
    r"|(?<![*\w])([*_])(?=[^\s*_])([^*_\n]+?)(?<=[^\s*_])\3(?![*\w])"
)
_SMALLEST = 100


def emphasis_place_problems(protected_source: str, translated: str) -> list[Problem]:
    expected, found = _emphasized_numbers(protected_source), _emphasized_numbers(translated)
    if expected == found:
        return []
    return [
        Problem(
            "emphasis_moved",
            _(
                "The emphasis (bold or italics) is on other words than in the source: the "
                "source emphasizes %(expected)s, the translation %(found)s."
            )
            % {"expected": _listed(expected), "found": _listed(found)},
            f"Your answer puts the emphasis (** or *) on other words than the text does. "
            f"Emphasize the words that translate the text's emphasized words "
            f"({_listed(expected)}), and no others.",
        )
    ]


def _emphasized_numbers(text: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for match in _EMPHASIZED.finditer(PLACEHOLDER.sub(" ", text)):
        found += numbers(match.group(2) or match.group(4))
    return Counter({n: c for n, c in found.items() if int(n) >= _SMALLEST})


def _listed(found: Counter[str]) -> str:
    return ", ".join(sorted(found, key=lambda n: (len(n), n))) or _("no number")
