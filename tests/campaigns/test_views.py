"""Every public page, in English and Dutch, through Django's test client."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.models import LocalEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def november(db):
    campaign = CampaignFactory(
        slug="2024-november",
        title="November protest",
        starts_on=date(2030, 11, 20),
        ends_on=date(2030, 11, 22),
        narrative="We ask for **a pause**. <script>alert(1)</script>",
        core_messages="- Pause now\n- [Read the proposal](/proposal)",
        coordination_url="https://discord.gg/2XXWXvErfA",
    )
    zone = ZoneInfo("Europe/London")
    LocalEventFactory(
        campaign=campaign,
        city="London",
        country="GB",
        timezone="Europe/London",
        starts_at=datetime(2030, 11, 21, 14, tzinfo=zone),
        ends_at=datetime(2030, 11, 21, 16, tzinfo=zone),
        signup_url="https://www.facebook.com/events/1",
    )
    LocalEventFactory(
        campaign=campaign,
        city="Milan",
        country="IT",
        timezone="Europe/Rome",
        starts_at=datetime(2030, 11, 21, 14, tzinfo=ZoneInfo("Europe/Rome")),
        ends_at=datetime(2030, 11, 21, 16, tzinfo=ZoneInfo("Europe/Rome")),
        signup_url="https://chat.whatsapp.com/Cue9aeK6kpJFoDxT3xV9Zx",
    )
    LocalEventFactory(
        campaign=campaign,
        city="Oxford",
        country="GB",
        timezone="Europe/London",
        status=LocalEvent.Status.DETAILS_TBA,
        starts_at=datetime(2030, 11, 21, 14, tzinfo=zone),
        ends_at=datetime(2030, 11, 21, 16, tzinfo=zone),
    )
    LocalEventFactory(campaign=campaign, city="Nowhere", country="FR", status="rejected")
    return campaign


def test_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 302
    assert response["Location"] == "/nl/"


def test_campaign_page_shows_window_reach_events_and_signup_actions(client, november):
    response = client.get("/en/campaigns/2024-november/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "20–22 November 2030" in text
    assert "3 cities in 2 countries" in text
    assert "Sign up on Facebook" in text
    assert "Join the WhatsApp group" in text
    assert "Details to be announced" in text
    assert "Nowhere" not in text
    assert text.index("Italy") < text.index("United Kingdom")
    assert "14:00–16:00 GMT" in text  # London's own time, not the server's
    assert "<strong>a pause</strong>" in text
    assert "<script>alert(1)</script>" not in text
    assert 'href="https://discord.gg/2XXWXvErfA"' in text
    assert "Organize in your area" in text


def test_campaign_page_reads_the_same_few_queries_however_many_events(
    client, november, settings, django_assert_num_queries
):
    settings.TURNOUT_PAGE_CACHE_SECONDS = 0  # render the events section every time
    client.get("/en/campaigns/2024-november/")
    with CaptureQueriesContext(connection) as three_events:
        client.get("/en/campaigns/2024-november/")
    LocalEventFactory.create_batch(20, campaign=november, country="NL", city="Utrecht")
    with django_assert_num_queries(len(three_events)):  # nothing per event, deferred or not
        response = client.get("/en/campaigns/2024-november/")
    assert response.content.decode().count("Utrecht") >= 20


def test_campaign_page_in_dutch_localizes_dates_countries_and_actions(client, november):
    response = client.get("/nl/campaigns/2024-november/")
    text = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl">' in text
    assert "20–22 november 2030" in text
    assert "3 steden in 2 landen" in text
    assert "Verenigd Koninkrijk" in text
    assert "Italië" in text
    assert "Aanmelden op Facebook" in text
    assert "Word lid van de WhatsApp-groep" in text
    assert 'href="/en/campaigns/2024-november/"' in text  # the language switcher


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_page_renders_in_both_languages(client, november, language):
    event = november.events.get(city="Milan")
    for path in ["", "campaigns/2024-november/", f"events/{event.pk}/", "archive/"]:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        assert f'<html lang="{language}">' in response.content.decode()


@time_machine.travel(datetime(2030, 11, 1, tzinfo=ZoneInfo("UTC")), tick=False)
def test_home_lists_upcoming_campaigns_and_next_events(client, november):
    upcoming = CampaignFactory(
        title="Action weekend", starts_on=date(2030, 12, 6), ends_on=date(2030, 12, 7)
    )
    CampaignFactory(title="Old protest", starts_on=date(2030, 10, 1), ends_on=date(2030, 10, 1))
    response = client.get("/en/")
    text = response.content.decode()
    assert "Action weekend" in text
    assert "6–7 December 2030" in text
    assert "November protest" in text
    assert text.index("November protest") < text.index("Action weekend")
    assert "London" in text and "Milan" in text
    assert upcoming.get_absolute_url() in text
    assert "Old protest" not in text  # its window is over


def test_event_page_shows_place_local_time_and_action(client, november):
    event = november.events.get(city="London")
    text = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "London, United Kingdom" in text
    assert "Thursday, 21 November 2030" in text
    assert "Sign up on Facebook" in text
    dutch = client.get(f"/nl/events/{event.pk}/").content.decode()
    assert "donderdag 21 november 2030" in dutch


def test_archive_lists_past_campaigns_by_year(client, november):
    may = CampaignFactory(
        title="May protest", starts_on=date(2024, 5, 13), ends_on=date(2024, 5, 13)
    )
    LocalEventFactory(campaign=may, city="Stockholm", country="SE")
    LocalEventFactory(campaign=may, city="Oslo", country="NO")
    text = client.get("/en/archive/").content.decode()
    assert "13 May 2024, 2 cities in 2 countries (Oslo, Stockholm)" in text
    assert '<h2 id="year-2024">2024</h2>' in text
    assert "May protest" in text
    assert "November protest" not in text  # still to come


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/en/campaigns/no-such-campaign/", "Page not found"),
        ("/nl/campaigns/no-such-campaign/", "Pagina niet gevonden"),
        ("/en/events/999999/", "Page not found"),
        ("/nl/events/999999/", "Pagina niet gevonden"),
    ],
)
def test_unknown_pages_answer_404_in_the_visitors_language(client, settings, path, message):
    settings.DEBUG = False
    response = client.get(path)
    assert response.status_code == 404
    assert message in response.content.decode()


def test_draft_campaigns_and_unpublished_events_are_not_public(client):
    draft = CampaignFactory(slug="secret", status="draft")
    proposal = LocalEventFactory(status=LocalEvent.Status.PROPOSED)
    assert client.get("/en/campaigns/secret/").status_code == 404
    assert client.get(f"/en/events/{proposal.pk}/").status_code == 404
    assert draft.slug not in client.get("/en/").content.decode()
