"""The places of a protest page: city bullets, "Where:" lines and the call to organize.

A city bullet names a place and usually links to a signup page: "**[London, UK](https://lu.ma/x)**",
"US, California, San Francisco ([Facebook](...))", "**Den Haag**, the Netherlands ([join the
WhatsApp group](...))". Words in brackets are notes, not the place. A bullet without a link,
or saying "t.b.a.", is an event whose details are to be announced. A bullet asking readers to
organize ("Organize in your area! Join our Discord") gives the campaign's coordination link.
A single-city page instead says "Where: Parliament Square, London" and lists its signup links
on their own bullets.
"""

import re
from dataclasses import dataclass, field
from datetime import date, time
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

from turnout.campaigns.platforms import Platform, recognize_platform

from .dates import DateMention, find_dates, find_time_range
from .document import Block, Link, is_only_links
from .places import Place, PlaceNotUnderstood, gazetteer, read_place
from .records import EventRecord
from .vocabulary import (
    CALLS_TO_ORGANIZE,
    TO_BE_ANNOUNCED,
    WHEN_LABELS,
    WHERE_LABELS,
    contains_phrase,
    fold,
    phrases,
)

CHAT_PLATFORMS = {Platform.DISCORD, Platform.WHATSAPP, Platform.TELEGRAM, Platform.SIGNAL}
_MAP_HOSTS = (
    "goo.gl",
    "maps.google",
    "google.com",
    "maps.app.goo.gl",
    "openstreetmap.org",
    "osm.org",
    "maps.apple.com",
    "bing.com",
    "here.com",
    "what3words.com",
)


@dataclass
class CityListReading:
    """What the event sections of one page say about places, links and coordination."""

    events: list[EventRecord] = field(default_factory=list)
    coordination_url: str = ""
    leftovers: list[Block] = field(default_factory=list)  # prose to keep in the narrative
    problems: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _SinglePlace:
    place: Place | None = None
    line: int | None = None
    links: list[Link] = field(default_factory=list)
    day: date | None = None
    times: tuple[time, time | None] | None = None


def read_city_lists(
    blocks: list[Block],
    *,
    window: tuple[date, date],
    year: int,
    language: str | None,
    strict: list[bool],
    title: str = "",
) -> CityListReading:
    """Read the blocks of the event sections; `strict[i]` says whether blocks[i] stands in a
    section announced as a list of places (where an unreadable bullet is worth a warning)."""
    reading = CityListReading()
    single = _SinglePlace()
    for block, is_strict in zip(blocks, strict, strict=True):
        if block.kind == "paragraph":
            _read_paragraph(block, reading, language)
        elif block.kind == "item" and block.depth == 0:
            _read_item(block, reading, single, window, year, language, is_strict)
    if single.place is None and single.links and not reading.events and title:
        single.place = _place_in_title(title, language)
        if single.place is not None:
            message = _("the place, %(city)s (%(country)s), was taken from the title") % {
                "city": single.place.city,
                "country": single.place.country,
            }
            reading.problems.append((single.line or 0, message))
    if single.place is not None:
        reading.events.append(_single_event(single, window))
    elif single.links and not reading.events:
        reading.problems.append(
            (single.line or 0, _("signup links found, but no line says where the event is"))
        )
    return reading


def _place_in_title(title: str, language: str | None) -> Place | None:
    """The city in "Protest @ Bletchley Park - November 1st": the longest run of the words
    after "@" that the gazetteer knows (a guess, so it is reported)."""
    if "@" not in title or gazetteer() is None:
        return None
    words = re.split(r"\s[-–—|:]\s", title.split("@", 1)[1])[0].split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            candidate = " ".join(words[start : start + size])
            if len(candidate) < 4:
                continue
            try:
                return read_place([candidate], language=language, with_venue=True)
            except PlaceNotUnderstood:
                continue
    return None


def _read_paragraph(block: Block, reading: CityListReading, language: str | None) -> None:
    link = _coordination_link(block, language)
    if link and not reading.coordination_url:
        reading.coordination_url = link
        return
    reading.leftovers.append(block)
    if contains_phrase(block.text, TO_BE_ANNOUNCED, language):
        # "UK (exact location TBD) / 4:00 pm GMT": a place meant as an event, but unplaceable.
        error = PlaceNotUnderstood(_("no city is named"))
        reading.problems.append((block.line, _place_problem(block.text, error)))


