"""A protest page's campaign read from its sections: the places of the event sections (a
dated, city or country heading's read apart), the narrative, core messages, demands, press
and embeds, and the one event the prose tells when no list places any.
"""

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from django.utils.translation import gettext as _

from turnout.content.embeds import recognize_embed

from .city_events import place_event
from .city_list_reading import CityListReading, ReadingContext
from .city_lists import read_city_lists
from .city_place_words import names_place, place_named
from .countries import country_codes_for, leading_flag
from .dates import find_dates
from .details import labelled_parts, lines_of
from .document import Block, Document, Link, Section
from .event_days import Anchors, resolve
from .meeting_links import names_online
from .page_city_headings import heading_signup, is_timed_city_heading, split_by_days
from .page_events import finish_campaign, front_matter_events, page_signup_link, page_zone
from .page_month_headings import month_of_heading
from .page_window import NOT_EVENT_KINDS
from .press_lists import read_press_list
from .prose_events import read_prose_event
from .records import CampaignRecord, EventRecord, Notice
from .section_titles import SectionKind, section_kinds

_HREF = re.compile(r"""(?:href|src|cite|data-instgrm-permalink)=["']([^"']+)["']""", re.I)
_SCRIPT_ONLY = re.compile(r"^\s*<script\b.*?</script>\s*$", re.I | re.S)
_COMMENT_ONLY = re.compile(r"^\s*<!--.*?-->\s*$", re.S)
_HTML_START = re.compile(r"^<(WidgetConsent|script|div|blockquote|iframe)\b", re.I)
_HTML_END = re.compile(r"</(WidgetConsent|script)>\s*$", re.I)


def read_campaign(
    document: Document,
    kinds: list[list[SectionKind]],
    window: tuple[date, date],
    slug: str,
    name: str,
    language: str | None,
    warnings: list[Notice],
    anchors: Anchors,
) -> CampaignRecord:
    """The campaign of a page whose window is known, with its events, texts and warnings."""
    campaign = CampaignRecord(
        slug=slug,
        title=(document.title or slug)[:200],
        starts_on=window[0],
        ends_on=window[1],
        source=name,
        language=language or "",
        summary=document.front_matter.description,
    )
    narrative: list[str] = []
    main = _EventBlocks()
    apart: list[_EventBlocks] = []  # read on their own: a dated, city or country heading's
    seen_press: set[str] = set()
    city_sections = _city_sections(document, language)
    context = ReadingContext(
        window=window,
        anchors=anchors,
        language=language,
        title=document.title,
        page_signup=page_signup_link(document, language),
        zone=page_zone(document, language),
    )
    for index, (section, kind) in enumerate(zip(document.sections, kinds, strict=True)):
        _collect_embeds(section, campaign, warnings, name)
        if (
            _is_event_section(section, kind, index, language)
            or (not kind and _lists_places(section, context))
            or (index in city_sections and not set(kind) & NOT_EVENT_KINDS)
        ):
            own = _dated_heading(section, kind, index, language, anchors)
            into = main if own is None else _EventBlocks(day=own[0], place=own[1])
            is_online = (
                own is None and bool(section.level) and names_online(section.heading, language)
            )
            if own is None and index in city_sections and not is_online:
                # A city's section of several days ("**Samstag** …", "**Sonntag** …") holds
                # one event a day.
                signup = heading_signup(section)
                for piece in split_by_days(section, language):
                    apart.append(_EventBlocks(place=section.heading, is_city=True, signup=signup))
                    apart[-1].add(piece, is_strict=True, is_plain=True)
                continue
            if is_online:
                into = _EventBlocks(place=section.heading, is_city=True)
            elif own is None and (country := _heading_country(section, language)):
                into = _EventBlocks(country=country)
            if into is not main:
                apart.append(into)
            is_plain = SectionKind.LOCATIONS in kind or own is not None or is_online
            into.add(section, is_strict=index > 0, is_plain=is_plain)
            continue
        if SectionKind.PRESS in kind:
            press, unlinked = read_press_list(section.blocks, seen=seen_press)
            campaign.press += press
            for line in unlinked:
                warnings.append(Notice(name, line, _("a press item without a link was skipped")))
        elif SectionKind.CORE_MESSAGES in kind:
            campaign.core_messages += [b.source for b in section.items()]
            prose = _prose(section, without_lists=True)
            if prose and SectionKind.NARRATIVE in kind:
                narrative.append(prose)
            elif prose:
                campaign.core_messages += [b.source for b in section.paragraphs()]
        elif SectionKind.NARRATIVE in kind:
            narrative.append(_with_heading(section, index))
        elif SectionKind.DEMANDS in kind:
            campaign.demands = "\n\n".join(filter(None, [campaign.demands, _prose(section)]))
        elif SectionKind.PRESS_RELEASE in kind:
            if section.level and not _parent_has_kind(document, kinds, index, kind):
                warnings.append(Notice(name, section.line, _("the press release is not imported")))
        elif SectionKind.CONTACT in kind:
            message = _("contact details are not imported; add organizers in the admin")
            warnings.append(Notice(name, section.line, message))
        elif SectionKind.GALLERY in kind:
            continue
        elif _prose(section):
            narrative.append(_with_heading(section, index))
            warnings.append(
                Notice(
                    name,
                    section.line,
                    _("section “%(heading)s” is not a known kind; it is kept in the narrative")
                    % {"heading": section.heading},
                )
            )
    leftovers = []
    for group in [main, *apart]:
        countries = Counter(e.country for e in campaign.events).most_common(1)
        group_context = replace(
            context,
            day=group.day,
            heading_place=group.place,
            country=group.country or (countries[0][0] if countries else None),
            # One city's section signs up through its own links ("### [Lisboa](…)" among
            # them), not another city's.
            page_signup=group.signup if group.is_city else context.page_signup,
        )
        reading = read_city_lists(
            group.blocks, context=group_context, strict=group.strict, plain=group.plain
        )
        campaign.events += reading.events
        campaign.coordination_url = campaign.coordination_url or reading.coordination_url
        leftovers += reading.leftovers
        for line, problem in reading.problems:
            warnings.append(Notice(name, line, problem))
    if not campaign.events:
        campaign.events += front_matter_events(document, context, warnings, name)
    if not campaign.events:
        campaign.events += _prose_events(document, context, slug)
    lead = "\n\n".join(b.source for b in leftovers if b.source.strip())
    campaign.narrative = "\n\n".join(filter(None, [lead, *narrative])).strip()
    finish_campaign(campaign, document=document, language=language, warnings=warnings, name=name)
    if not campaign.events:
        warnings.append(Notice(name, None, _("no local events found on this protest page")))
    return campaign


