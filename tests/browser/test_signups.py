"""A participant signs up on the event page, confirms, and cancels, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import Signup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def event(transactional_db, settings):
    settings.SIGNUP_MIN_SECONDS = 0  # a robot types faster than the time trap allows
    return LocalEventFactory(title="Protest in Utrecht", city="Utrecht", venue="Neude", capacity=20)


def manage_path(email: str) -> str:
    write_owed_letters()  # what the worker does moments after the signup
    body = OutboxMessage.objects.get(to_email=email, kind="confirm_request").body_text
    return re.search(r"/(en|nl)/signups/[\w-]+/", body).group(0)


def test_participant_signs_up_confirms_and_cancels(
    live_server, page, event, screenshot, assert_accessible
):
    page.goto(f"{live_server.url}/en/events/{event.pk}/")
    page.get_by_role("link", name="Sign up (Utrecht)").click()
    form = page.locator("#signup")
    expect(form.get_by_text("20 places left.")).to_be_visible()
    form.get_by_label("Your name").fill("Ada Lovelace")
    form.get_by_label("Email address").fill("ada@example.org")
    form.get_by_label("I accept the protesters' code of conduct").check()
    assert_accessible()
    screenshot("form")
    form.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/check-your-inbox/")
    expect(page.get_by_role("heading", name="Check your inbox")).to_be_visible()
    assert_accessible()

    page.goto(live_server.url + manage_path("ada@example.org"))
    page.get_by_role("button", name="Confirm my signup").click()
    expect(page.get_by_text("You're in! We've emailed you the calendar invite.")).to_be_visible()
    expect(page.get_by_role("link", name="Download the calendar invite")).to_be_visible()
    assert_accessible()
    screenshot("confirmed")
    page.get_by_role("button", name="Cancel my signup").click()
    expect(page.get_by_text("Your signup is cancelled.")).to_be_visible()
    assert Signup.objects.get().state == "cancelled"


def test_form_errors_are_announced_and_keep_what_was_typed_in_dutch(
    live_server, page, event, assert_accessible
):
    page.goto(f"{live_server.url}/nl/events/{event.pk}/#signup")
    form = page.locator("#signup")
    form.get_by_label("Je naam").fill("Ada")
    form.get_by_label("E-mailadres").fill("geen-adres")
    form.get_by_role("button", name="Aanmelden").click()
    form = page.locator("#signup")
    expect(form.get_by_text("Aanvaard de gedragscode om je aan te melden.")).to_be_visible()
    assert form.get_by_label("E-mailadres").input_value() == "geen-adres"
    assert_accessible()
    assert not Signup.objects.exists()


def test_a_full_event_offers_the_waitlist_without_javascript(live_server, browser, event):
    SignupFactory.create_batch(20, event=event)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.route(lambda url: not url.startswith("http://localhost"), lambda route: route.abort())
    page.goto(f"{live_server.url}/en/events/{event.pk}/")
    form = page.locator("#signup")
    expect(form.get_by_text("This event is full.")).to_be_visible()
    form.get_by_label("Your name").fill("Grace Hopper")
    form.get_by_label("Email address").fill("grace@example.org")
    form.get_by_label("I accept the protesters' code of conduct").check()
    form.get_by_role("button", name="Join the waitlist").click()
    page.wait_for_url("**/check-your-inbox/")
    context.close()
    assert Signup.objects.get(email="grace@example.org").state == "awaiting_confirmation"
