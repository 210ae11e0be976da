"""The Markdown shape a translation keeps: one line for each heading, list item, quote line
and table row of the source, with the same markers and as many table cells, and as many
paragraphs (two merged into one read as one on the page).
"""

import re

from django.utils.translation import gettext as _

from .problems import Problem

_LINE_MARKER = re.compile(r"^(\s*)(#{1,6}(?=\s)|[-*+](?=\s)|\d+[.)](?=\s)|>|\|)")
_NESTED_MARKER = re.compile(r"\s+([-*+]|\d+[.)]|#{1,6})(?=\s)")
_LIST_MARKER = re.compile(r"[-*+]|\d+[.)]")
# A backslash before a mark Markdown reads: emphasis, links, headings, lists, quotes, tables.
_ESCAPED_MARK = re.compile(r"\\[*_\[\]()#>`|~.+-]")


def structure(text: str) -> list[tuple[str, ...]]:
    """The block markers of each line that has one: headings, list items, quotes, table rows."""
    shape: list[tuple[str, ...]] = []
    for line in text.splitlines():
        match = _LINE_MARKER.match(line)
        if match:
            indent, marker = match.groups()
            if marker == "|":
                shape.append((indent, "|", str(line.count("|") - line.count("\\|"))))
            elif nested := _NESTED_MARKER.match(line, match.end()):
                shape.append((indent, marker, nested.group(1)))  # "2. 2. Meld": a list in a list
            else:
                shape.append((indent, marker))
    return shape


def structure_problems(source: str, result: str) -> list[Problem]:
    """How `result` changed the structure; a list item dropped or added is said as such."""
    expected, found = structure(source), structure(result)
    if expected == found:
        return _merged_paragraphs(source, result)
    items_expected, items_found = _list_items(expected), _list_items(found)
    if items_found != items_expected:
        return [
            Problem(
                "structure",
                _(
                    "The structure changed: the answer has %(found)d list items where the "
                    "source has %(expected)d."
                )
                % {"found": items_found, "expected": items_expected},
                f"Your answer changed the Markdown structure: it has {items_found} list items "
                f"where the text has {items_expected}. Translate every item of the list, each "
                f"on its own line with its marker, and add none.",
            )
        ]
    return [
        Problem(
            "structure",
            _("The structure changed (headings, list items, quotes or table cells)."),
            "Your answer changed the Markdown structure. Keep exactly one line for each "
            "line of the text that starts with #, -, *, a number, > or |, and the same "
            "number of table cells.",
        )
    ]


def _list_items(shape: list[tuple[str, ...]]) -> int:
    return sum(1 for line in shape if _LIST_MARKER.fullmatch(line[1]))


def block_starts(text: str) -> int:
    """How many blocks the page shows: paragraphs apart by a blank line, and every line that
    starts a heading, list item, quote or table row (which needs no blank line before it)."""
    count, after_blank = 0, True
    for line in text.splitlines():
        if not line.strip():
            after_blank = True
            continue
        if after_blank or _LINE_MARKER.match(line):
            count += 1
        after_blank = False
    return count


def _merged_paragraphs(source: str, result: str) -> list[Problem]:
    """Fewer blocks with the same markers: a blank line between two paragraphs was lost."""
    expected, found = block_starts(source), block_starts(result)
    if found >= expected:
        return []  # more blocks are chatter or a split, which `chatter_problems` names
    return [
        Problem(
            "merged",
            _("Paragraphs were merged: the answer has %(found)d where the source has %(expected)d.")
            % {"found": found, "expected": expected},
            f"Your answer merged paragraphs: it has {found} where the text has {expected}. "
            f"Keep the blank line between every two paragraphs of the text.",
        )
    ]


def escaped_markdown_problems(source: str, translated: str) -> list[Problem]:
    """Markdown's marks escaped with a backslash ("\\*\\*", "\\[", "1\\."), more than the source
    escapes: the page shows the marks instead of bold text, a link or a list."""
    found = _ESCAPED_MARK.findall(translated)
    if len(found) <= len(_ESCAPED_MARK.findall(source)):
        return []
    shown = " ".join(dict.fromkeys(found))
    return [
        Problem(
            "escaped_markdown",
            _("Markdown marks are escaped with a backslash (%(marks)s): the page would show them.")
            % {"marks": shown},
            f"Your answer escaped Markdown marks with backslashes ({shown}). Write the marks "
            f"as the text does, without a backslash before them.",
        )
    ]
