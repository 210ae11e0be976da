"""A visitor's journey through the demo in a real browser, with an accessibility check."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from turnout.demo.loading import load_demo_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    return load_demo_data(today=timezone.localdate())


def test_visitor_opens_campaign_follows_an_event_and_switches_language(
    live_server, page, demo, screenshot, assert_accessible
):
    page.goto(f"{live_server.url}/en/")
    expect(page.get_by_role("heading", name="Upcoming actions")).to_be_visible()
    assert_accessible()
    screenshot("home")

    page.goto(f"{live_server.url}/en/campaigns/2024-november/")
    expect(page.get_by_text("20–22 November 2024")).to_be_visible()
    expect(page.get_by_text("11 cities in 9 countries")).to_be_visible()
    expect(page.get_by_role("heading", name="Switzerland")).to_be_visible()
    assert_accessible()
    screenshot("campaign")

    page.locator(".event-list").get_by_role("link", name="Zürich", exact=True).click()
    page.wait_for_url("**/en/events/*/")
    expect(page.get_by_role("heading", name="Protest in Zürich")).to_be_visible()
    expect(page.get_by_text("Zürich, Switzerland")).to_be_visible()
    expect(page.get_by_text("Thursday, 21 November 2024")).to_be_visible()
    assert_accessible()

    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_url("**/nl/events/*/")
    assert page.locator("html").get_attribute("lang") == "nl"
    expect(page.get_by_text("Zürich, Zwitserland")).to_be_visible()
    expect(page.get_by_text("donderdag 21 november 2024")).to_be_visible()
    assert_accessible()
    screenshot("event-nl")


def test_upcoming_campaign_invites_visitors_to_organize(live_server, page, demo, assert_accessible):
    page.goto(f"{live_server.url}/nl/campaigns/action-weekend/")
    expect(page.get_by_role("heading", name="Organiseer in jouw regio")).to_be_visible()
    expect(page.get_by_text("Details volgen").first).to_be_visible()
    expect(page.get_by_role("link", name="Doe mee op Discord")).to_be_visible()
    assert_accessible()


def test_archive_and_missing_page_are_accessible(live_server, page, demo, assert_accessible):
    page.goto(f"{live_server.url}/en/archive/")
    expect(page.get_by_role("heading", name="2024")).to_be_visible()
    assert_accessible()
    response = page.goto(f"{live_server.url}/nl/campaigns/bestaat-niet/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Pagina niet gevonden")).to_be_visible()
    assert_accessible()
