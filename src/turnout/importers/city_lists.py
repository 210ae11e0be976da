"""The places of a protest page: city bullets, "Where:" lines and the call to organize.

A city bullet names a place and usually links to a signup page: "**[London, UK](https://lu.ma/x)**",
"US, California, San Francisco ([Facebook](...))", "**Den Haag**, the Netherlands ([join the
WhatsApp group](...))". Words in brackets are notes, not the place. A bullet without a link,
or saying "t.b.a.", is an event whose details are to be announced. A bullet asking readers to
organize ("Organize in your area! Join our Discord") gives the campaign's coordination link.
A single-city page instead says "Where: Parliament Square, London" and lists its signup links
on their own bullets.

This module walks the blocks and decides what each says (`read_city_lists`). What it leans
on has its own module: the context and the result (`city_list_reading`), the words of a
bullet (`city_place_words`), its links (`city_links`), the event records (`city_events`),
the "Where:"/"When:" lines of a single place (`city_details`) and nested lists
(`city_nested_lists`).
"""

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from django.utils.translation import gettext as _

from .address_lines import australian_part
from .city_days_beside import day_of_a_weekday_item
from .city_details import SinglePlace, read_detail_lines, row_event, single_event
from .city_events import event_on_its_day, in_page_zone, online_event, place_event
from .city_links import coordination_link, is_map, is_signup
from .city_list_reading import CityListReading, ReadingContext, place_problem
from .city_nested_lists import with_nested_places
from .city_place_words import (
    after_leading_time,
    city_after_event_name,
    city_after_event_name_and_dash,
    days_in,
    has_postcode_and_city,
    leading_day,
    names_place,
    own_day,
    own_days,
    place_in_sentence,
    place_in_title,
    place_parts,
    place_words,
    without_pin,
)
from .city_titles import city_in_title_brackets
from .city_venues import venue_beside
from .countries import country_codes_for, leading_flag
from .details import is_cancelled, is_signup_link
from .document import Block, is_only_links
from .event_words import SIGNUP
from .meeting_links import names_online
from .page_blocks import is_struck_through
from .places import Place, PlaceNotUnderstood, read_place
from .records import EventRecord
from .times import TimeSpan, find_times, strip_times
from .vocabulary import TO_BE_ANNOUNCED, contains_phrase, fold, phrases


@dataclass
class _ListContext:
    """What a sentence before a list says of all its places: "In Sweden there will be 3
    protests at 12:00:"."""

    country: str | None = None
    times: TimeSpan | None = None


