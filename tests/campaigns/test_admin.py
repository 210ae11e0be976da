"""Coordinators create and edit campaigns and events in the Django admin."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.campaigns.models import Campaign, LocalEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def event_form(campaign, **overrides):
    data = {
        "campaign": campaign.pk,
        "title": "Protest in Sydney",
        "status": "approved",
        "description": "",
        "city": "Sydney",
        "country": "AU",
        "venue": "Hyde Park",
        "address": "",
        "latitude": "",
        "longitude": "",
        "timezone": "Australia/Sydney",
        "starts_at_0": "2030-05-13",
        "starts_at_1": "12:00",
        "ends_at_0": "2030-05-13",
        "ends_at_1": "14:00",
        "signup_url": "https://www.facebook.com/events/7938915256120263/",
        "capacity": "",
    }
    data.update(overrides)
    return data


def test_coordinator_creates_a_campaign(admin_client):
    response = admin_client.post(
        "/admin/campaigns/campaign/add/",
        {
            "title": "Action day",
            "slug": "action-day",
            "status": "published",
            "summary": "",
            "starts_on": "2030-05-13",
            "ends_on": "2030-05-14",
            "narrative": "",
            "core_messages": "",
            "demands": "",
            "coordination_url": "",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
            "safety_defaults-TOTAL_FORMS": "0",
            "safety_defaults-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Campaign.objects.get(slug="action-day").ends_on == date(2030, 5, 14)


def test_inverted_campaign_window_is_refused_with_a_message(admin_client):
    response = admin_client.post(
        "/admin/campaigns/campaign/add/",
        {
            "title": "Backwards",
            "slug": "backwards",
            "status": "draft",
            "starts_on": "2030-05-14",
            "ends_on": "2030-05-13",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
            "safety_defaults-TOTAL_FORMS": "0",
            "safety_defaults-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "The last day cannot be before the first day." in response.content.decode()
    assert not Campaign.objects.exists()


def test_event_times_are_entered_in_the_events_own_zone(admin_client):
    campaign = CampaignFactory()
    response = admin_client.post("/admin/campaigns/localevent/add/", event_form(campaign))
    assert response.status_code == 302
    event = LocalEvent.objects.get()
    assert event.starts_at == datetime(2030, 5, 13, 12, 0, tzinfo=ZoneInfo("Australia/Sydney"))
    assert event.signup_platform == "facebook"

    page = admin_client.get(f"/admin/campaigns/localevent/{event.pk}/change/").content.decode()
    assert 'value="12:00:00"' in page  # shown back as local wall time, not UTC


def test_event_ending_before_it_starts_is_refused_with_a_message(admin_client):
    campaign = CampaignFactory()
    response = admin_client.post(
        "/admin/campaigns/localevent/add/", event_form(campaign, ends_at_1="11:00")
    )
    assert response.status_code == 200
    assert "An event cannot end before it starts." in response.content.decode()
    assert not LocalEvent.objects.exists()


def test_moving_an_event_in_the_admin_bumps_its_calendar_sequence(admin_client):
    event = LocalEventFactory(city="Sydney", country="AU", timezone="Australia/Sydney")
    url = f"/admin/campaigns/localevent/{event.pk}/change/"
    unchanged = event_form(
        event.campaign,
        starts_at_0="2030-05-13",
        starts_at_1="13:00",
        ends_at_0="2030-05-13",
        ends_at_1="15:00",
        venue="",
        signup_url="",
        title=event.title,
    )
    assert admin_client.post(url, unchanged).status_code == 302
    event.refresh_from_db()
    assert event.sequence == 0

    assert admin_client.post(url, {**unchanged, "starts_at_1": "14:00"}).status_code == 302
    event.refresh_from_db()
    assert event.sequence == 1
    assert event.local_starts_at.hour == 14


def test_admin_lists_campaign_reach(admin_client):
    campaign = CampaignFactory(title="Reach test")
    LocalEventFactory(campaign=campaign, city="Oslo", country="NO")
    LocalEventFactory(campaign=campaign, city="Kristiansand", country="NO")
    page = admin_client.get("/admin/campaigns/campaign/").content.decode()
    assert "2 cities in 1 country" in page
