"""A markdown page read as a campaign (a protest day or window) or, failing a date, a content page.

A page is a protest when its front matter, title, a heading or its opening lines give a day:
the campaign's window. Its sections are then sorted by what their headings announce (see
`vocabulary.SECTION_TITLES`): the dated or "locations" sections and the opening hold the places,
narrative and core messages become the campaign's texts, press lists its press mentions, and
consent-wrapped posts its embeds. Whatever is not understood becomes a warning with its line;
whatever is prose but under an unknown heading is kept in the narrative (and said so).
"""

import re
from datetime import date
from pathlib import PurePath

from django.utils.text import slugify
from django.utils.translation import gettext as _

from turnout.content.embeds import recognize_embed

from .city_lists import read_city_lists
from .dates import DateMention, find_dates, find_years
from .document import Document, Section, read_document
from .press_lists import read_press_list
from .records import CampaignRecord, MarkdownPlan, Notice, PageRecord
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
    document = read_document(text)
    warnings = [Notice(name, line, message) for line, message in document.problems]
    language = language or _front_matter_language(document)
    slug = _slug(document, name)
    kinds = _effective_kinds(document, language)
    window, is_announced = _campaign_window(document, kinds, slug, language, warnings, name)
    campaign = None
    if window is not None:
        campaign_warnings: list[Notice] = []
        campaign = _campaign(document, kinds, window, slug, name, language, campaign_warnings)
        # A date only in the front matter or the opening prose ("_Version: April 5th_") makes
        # a protest only together with places or press coverage.
        if is_announced or campaign.events or campaign.press:
            warnings += campaign_warnings
        else:
            campaign = None
    if campaign is not None:
        plan.campaigns.append(campaign)
    else:
        plan.pages.append(
            PageRecord(
                slug=slug,
                title=document.title or slug,
                heading_ids=[s.heading_id for s in document.headings if s.heading_id],
                source=text,
                language=language or "",
            )
        )
    plan.warnings.extend(warnings)
    return plan


def _front_matter_language(document: Document) -> str | None:
    value = document.front_matter.extra.get("lang") or document.front_matter.extra.get("language")
    return str(value).strip().lower() if value else None


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
) -> tuple[tuple[date, date] | None, bool]:
    """(the window, whether the title or a heading announces it)."""
    announced: list[DateMention] = find_dates(document.title, language=language)
    for section, section_kind in zip(document.sections, kinds, strict=True):
        if section.level and (not section_kind or SectionKind.LOCATIONS in section_kind):
            announced += find_dates(section.heading, language=language)
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
        return ((start, _front_matter_end(document, start)) if start else None), False
    year = _year(dated, mentions, document, slug, language)
    if year is None:
        message = _("the page gives a day but no year; add “date:” to its front matter")
        warnings.append(Notice(name, None, message))
        return None, False
    try:
        first, last = dated.window(year)
    except ValueError:
        return ((start, start) if start else None), False
    if start and start != first:
        return (start, _front_matter_end(document, start)), is_announced
    return (first, last), is_announced


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


def _year(
    dated: DateMention,
    mentions: list[DateMention],
    document: Document,
    slug: str,
    language: str | None,
) -> int | None:
    """The year of a dated mention, from itself, the page's other dates, or its name."""
    if dated.year:
        return dated.year
    same_month = [m.year for m in mentions if m.year and m.first.month == dated.first.month]
    any_year = [m.year for m in mentions if m.year]
    front = [document.front_matter.date.year] if document.front_matter.date else []
    in_name = find_years(document.title) + find_years(slug)
    in_body = [
        m.year
        for m in find_dates(document.body, language=language)
        if m.year and (m.first.month, m.first.day) == (dated.first.month, dated.first.day)
    ]
    for years in (same_month, any_year, front, in_name, in_body):
        if years:
            return years[0]
    return None


# --- the campaign -----------------------------------------------------------------------------


def _campaign(
    document: Document,
    kinds: list[list[SectionKind]],
    window: tuple[date, date],
    slug: str,
    name: str,
    language: str | None,
    warnings: list[Notice],
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
    event_blocks, strict = [], []
    seen_press: set[str] = set()
    for index, (section, kind) in enumerate(zip(document.sections, kinds, strict=True)):
        _collect_embeds(section, campaign, warnings, name)
        if _is_event_section(section, kind, index, language):
            event_blocks += section.blocks
            strict += [index > 0] * len(section.blocks)
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
    reading = read_city_lists(
        event_blocks,
        window=window,
        year=window[0].year,
        language=language,
        strict=strict,
        title=document.title,
    )
    campaign.events = reading.events
    campaign.coordination_url = reading.coordination_url
    lead = "\n\n".join(b.source for b in reading.leftovers if b.source.strip())
    campaign.narrative = "\n\n".join(filter(None, [lead, *narrative])).strip()
    for line, problem in reading.problems:
        warnings.append(Notice(name, line, problem))
    if not campaign.events:
        warnings.append(Notice(name, None, _("no local events found on this protest page")))
    return campaign


def _is_event_section(
    section: Section, kind: list[SectionKind], index: int, language: str | None
) -> bool:
    if index == 0:
        return True
    if SectionKind.LOCATIONS in kind:
        return True
    return not kind and any(m.has_day for m in find_dates(section.heading, language=language))


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
