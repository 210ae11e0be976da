"""The days an events sheet's date cell names, as organizers write them beyond one dated day:
"15/05" or "Sat 15 May" under a title that names the year ("May vigils 2027"), a window of
days ("15–17 May 2027", a camp), several days for one city ("15 May, 22 May", "15 & 22 May"),
and a weekday that must be the date's ("Fri 15 May 2027" is refused: that day is a Saturday).

Slash dates are read in the order the sheet shows: a sheet that writes "05/15/2027" somewhere
means 6 May by "05/06/2027"; where no date of the sheet shows it, a US city's date is read
month first and any other day first (`slash_order`)."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from babel import UnknownLocaleError
from babel.dates import get_day_names
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from .date_names import elided, fillers, month_names, weekday_numbers
from .dates import find_dates, find_years, slash_dates_of
from .sheet_cells import cell_day, named_month_forms, numeric_cell_day
from .sheet_rows import RowRejected
from .vocabulary import fold


@dataclass(frozen=True)
class CellDays:
    """The (first, last) day of each event a date cell names, and whether its year is the
    title's (the cell giving none)."""

    spans: list[tuple[date, date]]
    has_title_year: bool = False


# Words that join the days of one cell: "15 and 22 May", "15 und 22. Mai", "15 ve 22 Mayıs".
_JOINING = frozenset(
    map(fold, ("and", "en", "und", "et", "y", "e", "i", "og", "och", "ja", "ve", "dan", "и",
               "і", "та", "και", "ו", "와", "과", "és", "a", "si", "și"))
)  # fmt: skip
_JOINED_DAYS = re.compile(
    r"(?<![\d:.,/])(\d{1,2})(?:st|nd|rd|th|\.)?\s*(?:[&+,]|\b(\w+)\b)\s*"
    r"(\d{1,2}(?:st|nd|rd|th)?)(\.?\s+)(?=([^\W\d_]+))"
)


def cell_days(text: str, language: str | None, *, title_year: int | None = None) -> CellDays:
    """The days of a date cell (its time and zone note aside); refused when the cell gives no
    year and the title none, when its weekday is not its date's, or when it names several days
    among other words ("15 May, rain date 22 May")."""
    if (day := numeric_cell_day(text)) is not None:
        return CellDays([(day, day)])
    cell, text = text, _joined_days(named_month_forms(text), language)
    mentions = [mention for mention in find_dates(text, language=language) if mention.has_day]
    if not mentions:
        day = cell_day(text, language)  # refused there, in its words, or read as it reads it
        return CellDays([(day, day)])
    if len(mentions) > 1 and not _only_days(text, language):
        raise RowRejected(
            _("“%(text)s” names several days among other words; give each day its own row")
            % {"text": cell}
        )
    named = _weekdays_named(text, language)
    if len(named) == len(mentions):  # "Sa 15.5., Sa 22.5.": each day's weekday before it
        mentions = [
            replace(mention, weekday=weekday) if mention.weekday is None else mention
            for mention, weekday in zip(mentions, named, strict=True)
        ]
    own_years = {mention.year for mention in mentions if mention.year}
    cell_year = own_years.pop() if len(own_years) == 1 else None
    spans, has_title_year = [], False
    for mention in mentions:
        year = mention.year or cell_year or title_year
        if year is None:
            raise RowRejected(
                _("“%(text)s” gives no year, and no title above the header names one; write the "
                  "year in the cell or in the sheet's title") % {"text": cell}
            )  # fmt: skip
        has_title_year |= not (mention.year or cell_year)
        try:
            first, last = mention.window(year)
        except ValueError:
            raise RowRejected(
                _("“%(text)s” is not a date such as 2025-05-13") % {"text": cell}
            ) from None
        if mention.weekday is not None and first.weekday() != mention.weekday:
            raise RowRejected(
                _("“%(text)s” says %(said)s, but %(day)s is a %(weekday)s; correct the day or "
                  "the date") % {"text": cell, "said": WEEKDAYS[mention.weekday],
                                 "day": first.isoformat(), "weekday": WEEKDAYS[first.weekday()]}
            )  # fmt: skip
        spans.append((first, last))
    return CellDays(list(dict.fromkeys(spans)), has_title_year)


def _joined_days(text: str, language: str | None) -> str:
    """ "15 & 22 May" as "15 May, 22 May": each day with its month, which `find_dates` reads."""

    def spelled(match: re.Match) -> str:
        joining, month = match[2], match[5]
        if joining is not None and fold(joining) not in _JOINING:
            return match[0]
        if elided(fold(month).rstrip(".")) not in month_names(language):
            return match[0]
        return f"{match[1]} {month}, {match[3]}{match[4]}"

    for _round in range(6):  # "1, 8, 15 & 22 May": one day more each round
        joined = _JOINED_DAYS.sub(spelled, text)
        if joined == text:
            break
        text = joined
    return text


def _only_days(text: str, language: str | None) -> bool:
    """Whether a cell holds only days: numbers, month and weekday names, joining words."""
    known = month_names(language).keys() | _weekday_words(language).keys()
    known |= fillers(language) | _JOINING
    text = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text)  # "15th", "22nd"
    return all(
        elided(fold(word).rstrip(".")) in known for word in re.findall(r"[^\W\d_]+\.?", text)
    )


@cache
def _weekday_words(language: str | None) -> dict[str, int]:
    """Weekday names, with the two-letter ones a date cell in the sheet's language opens with
    ("Sa 15.5.", "Fr."), which prose leaves aside ("so", "do" are words too)."""
    names = dict(weekday_numbers(language))
    own = (language or "").split("-")[0].lower()
    try:
        short = get_day_names("abbreviated", "format", locale=own) if own else {}
    except (UnknownLocaleError, ValueError):
        short = {}
    for number, name in short.items():
        names.setdefault(fold(name).rstrip("."), number)
    return names


def _weekdays_named(text: str, language: str | None) -> list[int]:
    """The weekdays a date cell names, in order."""
    words = _weekday_words(language)
    return [
        words[key]
        for word in re.findall(r"[^\W\d_]+", text)
        if (key := fold(word)) in words and key not in month_names(language)
    ]


def title_year(texts: list[str], bookkeeping: re.Pattern) -> int | None:
    """The one year the rows above the header name ("May vigils 2027"), not counting a note of
    when the sheet was updated; None when they name none or several."""
    years = {year for text in texts if not bookkeeping.search(text) for year in find_years(text)}
    return years.pop() if len(years) == 1 else None


# "05/15/2027" shows the month first, "15/05/2027" the day first; a URL's digits are no date,
# nor is "open 24/7".
_SLASH_DATE = re.compile(
    r"(?<![\w/.:-])(?!24/7(?!\d))(\d{1,2})/(\d{1,2})(?:/(?:\d{4}|\d{2}))?(?![\w/])"
)


def sheet_slash_order(text: str) -> bool | None:
    """Whether the sheet's slash dates put the month first (True), the day first (False), or
    None when none shows it (or they show both)."""
    pairs = [(int(a), int(b)) for a, b in _SLASH_DATE.findall(text)]
    month_first = any(a <= 12 < b <= 31 for a, b in pairs)
    day_first = any(b <= 12 < a <= 31 for a, b in pairs)
    return month_first if month_first != day_first else None


@contextmanager
def slash_order(*, is_month_first: bool) -> Iterator[None]:
    """Slash dates read month first or day first while the block runs."""
    with slash_dates_of("1/13" if is_month_first else "13/1"):  # a date that shows the order
        yield
