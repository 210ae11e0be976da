"""A coordinator approves and trusts a host in a real browser; the host's next proposal is
published the moment they confirm it, and waits in the queue for a look afterwards."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.sessions import sign_in
from tests.factories import CampaignFactory, UserFactory
from turnout.campaigns.models import LocalEvent
from turnout.campaigns.proposals.models import EventProposal, TrustedHost
from turnout.notifications.outbox import deliver_due

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def propose_and_confirm(page, live_server, day, *, title: str, city: str) -> None:
    page.context.clear_cookies()  # a volunteer, not signed in
    page.goto(f"{live_server.url}/en/campaigns/spring/organize/")
    page.get_by_label("Title").fill(title)
    page.get_by_label("City or town").fill(city)
    page.get_by_label("Venue or meeting point").fill("Vismarkt")
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Starts at").fill("14:00")
    page.get_by_label("Ends at").fill("16:00")
    page.get_by_label("Your name").fill("Griet")
    page.get_by_label("Your email address").fill("griet@example.org")
    page.get_by_role("button", name="Send my proposal").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    deliver_due()
    link = re.search(r"http://127\.0\.0\.1:8000(/\S+/confirm/)", mail.outbox[-1].body).group(1)
    page.goto(live_server.url + link)
    page.get_by_role("button", name="Confirm my proposal").click()


def test_approve_and_trust_then_the_next_proposal_publishes_at_once(
    live_server, page, assert_accessible, screenshot
):
    day = timezone.localdate() + timedelta(days=30)
    campaign = CampaignFactory(
        slug="spring", title="Spring action", starts_on=day, ends_on=day, is_open_for_proposals=True
    )
    coordinator = UserFactory(email="coord@example.org", name="Coco")
    campaign.coordinators.add(coordinator)

    propose_and_confirm(page, live_server, day, title="First march", city="Groningen")
    expect(page.get_by_text("A coordinator will look at your proposal soon")).to_be_visible()

    sign_in(page, live_server, coordinator)
    page.goto(f"{live_server.url}/en/dashboard/campaigns/spring/proposals/")
    expect(page.get_by_role("heading", name="First march")).to_be_visible()
    assert_accessible()
    screenshot("queue-before")
    page.get_by_role("button", name="Approve and trust this host First march").click()
    expect(page.get_by_text("Its host is trusted in this campaign")).to_be_visible()
    assert TrustedHost.objects.get().campaign == campaign
    trusted_hosts = page.get_by_role("region", name="Published by trusted hosts")
    expect(trusted_hosts.get_by_text("griet@example.org · in this campaign")).to_be_visible()

    propose_and_confirm(page, live_server, day, title="Second march", city="Leiden")
    expect(
        page.get_by_text("As a trusted host, your event is published right away")
    ).to_be_visible()
    second = EventProposal.objects.get(event__title="Second march")
    assert second.state == "approved" and second.published_by_trusted_host
    assert second.event.status == LocalEvent.Status.APPROVED
    page.goto(f"{live_server.url}/en/events/{second.event.pk}/")
    expect(page.get_by_role("heading", name="Second march")).to_be_visible()

    sign_in(page, live_server, coordinator)
    page.goto(f"{live_server.url}/en/dashboard/campaigns/spring/proposals/")
    trusted_part = page.get_by_role("region", name="Published by trusted hosts")
    expect(trusted_part.get_by_role("heading", name="Second march")).to_be_visible()
    assert_accessible()
    screenshot("queue-trusted")
    trusted_part.get_by_role("button", name="Stop trusting griet@example.org").click()
    expect(page.get_by_text("griet@example.org is no longer trusted")).to_be_visible()
    assert not TrustedHost.objects.exists()

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Undo: unpublish Second march").click()
    expect(page.get_by_text("is no longer public and waits for your decision")).to_be_visible()
    second.refresh_from_db()
    assert second.state == "pending"
    waiting = page.get_by_role("region", name="Waiting for a decision")
    expect(waiting.get_by_text("Taken back from a trusted host")).to_be_visible()
