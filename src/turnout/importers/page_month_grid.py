"""A month written as a calendar grid: a table whose columns are the weekdays ("Po | Út | St
| Čt | Pá | So | Ne") and whose cells open with a day of the month, some followed by an
event ("4 **Praha** – Náměstí Míru"). Each such cell is read as a bullet of its weekday and
day ("Pá 4 – Praha – Náměstí Míru"), which the month of the page's title or heading completes
(`page_month_headings`).
"""

import re

from .date_cases import SHORT_WEEKDAYS
from .date_names import weekday_numbers, weekday_phrases
from .page_blocks import Block, Link
from .vocabulary import fold

Cell = tuple[str, list[Link]]


def weekdays_named(word: str, language: str | None, *, short_in_any: bool = True) -> frozenset[int]:
    """The weekdays (0 for Monday) `word` may name: its full or short name ("Friday", "pá"),
    the short ones in any language or only in the page's (`short_in_any`). Two-letter names
    are ambiguous ("so" is Saturday in Czech, Sunday in German), so all are given."""
    key = fold(word.strip(" *_.:"))
    number = weekday_numbers(language).get(key, weekday_phrases().get(key))
    found = {number} if number is not None else set()
    own = (language or "").split("-")[0].lower()
    tables = SHORT_WEEKDAYS.values() if short_in_any else [SHORT_WEEKDAYS.get(own, ())]
    found |= {number for names in tables for number, name in enumerate(names) if fold(name) == key}
    return frozenset(found)


def month_grid_items(rows: list[tuple[int, list[Cell]]], language: str | None) -> list[Block]:
    """The events of a calendar grid, one item per cell that names more than its day; [] for
    a table that is no such grid (its header is not at least five weekdays in order)."""
    if len(rows) < 2:
        return []
    header = [text for text, _links in rows[0][1]]
    days = [weekdays_named(text, language) for text in header]
    if len(header) < _WEEKDAYS_AT_LEAST or not all(days):
        return []
    if not any(all(first + n in found for n, found in enumerate(days)) for first in days[0]):
        return []  # "Mo | Wer | Wo" is no row of weekdays
    items = []
    for line, cells in rows[1:]:
        for name, (text, links) in zip(header, cells, strict=False):
            match = _DAY_THEN_EVENT.match(" ".join(text.split()))
            if match is None:
                continue
            # A weekday of two words ("E shtunë") is no date's word: written as English does.
            weekday = name.strip(" *_")
            if " " in weekday:
                weekday = _ENGLISH_WEEKDAYS[min(weekdays_named(weekday, language))]
            written = f"{weekday} {match.group(1)} – {match.group(2)}"
            items.append(Block("item", line, written, written, links))
    return items


_WEEKDAYS_AT_LEAST = 5
_ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A cell's day and what follows it: "4 Praha – Náměstí Míru", "**18** Ostrava, 17:30".
_DAY_THEN_EVENT = re.compile(r"^[*_]*(\d{1,2})\.?[*_]*\s+(?=\S*[^\W\d_])(.+)$")
