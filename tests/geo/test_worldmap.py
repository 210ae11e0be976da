"""The server-drawn map: the projection matches the shipped outlines; dots, crop and list."""

import re

import pytest
from django.utils import translation

from tests.factories import LocalEventFactory
from turnout.campaigns.models import LocalEvent
from turnout.geo import map_markup, worldmap

pytestmark = pytest.mark.django_db


def outline_points(code):
    path = worldmap.country_outlines()[code]
    points = []
    for ring in re.findall(r"M[^z]*z", path):
        x, y, *rest = (int(n) for n in re.findall(r"-?\d+", ring))
        points.append((x, y))
        for dx, dy in zip(rest[::2], rest[1::2], strict=True):
            x, y = x + dx, y + dy
            points.append((x, y))
    return points


@pytest.mark.parametrize(
    ("code", "latitude", "longitude", "edge"),
    [
        ("za", -34.83, 20.00, "south"),  # Cape Agulhas
        ("br", -7.15, -34.79, "east"),  # Ponta do Seixas
        ("au", -26.15, 113.16, "west"),  # Steep Point
        ("dk", 55.56, 8.07, "west"),  # Blåvandshuk
        ("cl", -17.50, -69.50, "north"),  # Chile's northern tip
    ],
)
def test_projection_puts_extreme_points_on_the_countrys_outline(code, latitude, longitude, edge):
    x, y = worldmap.project(latitude, longitude)
    points = outline_points(code)
    extreme = {
        "south": max(p[1] for p in points),
        "north": min(p[1] for p in points),
        "east": max(p[0] for p in points),
        "west": min(p[0] for p in points),
    }[edge]
    assert (y if edge in ("south", "north") else x) == pytest.approx(extreme, abs=8)


def test_base_map_holds_every_country_and_is_small():
    svg = worldmap.base_map_svg().decode()
    assert svg.startswith("<svg")
    for code in ("nl", "us", "br", "jp", "za", "au", "fj"):
        assert f'class="{code}"' in svg
    assert len(svg) < 120_000  # simplified from the 1 MB original


def test_one_dot_per_city_with_its_events_and_the_view_cropped_around_them():
    amsterdam = LocalEventFactory(city="Amsterdam", country="NL", latitude=52.37, longitude=4.90)
    second = LocalEventFactory(city="amsterdam ", country="NL", latitude=52.37, longitude=4.90)
    london = LocalEventFactory(city="London", country="GB", latitude=51.51, longitude=-0.13)
    unplaced = LocalEventFactory(city="Nowhere Town", country="FR")
    world = worldmap.build_world_map([amsterdam, second, london, unplaced], language="nl")
    assert [(p.name, len(p.events)) for p in world.places] == [("Amsterdam", 2), ("Londen", 1)]
    assert world.unplaced == [unplaced]
    assert set(world.highlighted) == {"NL", "GB"}
    left, top, width, height = world.view_box
    assert width < worldmap.MAP_WIDTH / 3  # a European close-up, not the world
    for p in world.places:
        assert left < p.x < left + width and top < p.y < top + height


def test_a_world_wide_campaign_shows_the_whole_world():
    events = [
        LocalEventFactory(city="Sydney", country="AU", latitude=-33.87, longitude=151.21),
        LocalEventFactory(city="San Francisco", country="US", latitude=37.77, longitude=-122.42),
    ]
    world = worldmap.build_world_map(events, language="en")
    assert world.view_box[2] > 0.85 * worldmap.MAP_WIDTH


def test_dots_and_place_list_link_each_place_and_count_its_events():
    amsterdam = LocalEventFactory(city="Amsterdam", country="NL", latitude=52.37, longitude=4.90)
    LocalEventFactory(city="Amsterdam", country="NL", latitude=52.37, longitude=4.90)
    odd = LocalEventFactory(city='<i>"Odd"</i>', country="GB", latitude=51.51, longitude=-0.13)
    events = list(LocalEvent.objects.order_by("pk"))
    with translation.override("nl"):
        world = worldmap.build_world_map(events, language="nl")
        dots, items = map_markup.map_dots(world), map_markup.map_place_items(world)
    assert dots.count("<circle") == 2
    assert f'<a href="/nl/events/{amsterdam.pk}/" tabindex="-1"><circle cx=' in dots
    assert "<title>Amsterdam, Nederland</title>" in dots
    assert (
        f'<li><a href="/nl/events/{amsterdam.pk}/">Amsterdam</a>, Nederland (2 evenementen)</li>'
        in items
    )
    assert f'<li><a href="/nl/events/{odd.pk}/">&lt;i&gt;&quot;Odd&quot;&lt;/i&gt;</a>' in items
    assert "<i>" not in dots + items
