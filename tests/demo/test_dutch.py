"""The demo in Dutch: reviewed translations of every campaign text and page, so `/nl/` shows
no English the demo wrote; a campaign without translation says so, in Dutch."""

import re
from datetime import date

import pytest
from django.utils import timezone

from turnout.campaigns.models import Campaign
from turnout.demo import pages
from turnout.demo.loading import load_demo_data
from turnout.groups.models import Group
from turnout.translation.models import Translation
from turnout.translation.segments import split_text
from turnout.translation.sources import CAMPAIGN_FIELDS

from ..factories import CampaignFactory

pytestmark = pytest.mark.django_db


def english_sentences() -> list[str]:
    """Every block of English the demo wrote for its campaigns and pages, without markup."""
    texts = [
        getattr(campaign, field)
        for campaign in Campaign.objects.filter(
            slug__in=["2024-may", "2024-november", "action-weekend"]
        )
        for field in CAMPAIGN_FIELDS
        if getattr(campaign, field)
    ]
    texts += list(pages.DEMO_PAGES.values())
    sentences = []
    for text in texts:
        for segment in split_text(text).segments:
            plain = re.sub(r"\{#[^}]*\}|[#*\-]|^\d+\.|\[|\]\([^)]*\)", "", segment.text)
            sentences.append(" ".join(plain.split()))
    return [s for s in sentences if len(s) > 3]


def visible_text(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    html = re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'")
    return " ".join(html.split())


def test_dutch_pages_show_no_english_the_demo_wrote(client):
    load_demo_data(today=timezone.localdate())
    sentences = english_sentences()
    assert "Everyone taking part in an action agrees to this code." in " ".join(sentences)
    for url in ["/nl/", "/nl/campaigns/action-weekend/", "/nl/campaigns/2024-may/",
                "/nl/code-of-conduct/", "/nl/values/"]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response)
        left = [s for s in sentences if s in text]
        assert left == [], (url, left)
        assert "nog niet vertaald" not in text, url
    conduct = visible_text(client.get("/nl/code-of-conduct/"))
    assert "Gedragscode" in conduct and "Blijf vreedzaam en vriendelijk" in conduct
    weekend = visible_text(client.get("/nl/campaigns/action-weekend/"))
    assert "Internationaal actieweekend" in weekend
    assert "Begin onderhandelingen over een internationaal verdrag." in weekend
    english = visible_text(client.get("/en/campaigns/action-weekend/"))
    assert "International action weekend" in english and "Internationaal" not in english


def test_translations_are_stored_as_reviewed_and_loading_twice_changes_nothing():
    load_demo_data(today=date(2026, 11, 25))
    rows = Translation.objects.filter(language="nl")
    # the pages, the texts of each campaign, the events' titles and three descriptions, the
    # alt text and credit of the three covers, the three groups' descriptions, then the alt
    # text and caption of the three photos
    assert rows.count() == 3 + 4 + 4 + 5 + (14 + 11 + 8 + 1) + 3 + 3 * 2 + 3 + 3 * 2
    assert set(rows.values_list("state", flat=True)) == {Translation.State.REVIEWED}
    before = sorted(rows.values_list("pk", "text"))
    load_demo_data(today=date(2026, 11, 25))
    assert sorted(Translation.objects.filter(language="nl").values_list("pk", "text")) == before


def test_an_untranslated_campaign_says_so_in_dutch_and_marks_its_english(client):
    load_demo_data(today=date(2026, 11, 25))
    campaign = CampaignFactory(
        slug="no-translation", title="Untranslated day", narrative="We walk together."
    )
    response = client.get(f"/nl/campaigns/{campaign.slug}/")
    html = response.content.decode()
    assert "Deze tekst is nog niet vertaald; hieronder staat de Engelse versie." in html
    assert '<h1 lang="en">Untranslated day</h1>' in html
    assert re.search(r'<div class="prose" lang="en">\s*<p>We walk together.</p>', html)
    assert "nog niet vertaald" not in client.get("/en/campaigns/no-translation/").content.decode()


def test_a_groups_own_words_are_dutch_on_dutch_pages(client):
    load_demo_data(today=date(2026, 11, 25))
    dutch = client.get("/nl/groups/amsterdam/").content.decode()
    english = client.get("/en/groups/amsterdam/").content.decode()
    assert "De lokale groep in Amsterdam" in dutch and "The local group" not in dutch
    assert "The local group in Amsterdam" in english
    group = Group.objects.create(
        kind=Group.Kind.NATIONAL, slug="untranslated", name="Elsewhere", country="BE",
        description="We meet on Mondays.",
    )  # fmt: skip
    shown = client.get(f"/nl/groups/{group.slug}/").content.decode()
    assert re.search(r'<div class="prose" lang="en">\s*<p>We meet on Mondays.</p>', shown)


def test_the_demo_photos_are_described_in_dutch_on_dutch_pages(client):
    from turnout.demo.press import ILLUSTRATION_CAPTION, MAY_2024_ILLUSTRATIONS

    load_demo_data(today=timezone.localdate())
    dutch = client.get("/nl/campaigns/2024-may/").content.decode()
    english = client.get("/en/campaigns/2024-may/").content.decode()
    for drawing in MAY_2024_ILLUSTRATIONS:
        assert drawing.alt_text not in dutch and f'alt="{drawing.dutch_alt_text}"' in dutch
        assert f'alt="{drawing.alt_text}"' in english
    assert ILLUSTRATION_CAPTION not in dutch and "Een illustratie gemaakt voor de demo" in dutch
