"""A coordinator gives a campaign its hero image in a real browser; the campaign page shows it
at desktop and phone widths without sideways scrolling, checked by axe, kept as screenshots."""

import pytest
from playwright.sync_api import expect

from tests.covers.images import banner
from tests.factories import LocalEventFactory, UserFactory

from .sessions import fits_the_screen, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALT = "Hundreds of people with yellow placards on a square in Utrecht"


def test_a_coordinator_uploads_a_hero_and_the_campaign_page_shows_it(
    live_server, page, screenshot, assert_accessible
):
    event = LocalEventFactory(city="Utrecht")
    campaign = event.campaign
    coordinator = UserFactory(name="Mirjam Bakker")
    campaign.coordinators.add(coordinator)
    sign_in(page, live_server, coordinator)

    page.goto(f"{live_server.url}/en/dashboard/campaigns/{campaign.slug}/")
    page.get_by_role("link", name="Add a hero image").click()
    image = {"name": "neude.jpg", "mimeType": "image/jpeg", "buffer": banner(fmt="JPEG")}
    page.locator("#id_image").set_input_files(image)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("it is required")).to_be_visible()  # no alt text: refused, said why

    page.locator("#id_image").set_input_files(image)
    page.get_by_label("Description (alt text)").fill(ALT)
    page.locator("#id_credit").fill("Joost")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The image is saved.")).to_be_visible()
    assert_accessible()
    screenshot("cover-page")

    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/en/campaigns/{campaign.slug}/")
        hero = page.locator("figure.cover-hero img")
        assert hero.get_attribute("alt") == ALT
        assert hero.evaluate("img => img.complete && img.naturalWidth > 0")
        chosen = hero.evaluate("img => img.currentSrc")
        assert "/covers/" in chosen and chosen.endswith((".avif", ".webp"))
        box = hero.bounding_box()
        assert (
            box and 0 < box["width"] <= width and box["y"] < page.locator("h1").bounding_box()["y"]
        )
        assert fits_the_screen(page), width
        assert_accessible()
        screenshot(f"campaign-{width}")
