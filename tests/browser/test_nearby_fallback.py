"""Where nobody is organizing yet, in a real browser at phone width: a search from the home
page that finds nothing near Zurich shows the nearest events with their distances and a
national march promoted that far, keeps the radius it used, and "Host one here" opens the
proposal form with the city filled in. In English and Dutch."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import CampaignFactory, LocalEventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "search": "Search",
        "nothing": "Nothing within 100 km of Zürich, Switzerland yet. The nearest events:",
        "nothing_25": "Nothing within 25 km of Zürich, Switzerland yet.",
        "promoted": "Further away: promoted for people within 500 km",
        "within": "Within",
        "show": "Show events",
        "host": "Host one here",
        "nobody": "Nobody is organizing near Zürich, Switzerland yet",
        "milan": "Milan, Italy",
        "city": "Zürich, Switzerland",
    },
    "nl": {
        "search": "Zoeken",
        "nothing": (
            "Nog niets binnen 100 km van Zürich, Zwitserland. De dichtstbijzijnde evenementen:"
        ),
        "nothing_25": "Nog niets binnen 25 km van Zürich, Zwitserland.",
        "promoted": "Verder weg: gepromoot voor iedereen binnen 500 km",
        "within": "Binnen",
        "show": "Toon evenementen",
        "host": "Organiseer er hier een",
        "nobody": "Nog niemand organiseert iets bij Zürich, Zwitserland",
        "milan": "Milaan, Italië",
        "city": "Zürich, Zwitserland",
    },
}


@pytest.fixture
def europe(transactional_db):
    starts = timezone.localdate() + timedelta(days=20)
    campaign = CampaignFactory(
        slug="climate-day", title="Climate day", starts_on=starts,
        ends_on=starts + timedelta(days=2), is_open_for_proposals=True,
    )  # fmt: skip
    for city, country, zone, lat, lon, promotion in [
        ("Milano", "IT", "Europe/Rome", 45.4642, 9.19, None),  # 217 km from Zurich
        ("Berlin", "DE", "Europe/Berlin", 52.52, 13.405, None),  # 670 km
        ("Paris", "FR", "Europe/Paris", 48.8566, 2.3522, 500),  # 489 km, promoted to 500 km
    ]:
        LocalEventFactory(
            campaign=campaign, city=city, country=country, timezone=zone,
            latitude=lat, longitude=lon, promotion_radius_km=promotion,
            title="National march" if promotion else f"Climate day in {city}",
        )  # fmt: skip
    return campaign


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_search_near_zurich_offers_the_nearest_events_and_hosting_one(
    live_server, page, europe, screenshot, assert_accessible, language
):
    words = WORDS[language]
    page.goto(f"{live_server.url}/{language}/")
    page.locator("#banner-near").fill("Zurich")
    page.locator(".near-banner").get_by_role("button", name=words["search"]).click()
    page.wait_for_url("**/events/?near=Zurich**")

    # The home page searches within the radius it names, and the box shows it.
    radius = page.get_by_label(words["within"], exact=True)
    assert radius.input_value() == "100"
    results = page.locator(".nothing-near")
    expect(results.get_by_text(words["nothing"])).to_be_visible()
    nearest = results.locator(".nearest-events > li")
    assert nearest.count() == 2
    assert nearest.first.locator(".event-place").inner_text() == words["milan"]
    assert nearest.first.locator(".event-distance").inner_text() == "· 217 km"
    assert nearest.nth(1).locator(".event-distance").inner_text() == "· 670 km"
    promoted = results.locator(".promoted-events > li")
    assert promoted.count() == 1
    expect(promoted.get_by_text("National march")).to_be_visible()
    expect(promoted.get_by_text(words["promoted"])).to_be_visible()
    expect(page.get_by_role("heading", name=words["nobody"])).to_be_visible()
    # Nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible()
    screenshot(f"nothing-near-zurich-{language}")

    # Searching again keeps the radius chosen, and the box shows it each time.
    radius.select_option("25")
    page.get_by_role("button", name=words["show"]).click()
    page.wait_for_url("**radius=25**")
    assert page.get_by_label(words["within"], exact=True).input_value() == "25"
    expect(page.get_by_text(words["nothing_25"])).to_be_visible()
    page.get_by_role("button", name=words["show"]).click()
    page.wait_for_load_state()
    assert "radius=25" in page.url
    assert page.get_by_label(words["within"], exact=True).input_value() == "25"

    page.get_by_role("link", name=words["host"]).click()
    page.wait_for_url("**/campaigns/climate-day/organize/?city=*")
    assert page.locator("#id_city").input_value() == words["city"]
    assert_accessible()
    screenshot(f"host-one-in-zurich-{language}")
