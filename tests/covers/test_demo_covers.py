"""The demo's drawn covers: a hero and two event images, set once, described in English."""

import pytest
from django.utils.html import escape

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.covers.models import CoverImage
from turnout.demo.covers import EVENT_SCENES, HERO, load_demo_covers

pytestmark = pytest.mark.django_db


def test_the_demo_gives_the_campaign_a_hero_and_two_events_an_image(client):
    campaign = CampaignFactory(slug="action-weekend")
    coordinator = UserFactory()
    campaign.coordinators.add(coordinator)
    for city in ("Utrecht", "Berlin", "Amsterdam"):
        LocalEventFactory(campaign=campaign, city=city)
    load_demo_covers(campaign, coordinator=coordinator)
    covers = {c.event.city if c.event else "hero": c for c in CoverImage.objects.all()}
    assert set(covers) == {"hero", "Utrecht", "Berlin"}
    assert covers["hero"].alt_text == HERO.alt_text
    assert covers["Utrecht"].alt_text == EVENT_SCENES["Utrecht"].alt_text
    assert (covers["hero"].width, covers["hero"].height) == (1600, 900)
    keys = {c.key for c in covers.values()}
    load_demo_covers(campaign, coordinator=coordinator)  # loading again changes nothing
    assert {c.key for c in CoverImage.objects.all()} == keys
    page = client.get("/en/campaigns/action-weekend/").content.decode()
    assert f'alt="{escape(HERO.alt_text)}"' in page
