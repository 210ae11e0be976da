"""What the whole page says about its events once they are read: called off, their signup
and coordination links, the time the front matter gives, and what is missing.

A page called off in its title or in a line of its own ("CANCELLED", "Abgesagt!") calls off
all its events. An explicit signup link anywhere on the page ("Sign up", "RSVP on Luma",
"Anmelden", or a `signup:` key in the front matter) is the single event's link; a chat link
anywhere on the page (Discord, Signal, WhatsApp, Telegram) that no event uses is the
campaign's coordination link. An event without a start time is reported, never given one.
"""

import re
from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from turnout.campaigns.platforms import recognize_platform

from .city_links import CHAT_PLATFORMS, is_signup
from .city_list_reading import ReadingContext
from .country_zones import main_time_zone
from .details import is_cancelled, is_signup_link, lines_of
from .document import Document, Link
from .event_words import ALL_TIMES
from .page_structured_events import add_structured_events
from .page_updates import apply_update_notes
from .page_words import CHAT_TO_TALK
from .places import PlaceNotUnderstood, read_place
from .records import CampaignRecord, EventRecord, Notice
from .section_titles import SectionKind, section_kinds
from .times import ZoneNotUnderstood, find_times, local_time, zone_for, zone_named
from .venue_cities import venue_without_city
from .vocabulary import (
    CALLS_TO_ORGANIZE,
    TO_BE_ANNOUNCED,
    any_phrase,
    contains_phrase,
    fold,
    phrases,
)

# Front-matter keys that hold the signup link.
SIGNUP_KEYS = (
    "signup",
    "signup_url",
    "sign_up",
    "rsvp",
    "register",
    "registration",
    "registration_url",
    "tickets",
    "event_url",
    "event_link",
)
# A line this short that says "cancelled" is the page's verdict, not a sentence about it.
_VERDICT_WORDS = 6


def page_zone(document: Document, language: str | None) -> str:
    """The zone the opening says all times are written in ("All times CET", "Tutti gli orari
    sono CET"), or "" when it names none the importer knows."""
    words = phrases(ALL_TIMES, language)
    for block in document.blocks()[:_PAGE_TIME_BLOCKS]:
        if block.kind != "paragraph" or not any_phrase(words).search(fold(block.text)):
            continue
        for written in _ZONE_WORD.findall(block.text):
            if zone := zone_named(written):
                return zone
    return ""


_ZONE_WORD = re.compile(r"\b(?:UTC|GMT)\s?[+-−]\s?\d{1,2}(?::?\d{2})?|\b[A-Z]{2,5}\b")


def page_signup_link(document: Document, language: str | None) -> Link | None:
    """The page's explicit signup link: in the front matter, else the first one written."""
    extra = document.front_matter.extra
    for key in SIGNUP_KEYS:
        value = extra.get(key)
        if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
            return Link(key, value.strip())
    for section in document.sections:
        if SectionKind.PRESS in section_kinds(section.heading, language):
            continue
        for block in section.blocks:
            if block.kind not in {"paragraph", "item"}:
                continue
            for line in lines_of(block):
                for link in line.links:
                    is_web = is_signup(link, line.text, language)
                    if is_web and is_signup_link(link, line.text, language):
                        return link
    return None


# Front-matter keys that hold the event's place.
PLACE_KEYS = ("location", "venue", "place", "address", "where", "city")


def front_matter_events(
    document: Document, context: ReadingContext, warnings: list[Notice], name: str
) -> list[EventRecord]:
    """The event a page's front matter places (`location: Trafalgar Square, London`)."""
    extra = document.front_matter.extra
    value = next((extra[k] for k in PLACE_KEYS if isinstance(extra.get(k), str)), None)
    if not value:
        return []
    try:
        place = read_place(value.split(","), language=context.language, with_venue=True)
    except PlaceNotUnderstood as error:
        message = _("could not read a place in “%(text)s”: %(reason)s") % {
            "text": value[:120],
            "reason": error,
        }
        warnings.append(Notice(name, 1, message))
        return []
    signup = context.page_signup.url if context.page_signup else ""
    return [
        EventRecord(
            city=place.city,
            country=place.country,
            timezone=place.timezone,
            day=context.window[0],
            line=1,
            signup_url=signup,
            platform=str(recognize_platform(signup)) if signup else None,
            is_to_be_announced=not signup,
            latitude=place.latitude,
            longitude=place.longitude,
            venue=place.venue,
        )
    ]


