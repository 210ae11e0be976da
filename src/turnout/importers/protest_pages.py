"""A markdown page read as a campaign (a protest day or window) or, failing a date, a content page.

A page is a protest when its front matter, title, a heading or its opening lines give a day:
the campaign's window. Its sections are then sorted by what their headings announce (see
`vocabulary.SECTION_TITLES`): the dated or "locations" sections and the opening hold the places,
narrative and core messages become the campaign's texts, press lists its press mentions, and
consent-wrapped posts its embeds. Whatever is not understood becomes a warning with its line;
whatever is prose but under an unknown heading is kept in the narrative (and said so).
"""

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import PurePath

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from turnout.content.embeds import recognize_embed

from .city_events import place_event
from .city_list_reading import CityListReading, ReadingContext
from .city_lists import read_city_lists
from .city_place_words import names_place
from .countries import country_codes_for
from .dates import DateMention, find_dates, find_years, slash_dates_of
from .details import labelled_parts, lines_of
from .document import Block, Document, Section, read_document
from .event_days import Anchors, relative_day, resolve
from .group_pages import read_group_page
from .page_events import finish_campaign, front_matter_events, page_signup_link, page_zone
from .page_language import guess_language, known_language
from .press_lists import read_press_list
from .prose_events import prose_day, read_prose_event, timed_day_line
from .records import CampaignRecord, EventRecord, MarkdownPlan, Notice, PageRecord
from .vocabulary import SectionKind, section_kinds

_HREF = re.compile(r"""(?:href|src|cite|data-instgrm-permalink)=["']([^"']+)["']""", re.I)
_SCRIPT_ONLY = re.compile(r"^\s*<script\b.*?</script>\s*$", re.I | re.S)
_COMMENT_ONLY = re.compile(r"^\s*<!--.*?-->\s*$", re.S)
_HTML_START = re.compile(r"^<(WidgetConsent|script|div|blockquote|iframe)\b", re.I)
_HTML_END = re.compile(r"</(WidgetConsent|script)>\s*$", re.I)


def read_markdown_files(
    files: list[tuple[str, str]], *, language: str | None = None
) -> MarkdownPlan:
    """Read (name, text) pairs into one plan; a file never stops the others."""
    plan = MarkdownPlan()
    for name, text in files:
        read_markdown_page(text, name=name, language=language, into=plan)
    return plan


def read_markdown_page(
    text: str, *, name: str, language: str | None = None, into: MarkdownPlan | None = None
) -> MarkdownPlan:
    """Read one page into `into` (or a new plan): a campaign, a content page, or warnings."""
    plan = into if into is not None else MarkdownPlan()
    campaigns = len(plan.campaigns)
    text = _ascii_digits(text)
    with slash_dates_of(text) as order:
        _read_page(text, name, language, plan)
    if order.is_guessed and len(plan.campaigns) > campaigns:
        if order.is_month_first:
            message = _(
                "the page writes dates like “4/12”, which may be day/month or month/day; "
                "they were read month first, as its places are in the United States: check "
                "the events' days"
            )
        else:
            message = _(
                "the page writes dates like “4/12”, which may be day/month or month/day; they "
                "were read day first: check the events' days"
            )
        plan.warnings.append(Notice(name, None, message))
    return plan


# Digits typed on a Japanese or Chinese keyboard ("１４：００") read as any others.
_WIDE_DIGITS = str.maketrans({chr(0xFF10 + n): str(n) for n in range(10)})


def _ascii_digits(text: str) -> str:
    """`text` with full-width digits, and the full-width colon between them, made ASCII."""
    if not re.search("[\uff10-\uff19]|\\d\uff1a\\d", text):
        return text
    text = text.translate(_WIDE_DIGITS)
    return re.sub(r"(?<=\d)\uff1a(?=\d)", ":", text)


def _read_page(text: str, name: str, language: str | None, plan: MarkdownPlan) -> None:
    document = read_document(text)
    warnings = [Notice(name, line, message) for line, message in document.problems]
    declared = _declared_language(document, language, warnings, name)
    # A guessed language only chooses among readings; it never labels the page itself.
    language = declared or guess_language(f"{document.title}\n{document.body}")
    slug = _slug(document, name)
    kinds = _effective_kinds(document, language)
    anchors = _anchors(document, slug, language)
    window, is_announced = _campaign_window(
        document, kinds, slug, language, warnings, name, anchors
    )
    if window is None and (day := prose_day(document, anchors, language)) is not None:
        window = (day, day)  # told in sentences; a protest only if they also place it
    campaign = None
    if window is not None:
        campaign_warnings: list[Notice] = []
        campaign = _campaign(
            document, kinds, window, slug, name, language, campaign_warnings, anchors
        )
        # A date only in the front matter or the opening prose ("_Version: April 5th_") makes
        # a protest only together with places or press coverage.
        if is_announced or campaign.events or campaign.press:
            warnings += campaign_warnings
        else:
            campaign = None
            if (line := timed_day_line(document, anchors, language)) is not None:
                warnings.append(Notice(name, line, _unplaced()))
    group = (
        None
        if campaign is not None
        else read_group_page(document, slug, name, language, warnings=warnings)
    )
    if campaign is not None:
        plan.campaigns.append(campaign)
    elif group is not None:
        plan.groups.append(group)
    else:
        plan.pages.append(
            PageRecord(
                slug=slug,
                title=document.title or slug,
                heading_ids=[s.heading_id for s in document.headings if s.heading_id],
                source=text,
                language=declared or "",
            )
        )
    plan.warnings.extend(warnings)


