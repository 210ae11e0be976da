"""Bring a friend in a real browser: a participant's link brings a friend, who is counted."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import LocalEventFactory
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import Signup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "name": "Your name",
        "email": "Email address",
        "conduct": "I accept the protesters' code of conduct",
        "sign_up": "Sign up",
        "confirm": "Confirm my signup",
        "link": "Your link",
        "heading": "Bring a friend",
        "counted": "1 person signed up through your link",
        "near": "Also near you",
    },
    "nl": {
        "name": "Je naam",
        "email": "E-mailadres",
        "conduct": "Ik aanvaard de gedragscode voor demonstranten",
        "sign_up": "Aanmelden",
        "confirm": "Bevestig mijn aanmelding",
        "link": "Je link",
        "heading": "Neem iemand mee",
        "counted": "1 persoon heeft zich via jouw link aangemeld",
        "near": "Ook bij jou in de buurt",
    },
}


@pytest.fixture
def events(transactional_db, settings):
    settings.SIGNUP_MIN_SECONDS = 0  # a robot types faster than the time trap allows
    utrecht = LocalEventFactory(
        title="Protest in Utrecht", city="Utrecht", latitude=52.09, longitude=5.12, capacity=20
    )
    LocalEventFactory(
        campaign=utrecht.campaign,
        title="Protest in Amersfoort",
        city="Amersfoort",
        latitude=52.16,
        longitude=5.39,
    )
    return utrecht


def sign_up_and_confirm(page, base, event, words, *, name, email, path=None):
    page.goto(path or f"{base}/{words['lang']}/events/{event.pk}/")
    form = page.locator("#signup")
    form.get_by_label(words["name"]).fill(name)
    form.get_by_label(words["email"]).fill(email)
    form.get_by_label(words["conduct"]).check()
    form.get_by_role("button", name=words["sign_up"]).click()
    page.wait_for_url("**/check-your-inbox/")
    write_owed_letters()  # what the worker does moments after the signup
    body = OutboxMessage.objects.get(to_email=email, kind="confirm_request").body_text
    page.goto(base + re.search(r"/(en|nl)/signups/[\w-]+/", body).group(0))
    page.get_by_role("button", name=words["confirm"]).click()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_friend_comes_through_the_share_link_and_is_counted(
    live_server, page, events, language, screenshot, assert_accessible
):
    words = {**WORDS[language], "lang": language}
    sign_up_and_confirm(
        page, live_server.url, events, words, name="Ada Lovelace", email="ada@example.org"
    )
    expect(page.get_by_role("heading", name=words["heading"])).to_be_visible()
    expect(page.get_by_role("heading", name=words["near"])).to_be_visible()
    expect(page.get_by_role("link", name="Protest in Amersfoort")).to_be_visible()
    share_link = page.get_by_label(words["link"]).input_value()
    assert "?via=" in share_link
    assert_accessible()
    screenshot(f"share-{language}")
    manage_url = page.url

    friend = page.context.browser.new_context(viewport={"width": 390, "height": 844})
    friend_page = friend.new_page()
    sign_up_and_confirm(
        friend_page,
        live_server.url,
        events,
        words,
        name="Grace Hopper",
        email="grace@example.org",
        path=share_link.replace("http://127.0.0.1:8000", live_server.url),
    )
    assert "Ada" not in friend_page.content()
    friend.close()

    assert Signup.objects.get(email="grace@example.org").referred_by.email == "ada@example.org"
    page.goto(manage_url)
    expect(page.get_by_text(words["counted"])).to_be_visible()
