"""An alert's "change or stop" link on a phone: the page fits, is accessible, and one click stops
the emails; in English and Dutch."""

import pytest
from playwright.sync_api import expect

from tests.factories import LocalEventFactory, UserFactory
from turnout.alerts.models import AlertPreference
from turnout.alerts.preferences import preferences_with_tokens

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("language", "stop", "stopped", "often", "hourly", "save"),
    [
        ("en", "Stop these emails", "You will not get these emails any more.",
         "Or choose how often", "One email an hour", "Save"),
        ("nl", "Stop deze e-mails", "Je krijgt deze e-mails niet meer.",
         "Of kies hoe vaak", "Eén e-mail per uur", "Opslaan"),
    ],
)  # fmt: skip
def test_an_organizer_stops_or_changes_signup_digests_from_the_link_on_a_phone(
    live_server, page, screenshot, assert_accessible, language, stop, stopped, often, hourly, save
):
    olga = UserFactory(email="olga@example.org", name="Olga", language=language)
    LocalEventFactory(title="March in Utrecht").organizers.add(olga)
    row = preferences_with_tokens([olga], kind="signups")[olga.pk]
    page.goto(f"{live_server.url}/{language}/alerts/{row.token}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible()
    screenshot(f"alerts-{language}")
    row.refresh_from_db()
    assert row.frequency == ""  # looking changed nothing

    page.get_by_role("group", name=often).get_by_label(hourly).check()
    page.get_by_role("button", name=save).click()
    row.refresh_from_db()
    assert row.frequency == "hourly"

    page.get_by_role("button", name=stop).click()
    expect(page.get_by_text(stopped)).to_be_visible()
    assert AlertPreference.objects.get(pk=row.pk).frequency == "off"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible()
