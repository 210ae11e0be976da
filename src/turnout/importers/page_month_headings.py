"""Days written without their month under a heading that gives it: "## August 2027" over
"**Sat 14th — Philadelphia**" and "**Online — Wed 8th**".

A page that groups its events by month names the month once, in the heading, and each event
only by its weekday and day. The day is completed with the heading's month and year before
the page is read, so that its window and its events' days are read as any other date.
"""

import re
from dataclasses import replace
from datetime import date

from .date_names import month_names
from .dates import find_dates
from .document import Block, Document
from .page_month_grid import weekdays_named
from .vocabulary import fold


def with_months_of_headings(document: Document, language: str | None) -> Document:
    """`document` with the days under a month's heading ("## August 2027") written with it:
    "Sat 14th" as "Sat 2027-08-14"; a day that is no day of that month is left as it is."""
    sections = []
    month: tuple[int, int, int] | None = None  # (level, year, month) of the heading above
    # A title naming one month ("Cyklojízdy – červen 2027") is the month of the days under
    # no month's heading ("Pá 4" in its calendar grid).
    titled = _month_of_title(document.title, language)
    for section in document.sections:
        if month is not None and section.level and section.level <= month[0]:
            month = None
        if section.level and (named := month_of_heading(section.heading, language)) is not None:
            month = (section.level, *named)
        at = month or ((0, *titled) if titled else None)
        if at is None:
            sections.append(section)
            continue
        blocks = [_with_month(block, at[1], at[2], language) for block in section.blocks]
        sections.append(replace(section, blocks=blocks))
    return replace(document, sections=sections)


def month_of_heading(heading: str, language: str | None) -> tuple[int, int] | None:
    """(year, month) of a heading that is a month and year and nothing else ("August 2027")."""
    mentions = find_dates(heading, language=language)
    if len(mentions) != 1 or mentions[0].has_day or mentions[0].year is None:
        return None
    words = re.findall(r"[^\W\d_]+", fold(heading))
    if len(words) > 2:  # "Protests in August 2027" is a heading about them, not a month's
        return None
    return mentions[0].year, mentions[0].first.month


def _month_of_title(title: str, language: str | None) -> tuple[int, int] | None:
    """(year, month) of a title that names one month and year and no day."""
    mentions = find_dates(title, language=language)
    if len(mentions) != 1 or mentions[0].has_day or mentions[0].year is None:
        return None
    if mentions[0].first.month != mentions[0].last.month:
        return None
    return mentions[0].year, mentions[0].first.month


# A weekday and a day without a month: "Sat 14th", "Wednesday 8", "Sa. 14.".
_WEEKDAY_AND_DAY = re.compile(
    r"(?<!\w)([^\W\d_]{2,12})\.?,?\s+(\d{1,2})(?:st|nd|rd|th|\.)?(?![\w./:-])(\s*[^\W\d_]*)"
)


def _with_month(block: Block, year: int, month: int, language: str | None) -> Block:
    def dated(match: re.Match) -> str:
        # Two letters ("so", "to") name a weekday only in the page's own language.
        weekdays = weekdays_named(match.group(1), language, short_in_any=False)
        if not weekdays:
            return match.group()
        try:
            day = date(year, month, int(match.group(2)))
        except ValueError:
            return match.group()
        if day.weekday() not in weekdays or fold(match.group(3).strip()) in month_names(language):
            return match.group()  # "Sat 14th" that is no Saturday, or "Sat 14th August"
        return f"{match.group(1)} {day.isoformat()}{match.group(3)}"

    text = _WEEKDAY_AND_DAY.sub(dated, block.text)
    return block if text == block.text else replace(block, text=text)