def _prose_events(document: Document, context: ReadingContext, slug: str) -> list[EventRecord]:
    """The event the page tells in sentences (one per city its sentence lists), when no line or
    bullet placed one."""
    items = [block for block in document.blocks() if block.kind == "item"]
    if sum(names_place(block, context) for block in items[:_PLACE_ITEMS]) > 1:
        return []  # bullets naming several places under a heading not known: not one event
    told = read_prose_event(document, context, slug)
    if told is None:
        return []
    reading = CityListReading()
    signup = context.page_signup.url if context.page_signup and not told.is_report else ""
    events = []
    for place in told.places:
        event = place_event(place, told.line, signup, not signup, told.day, told.times, reading)
        event.last_day = told.last_day
        events.append(event)
    return events


# Enough bullets to tell a list of places from a page's one event.
_PLACE_ITEMS = 20


@dataclass
class _EventBlocks:
    """The blocks of the sections read together: the page's, or those under one dated, city
    or country heading."""

    day: date | None = None
    place: str = ""
    is_city: bool = False  # one heading per city: "## Kassel" over its "Wann:"/"Wo:" lines
    country: str | None = None  # the country a heading names: "## België" over its cities
    signup: Link | None = None  # the link of a city's heading: "### [Lisboa](https://…)"
    blocks: list[Block] = field(default_factory=list)
    strict: list[bool] = field(default_factory=list)
    plain: list[bool] = field(default_factory=list)

    def add(self, section: Section, *, is_strict: bool, is_plain: bool) -> None:
        self.blocks += section.blocks
        self.strict += [is_strict] * len(section.blocks)
        self.plain += [is_plain and bool(section.level)] * len(section.blocks)


def _city_sections(document: Document, language: str | None) -> set[int]:
    """The sections that each describe one city's event ("## Kassel" over "**Wo:** …"): a
    page has them when two or more headings have a "Where:" line of their own."""
    found = set()
    unlabelled = set()  # "### Bologna" over "Piazza Maggiore, ore 15:00", no "Where:"
    for index, section in enumerate(document.sections):
        if not index or not section.level:
            continue
        if SectionKind.LOCATIONS in section_kinds(section.heading, language):
            continue  # "## When & Where" is the page's one event
        if any(
            label == "where"
            for block in section.blocks
            if block.kind in {"paragraph", "item"}
            for line in lines_of(block)
            for label, _value in labelled_parts(line.text, language)
        ):
            found.add(index)
        elif is_timed_city_heading(section, language):
            found.add(index)
            unlabelled.add(index)
    # One city's heading is the page's one event: its "Where:" line names the place, as any
    # single event's does; without one, only the heading can.
    return found if len(found) > 1 else found & unlabelled


# Words a country's name beside its flag may have ("Bosna i Hercegovina").
_FLAGGED_NAME_WORDS = 4


