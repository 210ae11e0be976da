"""Security headers: a Content-Security-Policy with nothing third-party unless a visitor agreed."""

import pytest

from tests.content.factories import PageFactory
from tests.factories import CampaignFactory, LocalEventFactory
from turnout.web.security import tile_server_origin

pytestmark = pytest.mark.django_db

EMBEDS = """---
title: Pictures
---

https://www.youtube.com/watch?v=PWyQRFlZa9c

https://x.com/PauseAI/status/1790248685659447496
"""


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def third_party_sources(directives: dict[str, list[str]]) -> list[str]:
    allowed = {"'self'", "'none'"}
    return [s for sources in directives.values() for s in sources if s not in allowed]


@pytest.fixture
def public_paths():
    campaign = CampaignFactory(slug="may")
    event = LocalEventFactory(campaign=campaign)
    PageFactory(slug="pictures", source=EMBEDS)
    return [
        "/en/",
        "/nl/",
        f"/en/campaigns/{campaign.slug}/",
        f"/nl/events/{event.pk}/",
        "/en/events/",
        "/en/pictures/",
        "/en/consent/",
        "/en/accounts/sign-in/",
        "/en/no-such-page/",
    ]


def test_every_page_allows_nothing_third_party_and_no_inline_code(client, public_paths):
    for path in public_paths:
        response = client.get(path)
        directives = policy(response)
        assert third_party_sources(directives) == [], path
        assert directives["default-src"] == ["'self'"]
        assert directives["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval'
        assert directives["style-src"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=(self)" in response["Permissions-Policy"]


def test_a_consented_provider_is_allowed_for_that_visitor_only(client, public_paths):
    client.cookies["turnout_embeds"] = "youtube"
    directives = policy(client.get("/en/pictures/"))
    assert directives["frame-src"] == ["'self'", "https://www.youtube-nocookie.com"]
    assert directives["script-src"] == ["'self'"]  # YouTube is a frame: no script needed
    assert "https://platform.twitter.com" not in " ".join(sum(directives.values(), []))

    client.cookies["turnout_embeds"] = "twitter.youtube"
    directives = policy(client.get("/en/pictures/"))
    assert "https://platform.twitter.com" in directives["script-src"]
    assert "https://platform.twitter.com" in directives["frame-src"]
    assert "https://www.youtube-nocookie.com" in directives["frame-src"]


def test_a_forged_consent_cookie_adds_nothing(client, public_paths):
    client.cookies["turnout_embeds"] = "evil.example'; script-src *"
    assert third_party_sources(policy(client.get("/en/pictures/"))) == []


def test_map_tiles_are_allowed_only_when_a_tile_server_is_configured(client, settings):
    campaign = CampaignFactory(slug="may")
    LocalEventFactory(campaign=campaign)
    assert third_party_sources(policy(client.get("/en/campaigns/may/"))) == []
    settings.TURNOUT_MAP_TILES_URL = "https://tile.example.org/{z}/{x}/{y}.png"
    directives = policy(client.get("/en/campaigns/may/"))
    assert directives["img-src"] == ["'self'", "https://tile.example.org"]
    assert third_party_sources(directives) == ["https://tile.example.org"]


def test_the_tile_server_origin_is_taken_from_the_url_template():
    assert tile_server_origin("https://tile.example.org/{z}/{x}/{y}.png") == (
        "https://tile.example.org"
    )
    assert tile_server_origin("http://127.0.0.1:8080/tiles/{z}/{x}/{y}") == (
        "http://127.0.0.1:8080"
    )
    assert tile_server_origin("") == ""
    assert tile_server_origin("javascript:alert(1)") == ""


def test_the_embed_widget_may_be_framed_by_any_site(client):
    CampaignFactory(slug="may")
    response = client.get("/embed/campaigns/may/?lang=nl")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    directives = policy(response)
    assert directives["frame-ancestors"] == ["*"]
    assert directives["script-src"] == ["'self'"]  # framable, but still no third-party code


def test_the_api_carries_the_policy_too(client):
    response = client.get("/api/v1/campaigns/")
    assert response.status_code == 200
    assert policy(response)["default-src"] == ["'self'"]


def test_behind_tls_cookies_are_secure_and_hsts_is_sent(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/en/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "Strict-Transport-Security" not in client.get("/en/")  # never over plain HTTP
