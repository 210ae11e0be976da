"""On a phone: an organizer adds a role with a briefing, a participant volunteers from their
manage page and reads the briefing, the organizer sees the coverage change."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.sessions import fits_the_screen, sign_in
from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.notifications.models import OutboxMessage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BRIEFING = "Meet at the fountain at 12:30. Vests are in the blue van."


def test_organizer_adds_a_role_and_a_participant_volunteers_on_a_phone(
    live_server, page, assert_accessible, screenshot
):
    day = timezone.localdate() + timedelta(days=20)
    campaign = CampaignFactory(starts_on=day, ends_on=day)
    event = LocalEventFactory(campaign=campaign, title="Protest in Utrecht", city="Utrecht")
    organizer = UserFactory(email="organizer@example.org")
    event.organizers.add(organizer)
    participant = SignupFactory(event=event, name="Ada Lovelace")

    sign_in(page, live_server, organizer)
    page.goto(f"{live_server.url}/en/dashboard/")
    page.get_by_role("link", name="Roles Protest in Utrecht").click()
    page.wait_for_url(f"**/en/roles/events/{event.pk}/")
    expect(page.get_by_text("No roles yet.")).to_be_visible()
    page.get_by_label("Role:", exact=True).select_option("marshal")
    page.get_by_label("Places").fill("2")
    page.get_by_label("Briefing").fill(BRIEFING)
    page.get_by_label("This event needs this role").check()
    page.get_by_role("button", name="Add the role").click()
    expect(page.get_by_text("Role added: Marshal.")).to_be_visible()
    expect(page.get_by_text("Marshal: 0 of 2")).to_be_visible()
    assert fits_the_screen(page)
    assert_accessible()
    screenshot("organizer-roles")

    page.context.clear_cookies()  # the participant has no account: their link is the key
    page.goto(f"{live_server.url}/en/signups/{participant.token}/")
    assert page.get_by_text(BRIEFING).count() == 0
    page.get_by_role("button", name="Volunteer as marshal (0 of 2 places taken)").click()
    expect(page.get_by_text("Thank you! Your role: Marshal.")).to_be_visible()
    expect(page.get_by_role("heading", name="Your role: Marshal")).to_be_visible()
    expect(page.get_by_text(BRIEFING)).to_be_visible()
    assert fits_the_screen(page)
    assert_accessible()
    screenshot("participant-role")
    assert OutboxMessage.objects.filter(kind="role_confirmed", to_email=participant.email).exists()

    sign_in(page, live_server, organizer)
    page.goto(f"{live_server.url}/en/roles/events/{event.pk}/")
    expect(page.get_by_text("Marshal: 1 of 2")).to_be_visible()
    expect(page.get_by_text("Ada Lovelace").first).to_be_visible()
