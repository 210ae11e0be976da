"""What a translation keeps inside Markdown's shape: every image stays an image ("![...]", not
a link) with an alt text where the source gives one, and every number of a table row stays in
its cell (a row whose cells were shifted or swapped reads as another time at another place).
"""

import re

from django.utils.translation import gettext as _

from .figures import numbers
from .placeholders import PLACEHOLDER
from .problems import Problem

# "[text]⟦n⟧" with the "!" that makes it an image; the alt text may be empty.
_LINKED = re.compile(r"(!?)\[([^\[\]]*)\]⟦(\d+)⟧")
_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.MULTILINE)
_DELIMITER_ROW = re.compile(r"^[\s|:-]+$")
_IMAGE_DESCRIPTION = re.compile(r"!\[[^\[\]]*\]⟦\d+⟧")


def without_image_descriptions(protected: str) -> str:
    """`protected` without its images and their descriptions: a description left in the
    source's language is no sentence of the page untranslated, only words a screen reader
    says."""
    return _IMAGE_DESCRIPTION.sub(" ", protected)


def image_problems(protected_source: str, translated: str) -> list[Problem]:
    """Images of the source (by their address's token) that became links or lost their alt
    text, which is all a screen reader says of them."""
    answered = {token: (bang, alt) for bang, alt, token in _LINKED.findall(translated)}
    lost, blank = [], []
    for bang, alt, token in _LINKED.findall(protected_source):
        if not bang or token not in answered:
            continue  # a link, or a token gone, which `missing` says
        answered_bang, answered_alt = answered[token]
        if not answered_bang:
            lost.append(f"⟦{token}⟧")
        elif _has_words(alt) and not _has_words(answered_alt):
            blank.append(f"⟦{token}⟧")
    problems = []
    if lost:
        problems.append(
            Problem(
                "images",
                _("An image became a link: the page would show a link instead of the picture."),
                f"In your answer the image before {', '.join(lost)} lost its '!'. Keep "
                f"'![description]' before the token, as in the text.",
            )
        )
    if blank:
        problems.append(
            Problem(
                "images",
                _(
                    "An image lost its description (alt text), which is all that people who "
                    "cannot see it are told."
                ),
                f"In your answer the image before {', '.join(blank)} has no description. "
                f"Translate the text between '![' and ']' too.",
            )
        )
    return problems


def table_cell_problems(source: str, result: str) -> list[Problem]:
    """Rows of the same table whose numbers moved to another cell: cells shifted or swapped.
    Only judged where both have as many rows and cells (else `structure` says so)."""
    source_rows, rows = _table_rows(source), _table_rows(result)
    if len(source_rows) != len(rows):
        return []
    for expected, found in zip(source_rows, rows, strict=True):
        if len(expected) != len(found):
            return []
        by_cell = [numbers(cell) for cell in expected], [numbers(cell) for cell in found]
        if by_cell[0] != by_cell[1] and sum(by_cell[0], start=numbers("")) == sum(
            by_cell[1], start=numbers("")
        ):
            return [
                Problem(
                    "table_cells",
                    _(
                        "A table row's cells were shifted or swapped: its numbers stand in "
                        "other columns than in the source."
                    ),
                    "In your answer a table row's cells are in another order than in the "
                    "text. Keep every cell in its column, translating it where it stands.",
                )
            ]
    return []


def _table_rows(text: str) -> list[list[str]]:
    return [
        re.split(r"(?<!\\)\|", match.group(1))
        for match in _ROW.finditer(text)
        if not _DELIMITER_ROW.fullmatch(match.group(1))
    ]


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in PLACEHOLDER.sub("", text))
