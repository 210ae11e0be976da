"""Share cards: PNG, 1200×630, small enough for every crawler, one per language, redrawn
after an edit, never for a draft, and hostile titles draw without failing."""

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.sharing import cards
from turnout.sharing.brand import current_brand

pytestmark = pytest.mark.django_db
MAX_BYTES = 300_000


def assert_card(response) -> Image.Image:
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert len(response.content) < MAX_BYTES
    assert "max-age" in response["Cache-Control"] and response["ETag"]
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG"
    assert image.size == (1200, 630)
    return image


def test_campaign_card_is_a_png_of_the_right_size_per_language(client):
    campaign = CampaignFactory(slug="klimaat", title="Klimaatdag")
    LocalEventFactory(campaign=campaign, city="Utrecht")
    LocalEventFactory(campaign=campaign, city="Gent", country="BE", timezone="Europe/Brussels")
    english = client.get("/en/cards/campaigns/klimaat.png")
    dutch = client.get("/nl/cards/campaigns/klimaat.png")
    assert_card(english)
    assert_card(dutch)
    assert english.content != dutch.content  # "2 cities in 2 countries", "2 steden in 2 landen"
    assert cards.campaign_text(campaign, "nl").detail == "2 steden in 2 landen"


def test_event_card_changes_after_an_edit(client):
    event = LocalEventFactory(title="Klimaatmars")
    before = client.get(f"/en/cards/events/{event.pk}.png")
    assert_card(before)
    event.title = "Klimaatmars: nieuwe route"
    event.save()
    after = client.get(f"/en/cards/events/{event.pk}.png")
    assert_card(after)
    assert before.content != after.content
    assert before["ETag"] != after["ETag"]


def test_an_unchanged_card_answers_not_modified(client):
    event = LocalEventFactory()
    first = client.get(f"/en/cards/events/{event.pk}.png")
    again = client.get(f"/en/cards/events/{event.pk}.png", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304


def test_drafts_and_unpublished_events_have_no_card(client):
    draft = CampaignFactory(slug="secret", status=Campaign.Status.DRAFT)
    proposed = LocalEventFactory(status=LocalEvent.Status.PROPOSED)
    in_draft = LocalEventFactory(campaign=draft)
    assert client.get("/en/cards/campaigns/secret.png").status_code == 404
    assert client.get(f"/en/cards/events/{proposed.pk}.png").status_code == 404
    assert client.get(f"/en/cards/events/{in_draft.pk}.png").status_code == 404
    assert client.get("/en/cards/campaigns/nothing.png").status_code == 404


def test_a_private_meeting_point_is_never_drawn():
    event = LocalEventFactory(
        venue="Museumplein", address="Van Baerlestraat 31", meeting_point="Blauwe container",
        location_is_private=True,
    )  # fmt: skip
    text = cards.event_text(event, "nl")
    assert "Baerlestraat" not in repr(text) and "container" not in repr(text)
    assert text.detail.startswith("Amsterdam, Nederland · 13:00")


def test_an_online_event_card_says_online(client):
    event = LocalEventFactory(attendance_mode=LocalEvent.AttendanceMode.ONLINE, city="", country="")
    assert cards.event_text(event, "nl").detail.startswith("Online ·")
    assert_card(client.get(f"/nl/cards/events/{event.pk}.png"))


@pytest.mark.parametrize(
    "title",
    [
        "مظاهرة من أجل المناخ في القاهرة",  # right to left
        "Марш за климат — Πορεία για το κλίμα 🌍🔥✊🏾",
        "W" * 200,
        " ".join(["Klimaatrechtvaardigheidsdemonstratie"] * 8),
        "\u202e\u200f\ufeff zero\u200bwidth",
    ],
)
def test_hostile_titles_draw(client, title):
    event = LocalEventFactory(title=title[:200])
    assert_card(client.get(f"/en/cards/events/{event.pk}.png"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(min_size=1, max_size=200), detail=st.text(max_size=120))
def test_any_text_draws_a_card(title, detail):
    png = cards.draw_card(cards.CardText(title=title, when="13 mei 2030", detail=detail), BRAND)
    image = Image.open(io.BytesIO(png))
    assert image.size == (1200, 630) and len(png) < MAX_BYTES


BRAND = cards.Brand(
    name="Klimaatbeweging", background="#0b5cad", accent="#b45309", text="#ffffff", version="t"
)


def test_the_brand_comes_from_one_place():
    brand = current_brand()
    assert brand.name and brand.background.startswith("#") and brand.text.startswith("#")


def test_a_new_brand_colour_draws_a_new_card(client):
    from turnout.branding.models import SiteSettings

    event = LocalEventFactory()
    before = client.get(f"/en/cards/events/{event.pk}.png")
    site = SiteSettings.current()
    site.name = "Klimaatbeweging"
    site.brand_colour = "#14532d"
    site.save()
    after = client.get(f"/en/cards/events/{event.pk}.png")
    assert_card(after)
    assert before.content != after.content
    pixel = Image.open(io.BytesIO(after.content)).convert("RGB").getpixel((600, 600))
    assert pixel == (0x14, 0x53, 0x2D)
    assert current_brand().name == "Klimaatbeweging"
