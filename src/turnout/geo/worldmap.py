"""The world map drawn on the server: country outlines from a dependency, a dot per place.

The outlines and the projection are `places.world_outline` (the share cards draw the same map);
here they become SVG: one cacheable file of every country, a view cropped around the dots.
A test checks the projection against the outlines (Cape Agulhas lands on South Africa's
southern tip).
"""

import hashlib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

from turnout.campaigns.day_details import shown_coordinates
from turnout.campaigns.links import event_paths
from turnout.campaigns.models import LocalEvent
from turnout.localization.formatting import country_name
from turnout.places.gazetteer import display_name
from turnout.places.world_outline import (
    MAP_HEIGHT,
    MAP_WIDTH,
    MAP_X,
    MAP_Y,
    country_rings,
    project,
    view_around,
)


def _compact_path(rings: Iterable[Sequence[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        points = [(round(x), round(y)) for x, y in ring]
        (x0, y0), rest = points[0], points[1:]
        steps, (px, py) = [], (x0, y0)
        for x, y in rest:
            if (x, y) != (px, py):
                steps.append(f"{x - px} {y - py}")
                px, py = x, y
        if len(steps) >= 2:
            parts.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
    return "".join(parts).replace(" -", "-")


@cache
def country_outlines() -> dict[str, str]:
    """Simplified SVG path data per lower-case ISO country code."""
    return {code: _compact_path(rings) for code, rings in country_rings().items()}


@cache
def base_map_svg() -> bytes:
    """The whole world as one SVG document: what every map on the site draws its dots over."""
    paths = "\n".join(
        f'<path class="{code}" d="{data}"/>' for code, data in sorted(country_outlines().items())
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{MAP_X:g} {MAP_Y:g} '
        f'{MAP_WIDTH:g} {MAP_HEIGHT:g}" width="{MAP_WIDTH:g}" height="{MAP_HEIGHT:g}">'
        '<g fill="#d9dde3" stroke="#ffffff" stroke-width="1" stroke-linejoin="round">\n'
        f"{paths}\n</g></svg>\n"
    ).encode()


@cache
def base_map_etag() -> str:
    return hashlib.sha256(base_map_svg()).hexdigest()[:32]


# -- places and the view ----------------------------------------------------------------------


@dataclass
class MapPlace:
    """One dot: a city, the events there, and where it lands on the canvas."""

    name: str
    country: str
    country_label: str
    latitude: float
    longitude: float
    x: float
    y: float
    events: list[LocalEvent] = field(default_factory=list)

    url: str = ""  # the page of its first event


# Dots whose centres are closer than this many dot radii overlap or nearly touch at any size
# the map is drawn (the radius grows with the view): they become one dot with a count.
GROUP_DISTANCE_IN_RADII = 2.5


@dataclass
class MapGroup:
    """Places too close to tell apart on the map, drawn as one dot with their events' count."""

    places: list[MapPlace]
    number: int  # 1, 2, ... in the map's order: the anchor of its list

    @property
    def x(self) -> float:
        return sum(p.x for p in self.places) / len(self.places)

    @property
    def y(self) -> float:
        return sum(p.y for p in self.places) / len(self.places)

    @property
    def event_count(self) -> int:
        return sum(len(p.events) for p in self.places)


@dataclass
class WorldMap:
    places: list[MapPlace]
    unplaced: list[LocalEvent]
    view_box: tuple[float, float, float, float]
    highlighted: dict[str, str]  # country code → outline, for countries taking part

    @property
    def view_box_attr(self) -> str:
        return " ".join(f"{value:.0f}" for value in self.view_box)

    @property
    def dot_radius(self) -> float:
        return max(5.0, self.view_box[2] / 70)

    @cached_property
    def dots(self) -> list[MapPlace | MapGroup]:
        """What the map draws: a place alone, or a group of places too close to tell apart."""
        clusters = _close_together(self.places, GROUP_DISTANCE_IN_RADII * self.dot_radius)
        dots: list[MapPlace | MapGroup] = []
        groups = 0
        for members in clusters:
            if len(members) == 1:
                dots.append(members[0])
            else:
                groups += 1
                dots.append(MapGroup(members, number=groups))
        return dots

    @property
    def groups(self) -> list[MapGroup]:
        return [dot for dot in self.dots if isinstance(dot, MapGroup)]

    @property
    def points(self) -> list[dict]:
        """What the optional tile map needs, as JSON."""
        return [
            {"lat": p.latitude, "lon": p.longitude, "name": f"{p.name}, {p.country_label}",
             "url": p.url}
            for p in self.places
        ]  # fmt: skip

    @property
    def image(self) -> dict[str, str]:
        """Where the base map sits on the canvas, as SVG attribute values (never localized)."""
        return {"x": f"{MAP_X:g}", "y": f"{MAP_Y:g}", "width": f"{MAP_WIDTH:g}",
                "height": f"{MAP_HEIGHT:g}"}  # fmt: skip


def build_world_map(events: Iterable[LocalEvent], *, language: str) -> WorldMap:
    """Dots for the events' places (one per city), the view cropped around them."""
    places: dict[tuple[str, str], MapPlace] = {}
    unplaced = []
    event_path = event_paths()
    for event in events:
        # A private event's dot is its city's centre (day_details): the map is public.
        coordinates = shown_coordinates(event)
        if coordinates is None:
            unplaced.append(event)
            continue
        latitude, longitude = coordinates
        key = (event.city.strip().casefold(), event.country)
        if key not in places:
            x, y = project(latitude, longitude)
            places[key] = MapPlace(
                name=display_name(event.city, event.country, language),
                country=event.country,
                country_label=country_name(event.country, language),
                latitude=latitude,
                longitude=longitude,
                x=x,
                y=y,
                url=event_path(event.pk),
            )
        places[key].events.append(event)
    ordered = sorted(places.values(), key=lambda p: (p.country_label.casefold(), p.name))
    outlines = country_outlines()
    highlighted = {
        code: outlines[code.lower()] for code in {p.country for p in ordered}
        if code.lower() in outlines
    }  # fmt: skip
    return WorldMap(
        places=ordered,
        unplaced=unplaced,
        view_box=_view_around(ordered),
        highlighted=highlighted,
    )


def _close_together(places: Sequence[MapPlace], distance: float) -> list[list[MapPlace]]:
    """Places linked by chains of neighbours closer than `distance`, in the places' order.

    A grid of `distance`-sized cells keeps this near-linear for a campaign of thousands."""
    parent = list(range(len(places)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    cells: dict[tuple[int, int], list[int]] = {}
    for i, place in enumerate(places):
        cell = (int(place.x // distance), int(place.y // distance))
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for j in cells.get((cell[0] + dx, cell[1] + dy), ()):
                    other = places[j]
                    if math.hypot(place.x - other.x, place.y - other.y) < distance:
                        parent[root(i)] = root(j)
        cells.setdefault(cell, []).append(i)
    clusters: dict[int, list[MapPlace]] = {}
    for i, place in enumerate(places):
        clusters.setdefault(root(i), []).append(place)
    return list(clusters.values())


def _view_around(places: Sequence[MapPlace]) -> tuple[float, float, float, float]:
    """A view that shows every dot with some land around it, in the map's own proportions."""
    return view_around([(p.x, p.y) for p in places])