def _heading_country(section: Section, language: str | None) -> str | None:
    """The country of a heading that names one and nothing else ("## België", "## 🇩🇪
    Deutschland"), over a list of its cities."""
    if not section.level or not section.items():
        return None
    flag, rest = leading_flag(section.heading)
    if flag and len(rest.split()) <= _FLAGGED_NAME_WORDS and not re.search(r"\d", rest):
        return flag  # "## 🏴 Cymru", "## 🇧🇪 Belgique": the flag says which, in any language
    name = re.sub(r"[^\w\s.'-]+", " ", section.heading).strip()
    codes = country_codes_for(name, language=language) if name else frozenset()
    return next(iter(codes)) if len(codes) == 1 else None


def _dated_heading(
    section: Section, kind: list[SectionKind], index: int, language: str | None, anchors: Anchors
) -> tuple[date, str] | None:
    """(the day, the rest of the heading) of "### Saturday 19 April – Amsterdam"."""
    if index == 0 or not section.level:
        return None
    for mention in find_dates(section.heading, language=language):
        window = resolve(mention, anchors)
        if window is not None:
            rest = re.split(r"\s[-–—|:]\s|:\s|,\s", section.heading, maxsplit=1)
            return window[0], (rest[1].strip() if len(rest) > 1 else "")
    return None


def _is_event_section(
    section: Section, kind: list[SectionKind], index: int, language: str | None
) -> bool:
    if index == 0:
        return True
    if SectionKind.LOCATIONS in kind:
        return True
    if section.level == 1 and any(
        m.has_day for m in find_dates(section.heading, language=language)
    ):
        return True  # the dated title, whatever its words ("12. júna: Za slobodné médiá")
    if set(kind) & NOT_EVENT_KINDS:
        return False
    if not kind and any(m.has_day for m in find_dates(section.heading, language=language)):
        return True
    if not kind and month_of_heading(section.heading, language):
        return True  # "## September 2027" over the month's events
    if not kind and names_online(section.heading, language):
        return True  # "### Online / everywhere" over its own time and link
    if not kind and _heading_country(section, language):
        return True
    return any(  # "**When:** …" or "🗓 15.9" under any other heading
        labelled_parts(line.text, language)
        for block in section.blocks
        if block.kind in {"paragraph", "item"}
        for line in lines_of(block)
    )


def _lists_places(section: Section, context: ReadingContext) -> bool:
    """Whether a section under a heading in no known language ("## Kaupungit", "## Şehirler")
    is a list of places all the same: two of its bullets name one."""
    items = section.items()[:_PLACE_ITEMS]
    if len(items) < 2:
        return False
    places = [place_named(block, context) for block in items]
    found = [place for place in places if place is not None]
    if len(found) == 1:
        # One city the gazetteer knows by any name ("Baile Átha Cliath") tells where the
        # others are, known there by their own ("Corcaigh", "Gaillimh").
        usual = found[0].country
        places = [
            place or place_named(block, context, usual_country=usual)
            for place, block in zip(places, items, strict=True)
        ]
    return sum(place is not None for place in places) > 1


def _parent_has_kind(
    document: Document, kinds: list[list[SectionKind]], index: int, kind: list[SectionKind]
) -> bool:
    level = document.sections[index].level
    for earlier in range(index - 1, -1, -1):
        if document.sections[earlier].level < level:
            return kinds[earlier] == kind
    return False


def _prose(section: Section, *, without_lists: bool = False) -> str:
    if without_lists:
        return "\n\n".join(b.source for b in section.paragraphs() if b.source.strip())
    kept = [b for b in section.blocks if b.kind in {"paragraph", "item"}]
    if not kept:
        return ""
    return _strip_html(section.source)


def _with_heading(section: Section, index: int) -> str:
    body = _prose(section)
    if not body or index == 0:
        return body
    return f"{'#' * max(section.level, 2)} {section.heading}\n\n{body}"


def _strip_html(source: str) -> str:
    """The section's markdown without raw HTML blocks (embeds are imported on their own)."""
    kept, skipping = [], False
    for line in source.split("\n"):
        stripped = line.strip()
        if _HTML_START.match(stripped):
            skipping = True
        if not skipping:
            kept.append(line)
        if skipping and (not stripped or _HTML_END.search(stripped)):
            skipping = False
    return "\n".join(kept).strip()


def _collect_embeds(
    section: Section, campaign: CampaignRecord, warnings: list[Notice], name: str
) -> None:
    for block in section.blocks:
        urls: list[str] = []
        if block.kind == "embed":
            urls = [block.source] if block.source else []
        elif block.kind == "html":
            if _SCRIPT_ONLY.match(block.text) or _COMMENT_ONLY.match(block.text):
                continue
            urls = [e.url for e in map(recognize_embed, _HREF.findall(block.text)) if e]
            if not urls:
                warnings.append(Notice(name, block.line, _("raw HTML was left out")))
                continue
        for url in urls[:1] if block.kind == "html" else urls:
            embed = recognize_embed(url)
            final = embed.url if embed else url
            if embed is None:
                message = _("“%(url)s” is not a post that can be embedded") % {"url": url}
                warnings.append(Notice(name, block.line, message))
            elif final not in campaign.embeds:
                campaign.embeds.append(final)
