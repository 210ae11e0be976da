"""Press pages through the test client, in English and Dutch."""

import re
from datetime import date

import pytest

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.campaigns.models import Campaign
from turnout.press.models import PressMention

from .factories import PressMentionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coverage(db):
    may = CampaignFactory(slug="may", title="May protest", starts_on=date(2024, 5, 13))
    november = CampaignFactory(slug="nov", title="November protest", starts_on=date(2024, 11, 21))
    oslo = LocalEventFactory(campaign=may, city="Oslo", country="NO")
    PressMentionFactory(
        campaign=may,
        outlet="Time",
        title="Protests around the world",
        published_on=date(2024, 5, 13),
    )
    PressMentionFactory(
        campaign=may,
        event=oslo,
        outlet="Digi.no",
        title="KI-protest i Oslo",
        language="nb",
    )
    PressMentionFactory(
        campaign=november,
        outlet="BBC",
        title="Radio piece",
        kind=PressMention.Kind.RADIO,
        published_on=date(2025, 1, 2),
    )
    PressMentionFactory(campaign=may, title="Waiting for review", state="pending")
    PressMentionFactory(campaign=may, title="Rejected story", state="rejected")
    draft = CampaignFactory(status=Campaign.Status.DRAFT)
    PressMentionFactory(campaign=draft, title="About a draft")
    return may


def titles(response) -> list[str]:
    return re.findall(r'class="press-title"[^>]*>([^<]+)<', response.content.decode())


def test_press_page_lists_public_coverage_only(client, coverage):
    response = client.get("/en/press/")
    assert response.status_code == 200
    assert titles(response) == ["Radio piece", "Protests around the world", "KI-protest i Oslo"]
    text = response.content.decode()
    assert "3 pieces of coverage" in text
    assert "Norwegian Bokmål" in text
    assert 'lang="nb"' in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2024", ["Protests around the world", "KI-protest i Oslo"]),
        ("year=2025", ["Radio piece"]),
        ("language=nb", ["KI-protest i Oslo"]),
        ("outlet=Time", ["Protests around the world"]),
        ("kind=radio", ["Radio piece"]),
        ("year=2024&language=en", ["Protests around the world"]),
    ],
)
def test_press_page_filters_by_year_language_outlet_and_kind(client, coverage, query, expected):
    assert titles(client.get(f"/en/press/?{query}")) == expected


def test_an_impossible_filter_shows_everything_rather_than_failing(client, coverage):
    response = client.get("/en/press/?year=1999&kind=nonsense")
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_press_page_speaks_dutch(client, coverage):
    text = client.get("/nl/press/").content.decode()
    assert "In de pers" in text
    assert "3 berichten in de media" in text
    assert "Noors - Bokmål" in text or "Noors" in text


def test_no_outlet_logo_or_other_third_party_image_is_ever_linked(client, coverage):
    for url in ("/en/press/", "/en/campaigns/may/"):
        text = client.get(url).content.decode()
        sources = re.findall(r'<img[^>]+src="([^"]+)"', text)
        assert all(src.startswith("/") for src in sources), sources
        assert "cdn.example.org" not in text


def test_campaign_page_has_its_press_section_with_event_coverage(client, coverage):
    text = client.get("/en/campaigns/may/").content.decode()
    section = text[text.index('id="press-heading"') :]
    assert "Protests around the world" in section and "KI-protest i Oslo" in section
    assert "Waiting for review" not in text and "Rejected story" not in text
    assert "/en/press/submit/campaign/may/" in section


