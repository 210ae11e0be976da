"""The Content-Security-Policy in a real browser: the main pages break none of its rules."""

import pytest
from playwright.sync_api import expect

from tests.content.factories import PageFactory
from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.groups.factories import ChannelFactory, NationalGroupFactory
from tests.media.images import plain_image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any page script: keeps every violation the browser reports.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""

EMBEDS = """---
title: Our protest in pictures
---

https://www.youtube.com/watch?v=PWyQRFlZa9c
"""


def watch(page) -> list[str]:
    """Violations reported to the page's scripts and to the console."""
    console: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    return console


def violations(page, console: list[str]) -> list[str]:
    return page.evaluate("window.__cspViolations || []") + console


@pytest.fixture
def site(transactional_db):
    coordinator = UserFactory(email="coordinator@example.org", is_staff=True, is_superuser=True)
    coordinator.set_password("a long passphrase for the coordinator")
    coordinator.save()
    campaign = CampaignFactory(slug="may", title="May action", is_open_for_proposals=True)
    campaign.coordinators.add(coordinator)
    event = LocalEventFactory(campaign=campaign, latitude=52.09, longitude=5.12)
    event.organizers.add(coordinator)
    group = NationalGroupFactory(name="PauseAI Nederland", slug="pauseai-nl")
    ChannelFactory(group=group)
    PageFactory(slug="pictures", source=EMBEDS)
    return {"event": event, "campaign": campaign}


def test_the_main_pages_report_no_policy_violation(live_server, page, site):
    console = watch(page)
    event = site["event"]
    public = [
        "/en/",
        "/nl/",
        "/en/campaigns/may/",
        f"/en/events/{event.pk}/",
        "/en/events/",
        "/nl/groups/",
        "/en/groups/pauseai-nl/",
        "/en/press/",
        "/en/archive/",
        "/en/pictures/",
        "/en/consent/",
        "/en/campaigns/may/organize/",
        f"/en/press/submit/event/{event.pk}/",
        "/en/signups/privacy/",
        "/embed/campaigns/may/?lang=nl",
    ]
    for path in public:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
        assert violations(page, console) == [], path

    page.goto(f"{live_server.url}/en/accounts/sign-in/password/")
    page.get_by_label("Email address").fill("coordinator@example.org")
    page.get_by_label("Password").fill("a long passphrase for the coordinator")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/dashboard/")
    signed_in = [
        "/en/dashboard/",
        "/en/dashboard/campaigns/may/",
        f"/en/dashboard/events/{event.pk}/edit/",
        f"/en/signups/events/{event.pk}/attendees/",
        f"/en/photos/event/{event.pk}/",
        "/en/groups/pauseai-nl/edit/",
        "/en/accounts/roles/",
        "/admin/",
        f"/admin/campaigns/localevent/{event.pk}/change/",
        "/admin/content/page/add/",
    ]
    for path in signed_in:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("load")
        assert violations(page, console) == [], path


def test_a_consented_embed_loads_under_the_policy_without_violations(live_server, page, site):
    console = watch(page)
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>video</p>"),
    )
    page.goto(f"{live_server.url}/en/pictures/")
    page.get_by_role("button", name="Show posts from YouTube").click()
    frame = page.locator("iframe.embed-frame")
    frame.wait_for()
    expect(page.frame_locator("iframe.embed-frame").get_by_text("video")).to_be_visible()
    assert violations(page, console) == []


def test_map_tiles_load_from_the_configured_server_only(live_server, browser, site, settings):
    tiles = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png"  # another origin than the site's
    settings.TURNOUT_MAP_TILES_URL = tiles
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    served: list[str] = []

    def tile(route):
        served.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=plain_image(size=(256, 256)))

    page.route("http://127.0.0.1:9/tiles/**", tile)
    outside = []
    page.route(
        lambda url: not url.startswith(("http://localhost", "http://127.0.0.1:9/")),
        lambda route: (outside.append(route.request.url), route.abort()),
    )
    console = watch(page)
    try:
        page.goto(f"{live_server.url}/en/campaigns/may/")
        assert served == []  # nothing from the tile server before the visitor asks
        page.locator("[data-tile-consent]").first.click()
        page.locator(".tile-map-view img").first.wait_for()
        # The image element comes before its request; a loaded tile went through the route.
        page.wait_for_function(
            "() => [...document.querySelectorAll('.tile-map-view img')]"
            ".some(img => img.complete && img.naturalWidth > 0)"
        )
        assert served and all(url.startswith("http://127.0.0.1:9/tiles/") for url in served)
        assert violations(page, console) == []
        assert outside == []
    finally:
        context.close()
