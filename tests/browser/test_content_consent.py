"""A visitor reads a page with embedded posts: nothing loads from the provider before consent."""

import pytest
from playwright.sync_api import expect

from tests.content.factories import PageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOURCE = """---
title: Our protest in pictures
description: What happened on the day.
---

## The video {#video}

https://www.youtube.com/watch?v=PWyQRFlZa9c

## The thread {#thread}

https://x.com/PauseAI/status/1790248685659447496
"""


@pytest.fixture
def embeds_page(transactional_db):
    return PageFactory(slug="pictures", source=SOURCE)


def outside(urls: list[str]) -> list[str]:
    return [url for url in urls if not url.startswith("http://localhost")]


def test_posts_load_only_after_consent_and_consent_can_be_withdrawn(
    live_server, page, embeds_page, screenshot, assert_accessible
):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/en/pictures/")
    expect(page.get_by_role("heading", name="Our protest in pictures")).to_be_visible()
    expect(page.get_by_role("link", name="Open the post on YouTube")).to_be_visible()
    assert page.locator("iframe").count() == 0
    assert outside(requested) == []  # the browser's own request log: nothing left for YouTube
    assert_accessible()
    screenshot("gated")

    # From here on YouTube is "reachable": a local stub answers instead of the network.
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>video</p>"),
    )
    page.get_by_role("button", name="Show posts from YouTube").click()
    frame = page.locator("iframe.embed-frame")
    frame.wait_for()
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/PWyQRFlZa9c"
    assert not any("twitter" in url for url in requested)  # consent is per provider
    expect(page.get_by_role("button", name="Show posts from X (Twitter)")).to_be_visible()
    screenshot("youtube-allowed")

    page.reload()
    page.locator("iframe.embed-frame").wait_for()  # remembered
    expect(page.get_by_text("You allowed embedded posts from YouTube.")).to_be_visible()

    page.get_by_role("button", name="Withdraw consent").click()
    page.wait_for_load_state()
    expect(page.get_by_role("button", name="Show posts from YouTube")).to_be_visible()
    assert page.locator("iframe").count() == 0


def test_twitter_post_gets_its_script_after_consent(live_server, page, embeds_page):
    page.route(
        "https://platform.twitter.com/**",
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=""),
    )
    page.goto(f"{live_server.url}/en/pictures/#thread")
    page.get_by_role("button", name="Show posts from X (Twitter)").click()
    page.locator("blockquote.twitter-tweet").wait_for()
    script = page.locator('script[src="https://platform.twitter.com/widgets.js"]')
    assert script.count() == 1


def test_without_javascript_the_gate_links_the_post_and_a_form_stores_consent(
    live_server, browser, embeds_page
):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.route(lambda url: not url.startswith("http://localhost"), lambda route: route.abort())
    try:
        page.goto(f"{live_server.url}/nl/pictures/")
        link = page.get_by_role("link", name="Open het bericht op X (Twitter)")
        assert (
            link.get_attribute("href") == "https://twitter.com/PauseAI/status/1790248685659447496"
        )
        page.get_by_role("button", name="Berichten van X (Twitter) tonen").click()
        page.wait_for_url("**/nl/pictures/#embed-twitter-*")
        cookies = {c["name"]: c["value"] for c in context.cookies()}
        assert cookies["turnout_embeds"] == "twitter"
        expect(
            page.get_by_text("Je hebt ingesloten berichten van X (Twitter) toegestaan.")
        ).to_be_visible()
        assert outside(requested) == []
    finally:
        context.close()