def read_city_lists(
    blocks: list[Block],
    *,
    context: ReadingContext,
    strict: list[bool],
    plain: list[bool] | None = None,
) -> CityListReading:
    """Read the blocks of the event sections; `strict[i]` says whether blocks[i] stands in a
    section announced as a list of places (where an unreadable bullet is worth a warning),
    `plain[i]` whether it stands in a "When & Where" section, whose lines need no label."""
    reading = CityListReading()
    single = SinglePlace(day=context.day)
    around = _ListContext()
    language = context.language
    blocks, strict, plain = with_nested_places(blocks, strict, plain, language)
    # In a list of cities a bullet without a label is one more place, never a detail of a
    # single event: "**Online** – 20:00" is no time of the bullet after it. A list is of
    # cities when two bullets name places, or one names a place and its own time or link.
    places = [b for b in blocks if b.kind == "item" and _tells_place(b, context)]
    is_city_list = len(places) > 1 or any(b.links or find_times(b.text) for b in places)
    for index, (block, is_strict) in enumerate(zip(blocks, strict, strict=True)):
        is_plain = bool(plain and plain[index]) and not (is_city_list and block.kind == "item")
        if block.kind == "paragraph":
            if read_detail_lines(block, single, reading, context, is_plain):
                continue
            around = _list_context(block, language) or around
            _read_paragraph(block, reading, language)
        elif block.kind == "item" and block.depth == 0:
            flag, _rest = leading_flag(block.text)
            block = without_pin(block, context)
            if read_detail_lines(block, single, reading, context, is_plain):
                continue
            # "🇦🇺 Perth": the flag names the country, so this Perth is not Scotland's.
            item_around = replace(around, country=flag) if flag else around
            _read_item(block, reading, single, context, is_strict, item_around)
    _in_the_list_s_country(reading, language)
    title = context.title
    if single.place is None and single.has_details and context.heading_place:
        try:
            single.place = read_place(
                place_parts(context.heading_place), language=language, country_hint=context.country
            )
        except PlaceNotUnderstood:
            pass
    if (
        single.place is None
        and single.has_details
        and names_online(context.heading_place, language)
    ):
        single.is_online = True  # "### Online / everywhere" over its time and meeting link
    if single.place is not None and single.venue and not single.place.venue:
        single.place = replace(single.place, venue=single.venue[:200])
    if single.place is None and single.links and not reading.events and title:
        single.place = place_in_title(title, language)
        if single.place is not None:
            message = _("the place, %(city)s (%(country)s), was taken from the title") % {
                "city": single.place.city,
                "country": single.place.country,
            }
            reading.problems.append((single.line or 0, message))
    if single.place is not None and single.dated_rows:
        reading.events += [row_event(single, row, context, reading) for row in single.dated_rows]
    elif single.place is not None:
        reading.events.append(single_event(single, context, reading))
    elif single.is_online:
        page_signup = [context.page_signup] if context.page_signup and context.day is None else []
        links = [*single.explicit, *page_signup, *single.links]
        day = single.day or context.day or context.window[0]
        times = in_page_zone(single.times, context)
        text = " ".join(link.text for link in single.explicit)
        event = online_event(links, text, single.line, day, times, context)
        event.is_cancelled = single.is_cancelled
        reading.events.append(event)
    elif single.links and not reading.events:
        reading.problems.append(
            (single.line or 0, _("signup links found, but no line says where the event is"))
        )
    return reading


def _tells_place(block: Block, context: ReadingContext) -> bool:
    """Whether a bullet names a place, or tells of one in a sentence with its time ("On 14
    March we march in Berlin from the Brandenburger Tor at 14:00")."""
    block = without_pin(block, context)
    if names_place(block, context):
        return True
    hint = context.country
    return bool(find_times(block.text)) and (
        place_in_sentence(block.text, context.language, hint) is not None
    )


def _read_paragraph(block: Block, reading: CityListReading, language: str | None) -> None:
    link = coordination_link(block, language)
    if link and not reading.coordination_url:
        reading.coordination_url = link
        return
    reading.leftovers.append(block)
    if contains_phrase(block.text, TO_BE_ANNOUNCED, language):
        # "UK (exact location TBD) / 4:00 pm GMT": a place meant as an event, but unplaceable.
        error = PlaceNotUnderstood(_("no city is named"))
        reading.problems.append((block.line, place_problem(block.text, error)))


def _list_context(block: Block, language: str | None) -> _ListContext | None:
    """ "In Sweden there will be 3 protests at 12:00:": a country and a time for the list."""
    text = block.text.strip()
    if not text.endswith(":") or len(text) > 200:
        return None
    words = re.findall(r"[^\W\d_]+", text)
    country = None
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            if len(words[start]) < 3 or not words[start][0].isupper():
                continue
            codes = country_codes_for(" ".join(words[start : start + size]), language=language)
            if len(codes) == 1:
                country = next(iter(codes))
                break
        if country:
            break
    times = find_times(text)
    return _ListContext(country, times) if country or times else None


