"""The small world map on a share card: country outlines in a muted colour drawn from the
brand's, and a dot per city with events, as on the campaign page's map (drawn with Pillow).

Only what the public may know: a dot is a city's, never a private meeting point (a private
event's coordinates are its city's centre, `campaigns.day_details.shown_coordinates`), and
coordinates are rounded to about a kilometre before they reach a card or its cache key.
"""

from collections.abc import Iterable, Sequence
from functools import cache

from PIL import Image, ImageDraw

from turnout.campaigns.day_details import shown_coordinates
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.places.world_outline import MAP_HEIGHT, MAP_WIDTH, country_rings, project, view_around

from .brand import Brand

# The box on the card, in pixels, in the world map's own proportions.
BOX_WIDTH = 460
BOX_HEIGHT = round(BOX_WIDTH * MAP_HEIGHT / MAP_WIDTH)
# A card is small: one city shows its part of the continent, not its street.
MIN_VIEW_WIDTH = 700.0
DOT_RADIUS = 7
SUPERSAMPLE = 3  # drawn larger, then reduced: smooth coasts and dots without blur
COORDINATE_DECIMALS = 2

Dot = tuple[float, float]  # latitude, longitude


def city_dots(events: Iterable[LocalEvent]) -> tuple[Dot, ...]:
    """One dot per city with events (online events have none), in a stable order."""
    dots: dict[tuple[str, str], Dot] = {}
    for event in events:
        coordinates = shown_coordinates(event)
        if coordinates is None:
            continue
        key = (event.city.strip().casefold(), event.country)
        latitude, longitude = coordinates
        dots.setdefault(
            key, (round(latitude, COORDINATE_DECIMALS), round(longitude, COORDINATE_DECIMALS))
        )
    return tuple(sorted(dots.values()))


def campaign_dots(campaign: Campaign) -> tuple[Dot, ...]:
    """The cities taking part in `campaign`, as its reach counts them."""
    events = (
        campaign.events.filter(status__in=LocalEvent.TAKING_PART_STATUSES)
        .exclude(attendance_mode=LocalEvent.AttendanceMode.ONLINE)
        .only("city", "country", "public_latitude", "public_longitude", "attendance_mode")
        .order_by()
    )
    return city_dots(events)


def event_dots(event: LocalEvent) -> tuple[Dot, ...]:
    return city_dots([event])


def mix(colour: str, other: str, share: float) -> tuple[int, int, int]:
    """`colour` with `share` (0 to 1) of `other` blended in; both "#rrggbb"."""
    (r, g, b), (r2, g2, b2) = _rgb(colour), _rgb(other)
    return (
        round(r + (r2 - r) * share),
        round(g + (g2 - g) * share),
        round(b + (b2 - b) * share),
    )


def draw_map(dots: Sequence[Dot], brand: Brand) -> Image.Image:
    """A BOX_WIDTH × BOX_HEIGHT map around `dots` in the brand's colours (RGBA: the corners
    outside its rounded box are transparent)."""
    scale_up = SUPERSAMPLE
    size = (BOX_WIDTH * scale_up, BOX_HEIGHT * scale_up)
    sea = mix(brand.background, brand.text, 0.10)
    land = mix(brand.background, brand.text, 0.35)
    image = Image.new("RGBA", size, sea)
    draw = ImageDraw.Draw(image)

    points = [project(latitude, longitude) for latitude, longitude in dots]
    left, top, width, height = view_around(points, min_width=MIN_VIEW_WIDTH)
    scale = size[0] / width
    right, bottom = left + width, top + height
    for (x0, y0, x1, y1), ring in _rings_with_bounds():
        if x1 < left or x0 > right or y1 < top or y0 > bottom:
            continue  # off the view
        draw.polygon(
            [((x - left) * scale, (y - top) * scale) for x, y in ring],
            fill=land,
            outline=sea,
            width=scale_up,
        )
    radius = DOT_RADIUS * scale_up
    for x, y in points:
        cx, cy = (x - left) * scale, (y - top) * scale
        draw.ellipse(
            (cx - radius, cy - radius, cx + radius, cy + radius),
            fill=brand.accent,
            outline=brand.text,
            width=2 * scale_up,
        )
    corners = Image.new("L", size, 0)
    ImageDraw.Draw(corners).rounded_rectangle(
        (0, 0, size[0] - 1, size[1] - 1), radius=14 * scale_up, fill=255
    )
    image.putalpha(corners)
    return image.resize((BOX_WIDTH, BOX_HEIGHT), Image.Resampling.LANCZOS)


@cache
def _rings_with_bounds() -> tuple[tuple[tuple[float, float, float, float], tuple], ...]:
    """Every country's outlines with their bounding boxes, to skip those off the view."""
    return tuple(
        ((min(x for x, _ in ring), min(y for _, y in ring),
          max(x for x, _ in ring), max(y for _, y in ring)), ring)
        for rings in country_rings().values()
        for ring in rings
    )  # fmt: skip


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
