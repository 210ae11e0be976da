"""A model's day and clock mended where the page shows plainly what it meant: a date in a year
before the page was posted (the year the model's training ended, "2023-10-16" for the page's
16 October 2027) and a start and end the wrong way round (17:00 to 15:00 for the page's
15:00–17:00) are put as the page writes them, and so is an afternoon clock written on a
12-hour face without am or pm ("2:00" for the page's 14:00); a start the page gives only as an
end is left out. Each repair takes only what the page writes, and is said; what is mended is still
confirmed like any other fact (`page_confirmation`)."""

import dataclasses
import re
from typing import Any

from django.utils.translation import gettext as _

from .model_answer import model_clock, model_day
from .model_reader import ModelEvent
from .page_evidence import PageEvidence
from .times import find_times


def day_and_clock_repairs(
    event: ModelEvent, evidence: PageEvidence, notes: list[str]
) -> dict[str, Any]:
    """The changes to `event`'s date, start and end that the page plainly means, each said."""
    changes: dict[str, Any] = {}
    if page_day := _day_of_page_year(event.date, evidence):
        changes["date"] = page_day
        notes.append(
            _("the model's date %(date)s lies in a year before the page was posted; the page "
              "writes that day in %(year)s, and it was read so")
            % {"date": event.date, "year": page_day[:4]}
        )  # fmt: skip
    for key in ("start", "end"):
        if afternoon := _afternoon_on_the_page(getattr(event, key), evidence):
            changes[key] = afternoon
            notes.append(
                _("the model's time %(time)s has no am or pm; the page writes %(page)s, and it "
                  "was read so")
                % {"time": getattr(event, key), "page": afternoon}
            )  # fmt: skip
    event = dataclasses.replace(event, **{k: v for k, v in changes.items() if k != "date"})
    if _are_start_and_end_swapped(event, evidence):
        changes |= {"start": event.end, "end": event.start}
        notes.append(
            _("the model gave the event in %(city)s an end (%(end)s) before its start "
              "(%(start)s); read the other way round, as the page writes them")
            % {"city": event.city, "end": event.end, "start": event.start}
        )  # fmt: skip
    return changes


def without_starts_given_as_ends(
    events: list[ModelEvent], evidence: PageEvidence, notes: list[str]
) -> list[ModelEvent]:
    """The events without a start that the page gives only as an end, each said (after the
    repeats that start at another's end are joined to it: those are read already)."""
    kept = []
    for event in events:
        if _is_only_an_end(event.start, evidence):
            notes.append(
                _("the model's start %(start)s for the event in %(city)s is the time the page "
                  "gives as an end; left out")
                % {"start": event.start, "city": event.city}
            )  # fmt: skip
            event = dataclasses.replace(event, start="")
        kept.append(event)
    return kept


def _day_of_page_year(text: str, evidence: PageEvidence) -> str:
    """The page's day, as YYYY-MM-DD, that the model's date names in a year before the page
    was posted; "" unless the page writes that month and day in exactly one year since."""
    if not text or evidence.posted is None:
        return ""
    day = model_day(text, evidence.language)
    if day is None or day in evidence.days or day.year >= evidence.posted.year:
        return ""
    same = {
        written
        for written in evidence.days
        if (written.month, written.day) == (day.month, day.day)
        and written.year >= evidence.posted.year
    }
    return same.pop().isoformat() if len(same) == 1 else ""


# A clock of figures alone, as a 12-hour face shows it: "2:00", "2.30"; "2 pm" says itself,
# and "06:00", its hour written with two figures, is a 24-hour clock's morning.
_BARE_CLOCK = re.compile(r"\s*(?:[1-9]|1[01])[:.][0-5]\d\s*")


def _afternoon_on_the_page(text: str, evidence: PageEvidence) -> str:
    """The page's afternoon clock (HH:MM) that the model's bare morning clock stands for: only
    where the page writes that afternoon clock and never the morning one."""
    clock = model_clock(text) if text and _BARE_CLOCK.fullmatch(text) else None
    if clock is None:
        return ""
    afternoon = clock.replace(hour=clock.hour + 12)
    spans = [span for line in evidence.lines if line.strip() and (span := find_times(line))]
    written = {span.starts for span in spans} | {span.ends for span in spans}
    return afternoon.strftime("%H:%M") if afternoon in written and clock not in written else ""


def _are_start_and_end_swapped(event: ModelEvent, evidence: PageEvidence) -> bool:
    """Whether the model's end is before its start and the page writes the range the other
    way (an event past midnight, 22:00–02:00 on the page, stays as it is)."""
    start, end = model_clock(event.start), model_clock(event.end)
    if start is None or end is None or end >= start:
        return False
    spans = (find_times(line) for line in evidence.lines if line.strip())
    return any(span is not None and (span.starts, span.ends) == (end, start) for span in spans)


def _is_only_an_end(start: str, evidence: PageEvidence) -> bool:
    """Whether the page writes the model's start only where a span ends (20:00 of
    "18:00–20:00"), never as a time something starts at."""
    clock = model_clock(start) if start else None
    if clock is None:
        return False
    spans = [span for line in evidence.lines if line.strip() and (span := find_times(line))]
    ends = [span for span in spans if span.ends == clock]
    return bool(ends) and not any(span.starts == clock for span in spans)
