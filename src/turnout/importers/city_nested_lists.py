"""Nested lists of places, read as city bullets before the list is read: a country over its
cities over their details ("México" › "Guadalajara" › "Plaza de Armas"), or a city over its
shifts ("Phoenix, AZ" › "Morning: 6:30–8am, …").

Apart because it only reshapes the blocks; the reading of the bullets is `city_lists`'s.
"""

import re
from dataclasses import replace

from .countries import country_codes_for
from .document import Block
from .times import find_times


def with_nested_places(
    blocks: list[Block], strict: list[bool], plain: list[bool] | None, language: str | None
) -> tuple[list[Block], list[bool], list[bool] | None]:
    """The blocks with nested lists of places read as city bullets: a country over its
    cities over their details ("México" › "Guadalajara" › "Plaza de Armas", "17:00 hrs") is
    "Guadalajara, México – Plaza de Armas – 17:00 hrs"; a city over its shifts ("Phoenix, AZ"
    › "Morning: 6:30–8am, …", "Evening: 7:30–9pm, …") is one bullet per shift; a city over
    details without hours is one bullet. Blocks outside nested lists are kept as they are."""
    if not any(b.kind == "item" and b.depth > 0 for b in blocks):
        return blocks, strict, plain
    kept: list[int] = []
    made: dict[int, list[Block]] = {}
    index = 0
    while index < len(blocks):
        block = blocks[index]
        children = _children(blocks, index)
        if block.kind != "item" or block.depth != 0 or not children:
            kept.append(index)
            index += 1
            continue
        country = _only_a_country(block.text, language)
        if country:
            made[index] = [
                item
                for child in children
                if blocks[child].depth == 1
                for item in _city_with_details(blocks, child, f", {country}")
            ]
        else:
            made[index] = _city_with_details(blocks, index, "")
        kept.append(index)
        index = children[-1] + 1
    new_blocks: list[Block] = []
    new_strict: list[bool] = []
    new_plain: list[bool] = []
    for index in kept:
        replacement = made.get(index, [blocks[index]])
        new_blocks += replacement
        new_strict += [strict[index]] * len(replacement)
        new_plain += [bool(plain and plain[index])] * len(replacement)
    return new_blocks, new_strict, (new_plain if plain is not None else None)


def _children(blocks: list[Block], index: int) -> list[int]:
    """The indexes of the items nested under the item at `index`."""
    found = []
    for later in range(index + 1, len(blocks)):
        if blocks[later].kind != "item" or blocks[later].depth <= blocks[index].depth:
            break
        found.append(later)
    return found


def _only_a_country(text: str, language: str | None) -> str:
    """The country a bullet names and nothing else ("México", "**Argentina**"), or ""."""
    name = text.strip(" *_:")
    return name if name and len(country_codes_for(name, language=language)) == 1 else ""


# A shift's label before its hours: "Morning: 6:30–8am", "Abends – 19 Uhr".
_SHIFT_LABEL = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+)?\s*[:–—-]\s*(?=\d)")


_AFTER_CITY = re.compile(r"(\s[–—-]\s.*)", re.S)


def _city_with_details(blocks: list[Block], index: int, country: str) -> list[Block]:
    """The bullets of the city at `index` and the details nested under it (see
    `with_nested_places`)."""
    city = blocks[index]
    # The country goes beside the city, not after its venue: "Glasgow – George Square" under
    # "Scotland" is "Glasgow, Scotland – George Square".
    head, *rest = _AFTER_CITY.split(city.text.strip(), maxsplit=1)
    place = head + country + "".join(rest)
    details = [blocks[child] for child in _children(blocks, index)]
    if not details:
        return [replace(city, text=place, depth=0)]
    timed = [detail for detail in details if find_times(detail.text)]
    if len(timed) > 1 and len(timed) == len(details):
        return [
            replace(
                detail,
                text=f"{place} – {_SHIFT_LABEL.sub('', detail.text.strip())}",
                links=[*city.links, *detail.links],
                depth=0,
            )
            for detail in details
        ]
    text = " – ".join([place, *(detail.text.strip() for detail in details)])
    links = [link for block in [city, *details] for link in block.links]
    return [replace(city, text=text, links=links, depth=0)]
