"""Sharing in a real browser at phone width: the add-to-calendar links are visible before the
signup form, the page passes axe, and the JSON-LD block (data, not script) breaks no rule of
the Content-Security-Policy. The share card loads as a 1200×630 image. English and Dutch."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import CampaignFactory, LocalEventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {"heading": "Add to your calendar", "google": "Google Calendar", "ics": "Apple Calendar"},
    "nl": {"heading": "Zet het in je agenda", "google": "Google Agenda", "ics": "Apple Agenda"},
}

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def event(transactional_db):
    starts = timezone.localdate() + timedelta(days=10)
    campaign = CampaignFactory(slug="klimaat", starts_on=starts, ends_on=starts)
    return LocalEventFactory(
        campaign=campaign, title="Klimaatmars </script> & co", venue="Museumplein",
        description="Samen lopen.",
    )  # fmt: skip


@pytest.mark.parametrize("language", ["en", "nl"])
def test_add_to_calendar_at_phone_width(
    live_server, page, event, screenshot, assert_accessible, language
):
    console: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(f"{live_server.url}/{language}/events/{event.pk}/")
    words = WORDS[language]
    section = page.get_by_role("region", name=words["heading"])
    expect(section).to_be_visible()
    google = section.get_by_role("link", name=words["google"])
    expect(google).to_be_visible()
    assert google.get_attribute("href").startswith("https://calendar.google.com/")
    assert "noopener" in google.get_attribute("rel")
    expect(section.get_by_role("link", name="Outlook")).to_be_visible()
    expect(section.get_by_role("link", name=words["ics"])).to_be_visible()
    # Before signing up: the links come before the signup form.
    links_top = section.bounding_box()["y"]
    email = page.locator("input[name=email]")
    if email.count():
        assert links_top < email.bounding_box()["y"]
    # Nothing wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    data = page.evaluate(
        "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)"
    )
    assert data["@type"] == "Event" and data["name"] == "Klimaatmars </script> & co"
    screenshot(f"event-{language}")
    assert_accessible()
    assert page.evaluate("window.__cspViolations") == [] and console == []


def test_the_share_card_loads_as_an_image(live_server, page, event):
    page.goto(f"{live_server.url}/nl/events/{event.pk}/")
    card = page.locator('meta[property="og:image"]').get_attribute("content")
    path = card.split("://", 1)[1].split("/", 1)[1]
    page.goto(f"{live_server.url}/{path}")
    size = page.evaluate("[document.images[0].naturalWidth, document.images[0].naturalHeight]")
    assert size == [1200, 630]