def _read_item(
    block: Block,
    reading: CityListReading,
    single: _SinglePlace,
    window: tuple[date, date],
    year: int,
    language: str | None,
    is_strict: bool,
) -> None:
    label, value = _label(block.text, language)
    if label == "where":
        try:
            single.place = read_place(_parts(value), language=language, with_venue=True)
            single.line = single.line or block.line
        except PlaceNotUnderstood as error:
            reading.problems.append((block.line, _place_problem(value, error)))
        return
    if label == "when":
        single.day = _day_in(find_dates(value, language=language), window, year) or single.day
        single.times = find_time_range(value) or single.times
        return
    link = _coordination_link(block, language)
    if link:
        reading.coordination_url = reading.coordination_url or link
        return
    if block.links and all(_is_map(link.url) for link in block.links):
        map_only = PlaceNotUnderstood(_("a map link alone"))
        _read_other_item(block, reading, single, language, is_strict, map_only)
        return
    try:
        place = read_place(_parts(_place_words(block.text, language)), language=language)
    except PlaceNotUnderstood as error:
        _read_other_item(block, reading, single, language, is_strict, error)
        return
    signup = next((link for link in block.links if _is_signup(link)), None)
    is_tba = signup is None or contains_phrase(block.text, TO_BE_ANNOUNCED, language)
    day = _day_in(find_dates(_in_brackets(block.text), language=language), window, year)
    reading.events.append(
        _event(
            place,
            block.line,
            signup.url if signup else "",
            is_tba,
            day or window[0],
            find_time_range(block.text),
        )
    )


def _read_other_item(
    block: Block,
    reading: CityListReading,
    single: _SinglePlace,
    language: str | None,
    is_strict: bool,
    error: PlaceNotUnderstood,
) -> None:
    """A bullet that names no place: a signup or map link of a single-city page, or prose."""
    map_link = next((link for link in block.links if _is_map(link.url)), None)
    if map_link is not None and single.place is None:
        try:
            single.place = read_place(_parts(map_link.text), language=language, with_venue=True)
            single.line = block.line
            return
        except PlaceNotUnderstood:
            pass
    signups = [link for link in block.links if _is_signup(link)]
    if signups and is_only_links(block):
        single.links.extend(signups)
        single.line = single.line or block.line
    elif is_strict and (block.links or not contains_phrase(block.text, TO_BE_ANNOUNCED, language)):
        reading.problems.append((block.line, _place_problem(block.text, error)))
    else:
        reading.leftovers.append(block)


def _single_event(single: _SinglePlace, window: tuple[date, date]) -> EventRecord:
    assert single.place is not None
    signup = single.links[0].url if single.links else ""
    return _event(
        single.place, single.line, signup, not signup, single.day or window[0], single.times
    )


def _event(
    place: Place,
    line: int | None,
    signup_url: str,
    is_tba: bool,
    day: date,
    times: tuple[time, time | None] | None,
) -> EventRecord:
    return EventRecord(
        city=place.city,
        country=place.country,
        timezone=place.timezone,
        day=day,
        line=line,
        signup_url=signup_url,
        platform=str(recognize_platform(signup_url)) if signup_url else None,
        is_to_be_announced=is_tba,
        latitude=place.latitude,
        longitude=place.longitude,
        venue=place.venue,
        starts=times[0] if times else None,
        ends=times[1] if times else None,
    )


def _label(text: str, language: str | None) -> tuple[str, str]:
    """("where", "Parliament Square, London") for "Where: Parliament Square, London"."""
    head, colon, value = text.partition(":")
    if not colon or len(head) > 30:
        return "", text
    folded = fold(head.strip(" *_"))
    if folded in phrases(WHERE_LABELS, language):
        return "where", value.strip()
    if folded in phrases(WHEN_LABELS, language):
        return "when", value.strip()
    return "", text


def _coordination_link(block: Block, language: str | None) -> str:
    """The chat link of a call to organize ("Organize in your area! Join our Discord")."""
    if not block.links or not contains_phrase(block.text, CALLS_TO_ORGANIZE, language):
        return ""
    chats = [link.url for link in block.links if recognize_platform(link.url) in CHAT_PLATFORMS]
    return chats[0] if chats else ""


def _place_words(text: str, language: str | None) -> str:
    """The words naming the place: notes in brackets and "t.b.a." removed."""
    words = re.sub(r"\([^)]*\)?|\[[^\]]*\]", " ", text)
    folded_phrases = phrases(TO_BE_ANNOUNCED, language)
    for phrase in folded_phrases:
        words = re.sub(rf"(?i)(?<!\w){re.escape(phrase)}(?!\w)", " ", words)
    return re.split(r"\s[-–—:/|]\s", words.strip())[0]


def _parts(text: str) -> list[str]:
    return [part for part in re.split(r"[,;\n]", text) if part.strip(" *_")]


def _in_brackets(text: str) -> str:
    return " ".join(re.findall(r"\(([^)]*)\)", text))


def _day_in(mentions: list[DateMention], window: tuple[date, date], year: int) -> date | None:
    for mention in mentions:
        if not mention.has_day:
            continue
        try:
            day = mention.window(year)[0]
        except ValueError:
            continue
        return day
    return None


def _is_map(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in _MAP_HOSTS) and (
        "map" in url.lower() or host.startswith("goo.gl")
    )


def _is_signup(link: Link) -> bool:
    return link.url.lower().startswith(("http://", "https://")) and not _is_map(link.url)


def _place_problem(text: str, error: PlaceNotUnderstood) -> str:
    return _("could not read a place in “%(text)s”: %(reason)s") % {
        "text": " ".join(text.split())[:120],
        "reason": error,
    }
