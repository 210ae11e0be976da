"""A markdown page read as a campaign (a protest day or window) or, failing a date, a content page.

A page is a protest when its front matter, title, a heading or its opening lines give a day:
the campaign's window. Its sections are then sorted by what their headings announce (see
`section_titles.SECTION_TITLES`): the dated or "locations" sections and the opening hold the places,
narrative and core messages become the campaign's texts, press lists its press mentions, and
consent-wrapped posts its embeds. Whatever is not understood becomes a warning with its line;
whatever is prose but under an unknown heading is kept in the narrative (and said so).

This module decides what a page is; the window is read by `page_window`, the campaign's
sections by `page_campaign`, and what the page lists as already held is set aside first
(`past_events`).
"""

import re
from pathlib import PurePath

from django.utils.text import slugify
from django.utils.translation import gettext as _

from .dates import slash_dates_of
from .document import Document, read_document
from .group_pages import is_the_group_s_meeting, read_group_page
from .page_bold_cards import bold_cards_as_headings
from .page_campaign import read_campaign
from .page_language import guess_language, known_language
from .page_month_headings import with_months_of_headings
from .page_structured_events import structured_window
from .page_window import campaign_window, page_anchors
from .past_events import without_past_events
from .prose_events import prose_day, timed_day_line
from .records import MarkdownPlan, Notice, PageRecord
from .section_titles import SectionKind, section_kinds


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
    text = bold_cards_as_headings(_east_asian_marks(_ascii_digits(text)))
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


# Japanese and Chinese pages head each city with a square or a diamond ("■札幌", "◆名古屋")
# and write a label's colon full width ("場所：").
_MARKED_TITLE = re.compile(r"^[■◆□◇▼▽▶►][ \t\u3000]*(\S[^\n]{0,40})$", re.MULTILINE)


def _east_asian_marks(text: str) -> str:
    """`text` with such titles as headings and such colons as a label's."""
    if "：" not in text and not _MARKED_TITLE.search(text):
        return text
    text = re.sub(r"(?<=[^\W\d_])：[ \t\u3000]*", ": ", text)
    return _MARKED_TITLE.sub(lambda match: f"\n### {match.group(1)}\n", text)


def _read_page(text: str, name: str, language: str | None, plan: MarkdownPlan) -> None:
    document = read_document(text)
    warnings = [Notice(name, line, message) for line, message in document.problems]
    declared = _declared_language(document, language, warnings, name)
    # A guessed language only chooses among readings; it never labels the page itself.
    language = declared or guess_language(f"{document.title}\n{document.body}")
    document = with_months_of_headings(without_past_events(document, language), language)
    slug = _slug(document, name)
    kinds = _effective_kinds(document, language)
    anchors = page_anchors(document, slug, language)
    window, is_announced = campaign_window(document, kinds, slug, language, warnings, name, anchors)
    if window is None and (day := prose_day(document, anchors, language)) is not None:
        window = (day, day)  # told in sentences; a protest only if they also place it
    # schema.org events only
    window = window or structured_window(document.body, language, document.front_matter.date)
    campaign = None
    campaign_warnings: list[Notice] = []
    if window is not None:
        campaign = read_campaign(
            document, kinds, window, slug, name, language, campaign_warnings, anchors
        )
        if not is_announced and window[0] == document.front_matter.date and campaign.events:
            # The front matter's date was when the page was posted: the events' days are the
            # campaign's ("date: 2027-03-15" over rallies on the 10th and 11th of April).
            campaign.starts_on = min(e.day for e in campaign.events)
            campaign.ends_on = max(e.last_day or e.day for e in campaign.events)
        # A date only in the front matter or the opening prose ("_Version: April 5th_") makes
        # a protest only together with places or press coverage.
        if is_announced or campaign.events or campaign.press:
            warnings += campaign_warnings
        else:
            campaign = None
            if (line := timed_day_line(document, anchors, language)) is not None:
                warnings.append(Notice(name, line, _unplaced()))
    group = None
    if campaign is None or not is_announced:
        group_warnings: list[Notice] = []
        group = read_group_page(document, slug, name, language, warnings=group_warnings)
        if campaign is not None and group is not None and is_the_group_s_meeting(campaign, group):
            # "Our open evening is every second Thursday": a group's page, its next meeting
            # (often in its schema.org data) no protest of its own.
            warnings[:] = [w for w in warnings if w not in campaign_warnings]
            campaign = None
        if campaign is None:
            warnings += group_warnings
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
