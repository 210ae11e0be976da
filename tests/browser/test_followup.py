"""The day-after survey on a phone: a link's rating, the rest of the form, the thanks."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.followup import services
from turnout.followup.models import SurveyAnswer
from turnout.notifications.models import OutboxMessage
from turnout.signups.models import Signup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def survey_link(language: str, score: int) -> str:
    """The follow-up to Ada at an event that ended yesterday, and its link for `score`."""
    ended = datetime.now(UTC) - timedelta(days=1)
    event = LocalEventFactory(
        title="Protest in Utrecht",
        city="Utrecht",
        timezone="UTC",
        starts_at=ended - timedelta(hours=2),
        ends_at=ended,
    )
    SignupFactory(
        event=event, state=Signup.State.ATTENDED, email="ada@example.org", language=language
    )
    services.queue_event_follow_ups(event, now=datetime.now(UTC))
    body = OutboxMessage.objects.get(to_email="ada@example.org").body_text
    return re.search(rf"/{language}/follow-up/[\w-]+/\?how={score}", body).group(0)


def answer(page, *, again: str, send: str, thanks: str) -> None:
    page.get_by_label(again, exact=True).check()
    page.get_by_role("button", name=send).click()
    expect(page.get_by_role("heading", name=thanks)).to_be_visible()


@pytest.mark.parametrize(
    ("language", "again", "send", "thanks"),
    [
        ("en", "Maybe", "Send my answer", "Thank you for your answer"),
        ("nl", "Misschien", "Verstuur mijn antwoord", "Bedankt voor je antwoord"),
    ],
)
def test_a_participant_answers_from_the_email_link_on_a_phone(
    live_server, page, screenshot, assert_accessible, language, again, send, thanks
):
    page.goto(live_server.url + survey_link(language, 4))
    assert page.locator('input[name="how_was_it"][value="4"]').is_checked()
    assert not SurveyAnswer.objects.exists()  # opening the link saved nothing
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible()
    screenshot(f"survey-{language}")
    answer(page, again=again, send=send, thanks=thanks)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible()
    saved = SurveyAnswer.objects.get()
    assert (saved.how_was_it, saved.would_come_again) == (4, "maybe")


def test_the_survey_works_without_javascript(live_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + survey_link("en", 2))
        page.get_by_role("button", name="Send my answer").click()  # forgot the second question
        expect(
            page.get_by_role("alert").get_by_text("Say whether you would come again")
        ).to_be_visible()
        assert page.locator('input[name="how_was_it"][value="2"]').is_checked()  # kept
        answer(page, again="Yes", send="Send my answer", thanks="Thank you for your answer")
        saved = SurveyAnswer.objects.get()
        assert (saved.how_was_it, saved.would_come_again) == (2, "yes")
    finally:
        context.close()
