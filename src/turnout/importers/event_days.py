"""Which day a page means: the year a date leaves out, and "tomorrow" counted from the post.

A post's front-matter date is when it was written; "Tomorrow, 23rd of March" or "Saturday 15
March" are read against it. The year a date leaves out comes from, in order: the date itself,
the weekday it names (the year near the page's own in which that day is that weekday), the
post's date (the first such day not long before it), the other years the page gives.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from .dates import DateMention
from .event_words import RELATIVE_DAYS
from .vocabulary import fold, phrases

# An announcement comes before its event, a report after it: a day up to this long before
# the post is still this year's.
_REPORT_SLACK = timedelta(days=60)


@dataclass(frozen=True)
class Anchors:
    """What the page says about its own time: when it was posted, the years it names."""

    posted: date | None = None
    years: list[int] = field(default_factory=list)
    # The day of the import: with no post date and no year on the page, a weekday still
    # settles the year when one year near it alone has that day on that weekday.
    today: date | None = None

    @property
    def year(self) -> int | None:
        if self.posted:
            return self.posted.year
        return self.years[0] if self.years else None


def resolve(mention: DateMention, anchors: Anchors) -> tuple[date, date] | None:
    """The first and last day of a mention that has a day, or None when no year can be told."""
    if not mention.has_day:
        return None
    year = mention.year or _year(mention, anchors)
    if year is None:
        return None
    try:
        return mention.window(year)
    except ValueError:
        return None


def _year(mention: DateMention, anchors: Anchors) -> int | None:
    base = anchors.year
    if base is None and anchors.today is not None and mention.weekday is not None:
        near = [anchors.today.year + step for step in (-1, 0, 1, 2)]
        fitting = [y for y in near if _weekday(mention, y) == mention.weekday]
        return fitting[0] if len(fitting) == 1 else None
    if base is None:
        return None
    candidates = [base, base + 1, base - 1]
    if mention.weekday is not None:
        fitting = [y for y in candidates if _weekday(mention, y) == mention.weekday]
        if len(fitting) == 1 or (fitting and anchors.posted is None):
            return fitting[0]
        if fitting:
            return min(fitting, key=lambda y: abs(_on(mention, y) - anchors.posted))  # type: ignore[operator]
    if anchors.posted is not None:
        for year in (base, base + 1):
            day = _on(mention, year)
            if day is not None and day >= anchors.posted - _REPORT_SLACK:
                return year
    return base


def _on(mention: DateMention, year: int) -> date | None:
    try:
        return mention.window(year)[0]
    except ValueError:
        return None


def _weekday(mention: DateMention, year: int) -> int | None:
    day = _on(mention, year)
    return day.weekday() if day else None


def relative_day(text: str, *, posted: date | None, language: str | None) -> date | None:
    """The day "tomorrow", "morgen", "demain" means, counted from the post's date."""
    if posted is None:
        return None
    folded = fold(text).replace("’", "'")
    for offset in sorted(RELATIVE_DAYS, reverse=True):  # "the day after tomorrow" first
        for phrase in phrases(RELATIVE_DAYS[offset], language):
            if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded):
                return posted + timedelta(days=offset)
    return None