def _read_item(
    block: Block,
    reading: CityListReading,
    single: SinglePlace,
    context: ReadingContext,
    is_strict: bool,
    around: _ListContext,
) -> None:
    language = context.language
    link = coordination_link(block, language)
    if link:
        reading.coordination_url = reading.coordination_url or link
        return
    if reading.events and (day := day_of_a_weekday_item(block, context)):
        signup = next((link for link in block.links if is_signup(link)), None)
        if signup is not None:
            event_on_its_day(reading, day, signup.url, block.line)
            return
    # A map alone ("[📍 Dam, Amsterdam](maps…)"); a city's line with its map beside is read.
    if block.links and all(is_map(link.url) for link in block.links) and is_only_links(block):
        map_only = PlaceNotUnderstood(_("a map link alone"))
        _read_other_item(block, reading, single, language, is_strict, map_only)
        return
    text, day = leading_day(block.text, context)
    if names_online(after_leading_time(text) or text, language):
        times = in_page_zone(find_times(block.text) or around.times, context)
        day = day or own_day(block, context) or context.day or context.window[0]
        event = online_event(block.links, block.text, block.line, day, times, context)
        reading.events.append(event)
        return
    timed = after_leading_time(text) if day is None else None
    parts = place_parts(place_words(strip_times(timed or text), language), language)
    # "**Newcastle** – Civic Park, Newcastle NSW 2300": the state's postcode names Australia.
    postal = australian_part(text)
    named = around.country or context.country or ("AU" if postal else None)
    usual = None if named else _usual_country(reading.events)
    hint = named or usual
    try:
        place = _place_after(parts, language, named, usual, after_day=day is not None, timed=timed)
    except PlaceNotUnderstood as error:
        if block.is_row and day is not None:
            single.dated_rows.append((day, block))
            return
        told = place_in_sentence(text, language, hint) if find_times(block.text) else None
        told = told or city_after_event_name(parts, language)  # "Fietsdemo Leeuwarden – …"
        told = told or city_in_title_brackets(text, language)  # "【東京】気候正義マーチ"
        told = told or city_after_event_name_and_dash(strip_times(text), language)
        told = told or (read_place([postal], language=language) if postal else None)
        if told is None:
            _read_other_item(block, reading, single, language, is_strict, error)
            return
        place = told  # "Concentración en la plaza de España de Sevilla a las 18 h"
    explicit = [link for link in block.links if is_signup_link(link, block.text, language)]
    signup = next((link for link in [*explicit, *block.links] if is_signup(link)), None)
    is_tba = signup is None or contains_phrase(block.text, TO_BE_ANNOUNCED, language)
    day = day or own_day(block, context)
    event = place_event(
        place,
        block.line,
        signup.url if signup else "",
        is_tba,
        day or context.day or context.window[0],
        in_page_zone(find_times(block.text) or around.times, context),
        reading,
    )
    moved = _moved_to(block.text, event.day, context)
    event.is_cancelled = (
        is_cancelled(block.text, language) or is_struck_through(block)
    ) and not moved
    if hint is None and len(parts) == 1:
        reading.bare_places.append((event, parts))
    if (days := own_days(block, context)) and days[0] == event.day and days[1]:
        event.last_day = days[1]  # "12–13 iunie": a city's two days
    if not event.venue:
        event.venue = venue_beside(
            timed or text, block, language, city=event.city, title=context.title
        )
    reading.events.append(event)


def _moved_to(text: str, day: date, context: ReadingContext) -> bool:
    """Whether the words that call a city's event off give it the new day it keeps:
    "reporté au samedi 19 juin", "postponed to 19 June" (a moved event, not a cancelled one)."""
    for piece in _PIECES.split(text):
        if is_cancelled(piece, context.language):
            found = days_in(piece, context)
            page_day = context.day or context.window[0]
            return found is not None and found[0] == day != page_day
    return False


# The pieces a bullet's details are written in: "Place de la Digue · 14h · reporté au 19 juin".
_PIECES = re.compile(r"\s[–—·|]\s|;|\s-\s")


