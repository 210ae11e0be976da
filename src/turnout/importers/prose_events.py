"""A protest told in sentences rather than in labelled lines or city bullets.

"Tomorrow (Saturday) we're rallying outside the Scottish Parliament in Edinburgh from 1pm to
3pm BST", "Il presidio di sabato 7 novembre 2026, ore 15, in Piazza Castello è rinviato",
"**Saturday, June 13th, noon–3pm ET** / Grand Army Plaza, Brooklyn, NY 11238". Read only when
nothing else on the page placed an event, and only for one event: its day is the first day
the prose writes (preferring a line that also gives a time) or "tomorrow" counted from the
post, else the page's window; its time is written near that day or not at all; its place is
an address line, a place after a preposition ("in Edinburgh", "no Largo de Camões"), or the
city the title, the front matter or the tags name; the gazetteer must know the city.
"""

from dataclasses import dataclass
from datetime import date

from .city_list_reading import ReadingContext
from .dates import find_dates
from .details import Line, lines_of
from .document import Document
from .event_days import Anchors, relative_day, resolve
from .event_words import TOOK_PLACE
from .places import Place
from .prose_city_lists import cities_in_sentence
from .prose_places import prose_place
from .times import TimeSpan, find_times
from .vocabulary import contains_phrase

# Only the first blocks of a page tell its event; later ones tell its history and demands.
_OPENING_BLOCKS = 14


@dataclass
class ProseEvent:
    """What the prose says of the page's event, or of one event in each city a sentence lists."""

    places: list[Place]
    day: date
    times: TimeSpan | None
    line: int
    # Told as done ("we marched"): the page's signup link is for what comes next, not this.
    is_report: bool = False
    last_day: date | None = None  # "a weekend camp, 14/15 June"


def prose_day(document: Document, anchors: Anchors, language: str | None) -> date | None:
    """The day the opening prose gives the event: a written day, else "tomorrow"."""
    found = _day_line(_lines(document), anchors, language)
    return found[1] if found else None


def timed_day_line(document: Document, anchors: Anchors, language: str | None) -> int | None:
    """The line where the opening prose gives a day and its hour, whether or not a place is
    found for them: an event told that the importer could not place is said, not dropped."""
    lines = _lines(document)
    found = _day_line(lines, anchors, language)
    if found is None:
        return None
    times, index = _times_near(lines, found[0])
    return lines[index].line if times is not None and index is not None else None


def read_prose_event(document: Document, context: ReadingContext, slug: str) -> ProseEvent | None:
    """The one event the page's sentences describe, or None when they do not place it."""
    language = context.language
    lines = _lines(document)
    if not lines:
        return None
    found = _day_line(lines, context.anchors, language)
    day_index, day = found if found else (None, context.window[0])
    times, time_index = _times_near(lines, day_index)
    is_report = _tells_it_took_place(lines, day_index, language)
    if times is None and not is_report:
        return None  # a day without an hour is a date in a story, not an event announced
    anchor = day_index if day_index is not None else time_index
    # "… gaan fietsers de straat op in Amsterdam, Rotterdam en Utrecht": a press release
    # names its cities in the sentence that gives the day; each holds the event.
    listed = cities_in_sentence(lines[day_index].text, language) if day_index is not None else []
    place = prose_place(document, lines, anchor, slug, language) if not listed else listed[0]
    if place is None:
        return None
    line = lines[anchor].line if anchor is not None else lines[0].line
    last = (
        None
        if day_index is None
        else _last_day(lines[day_index].text, day, context.anchors, language)
    )
    return ProseEvent(
        places=listed or [place],
        day=day,
        times=times,
        line=line,
        is_report=is_report,
        last_day=last,
    )


def _last_day(text: str, day: date, anchors: Anchors, language: str | None) -> date | None:
    """The last day of the days the line gives, when they are more than `day`."""
    for mention in find_dates(text, language=language):
        window = resolve(mention, anchors)
        if window is not None and window[0] == day:
            return window[1] if window[1] > day else None
    return None


def _tells_it_took_place(lines: list[Line], index: int | None, language: str | None) -> bool:
    """ "On March 21, 2026, we marched from … in San Francisco": a report of the protest
    itself, told on the line that gives its day (a place must still be found for it)."""
    return index is not None and contains_phrase(lines[index].text, TOOK_PLACE, language)


def _lines(document: Document) -> list[Line]:
    from .section_titles import SectionKind, section_kinds

    skipped = {SectionKind.PRESS, SectionKind.CONTACT, SectionKind.PRESS_RELEASE}
    lines: list[Line] = []
    blocks = 0
    headed = [section for section in document.sections if section.level]
    for section in document.sections:
        # A page that is itself a press release ("# Persbericht: …") tells its event there.
        is_page_title = section.level == 1 and section is headed[0]
        if section.level and not is_page_title:
            if set(section_kinds(section.heading, language=None)) & skipped:
                continue
        for block in section.blocks:
            if block.kind not in {"paragraph", "item"} or block.is_quote:
                continue
            blocks += 1
            if blocks > _OPENING_BLOCKS:
                return lines
            lines += lines_of(block)
    return lines


def _day_line(lines: list[Line], anchors: Anchors, language: str | None) -> tuple[int, date] | None:
    """(the index of the line, the day) of the first written day, a line that also gives a
    time first ("Update 10. März" is when the page changed, not the event)."""
    dated: list[tuple[int, date]] = []
    for index, line in enumerate(lines):
        windows = [
            resolve(mention, anchors) for mention in find_dates(line.text, language=language)
        ]
        days = [window[0] for window in windows if window is not None]
        # "UTRECHT, 28 mei 2027 – Op zaterdag 12 juni …": a press release's dateline is the
        # day it was sent; the day after it is the event's.
        if len(days) > 1 and days[0] == anchors.posted:
            days = days[1:]
        if days:
            dated.append((index, days[0]))
        else:
            day = relative_day(line.text, posted=anchors.posted, language=language)
            if day is not None:
                dated.append((index, day))
    timed = [(i, d) for i, d in dated if find_times(lines[i].text)]
    chosen = timed or dated
    return chosen[0] if chosen else None


def _times_near(lines: list[Line], index: int | None) -> tuple[TimeSpan | None, int | None]:
    """The time on the day's line, else on the next lines of the same block, else the first
    one written when the page gives no day of its own."""
    if index is not None:
        block = lines[index].block
        for offset, line in enumerate(lines[index:]):
            if offset and line.block is not block and offset > 2:
                break
            if times := find_times(line.text):
                return times, index + offset
        return None, None
    for number, line in enumerate(lines):
        if times := find_times(line.text):
            return times, number
    return None, None
