"""The demo's brand in a real browser: home, campaign and event pages in English and Dutch, at
desktop and phone widths, each checked by axe and kept as a screenshot."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from turnout.campaigns.models import LocalEvent
from turnout.demo.loading import load_demo_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 390)
FOOTERS = {
    "en": "Safe AI Together is a network of local volunteer groups.",
    "nl": "Safe AI Together is een netwerk van lokale vrijwilligersgroepen.",
}


@pytest.fixture
def demo(transactional_db):
    return load_demo_data(today=timezone.localdate())


def _assert_branded(page, language: str) -> None:
    header = page.locator(".site-header")
    assert header.locator(".brand").inner_text().startswith("Safe AI Together")
    logo = header.locator("img.brand-logo")
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
    stripe = header.evaluate("el => getComputedStyle(el).borderTopColor")
    assert stripe == "rgb(194, 65, 12)"  # the demo's accent colour, from /brand.css
    link_colour = page.locator("main a").first.evaluate("el => getComputedStyle(el).color")
    assert link_colour == "rgb(29, 78, 216)"  # the demo's brand colour
    expect(page.get_by_text(FOOTERS[language])).to_be_visible()
    assert page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("language", ["en", "nl"])
def test_branded_pages_in_both_languages_at_desktop_and_phone_widths(
    live_server, page, demo, screenshot, assert_accessible, language
):
    event = LocalEvent.objects.get(campaign__slug="2024-november", city="Zürich")
    pages = {
        "home": f"/{language}/",
        "campaign": f"/{language}/campaigns/2024-november/",
        "event": event.get_absolute_url().replace("/en/", f"/{language}/", 1),
    }
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in pages.items():
            page.goto(f"{live_server.url}{path}")
            _assert_branded(page, language)
            assert "Safe AI Together" in page.title()
            assert_accessible()
            screenshot(f"{name}-{language}-{width}")


def test_the_favicon_and_the_admin_header_carry_the_brand(live_server, page, demo):
    response = page.request.get(f"{live_server.url}/favicon.ico")
    assert response.status == 200 and response.headers["content-type"] == "image/x-icon"
    page.goto(f"{live_server.url}/admin/login/")
    assert page.locator("#site-name").inner_text() == "Safe AI Together administration"