def _declared_language(
    document: Document, given: str | None, warnings: list[Notice], name: str
) -> str | None:
    """The language the caller or the front matter names, if Babel knows it; any other value
    is a warning, and the page is then read as if it named none."""
    extra = document.front_matter.extra
    value = given or next((extra[k] for k in _LANGUAGE_KEYS if extra.get(k)), None)
    if not value:
        return None
    if (code := known_language(value)) is None:
        message = _(
            "the page's language “%(value)s” is not a language the importer knows; "
            "it is read as if no language were given"
        ) % {"value": str(value)[:40]}
        warnings.append(Notice(name, None if given else 1, message))
    return code


_LANGUAGE_KEYS = ("lang", "language", "locale")


def _unplaced() -> str:
    # Rather no event than one in a city the page may not mean ("Piazza Castello" is no city).
    return _(
        "the page gives a day and an hour here, but no city the importer can be sure of; "
        "no event is imported: write the city (and its country) on the line, e.g. "
        "“Where: Piazza Castello, Turin, Italy”"
    )


def _slug(document: Document, name: str) -> str:
    explicit = document.front_matter.extra.get("slug")
    return slugify(str(explicit or PurePath(name).stem))[:100] or "imported-page"


def _effective_kinds(document: Document, language: str | None) -> list[list[SectionKind]]:
    """What each section is about: its own heading's kinds, else those of the section it is in."""
    kinds: list[list[SectionKind]] = []
    stack: list[tuple[int, list[SectionKind]]] = []
    for section in document.sections:
        own = section_kinds(section.heading, language) if section.level else []
        while stack and stack[-1][0] >= section.level:
            stack.pop()
        effective = own or (stack[-1][1] if stack and section.level else [])
        kinds.append(effective)
        stack.append((section.level, effective))
    return kinds


# --- the window -------------------------------------------------------------------------------


def _campaign_window(
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
        for block in document.sections[0].blocks[:8]:
            if block.kind in {"item", "paragraph"}:
                opening += find_dates(block.text, language=language)
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


def _anchors(document: Document, slug: str, language: str | None) -> Anchors:
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
    document: Document, kinds: list[list[SectionKind]]
) -> list[tuple[Section, bool]]:
    """Sections that may describe an event, and whether their lines need no label."""
    found = []
    for section, kind in zip(document.sections, kinds, strict=True):
        if set(kind) & _NOT_EVENTS:
            continue
        found.append((section, SectionKind.LOCATIONS in kind and bool(section.level)))
    return found


_NOT_EVENTS = {
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
    for section, is_plain in _detail_sections(document, kinds):
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
                for value in values:
                    found += [m for m in find_dates(value, language=language) if m.has_day]
    return found


def _relative_detail_day(
    document: Document, kinds: list[list[SectionKind]], language: str | None, anchors: Anchors
) -> date | None:
    for section, is_plain in _detail_sections(document, kinds):
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


# --- the campaign -----------------------------------------------------------------------------


def _campaign(
    document: Document,
    kinds: list[list[SectionKind]],
    window: tuple[date, date],
    slug: str,
    name: str,
    language: str | None,
    warnings: list[Notice],
    anchors: Anchors,
) -> CampaignRecord:
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
        if _is_event_section(section, kind, index, language) or (
            not kind and _lists_places(section, context)
        ):
            own = _dated_heading(section, kind, index, language, anchors)
            into = main if own is None else _EventBlocks(day=own[0], place=own[1])
            if own is None and index in city_sections:
                into = _EventBlocks(place=section.heading, is_city=True)
            elif own is None and (country := _heading_country(section, language)):
                into = _EventBlocks(country=country)
            if into is not main:
                apart.append(into)
            is_plain = SectionKind.LOCATIONS in kind or own is not None
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
            # One city's section signs up through its own links, not another city's.
            page_signup=None if group.is_city else context.page_signup,
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
    """The one event the page tells in sentences, when no line or bullet placed one."""
    items = [block for block in document.blocks() if block.kind == "item"]
    if sum(names_place(block, context) for block in items[:_PLACE_ITEMS]) > 1:
        return []  # bullets naming several places under a heading not known: not one event
    told = read_prose_event(document, context, slug)
    if told is None:
        return []
    reading = CityListReading()
    signup = context.page_signup.url if context.page_signup and not told.is_report else ""
    event = place_event(told.place, told.line, signup, not signup, told.day, told.times, reading)
    event.last_day = told.last_day
    return [event]


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
    return found if len(found) > 1 else set()


def _heading_country(section: Section, language: str | None) -> str | None:
    """The country of a heading that names one and nothing else ("## België", "## 🇩🇪
    Deutschland"), over a list of its cities."""
    if not section.level or not section.items():
        return None
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
    if set(kind) & _NOT_EVENTS:
        return False
    if not kind and any(m.has_day for m in find_dates(section.heading, language=language)):
        return True
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
    return len(items) > 1 and sum(names_place(block, context) for block in items) > 1


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
