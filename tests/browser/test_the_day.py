"""The day in a real browser at phone width: accessibility checkboxes on the events index
(no script needed), a private event's public page, and the participant's own page with the
exact place. In English and Dutch."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import CampaignFactory, LocalEventFactory
from tests.signups.factories import SignupFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "step_free": "Step-free access",
        "show": "Show events",
        "shared": "Exact meeting point shared with confirmed participants",
        "yes": "Step-free access: yes",
        "point": "Meeting point",
    },
    "nl": {
        "step_free": "Drempelvrije toegang",
        "show": "Toon evenementen",
        "shared": "Het precieze verzamelpunt krijgen alleen bevestigde deelnemers",
        "yes": "Drempelvrije toegang: ja",
        "point": "Verzamelpunt",
    },
}


@pytest.fixture
def day(transactional_db):
    starts = timezone.localdate() + timedelta(days=10)
    campaign = CampaignFactory(slug="klimaat", starts_on=starts, ends_on=starts)
    private = LocalEventFactory(
        campaign=campaign, title="Klimaatmars", venue="Museumplein",
        address="Van Baerlestraat 31", location_is_private=True,
        meeting_point="Achter de blauwe container", step_free_access=True,
        private_instructions="Neem **water** mee.",
    )  # fmt: skip
    LocalEventFactory(campaign=campaign, title="Stairs vigil", city="Utrecht")
    return private


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_day_at_phone_width(live_server, page, day, screenshot, assert_accessible, language):
    words = WORDS[language]
    page.goto(f"{live_server.url}/{language}/events/")
    expect(page.get_by_text("Stairs vigil")).to_be_visible()
    box = page.get_by_label(words["step_free"])
    assert box.bounding_box()["width"] < 40  # a checkbox, not a full-width field
    box.check()
    page.get_by_role("button", name=words["show"]).click()
    page.wait_for_url("**step_free_access=on**")
    assert page.get_by_label(words["step_free"]).is_checked()
    expect(page.get_by_text("Klimaatmars").first).to_be_visible()
    assert page.get_by_text("Stairs vigil").count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible()
    screenshot(f"events-step-free-{language}")

    page.goto(f"{live_server.url}/{language}/events/{day.pk}/")
    expect(page.get_by_text(words["shared"])).to_be_visible()
    expect(page.get_by_text(words["yes"])).to_be_visible()
    assert "Van Baerlestraat" not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible()

    # A long address (as the factory's counter gives late in a run) must not widen the page.
    signup = SignupFactory(
        event=day, language=language, email="participant.with.a.long.address.2718@example.org"
    )
    page.goto(f"{live_server.url}/{language}/signups/{signup.token}/")
    expect(page.get_by_text("Achter de blauwe container")).to_be_visible()
    expect(page.get_by_text("Van Baerlestraat 31")).to_be_visible()
    expect(page.locator("strong", has_text="water")).to_be_visible()
    expect(page.get_by_text(words["point"], exact=True)).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible()
    screenshot(f"manage-exact-place-{language}")