def finish_campaign(
    campaign: CampaignRecord,
    *,
    document: Document,
    language: str | None,
    warnings: list[Notice],
    name: str,
) -> None:
    add_structured_events(
        campaign,
        body=document.body,
        language=language,
        warnings=warnings,
        name=name,
        posted=document.front_matter.date,
    )
    if is_called_off(document, language, event_lines={e.line for e in campaign.events}):
        for event in campaign.events:
            event.is_cancelled = True
    apply_update_notes(campaign.events, document, language)
    for event in campaign.events:
        if event.venue and event.city:
            event.venue = venue_without_city(
                event.venue, city=event.city, country=event.country, language=language
            )
    _drop_repeated_events(campaign, warnings, name)
    _coordination_anywhere(campaign, document, language)
    _front_matter_time(campaign, document)
    _page_time(campaign, document, language)
    _online_zones(campaign, language, warnings, name)
    untimed = [e for e in campaign.events if not e.is_time_known and not e.is_cancelled]
    if len(untimed) == 1:
        message = _(
            "no start time is given for the event in %(city)s; it is imported as "
            "“details to be announced”, with no time invented"
        ) % {"city": untimed[0].city or _("online")}
        warnings.append(Notice(name, untimed[0].line, message))
    elif untimed:
        message = _(
            "no start time is given for %(count)s events (%(cities)s); they are imported as "
            "“details to be announced”, with no time invented"
        ) % {"count": len(untimed), "cities": ", ".join(e.city or _("online") for e in untimed[:5])}
        warnings.append(Notice(name, untimed[0].line, message))
    if campaign.events:
        first = min(e.day for e in campaign.events)
        last = max(e.last_day or e.day for e in campaign.events)
        campaign.starts_on = min(campaign.starts_on, first)
        campaign.ends_on = max(campaign.ends_on, last)


def _drop_repeated_events(campaign: CampaignRecord, warnings: list[Notice], name: str) -> None:
    """A city listed twice for the same day, hour and place is one event: the first listing
    is kept, and a second signup link is reported, not lost."""
    kept: dict[tuple, EventRecord] = {}
    for event in campaign.events:
        # Two calls at one hour are two events.
        links = (event.meeting_url, event.signup_url) if event.is_online else ()
        key = (event.city, event.country, event.day, event.starts, event.venue.casefold(), *links)
        first = kept.setdefault(key, event)
        if first is event:
            continue
        message = _(
            "%(city)s is listed twice for the same day and time; only its first listing is imported"
        ) % {"city": event.city}
        if event.signup_url and event.signup_url != first.signup_url:
            message += " " + _("(the second gives another link: %(url)s)") % {
                "url": event.signup_url
            }
        warnings.append(Notice(name, event.line, message))
    campaign.events = list(kept.values())


def is_called_off(
    document: Document, language: str | None, *, event_lines: set[int | None] | None = None
) -> bool:
    """Whether the title, a heading or a short line of its own says the protest is off; the
    line of one city's event ("**Austin, TX** – postponed") speaks for that city alone."""
    event_lines = event_lines or set()
    if is_cancelled(document.title, language):
        return True
    for section in document.sections:
        if section.level and is_cancelled(section.heading, language):
            return True
        for block in section.blocks:
            for line in lines_of(block) if block.kind in {"paragraph", "item"} else []:
                if line.line in event_lines:
                    continue
                words = line.text.strip(" *_!.").split()
                if words and len(words) <= _VERDICT_WORDS and is_cancelled(line.text, language):
                    return True
    return False


# The country a page's language is mainly spoken in: an online event on a Dutch page that
# writes no zone is held on Dutch time. English, Spanish or French say too little for that.
_LANGUAGE_COUNTRIES = {
    "nl": "NL",
    "de": "DE",
    "it": "IT",
    "pl": "PL",
    "sv": "SE",
    "da": "DK",
    "ja": "JP",
    "cs": "CZ",
    "fi": "FI",
}


def _online_zones(
    campaign: CampaignRecord, language: str | None, warnings: list[Notice], name: str
) -> None:
    """An online event whose line writes no zone is on the page's clock: the zone most of its
    other events are in, else that of the one country its language is spoken in, else UTC."""
    zones = Counter(e.timezone for e in campaign.events if not e.is_online and e.timezone)
    country = _LANGUAGE_COUNTRIES.get((language or "").split("-")[0])
    fallback = (
        zones.most_common(1)[0][0] if zones else main_time_zone(country)[0] if country else "UTC"
    )
    for event in campaign.events:
        if not event.is_online or event.timezone:
            continue
        event.timezone = fallback
        if event.starts is not None:
            message = _(
                "the online event gives no time zone; its time was read as %(zone)s time"
            ) % {"zone": fallback}
            warnings.append(Notice(name, event.line, message))


