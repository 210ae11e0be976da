"""A volunteer proposes an event in a browser; a coordinator signs in by code and approves."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import CampaignFactory, UserFactory
from turnout.campaigns.models import LocalEvent
from turnout.notifications.outbox import deliver_due

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _path_in(message, pattern: str) -> str:
    return re.search(rf"http://127\.0\.0\.1:8000(/\S*{pattern}\S*/)", message.body).group(1)


def test_volunteer_proposes_and_coordinator_approves(
    live_server, page, assert_accessible, screenshot
):
    day = timezone.localdate() + timedelta(days=30)
    campaign = CampaignFactory(
        slug="spring", title="Spring action", starts_on=day, ends_on=day, is_open_for_proposals=True
    )
    campaign.coordinators.add(UserFactory(email="coord@example.org", name="Coco"))

    page.goto(f"{live_server.url}/en/campaigns/spring/")
    page.get_by_role("link", name="Propose an event in your city").click()
    page.wait_for_url("**/en/campaigns/spring/organize/")
    assert_accessible()
    page.get_by_label("City or town").fill("Groningn")  # a typo the gazetteer does not know
    page.get_by_label("Venue or meeting point").fill("Vismarkt")
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Starts at").fill("14:00")
    page.get_by_label("Ends at").fill("16:00")
    page.get_by_label("Your name").fill("Griet")
    page.get_by_label("Your email address").fill("griet@example.org")
    page.get_by_role("button", name="Send my proposal").click()
    expect(page.get_by_text("Did you mean “Groningen, Netherlands”?")).to_be_visible()
    assert_accessible()
    city = page.get_by_label("City or town")
    city.fill("Groning")  # the suggestions come from this site's gazetteer as one types
    page.locator('#id_city-suggestions option[value="Groningen, Netherlands"]').wait_for(
        state="attached"
    )
    city.fill("Groningen, Netherlands")  # what picking the suggestion puts in the field
    screenshot("proposal-form")
    page.get_by_role("button", name="Send my proposal").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert_accessible()
    event = LocalEvent.objects.get(city="Groningen")
    assert (event.country, event.timezone) == ("NL", "Europe/Amsterdam")
    assert mail.outbox == []  # in the outbox until the worker runs
    deliver_due()

    page.goto(live_server.url + _path_in(mail.outbox[-1], "/confirm"))
    page.get_by_role("button", name="Confirm my proposal").click()
    expect(page.get_by_text("Your email address is confirmed.")).to_be_visible()

    page.goto(
        f"{live_server.url}/en/accounts/sign-in/?next=/en/dashboard/campaigns/spring/proposals/"
    )
    assert_accessible()
    page.get_by_label("Your email address").fill("coord@example.org")
    page.get_by_role("button", name="Email me a sign-in link").click()
    page.wait_for_url("**/en/accounts/sign-in/code/**")
    deliver_due()
    code = re.search(r"\d{6}", mail.outbox[-1].subject).group(0)
    assert_accessible()
    page.get_by_label("Six-digit code").fill(code)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/dashboard/campaigns/spring/proposals/")
    expect(page.get_by_role("heading", name="Spring action · Groningen")).to_be_visible()
    expect(page.get_by_text("griet@example.org")).to_be_visible()
    assert_accessible()
    screenshot("moderation-queue")

    page.get_by_role("button", name="Approve Spring action · Groningen").click()
    expect(page.get_by_text("The proposer now organizes it.")).to_be_visible()
    expect(page.get_by_text("No proposal is waiting.")).to_be_visible()
    deliver_due()
    assert mail.outbox[-1].subject == "Your event in Groningen is approved"
    assert LocalEvent.objects.get(city="Groningen").status == LocalEvent.Status.APPROVED

    page.goto(f"{live_server.url}/en/campaigns/spring/")
    expect(page.get_by_role("link", name="Groningen", exact=True).first).to_be_visible()


def test_dashboard_and_group_pages_are_accessible_on_a_phone(live_server, page, assert_accessible):
    from tests.groups.factories import ChannelFactory, NationalGroupFactory

    group = NationalGroupFactory(name="PauseAI Nederland", slug="pauseai-nl")
    ChannelFactory(group=group)
    lead = UserFactory(email="lead@example.org")
    lead.set_password("a long passphrase for the lead")
    lead.save()
    group.leads.add(lead)
    page.goto(f"{live_server.url}/nl/groups/")
    assert_accessible()
    page.get_by_role("link", name="PauseAI Nederland").click()
    expect(page.get_by_role("link", name="Discord")).to_be_visible()
    assert_accessible()
    page.goto(f"{live_server.url}/en/accounts/sign-in/password/?next=/en/groups/pauseai-nl/edit/")
    page.get_by_label("Email address").fill("lead@example.org")
    page.get_by_label("Password").fill("a long passphrase for the lead")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/en/groups/pauseai-nl/edit/")
    assert_accessible()
    page.goto(f"{live_server.url}/en/dashboard/")
    expect(page.get_by_role("heading", name="Groups you lead")).to_be_visible()
    assert_accessible()
