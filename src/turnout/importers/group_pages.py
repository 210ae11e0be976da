"""A local group's page: it names the group's place, how it meets and where it talks.

"PauseAI NYC Action Items … Join our monthly meetings … Discord, WhatsApp, Instagram": a page
that is no protest but speaks of meetings or calls itself a local group, and links to at least
one channel, is read as a group, placed by the city its title (or front matter) names.
"""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils.text import slugify
from django.utils.translation import gettext as _

from turnout.groups.channels import ChannelKind, channel_kind_by_host

from .document import Block, Document
from .event_words import GROUP_NAMES, MEETINGS
from .meeting_rules import MeetingAmbiguous, read_meeting_rule
from .places import Place, PlaceNotUnderstood, read_place
from .records import CampaignRecord, GroupRecord, MeetupPlan, Notice
from .vocabulary import contains_phrase, fold

_MAX_MEETINGS = 5


def channel_kind(url: str) -> str | None:
    if url.lower().startswith("mailto:"):
        return str(ChannelKind.EMAIL)
    kind = channel_kind_by_host(url)
    return str(kind) if kind else None


def read_group_page(
    document: Document,
    slug: str,
    name: str,
    language: str | None,
    warnings: list[Notice] | None = None,
) -> GroupRecord | None:
    """The group a page describes, or None when it is no group's page; a regular meeting its
    words tell ("every second Tuesday of the month at 19:00") is its recurring meet-up, and
    one they tell ambiguously is a warning in `warnings`."""
    blocks = [b for b in document.blocks() if b.kind in {"paragraph", "item"}]
    named = contains_phrase(f"{document.title} {slug.replace('-', ' ')}", GROUP_NAMES, language)
    meetings = [b for b in blocks if contains_phrase(b.text, MEETINGS, language)]
    if not named and not meetings:
        return None
    channels: list[tuple[str, str]] = []
    for block in blocks:
        for link in block.links:
            kind = channel_kind(link.url)
            if kind and kind != ChannelKind.EMAIL and (kind, link.url) not in channels:
                channels.append((kind, link.url))
    place = _place(document, language)
    if not channels or place is None:
        return None
    meetups, problems = _meetups(meetings[:_MAX_MEETINGS], place, language, name)
    if warnings is not None:
        warnings.extend(problems)
    return GroupRecord(
        slug=slugify(slug)[:100],
        name=(document.title or slug)[:150],
        city=place.city,
        country=place.country,
        source=name,
        description=document.front_matter.description,
        meetings=[" ".join(b.text.split())[:300] for b in meetings[:_MAX_MEETINGS]],
        channels=channels,
        latitude=place.latitude,
        longitude=place.longitude,
        line=meetings[0].line if meetings else None,
        meetups=meetups,
    )


def is_the_group_s_meeting(campaign: CampaignRecord, group: GroupRecord) -> bool:
    """Whether a campaign read from a group's page, its day not announced, is only the group
    meeting where it always does: the group has a regular meeting, and each of the few events
    is in its city and not called off (the next open evening, as Meetup's schema.org data
    lists it, and the one its rule's hour makes on the day the page was posted)."""
    events = campaign.events
    return bool(
        group.meetups
        and 0 < len(events) <= _MEETING_EVENTS
        and all(
            not e.is_online and not e.is_cancelled and fold(e.city) == fold(group.city)
            for e in events
        )
    )


# A group's page tells of its next meeting or two; more events are a programme of protests.
_MEETING_EVENTS = 2


# A meeting whose end is not written lasts two hours, as a page's event does.
_MEETING_MINUTES = 120


def _meetups(
    blocks: list[Block], place: Place, language: str | None, name: str
) -> tuple[list[MeetupPlan], list[Notice]]:
    """The recurring meet-ups the meeting blocks tell, and a warning for each that stays text."""
    zone = ZoneInfo(place.timezone)
    found: list[MeetupPlan] = []
    problems: list[Notice] = []
    for block in blocks:
        text = " ".join(block.text.split())
        try:
            rule = read_meeting_rule(text, language=language, zone=zone)
        except MeetingAmbiguous:
            message = _(
                "the meeting “%(text)s” does not say one day it repeats on; it is kept as text"
            ) % {"text": text[:120]}
            problems.append(Notice(name, block.line, message))
            continue
        if rule is None:
            continue
        if rule.starts is None:
            message = _(
                "the meeting “%(text)s” gives no hour; it is kept as text, not as a meet-up"
            ) % {"text": text[:120]}
            problems.append(Notice(name, block.line, message))
            continue
        minutes = _MEETING_MINUTES
        if rule.ends is not None:
            day = datetime(2000, 1, 1)
            length = datetime.combine(day, rule.ends) - datetime.combine(day, rule.starts)
            minutes = int((length % timedelta(days=1)).total_seconds() // 60) or _MEETING_MINUTES
        plan = MeetupPlan(rule.rule, rule.starts, minutes, place.timezone, text[:300])
        if all((m.rule, m.starts) != (plan.rule, plan.starts) for m in found):
            found.append(plan)
    return found, problems


def _place(document: Document, language: str | None) -> Place | None:
    """The city of the front matter (`city:`, `location:`), else the one the title names."""
    extra = document.front_matter.extra
    for key in ("city", "location", "place"):
        if isinstance(extra.get(key), str):
            try:
                return read_place([extra[key]], language=language)
            except PlaceNotUnderstood:
                continue
    words = re.findall(r"[^\W\d_][\w'-]*", document.title)
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            candidate = words[start : start + size]
            if not all(w[0].isupper() for w in candidate) or len(" ".join(candidate)) < 3:
                continue
            try:
                return read_place([" ".join(candidate)], language=language)
            except PlaceNotUnderstood:
                continue
    return None