def test_a_volunteer_submits_a_link_without_an_account(client, coverage, settings):
    settings.PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES = False
    response = client.post(
        "/en/press/submit/campaign/may/",
        {"url": "https://news.example.org/new", "kind": "article", "title": "New story"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/en/campaigns/may/"
    assert "A coordinator will review the link" in response.content.decode()
    mention = PressMention.objects.get(url="https://news.example.org/new")
    assert (mention.state, mention.campaign, mention.outlet) == (
        "pending",
        coverage,
        "news.example.org",
    )


def test_a_link_for_an_event_is_attached_to_the_event(client, coverage):
    oslo = coverage.events.get()
    client.post(
        f"/nl/press/submit/event/{oslo.pk}/",
        {"url": "https://nrk.no/x", "kind": "tv", "title": "NRK", "outlet": "NRK"},
    )
    assert PressMention.objects.get(url="https://nrk.no/x").event == oslo


def test_a_bad_link_is_answered_with_a_message_and_nothing_is_saved(client, coverage):
    count = PressMention.objects.count()
    response = client.post(
        "/nl/press/submit/campaign/may/", {"url": "geen link", "kind": "article"}
    )
    assert response.status_code == 400
    assert "Geef een webadres" in response.content.decode()
    assert PressMention.objects.count() == count


def test_a_duplicate_link_is_answered_kindly(client, coverage):
    response = client.post(
        "/en/press/submit/campaign/may/",
        {"url": PressMention.objects.filter(outlet="Time").get().url, "kind": "article"},
    )
    assert response.status_code == 400
    assert "already been submitted" in response.content.decode()


def test_the_honeypot_pretends_success_and_saves_nothing(client, coverage):
    count = PressMention.objects.count()
    response = client.post(
        "/en/press/submit/campaign/may/",
        {"url": "https://spam.example.org", "kind": "article", "website": "http://spam"},
    )
    assert response.status_code == 302
    assert PressMention.objects.count() == count


def test_too_many_links_from_one_address_are_refused_for_an_hour(client, coverage, settings):
    settings.PRESS_SUBMISSIONS_PER_HOUR = 2
    for n in range(2):
        client.post(
            "/en/press/submit/campaign/may/",
            {"url": f"https://n.example.org/{n}", "kind": "article", "title": "t", "outlet": "o"},
        )
    response = client.post(
        "/en/press/submit/campaign/may/",
        {"url": "https://n.example.org/3", "kind": "article", "title": "t", "outlet": "o"},
    )
    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert not PressMention.objects.filter(url="https://n.example.org/3").exists()


def test_review_queue_shows_only_the_coordinators_own_campaigns(client, coverage):
    coordinator = UserFactory()
    coverage.coordinators.add(coordinator)
    other = CampaignFactory()
    PressMentionFactory(campaign=other, title="Someone else's", state="pending")
    client.force_login(coordinator)
    text = client.get("/en/press/review/").content.decode()
    assert "Waiting for review" in text
    assert "Someone else&#x27;s" not in text and "Someone else's" not in text


def test_a_coordinator_publishes_from_the_review_queue(client, coverage):
    coordinator = UserFactory()
    coverage.coordinators.add(coordinator)
    client.force_login(coordinator)
    mention = PressMention.objects.get(title="Waiting for review")
    prefix = f"m{mention.pk}"
    response = client.post(
        f"/en/press/review/{mention.pk}/",
        {
            f"{prefix}-outlet": "The Guardian",
            f"{prefix}-title": "Reviewed title",
            f"{prefix}-language": "en",
            f"{prefix}-kind": "article",
            "decision": "approve",
        },
    )
    assert response.status_code == 302
    mention.refresh_from_db()
    assert (mention.state, mention.outlet, mention.title) == (
        "approved",
        "The Guardian",
        "Reviewed title",
    )
    assert "Reviewed title" in client.get("/en/campaigns/may/").content.decode()


def test_someone_who_is_not_a_coordinator_cannot_publish(client, coverage):
    client.force_login(UserFactory())
    mention = PressMention.objects.get(title="Waiting for review")
    response = client.post(f"/en/press/review/{mention.pk}/", {"decision": "reject"})
    assert response.status_code == 403
    mention.refresh_from_db()
    assert mention.state == "pending"


def test_review_queue_needs_an_account(client, coverage):
    response = client.get("/en/press/review/")
    assert response.status_code == 302


def test_administrators_publish_links_in_bulk_from_the_back_office(admin_client, coverage):
    mention = PressMention.objects.get(title="Waiting for review")
    assert admin_client.get("/admin/press/pressmention/").status_code == 200
    admin_client.post(
        "/admin/press/pressmention/",
        {"action": "publish", "_selected_action": [mention.pk]},
    )
    mention.refresh_from_db()
    assert mention.state == "approved"
