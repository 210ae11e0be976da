"""Checks a machine translation must pass before it may reach a page.

Every placeholder back exactly once, the same block structure (heading levels and ids, list
markers, quote markers, table cells), the same link targets, and no sign of truncation (the
provider stopped for length, or the text is implausibly short or long for its source).
"""

import re
from collections import Counter

from django.utils.translation import gettext as _

from .placeholders import PLACEHOLDER, ProtectedText

MIN_RATIO = 0.35  # translations between European languages stay well within these bounds
MAX_RATIO = 3.0
RATIO_FLOOR = 40  # characters; below this, short words make ratios meaningless

_LINK_TARGET = re.compile(r"\]\(([^()\s]*(?:\([^()\s]*\))?[^()\s]*)")
_HEADING_ID = re.compile(r"\{#([A-Za-z][\w-]*)\}")
_LINE_MARKER = re.compile(r"^(\s*)(#{1,6}(?=\s)|[-*+](?=\s)|\d+[.)](?=\s)|>|\|)")


def structure(text: str) -> list[tuple[str, ...]]:
    """The block markers of each line that has one: headings, list items, quotes, table rows."""
    shape: list[tuple[str, ...]] = []
    for line in text.splitlines():
        match = _LINE_MARKER.match(line)
        if match:
            indent, marker = match.groups()
            if marker == "|":
                shape.append((indent, "|", str(line.count("|") - line.count("\\|"))))
            else:
                shape.append((indent, marker))
    return shape


def translation_problems(
    *, protected: ProtectedText, translated: str, finish_reason: str = "stop"
) -> list[str]:
    """Why `translated` (still with placeholders) may not be used; empty when it may."""
    problems = []
    if finish_reason == "length":
        problems.append(_("The provider stopped early (length limit): the text is cut off."))
    if not translated.strip():
        return problems + [_("The translation is empty.")]

    expected = Counter(PLACEHOLDER.findall(protected.text))
    found = Counter(PLACEHOLDER.findall(translated))
    missing = sorted(set(expected) - set(found), key=int)
    if missing:
        problems.append(
            _("Protected parts are missing: %(parts)s.")
            % {"parts": ", ".join(protected.originals[int(n) - 1] for n in missing)}
        )
    repeated = sorted((n for n, count in found.items() if count > 1), key=int)
    if repeated:
        problems.append(
            _("Protected parts appear more than once: %(parts)s.")
            % {"parts": ", ".join(f"⟦{n}⟧" for n in repeated)}
        )
    unknown = sorted(set(found) - set(expected), key=int)
    if unknown:
        problems.append(
            _("The translation invents placeholders: %(parts)s.")
            % {"parts": ", ".join(f"⟦{n}⟧" for n in unknown)}
        )

    source = protected.restore(protected.text)
    result = protected.restore(translated)
    if structure(source) != structure(result):
        problems.append(_("The structure changed (headings, list items, quotes or table cells)."))
    if _HEADING_ID.findall(source) != _HEADING_ID.findall(result):
        problems.append(_("Heading anchors changed."))
    if Counter(_LINK_TARGET.findall(source)) != Counter(_LINK_TARGET.findall(result)):
        problems.append(_("Link targets changed."))

    words_in = len(PLACEHOLDER.sub("", protected.text).strip())
    words_out = len(PLACEHOLDER.sub("", translated).strip())
    if words_in >= RATIO_FLOOR and not MIN_RATIO <= words_out / words_in <= MAX_RATIO:
        problems.append(
            _("The translation is %(ratio)d%% of the source's length: probably cut off or padded.")
            % {"ratio": round(100 * words_out / words_in)}
        )
    return problems