def _coordination_anywhere(
    campaign: CampaignRecord, document: Document, language: str | None
) -> None:
    """A chat link on the page that no event uses: the one event's signup link when it has
    none ("join us on t.me/vigil"), else, or when its paragraph asks people to organize, the
    campaign's coordination link. A chat address written out in a sentence counts as one
    written as a link."""
    if campaign.coordination_url:
        return
    used = {event.signup_url for event in campaign.events}
    for section in document.sections:
        if section.level and SectionKind.PRESS in section_kinds(section.heading, language):
            continue
        for block in section.blocks:
            for link in block.links:
                if link.url in used or recognize_platform(link.url) not in CHAT_PLATFORMS:
                    continue
                is_call = contains_phrase(block.text, CALLS_TO_ORGANIZE, language)
                is_call = is_call or contains_phrase(block.text, CHAT_TO_TALK, language)
                if not is_call and _is_signup_of_one_event(
                    campaign, link.url, block.text, language
                ):
                    used.add(link.url)  # "join us on chat.whatsapp.com/… or t.me/…"
                    continue
                campaign.coordination_url = link.url
                return


def _is_signup_of_one_event(
    campaign: CampaignRecord, url: str, text: str, language: str | None
) -> bool:
    """Give a page's one event, without a link of its own, the chat link its prose offers."""
    if len(campaign.events) != 1 or campaign.events[0].signup_url:
        return False
    (event,) = campaign.events
    event.signup_url, event.platform = url, str(recognize_platform(url))
    if not contains_phrase(text, TO_BE_ANNOUNCED, language):
        event.is_to_be_announced = False
    return True


def _front_matter_time(campaign: CampaignRecord, document: Document) -> None:
    """A front-matter moment (`date: 2025-06-30T17:00:00+00:00`) is the start of the events
    on its day that give no time of their own, in their own zone, its offset kept."""
    moment = document.posted_at
    if moment is None:
        return
    for event in campaign.events:
        if event.is_time_known:
            continue
        if not event.timezone:  # online, its zone not yet known: the moment's own
            event.timezone = "UTC" if moment.tzinfo is None else ""
            local = moment if moment.tzinfo is None else moment.astimezone(ZoneInfo("UTC"))
            event.timezone = event.timezone or "UTC"
        else:
            local = _in_zone(moment, event.timezone)
        if local.date() == event.day or moment.date() == event.day:
            event.starts = local.time().replace(tzinfo=None)
            event.day = local.date()


# Only the opening paragraphs speak for all the events ("All rallies start at noon").
_PAGE_TIME_BLOCKS = 14


def _page_time(campaign: CampaignRecord, document: Document, language: str | None) -> None:
    """One time the page's paragraphs give for all its places ("Alla manifestationer börjar
    kl. 12.00", "Every rally runs from noon to 2pm local time") is the time of those of its
    events that give none; two different times tell nothing about which is whose."""
    # A line saying its own time is yet to come ("Uhrzeit wird noch bekannt gegeben") keeps it so.
    said = {
        line.line: line.text
        for block in document.blocks()
        if block.kind in {"paragraph", "item"}
        for line in lines_of(block)
    }
    untimed = [
        e
        for e in campaign.events
        if not e.is_time_known
        and not contains_phrase(said.get(e.line or 0, ""), TO_BE_ANNOUNCED, language)
    ]
    if len(campaign.events) < 2 or not untimed:
        return
    spans = set()
    paragraphs = 0
    # A paragraph that is one event's own lines ("Time: 13.00" under "### York") gives that
    # event's time, not every other's.
    own_lines = {e.line for e in campaign.events if e.line and e.is_time_known}
    for section in document.sections:
        if section.level and SectionKind.PRESS in section_kinds(section.heading, language):
            continue
        for block in section.paragraphs():
            paragraphs += 1
            if paragraphs > _PAGE_TIME_BLOCKS:
                break
            if own_lines & set(range(block.line, block.line + block.text.count("\n") + 1)):
                continue
            if span := find_times(block.text):
                spans.add(span)
    if len(spans) != 1:
        return
    (span,) = spans
    for event in untimed:
        if event.is_online and not event.timezone:
            # Online, the zone written is the event's own ("All vigils start at 7pm AEST").
            event.timezone = zone_for(span.zone, event.day)[0] if span.zone else ""
            if event.timezone or not span.zone:
                event.starts, event.ends = span.starts, span.ends
            continue
        try:
            event.starts, event.day = local_time(
                span.starts, day=event.day, written_zone=span.zone, event_zone=event.timezone
            )
            if span.ends:
                event.ends, _day = local_time(
                    span.ends, day=event.day, written_zone=span.zone, event_zone=event.timezone
                )
        except ZoneNotUnderstood:
            event.starts, event.ends = span.starts, span.ends


def _in_zone(moment: datetime, zone: str) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(ZoneInfo(zone))
