"""RSS/Atom of campaigns, sitemap.xml with hreflang alternates, and the embeddable widget."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_atom_feed_lists_published_campaigns_in_the_language_asked(client, may):
    response = client.get("/feeds/campaigns.atom?lang=nl")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["May action"]
    link = root.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link.endswith("/nl/campaigns/may/")
    assert "13 mei 2030" in root.find(f"{ATOM}entry/{ATOM}summary").text


def test_rss_feed_is_valid_xml_without_drafts(client, may):
    response = client.get("/feeds/campaigns.rss")
    root = ET.fromstring(response.content)
    assert [item.find("title").text for item in root.iter("item")] == ["May action"]
    assert b"secret-draft" not in response.content


def test_sitemap_lists_every_language_with_hreflang_alternates(client, may):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [url.find(f"{SITEMAP}loc").text for url in root.iter(f"{SITEMAP}url")]
    assert "http://127.0.0.1:8000/en/campaigns/may/" in locations
    assert "http://127.0.0.1:8000/nl/campaigns/may/" in locations
    assert "http://127.0.0.1:8000/nl/events/" in locations
    assert not any("secret-draft" in loc or "Hidden" in loc for loc in locations)
    campaign = next(
        url for url in root.iter(f"{SITEMAP}url")
        if url.find(f"{SITEMAP}loc").text == "http://127.0.0.1:8000/en/campaigns/may/"
    )  # fmt: skip
    alternates = {link.get("hreflang"): link.get("href") for link in campaign.iter(f"{XHTML}link")}
    assert alternates["nl"] == "http://127.0.0.1:8000/nl/campaigns/may/"
    assert alternates["en"] == "http://127.0.0.1:8000/en/campaigns/may/"
    assert "x-default" in alternates


@pytest.mark.parametrize(("language", "expected"), [("nl", "Londen"), ("en", "London")])
def test_widget_lists_upcoming_events_in_the_chosen_language_and_may_be_framed(
    client, may, language, expected
):
    response = client.get(f"/embed/campaigns/may/?lang={language}")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    text = response.content.decode()
    assert f'<html lang="{language}">' in text
    assert expected in text
    assert "Berlin" not in text  # cancelled
    assert "Hidden" not in text
    assert '<base target="_blank">' in text


def test_other_pages_still_refuse_to_be_framed(client, may):
    assert client.get("/en/campaigns/may/")["X-Frame-Options"] == "DENY"


def test_widget_for_unknown_campaign_or_group_is_not_found(client, may):
    assert client.get("/embed/campaigns/secret-draft/").status_code == 404
    assert client.get("/embed/groups/nope/").status_code == 404


def test_group_widget_lists_the_groups_events(client, may):
    groups = pytest.importorskip("turnout.groups.models")
    from turnout.campaigns.models import LocalEvent

    group = groups.Group.objects.create(
        kind="national", name="PauseAI UK", slug="pauseai-uk", country="GB"
    )
    LocalEvent.objects.filter(city="Oxford").update(group=group)
    text = client.get("/embed/groups/pauseai-uk/?lang=en").content.decode()
    assert "PauseAI UK" in text and "Oxford" in text and "Den Haag" not in text