def _place_after(
    parts: list[str],
    language: str | None,
    named: str | None,
    usual: str | None,
    *,
    after_day: bool,
    timed: str | None,
) -> Place:
    """The place of a bullet's words, in the country the list `named` or the one most of its
    places are in (`usual`). After its day a bullet may open with its city ("Mon: Leeds,
    Civic Hall") or read like an address ("12 April: Dam, Amsterdam"), as it does after its
    time ("14:00: College Green, Bristol")."""
    if after_day:
        try:
            place = read_place(parts, language=language, country_hint=named, usual_country=usual)
            if place.venue:
                return place
        except PlaceNotUnderstood:
            pass
    is_address = after_day or timed is not None or has_postcode_and_city(parts)
    return read_place(
        parts, language=language, with_venue=is_address, country_hint=named, usual_country=usual
    )


def _usual_country(events: list[EventRecord]) -> str | None:
    """The country most of the list's places so far are in: "Valencia" after Madrid and
    Seville is Spain's."""
    countries = Counter(event.country for event in events if event.country).most_common(1)
    return countries[0][0] if countries else None


def _in_the_list_s_country(reading: CityListReading, language: str | None) -> None:
    """Cities named alone before the list showed its country, moved to the country most of
    its places are in when a city of their name is there ("Valencia" over Alicante and
    Murcia is Spain's, not Venezuela's larger one), unless one abroad dwarfs it."""
    counted = Counter(event.country for event in reading.events if event.country)
    usual, count = counted.most_common(1)[0] if counted else ("", 0)
    if count < 2 or count * 2 <= len(reading.events):
        return
    for event, parts in reading.bare_places:
        if event.country == usual:
            continue
        try:
            place = read_place(parts, language=language, usual_country=usual)
        except PlaceNotUnderstood:
            continue
        if place.country == usual:
            event.city, event.country, event.timezone = place.city, place.country, place.timezone
            event.latitude, event.longitude = place.latitude, place.longitude


def _read_other_item(
    block: Block,
    reading: CityListReading,
    single: SinglePlace,
    language: str | None,
    is_strict: bool,
    error: PlaceNotUnderstood,
) -> None:
    """A bullet that names no place: a signup or map link of a single-city page, or prose."""
    map_link = next((link for link in block.links if is_map(link.url)), None)
    if map_link is not None and single.place is None:
        try:
            single.place = read_place(
                place_parts(map_link.text), language=language, with_venue=True
            )
            single.line = block.line
            return
        except PlaceNotUnderstood:
            pass
    signups = [link for link in block.links if is_signup(link)]
    explicit = [link for link in signups if is_signup_link(link, block.text, language)]
    if is_strict and _names_something(block, language):
        explicit = []  # "Atlantis, Nergensland ([aanmelden](…))": a place that could not be read
    if is_cancelled(block.text, language) and len(block.text.split()) <= 4:
        single.is_cancelled = True
    elif signups and is_only_links(block):
        single.links.extend(signups)
        single.explicit.extend(explicit)
        single.line = single.line or block.line
    elif explicit:
        single.explicit.extend(explicit)
        reading.leftovers.append(block)
    elif is_strict and (block.links or not contains_phrase(block.text, TO_BE_ANNOUNCED, language)):
        reading.problems.append((block.line, place_problem(block.text, error)))
    else:
        reading.leftovers.append(block)


def _names_something(block: Block, language: str | None) -> bool:
    """Whether a bullet has words of its own besides its links and the words asking to sign
    up: "**Atlantis**, Nergensland ([aanmelden](…))" names a place, "Sign up [here](…)" not."""
    outside = block.text
    for link in block.links:
        outside = outside.replace(link.text, " ", 1)
    outside = fold(outside)
    for phrase in phrases(SIGNUP, language):
        outside = re.sub(rf"(?i)(?<!\w){re.escape(phrase)}(?!\w)", " ", outside)
    return bool(re.search(r"[^\W\d_]{3,}", outside))
