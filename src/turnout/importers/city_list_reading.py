"""What reading a page's city lists starts from and what it gathers.

`ReadingContext` is what the page around the blocks tells (its dates, its language, its
signup link, the day and place of a heading); `CityListReading` is what the blocks tell
(events, the coordination link, prose left over, problems). They live apart from the reading
(`city_lists`) so that the modules reading places, details and events share them without
importing one another in a circle.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from .document import Block, Link
from .event_days import Anchors
from .places import PlaceNotUnderstood
from .records import EventRecord


@dataclass
class CityListReading:
    """What the event sections of one page say about places, links and coordination."""

    events: list[EventRecord] = field(default_factory=list)
    coordination_url: str = ""
    leftovers: list[Block] = field(default_factory=list)  # prose to keep in the narrative
    problems: list[tuple[int, str]] = field(default_factory=list)
    # Events of a city named alone, before the list showed its country ("Valencia" first,
    # then Alicante and Murcia): with the words that named it, to be read again.
    bare_places: list[tuple[EventRecord, list[str]]] = field(default_factory=list)


@dataclass
class ReadingContext:
    """What the page around the blocks tells: its dates, its language, its signup link."""

    window: tuple[date, date]
    anchors: Anchors
    language: str | None
    title: str = ""
    day: date | None = None  # the day a dated heading gives the blocks under it
    heading_place: str = ""  # "Amsterdam" in "### 19 April – Amsterdam"
    page_signup: Link | None = None  # an explicit signup link elsewhere on the page
    country: str | None = None  # the country of the page's other events, for bare city names
    zone: str = ""  # "CET" when the page says "All times CET"


def place_problem(text: str, error: PlaceNotUnderstood) -> str:
    return _("could not read a place in “%(text)s”: %(reason)s") % {
        "text": " ".join(text.split())[:120],
        "reason": error,
    }
