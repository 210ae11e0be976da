"""The map on a share card: a dot per city where events are, only in its box, never a private
meeting point; a new card when the cities change, drawn once per card."""

import dataclasses
import io
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageColor

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.models import LocalEvent
from turnout.places.gazetteer import resolve_city
from turnout.sharing import card_map, cards
from turnout.sharing.brand import current_brand

pytestmark = pytest.mark.django_db

MAP_BOX = (
    cards.MAP_LEFT,
    cards.MAP_TOP,
    cards.MAP_LEFT + card_map.BOX_WIDTH,
    cards.MAP_TOP + card_map.BOX_HEIGHT,
)
BRAND = cards.Brand(
    name="Klimaatbeweging", background="#0b5cad", accent="#b45309", text="#ffffff", version="t"
)


def card_image(client, address: str) -> Image.Image:
    response = client.get(address)
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (1200, 630)
    return image.convert("RGB")


def campaign_in(*places: tuple[str, str, float, float]):
    campaign = CampaignFactory(title="Dag van actie")
    for city, country, latitude, longitude in places:
        LocalEventFactory(
            campaign=campaign, city=city, country=country, latitude=latitude, longitude=longitude
        )
    return campaign


def outside_the_box(image: Image.Image) -> Image.Image:
    image = image.copy()
    image.paste((0, 0, 0), MAP_BOX)
    return image


def test_the_map_box_shows_where_the_cities_are(client):
    europe = campaign_in(("Amsterdam", "NL", 52.37, 4.89), ("Berlin", "DE", 52.52, 13.40))
    south_america = campaign_in(
        ("São Paulo", "BR", -23.55, -46.63), ("Buenos Aires", "AR", -34.60, -58.38)
    )
    first = card_image(client, f"/nl/cards/campaigns/{europe.slug}.png")
    second = card_image(client, f"/nl/cards/campaigns/{south_america.slug}.png")
    # The same title, dates and "2 steden in 2 landen": only the map tells them apart.
    assert ImageChops.difference(outside_the_box(first), outside_the_box(second)).getbbox() is None
    changed = ImageChops.difference(first.crop(MAP_BOX), second.crop(MAP_BOX)).getbbox()
    assert changed is not None
    width, height = changed[2] - changed[0], changed[3] - changed[1]
    assert width > card_map.BOX_WIDTH / 2 and height > card_map.BOX_HEIGHT / 2  # not a dot


def test_a_campaign_without_cities_draws_no_map(client):
    # Short titles: without a map the title may use the whole width, the box's too.
    empty = CampaignFactory(title="Vigil")
    online = CampaignFactory(title="Call-in")
    LocalEventFactory(
        campaign=online, attendance_mode=LocalEvent.AttendanceMode.ONLINE, city="", country=""
    )
    for campaign in (empty, online):
        box = card_image(client, f"/en/cards/campaigns/{campaign.slug}.png").crop(MAP_BOX)
        background = ImageColor.getrgb(current_brand().background)
        assert box.getcolors() == [(card_map.BOX_WIDTH * card_map.BOX_HEIGHT, background)]


def test_a_private_event_card_knows_its_city_and_nothing_closer(client):
    event = LocalEventFactory(
        city="Utrecht", country="NL", latitude=52.0841, longitude=5.1326, location_is_private=True
    )
    utrecht = resolve_city("Utrecht", country="NL")
    assert card_map.event_dots(event) == (
        (round(utrecht.latitude, 2), round(utrecht.longitude, 2)),
    )
    before = client.get(f"/nl/cards/events/{event.pk}.png")
    event.latitude, event.longitude = 52.1003, 5.0712  # the other side of town
    event.save()
    after = client.get(f"/nl/cards/events/{event.pk}.png")
    assert before["ETag"] != after["ETag"]  # an edit draws anew...
    assert before.content == after.content  # ...the same card


def test_the_campaign_card_changes_when_its_cities_do_and_is_drawn_once(client, monkeypatch):
    campaign = campaign_in(("Amsterdam", "NL", 52.37, 4.89), ("Berlin", "DE", 52.52, 13.40))
    drawn = []
    original = card_map.draw_map
    monkeypatch.setattr(card_map, "draw_map", lambda *a: drawn.append(a) or original(*a))
    address = f"/en/cards/campaigns/{campaign.slug}.png"
    first = client.get(address)
    assert client.get(address)["ETag"] == first["ETag"]
    assert len(drawn) == 1
    berlin = campaign.events.get(city="Berlin")
    berlin.city, berlin.latitude, berlin.longitude = "München", 48.14, 11.58
    berlin.save()  # still "2 cities in 2 countries", the campaign itself unchanged
    moved = client.get(address)
    assert moved["ETag"] != first["ETag"] and moved.content != first.content
    assert len(drawn) == 2


def test_a_cover_image_wins_over_the_map():
    photo = io.BytesIO()
    Image.new("RGB", (1600, 900), (40, 120, 60)).save(photo, format="JPEG")
    text = cards.CardText(title="Dag van actie", when="13 mei", detail="2 steden in 2 landen")
    with_cities = dataclasses.replace(text, dots=((52.37, 4.89), (52.52, 13.40)))
    assert cards.draw_card(with_cities, BRAND) != cards.draw_card(text, BRAND)
    cover = photo.getvalue()
    assert cards.draw_card(with_cities, BRAND, cover) == cards.draw_card(text, BRAND, cover)


def test_a_thousand_cities_draw_in_reasonable_time():
    dots = tuple((-60 + (i % 120), -170 + (i * 7) % 340) for i in range(1000))
    card_map.draw_map(dots[:1], BRAND)  # the outlines load once per process
    started = time.process_time()
    png = cards.draw_card(
        cards.CardText(title="Wereldwijd", when="13 mei", detail="", dots=dots), BRAND
    )
    assert time.process_time() - started < 3
    assert Image.open(io.BytesIO(png)).size == (1200, 630)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    dots=st.lists(
        st.tuples(
            st.floats(min_value=-90, max_value=90, allow_nan=False),
            st.floats(min_value=-180, max_value=180, allow_nan=False),
        ),
        max_size=30,
    )
)
def test_any_places_on_earth_draw_a_map_in_its_box(dots):
    image = card_map.draw_map(tuple(dots), BRAND)
    assert image.size == (card_map.BOX_WIDTH, card_map.BOX_HEIGHT)
