"""Headings that each name one city over its own venue and hour ("### Roma" over "Piazza
della Repubblica, ore 10:00"), the signup link such a heading is written as ("### [Lisboa](…)"),
and the days such a section holds apart."""

import re
from dataclasses import replace

from .city_links import is_signup
from .city_place_words import place_parts
from .dates import find_dates
from .details import lines_of
from .document import Link, Section
from .places import PlaceNotUnderstood, read_place, resolve_city
from .times import find_times


def is_timed_city_heading(section: Section, language: str | None) -> bool:
    """Whether `section`'s heading is nothing but a city's name and its lines give an hour or
    a day: one city's event even without a "Where:" label."""
    name = re.sub(r"[^\w\s.,'’-]+", " ", section.heading).strip(" ,")
    if not name or len(name) > 60 or not _names_city(name, language):
        return False
    return any(
        find_times(line.text) or any(m.has_day for m in find_dates(line.text, language=language))
        for block in section.blocks[:_LINES]
        if block.kind in {"paragraph", "item"}
        for line in lines_of(block)
    )


def _names_city(name: str, language: str | None) -> bool:
    """Whether a heading names a city alone or with its state or country ("Chicago, IL")."""
    if resolve_city(name.replace(",", " "), language=language) is not None:
        return True
    if "," not in name:
        return False
    try:
        read_place(place_parts(name), language=language)
    except PlaceNotUnderstood:
        return False
    return True


# A city's own section is short: its venue, hour and link come first.
_LINES = 6


def heading_signup(section: Section) -> Link | None:
    """The signup link a city's heading is written as ("### [Lisboa](https://www.eventbrite.pt/e/…)")."""
    return next((link for link in section.heading_links if is_signup(link)), None)


def split_by_days(section: Section, language: str | None) -> list[Section]:
    """One city's section cut before each paragraph that opens a day of its own ("**Samstag,
    13. November**" …, then "**Sonntag, 14. November**" …): one event per day."""
    pieces: list[list] = [[]]
    has_day = False
    for block in section.blocks:
        opens_day = block.kind in {"paragraph", "item"} and any(
            mention.has_day for mention in find_dates(lines_of(block)[0].text, language=language)
        )
        if opens_day and has_day:
            pieces.append([])
        has_day = has_day or opens_day
        pieces[-1].append(block)
    return [
        replace(section, blocks=shift) for blocks in pieces for shift in _split_by_shifts(blocks)
    ]


def _split_by_shifts(blocks: list) -> list[list]:
    """One day's blocks of a city, cut into one piece per bullet when each bullet gives hours
    of its own, from and to or with its own link ("Перша зміна: 10:00–12:00 …", "Друга
    зміна: 18:00–20:00 …"): two shifts are two events. Other blocks go with each shift."""
    items = [block for block in blocks if block.kind == "item"]
    spans = [find_times(block.text) for block in items]
    if len(items) < 2 or None in spans or len(set(spans)) < len(spans):
        return [blocks]
    # A shift runs from an hour to another or signs up apart; single hours ("14:00 start",
    # "15:00 speeches") are one event's programme.
    if not all(span and span.ends for span in spans) and not all(b.links for b in items):
        return [blocks]
    others = [block for block in blocks if block.kind != "item"]
    return [[*others, item] for item in items]
