"""An imported protest page, as a visitor sees it: its cities, press and gated embed."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIXTURE = Path(__file__).resolve().parents[1] / "importers" / "fixtures" / "2024-november-de.md"


def test_an_imported_german_page_shows_its_cities_and_a_consent_gated_post(
    live_server, page, screenshot, assert_accessible
):
    call_command("import", "markdown", str(FIXTURE), stdout=io.StringIO(), stderr=io.StringIO())
    page.goto(f"{live_server.url}/en/campaigns/2024-november-de/")
    expect(page.get_by_text("20–22 November 2024").first).to_be_visible()
    expect(page.get_by_text("6 cities in 5 countries")).to_be_visible()
    expect(page.get_by_role("heading", name="Congo - Kinshasa")).to_be_visible()
    expect(page.get_by_text("Der Spiegel").first).to_be_visible()
    # The post is a plain link behind a consent gate: nothing was loaded from X (the `page`
    # fixture fails the test on any request to another host).
    assert page.locator('a[href="https://twitter.com/PauseAI/status/1859999999999999999"]').count()
    assert_accessible()
    screenshot("imported-campaign")
