"""The city an event's title names in lenticular brackets before the event's name
("【東京】気候正義マーチ 2027"), as Peatix's and connpass's lists title each city's event."""

import re

from .places import Place, PlaceNotUnderstood, read_place

TITLE_BRACKETS = re.compile(r"【([^】]{1,20})】")


def city_in_title_brackets(text: str, language: str | None) -> Place | None:
    """The place the first pair of lenticular brackets in `text` names that is a city; None
    when none is ("【重要】お知らせ": "important")."""
    for name in TITLE_BRACKETS.findall(text):
        try:
            return read_place([name.strip()], language=language)
        except PlaceNotUnderstood:
            continue
    return None
