"""The back office edits the day: fieldsets for the exact place, accessibility and safety on
an event, safety defaults per country on a campaign; a new meeting point is announced."""

import pytest

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.day_details import effective_safety
from turnout.campaigns.models import AuthorityNotice, SafetyDefaults
from turnout.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def event_post(event, **changes) -> dict:
    starts, ends = event.local_starts_at, event.local_ends_at
    data = {
        "campaign": event.campaign.pk, "title": event.title, "status": "approved",
        "description": "", "attendance_mode": "in_person", "city": event.city,
        "country": event.country, "venue": event.venue, "address": event.address,
        "latitude": event.latitude or "", "longitude": event.longitude or "",
        "timezone": event.timezone, "starts_at_0": f"{starts:%Y-%m-%d}",
        "starts_at_1": f"{starts:%H:%M}", "ends_at_0": f"{ends:%Y-%m-%d}",
        "ends_at_1": f"{ends:%H:%M}", "signup_url": "", "capacity": "",
        "location_is_private": "on" if event.location_is_private else "",
        "meeting_point": event.meeting_point, "private_instructions": "",
        "step_free_access": "unknown", "seating": "unknown", "accessible_toilets": "unknown",
        "quiet_space": "unknown", "sign_language": "unknown", "accessibility_note": "",
        "authority_notice": "", "legal_support_line": "", "police_liaison": "",
        "if_separated": "",
    }  # fmt: skip
    data.update(changes)
    return data


def test_the_event_admin_groups_the_days_fields(admin):
    event = LocalEventFactory()
    page = admin.get(f"/admin/campaigns/localevent/{event.pk}/change/").content.decode()
    for heading in ("The exact place", "Accessibility", "Safety and legal"):
        assert heading in page
    assert '<option value="unknown" selected>Not known</option>' in page


def test_a_new_meeting_point_in_the_admin_is_announced_and_saves_the_access(admin):
    event = LocalEventFactory(venue="Museumplein", location_is_private=True, meeting_point="A")
    SignupFactory(event=event, email="ada@example.org")
    response = admin.post(
        f"/admin/campaigns/localevent/{event.pk}/change/",
        event_post(event, meeting_point="Bij de fontein", step_free_access="true", seating="false"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event.refresh_from_db()
    assert (event.step_free_access, event.seating, event.quiet_space) == (True, False, None)
    notice = OutboxMessage.objects.get(kind="event_rescheduled", to_email="ada@example.org")
    assert "The meeting point has changed." in notice.body_text
    assert event.sequence == 1


def test_the_campaign_admin_sets_safety_defaults_per_country(admin):
    campaign = CampaignFactory(slug="klimaat")
    page = admin.get(f"/admin/campaigns/campaign/{campaign.pk}/change/").content.decode()
    assert "safety_defaults-TOTAL_FORMS" in page
    data = {
        "title": campaign.title, "slug": "klimaat", "status": "published", "summary": "",
        "starts_on": "2030-05-13", "ends_on": "2030-05-13", "narrative": "",
        "core_messages": "", "demands": "", "coordination_url": "",
        "reminder_hours": "[48, 3]",
        "events-TOTAL_FORMS": "0", "events-INITIAL_FORMS": "0",
        "safety_defaults-TOTAL_FORMS": "1", "safety_defaults-INITIAL_FORMS": "0",
        "safety_defaults-0-country": "NL", "safety_defaults-0-authority_notice": "notified",
        "safety_defaults-0-legal_support_line": "+31 20 555 0199",
        "safety_defaults-0-police_liaison": "", "safety_defaults-0-if_separated": "",
    }  # fmt: skip
    response = admin.post(f"/admin/campaigns/campaign/{campaign.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    (defaults,) = SafetyDefaults.objects.filter(campaign=campaign)
    assert defaults.authority_notice == AuthorityNotice.NOTIFIED
    safety = effective_safety(LocalEventFactory(campaign=campaign))
    assert safety.legal_support_line == "+31 20 555 0199"
