"""The Markdown shape a translation keeps: one line for each heading, list item, quote line
and table row of the source, with the same markers and as many table cells, as many
paragraphs (two merged into one read as one on the page), and a page's front matter with its
keys as they are (the site reads "title:", not "título:") and its data too (a date, a flag);
values that are words are the translator's.
"""

import re

from django.utils.translation import gettext as _

from .problems import Problem

_LINE_MARKER = re.compile(r"^(\s*)(#{1,6}(?=\s)|[-*+](?=\s)|\d+[.)](?=\s)|>|\|)")
_NESTED_MARKER = re.compile(r"\s+([-*+]|\d+[.)]|#{1,6})(?=\s)")
_LIST_MARKER = re.compile(r"[-*+]|\d+[.)]")
# A backslash before a mark Markdown reads: emphasis, links, headings, lists, quotes, tables.
_ESCAPED_MARK = re.compile(r"\\[*_\[\]()#>`|~.+-]")
_ORDERED_ITEM = re.compile(r"^[ \t]*\d+[.)](?=\s)", re.MULTILINE)
_ESCAPED_NUMBER = re.compile(r"^[ \t]*\d+\\[.)](?=\s)", re.MULTILINE)
# A page's front matter: YAML between two lines of "---" at its very start.
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_TOP_LEVEL_KEY = re.compile(r"^([^\W\d][\w-]*)[ \t]*:", re.MULTILINE)
_TOP_LEVEL_VALUE = re.compile(r"^([^\W\d][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
# Values the site reads as data, not words: YAML's booleans and nulls, numbers, dates.
_DATA_VALUE = re.compile(r"(?i)true|false|yes|no|on|off|null|~|[-+]?\d[\d_.:T Z+-]*")


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


def front_matter_keys(text: str) -> list[str]:
    """The top-level keys of `text`'s front matter, in order; none without front matter."""
    match = _FRONT_MATTER.match(text)
    return _TOP_LEVEL_KEY.findall(match.group(1)) if match else []


def front_matter_text(text: str) -> tuple[list[str], str]:
    """The values of `text`'s front matter that are words (a title, a description), and the
    text after it: the keys and the data are the site's, never sentences of the page."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return [], text
    values = _TOP_LEVEL_VALUE.findall(match.group(1))
    words = [value for _key, value in values if value and not _DATA_VALUE.fullmatch(value)]
    return words, text[match.end() :]


def structure_problems(source: str, result: str) -> list[Problem]:
    """How `result` changed the structure; a list item dropped or added is said as such."""
    return _front_matter_problems(source, result) + _block_problems(source, result)


def _front_matter_data(text: str) -> dict[str, str]:
    """The values of `text`'s front matter that are data (a date, a flag, a number)."""
    return {key: value for key, value in _front_matter_values(text) if _DATA_VALUE.fullmatch(value)}


def _front_matter_problems(source: str, result: str) -> list[Problem]:
    expected = front_matter_keys(source)
    if expected == front_matter_keys(result):
        data, answered = _front_matter_data(source), dict(_front_matter_values(result))
        changed = [key for key, value in data.items() if answered.get(key) != value]
        return _front_matter_data_problems(changed)
    shown = ", ".join(expected) or "-"
    return [
        Problem(
            "front_matter",
            _(
                "The front matter's keys changed (translated, dropped or added): the site "
                "reads only %(keys)s."
            )
            % {"keys": shown},
            f"Your answer changed the keys of the front matter between the '---' lines. Keep "
            f"the keys {shown} exactly as they are, in English, and translate only the values "
            f"that are text.",
        )
    ]


def _front_matter_values(text: str) -> list[tuple[str, str]]:
    match = _FRONT_MATTER.match(text)
    return _TOP_LEVEL_VALUE.findall(match.group(1)) if match else []


def _front_matter_data_problems(changed: list[str]) -> list[Problem]:
    if not changed:
        return []
    shown = ", ".join(changed)
    return [
        Problem(
            "front_matter",
            _(
                "A value of the front matter that the site reads as data (a date, a flag, a "
                "number) was changed: %(keys)s."
            )
            % {"keys": shown},
            f"Your answer changed the value of {shown} in the front matter. Keep dates, "
            f"true/false and numbers there exactly as the text writes them.",
        )
    ]


def _block_problems(source: str, result: str) -> list[Problem]:
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


def _escapes_keeping_shape(source: str, translated: str) -> int:
    """Escaped numbers opening a line ("2032\\. október 3-án", a Hungarian date) that would
    start a list the source lacks, where the answer keeps every list item of the source: the
    escape keeps the page's shape rather than showing a mark."""
    if len(_ORDERED_ITEM.findall(translated)) < len(_ORDERED_ITEM.findall(source)):
        return 0  # "1\\. Sign up": a step of the source's list shown as text
    return max(len(_ESCAPED_NUMBER.findall(translated)) - len(_ESCAPED_NUMBER.findall(source)), 0)


def escaped_markdown_problems(source: str, translated: str) -> list[Problem]:
    """Markdown's marks escaped with a backslash ("\\*\\*", "\\[", "1\\."), more than the source
    escapes: the page shows the marks instead of bold text, a link or a list."""
    found = _ESCAPED_MARK.findall(translated)
    if len(found) - _escapes_keeping_shape(source, translated) <= len(
        _ESCAPED_MARK.findall(source)
    ):
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
