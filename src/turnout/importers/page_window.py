"""The days a protest page announces: its window, from the title, the headings, "When:"
lines and the opening prose, else the front matter's date; and the anchors (the post's date,
the years the page names) that complete the dates written without a year.
"""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from .dates import DateMention, find_dates, find_years, says_when_posted
from .details import labelled_parts, lines_of
from .document import Block, Document, Section
from .event_days import Anchors, relative_day, resolve
from .records import Notice
from .section_titles import SectionKind
from .vocabulary import WHEN_LABELS, fold, phrases


def campaign_window(
    document: Document,
    kinds: list[list[SectionKind]],
    slug: str,
    language: str | None,
    warnings: list[Notice],
    name: str,
    anchors: Anchors,
) -> tuple[tuple[date, date] | None, bool]:
    """(the window, whether the title, a heading or a "When:" line announces it). A date in
    the prose wins over the front matter's, which is then when the page was posted."""
    announced: list[DateMention] = find_dates(document.title, language=language)
    for section, section_kind in zip(document.sections, kinds, strict=True):
        if section.level and (not section_kind or SectionKind.LOCATIONS in section_kind):
            announced += find_dates(section.heading, language=language)
    details = _detail_dates(document, kinds, language)
    announced += details
    opening: list[DateMention] = []
    if document.sections:
        for block in opening_blocks(document)[:8]:
            for line in lines_of(block) if block.kind in {"item", "paragraph"} else []:
                if not says_when_posted(line.text):  # "Posted on 3 May": the page's day
                    opening += find_dates(line.text, language=language)
    mentions = announced + opening
    start = document.front_matter.date
    dated = next((m for m in mentions if m.has_day), None)
    is_announced = any(m.has_day for m in announced)
    if dated is None:
        relative = _relative_detail_day(document, kinds, language, anchors)
        if relative is not None:
            return (relative, relative), True
        return ((start, _front_matter_end(document, start)) if start else None), False
    window = resolve(dated, anchors)
    if window is None and dated.year is None:
        message = _("the page gives a day but no year; add “date:” to its front matter")
        warnings.append(Notice(name, None, message))
        return None, False
    if window is None:
        return ((start, start) if start else None), False
    return window, is_announced


def opening_blocks(document: Document) -> list[Block]:
    """The blocks of the page's opening: those before its first heading, or, when none say
    anything, those under a first heading of the first level, the title written again ("#
    Marsz dla Klimatu" over "Data: sobota, 18 września 2027"), as Notion and Google Docs
    export a page."""
    sections = document.sections
    opening = sections[0].blocks if sections else []
    if any(b.kind in {"item", "paragraph"} for b in opening) or len(sections) < 2:
        return opening
    return sections[1].blocks if sections[1].level == 1 else opening


def page_anchors(document: Document, slug: str, language: str | None) -> Anchors:
    """The post's date and the years the page names, to complete dates that leave them out."""
    mentions = find_dates(document.title, language=language)
    years = [m.year for m in mentions if m.year]
    years += find_years(document.title) + find_years(slug)
    years += [m.year for m in find_dates(document.body, language=language) if m.year]
    return Anchors(
        posted=document.front_matter.date,
        years=list(dict.fromkeys(years)),
        today=timezone.localdate(),
    )


def _detail_sections(
    document: Document, kinds: list[list[SectionKind]], language: str | None
) -> list[tuple[Section, bool]]:
    """Sections that may describe an event, and whether their lines need no label."""
    found = []
    for section, kind in zip(document.sections, kinds, strict=True):
        if set(kind) & NOT_EVENT_KINDS:
            continue
        is_plain = SectionKind.LOCATIONS in kind and bool(section.level)
        # "## When" over "Saturday 19 June 2027": the heading is the line's label.
        is_when = bool(section.level) and fold(section.heading.strip(" *_:")) in phrases(
            WHEN_LABELS, language
        )
        found.append((section, is_plain or is_when))
    return found


# What sections of these kinds say is never an event's (`page_campaign` reads them apart).
NOT_EVENT_KINDS = {
    SectionKind.PRESS,
    SectionKind.PRESS_RELEASE,
    SectionKind.CONTACT,
    SectionKind.GALLERY,
    SectionKind.CORE_MESSAGES,
    SectionKind.DEMANDS,
}


def _detail_dates(
    document: Document, kinds: list[list[SectionKind]], language: str | None
) -> list[DateMention]:
    """The dates of "When:" and emoji lines (and of the lines of "When & Where" sections)."""
    found: list[DateMention] = []
    for section, is_plain in _detail_sections(document, kinds, language):
        # In a list of places a bullet's own day is its event's ("Nijmegen – verplaatst naar
        # zondag 16 mei"), not the day the page announces.
        is_list = len(section.items()) > 1
        for block in section.blocks:
            if block.kind not in {"paragraph", "item"}:
                continue
            for line in lines_of(block):
                parts = labelled_parts(line.text, language)
                values = [v for label, v in parts if label == "when"]
                if is_plain and not parts and not (is_list and block.kind == "item"):
                    values = [line.text]
                for value in values if not says_when_posted(line.text) else []:
                    found += [m for m in find_dates(value, language=language) if m.has_day]
    return found


def _relative_detail_day(
    document: Document, kinds: list[list[SectionKind]], language: str | None, anchors: Anchors
) -> date | None:
    for section, is_plain in _detail_sections(document, kinds, language):
        for block in section.blocks:
            for line in lines_of(block) if block.kind in {"paragraph", "item"} else []:
                parts = labelled_parts(line.text, language)
                values = [v for label, v in parts if label == "when"]
                for value in values + ([line.text] if is_plain and not parts else []):
                    day = relative_day(value, posted=anchors.posted, language=language)
                    if day is not None:
                        return day
    return None


def _front_matter_end(document: Document, start: date) -> date:
    extra = document.front_matter.extra
    for key in ("end_date", "ends_on", "date_end", "until"):
        value = extra.get(key)
        if isinstance(value, date):
            return max(value, start)
        if isinstance(value, str):
            try:
                return max(date.fromisoformat(value.strip()), start)
            except ValueError:
                continue
    return start
