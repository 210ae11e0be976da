"""Overlapping dots (Europe on a world map) become one dot with a count, which links to a
list of those places below the map: reachable without JavaScript, with the keyboard."""

import re

import pytest
from django.utils import translation

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.models import LocalEvent
from turnout.geo import map_markup, worldmap

pytestmark = pytest.mark.django_db

PLACES = {
    "Amsterdam": ("NL", 52.37, 4.90),
    "Utrecht": ("NL", 52.09, 5.12),
    "Brussels": ("BE", 50.85, 4.35),
    "Cologne": ("DE", 50.94, 6.96),
    "Sydney": ("AU", -33.87, 151.21),
    "New York": ("US", 40.71, -74.01),
}


def events_in(*cities, campaign=None):
    campaign = campaign or CampaignFactory()
    for city in cities:
        country, latitude, longitude = PLACES[city]
        LocalEventFactory(
            campaign=campaign, city=city, country=country, latitude=latitude, longitude=longitude
        )
    LocalEventFactory(
        campaign=campaign, city="Amsterdam", country="NL", latitude=52.37, longitude=4.90
    )  # fmt: skip  -- a second event in Amsterdam
    return campaign


def test_nearby_places_on_a_world_map_are_one_dot_with_their_events_count():
    campaign = events_in("Amsterdam", "Utrecht", "Brussels", "Cologne", "Sydney", "New York")
    world = worldmap.build_world_map(LocalEvent.objects.filter(campaign=campaign), language="en")
    [group] = world.groups
    assert {p.name for p in group.places} == {"Amsterdam", "Utrecht", "Brussels", "Cologne"}
    assert group.event_count == 5  # two in Amsterdam
    singles = [dot for dot in world.dots if isinstance(dot, worldmap.MapPlace)]
    assert len(singles) == 2 and "Sydney" in {p.name for p in singles}


def test_places_far_apart_keep_their_own_dots():
    campaign = CampaignFactory()
    for city in ("Sydney", "New York"):
        country, latitude, longitude = PLACES[city]
        LocalEventFactory(
            campaign=campaign, city=city, country=country, latitude=latitude, longitude=longitude
        )
    world = worldmap.build_world_map(LocalEvent.objects.filter(campaign=campaign), language="en")
    assert world.groups == [] and len(world.dots) == 2


def test_the_group_dot_links_to_its_list_which_links_every_place():
    campaign = events_in("Amsterdam", "Utrecht", "Brussels", "Cologne", "Sydney", "New York")
    with translation.override("nl"):
        world = worldmap.build_world_map(
            LocalEvent.objects.filter(campaign=campaign), language="nl"
        )
        dots = map_markup.map_dots(world, "campaign-map")
        groups = map_markup.map_group_items(world, "campaign-map")
    assert re.search(r'<a href="#campaign-map-group-1"[^>]*>.*?>5</text>', dots)
    assert len(re.findall(r"<circle ", dots)) == 3
    assert 'id="campaign-map-group-1"' in groups
    assert "5 evenementen dicht bij elkaar op de kaart" in groups
    assert len(re.findall(r'<a href="/nl/events/\d+/">', groups)) == 4
    assert "Keulen" in groups and "Brussel" in groups and "(2 evenementen)" in groups


def test_the_campaign_page_shows_the_group_and_its_list_without_javascript(client):
    campaign = events_in("Amsterdam", "Utrecht", "Brussels", "Sydney", campaign=CampaignFactory())
    html = client.get(f"/en/campaigns/{campaign.slug}/").content.decode()
    anchors = re.findall(r'href="#([\w-]+-group-1)"', html)
    assert anchors and f'id="{anchors[0]}"' in html
    assert "4 events close together on the map" in html
