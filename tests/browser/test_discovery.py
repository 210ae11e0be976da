"""A visitor finds the action nearest to them, on the map and in a list, in a real browser."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from turnout.demo.loading import load_demo_data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    return load_demo_data(today=timezone.localdate())


def test_visitor_searches_near_a_dutch_city_name_and_remembers_it(
    live_server, page, demo, screenshot, assert_accessible
):
    page.goto(f"{live_server.url}/nl/")
    page.get_by_role("link", name="Alle evenementen, met een kaart en zoeken op plaats").click()
    page.wait_for_url("**/nl/events/")
    expect(page.get_by_role("heading", name="Komende evenementen")).to_be_visible()
    map_image = page.locator(".world-map-canvas svg")
    expect(map_image).to_be_visible()
    # Europe's cities share one dot with a count; Toronto and Melbourne have their own.
    assert page.locator(".world-map-dots circle").count() >= 3
    assert page.locator(".world-map-dots a.world-map-group").count() >= 1
    assert_accessible()

    page.get_by_label("In de buurt van").fill("Londen")
    page.get_by_label("Binnen").select_option("500")
    page.get_by_role("button", name="Toon evenementen").click()
    page.wait_for_url("**near=Londen**")
    expect(
        page.get_by_text("Evenementen binnen 500 km van Londen, Verenigd Koninkrijk")
    ).to_be_visible()
    rows = page.locator("#events-list ~ .event-list > li")
    assert rows.first.locator(".event-distance").inner_text().endswith("km")
    assert_accessible()
    screenshot("near-londen")

    page.get_by_role("button", name="Toon het volgende evenement bij Londen").click()
    page.wait_for_url("**/nl/events/?near=Londen**")
    page.goto(f"{live_server.url}/nl/")
    banner = page.get_by_role("complementary", name="In de buurt van Londen")
    expect(banner).to_be_visible()
    expect(banner.get_by_role("link").first).to_be_visible()
    assert_accessible()
    banner.get_by_role("button", name="Vergeet mijn stad").click()
    expect(
        page.get_by_role("heading", name="Vind een evenement bij jou in de buurt")
    ).to_be_visible()


def test_campaign_map_draws_a_dot_per_city_that_links_to_its_event(
    live_server, page, demo, screenshot, assert_accessible
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/en/campaigns/2024-november/")
    figure = page.locator("figure.world-map")
    figure.scroll_into_view_if_needed()
    expect(figure.get_by_text("11 places on the map")).to_be_visible()
    # Places too close to tell apart (London, Oxford, Paris, ...) share a dot with a count.
    dots = figure.locator(".world-map-dots > a")
    assert figure.locator("circle").count() == dots.count() < 11
    # The base map is drawn from the shipped outlines, served by this site.
    image_loaded = page.evaluate(
        "() => fetch(document.querySelector('.world-map image').getAttribute('href'))"
        ".then(r => r.ok && r.headers.get('content-type'))"
    )
    assert image_loaded == "image/svg+xml"
    assert_accessible()
    screenshot("campaign-map")
    figure.get_by_role("link", name="Zürich").first.click()
    page.wait_for_url("**/en/events/*/")
    expect(page.get_by_role("heading", name="Protest in Zürich")).to_be_visible()
    page.go_back()
    group = page.locator(".world-map-dots a.world-map-group").first
    group.click()
    page.wait_for_url("**#campaign-map-group-1")
    listed = figure.locator("#campaign-map-group-1")
    assert listed.is_visible() and "close together on the map" in listed.inner_text()
    listed.get_by_role("link").first.focus()  # the group's places, by keyboard too
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/events/*/")
    page.go_back()
    page.locator(".world-map-dots > a:not(.world-map-group)").first.click()
    page.wait_for_url("**/en/events/*/")


def test_embedded_widget_is_accessible_in_the_chosen_language(
    live_server, page, demo, assert_accessible
):
    page.goto(f"{live_server.url}/embed/campaigns/action-weekend/?lang=nl")
    assert page.locator("html").get_attribute("lang") == "nl"
    expect(page.get_by_role("heading", name="Internationaal actieweekend")).to_be_visible()
    assert_accessible()
