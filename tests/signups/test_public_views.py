"""The signup form on the event page and the manage link, through the test client."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import CampaignFactory, LocalEventFactory
from tests.signups.factories import SignupFactory, form_data
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    return LocalEventFactory(title="Protest in Utrecht", city="Utrecht", venue="Neude", capacity=2)


def signup_url(event, language="en"):
    return f"/{language}/signups/events/{event.pk}/"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", ["Sign up", "code of conduct", "2 places left"]),
        ("nl", ["Aanmelden", "gedragscode", "Nog 2 plaatsen"]),
    ],
)
def test_event_page_shows_the_signup_form_in_the_page_language(client, event, language, expected):
    text = client.get(f"/{language}/events/{event.pk}/").content.decode()
    assert 'id="signup"' in text
    for phrase in expected:
        assert phrase in text
    assert f'href="/{language}/code-of-conduct/"' in text


def test_campaign_page_links_native_events_to_the_form(client, event):
    text = client.get(f"/en/campaigns/{event.campaign.slug}/").content.decode()
    assert f'href="/en/events/{event.pk}/#signup"' in text


def test_events_with_an_external_link_show_no_form(client):
    external = LocalEventFactory(signup_url="https://lu.ma/abc")
    text = client.get(f"/en/events/{external.pk}/").content.decode()
    assert 'id="signup"' not in text
    assert "lu.ma" in text


def test_full_event_offers_the_waitlist(client, event):
    SignupFactory.create_batch(2, event=event)
    text = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "This event is full" in text
    assert "Join the waitlist" in text


def test_signing_up_redirects_to_check_your_inbox_and_writes_one_signup_and_one_email(
    client, event
):
    response = client.post(signup_url(event, "nl"), form_data(email="Ada@Example.org"))
    assert response.status_code == 302
    assert response["Location"] == f"/nl/signups/events/{event.pk}/check-your-inbox/"
    signup = Signup.objects.get()
    assert (signup.email, signup.language, signup.state) == (
        "ada@example.org",
        "nl",
        "awaiting_confirmation",
    )
    assert not OutboxMessage.objects.exists()  # owed by the signup: the worker writes it
    assert signup.letter_due == Signup.Letter.CONFIRMATION_REQUEST
    assert write_owed_letters() == 1
    assert OutboxMessage.objects.get().to_email == "ada@example.org"
    page = client.get(response["Location"]).content.decode()
    assert "Kijk in je inbox" in page


def test_signing_up_twice_answers_the_same_and_changes_nothing(client, event):
    client.post(signup_url(event), form_data())
    response = client.post(signup_url(event), form_data(name="Imposter", phone="+1 555 0100"))
    assert response.status_code == 302
    assert Signup.objects.get().name == "Ada Lovelace"
    # The second click comes within minutes of the first: one email about it, not two.
    write_owed_letters()
    assert list(OutboxMessage.objects.values_list("kind", flat=True)) == ["confirm_request"]


def test_a_filled_honeypot_looks_like_success_but_writes_nothing(client, event):
    response = client.post(signup_url(event), form_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not Signup.objects.exists() and not OutboxMessage.objects.exists()


def test_a_form_sent_within_seconds_is_refused_with_a_reason(client, event):
    response = client.post(signup_url(event), form_data(shown_at=timezone.now()))
    assert response.status_code == 400
    assert "That was quick" in response.content.decode()
    assert not Signup.objects.exists()


def test_a_forged_or_missing_stamp_is_refused(client, event):
    response = client.post(signup_url(event), form_data(stamp="forged"))
    assert response.status_code == 400
    assert "This form has expired" in response.content.decode()


def test_missing_fields_are_explained_and_nothing_is_written(client, event):
    data = form_data(name="", email="not-an-email", phone="call me")
    del data["accepted_code_of_conduct"]
    response = client.post(signup_url(event), data)
    text = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in text
    assert "Enter a valid email address." in text
    assert "Give a phone number with digits only" in text
    assert "Please accept the code of conduct to sign up." in text
    assert 'value="not-an-email"' in text  # what was typed is kept
    assert not Signup.objects.exists()


def test_too_many_signups_for_one_address_say_when_to_try_again(client, event, settings):
    settings.SIGNUP_RATE_PER_EMAIL = 2
    with time_machine.travel(datetime(2030, 5, 1, 12, 20, tzinfo=UTC), tick=False):
        for _ in range(2):
            assert client.post(signup_url(event), form_data()).status_code == 302
        response = client.post(signup_url(event), form_data())
    assert response.status_code == 429
    assert "Please try again in 40 minutes." in response.content.decode()
    assert response["Retry-After"] == "2400"


def test_too_many_signups_from_one_ip_are_refused(client, event, settings):
    settings.SIGNUP_RATE_PER_IP = 3
    for i in range(3):
        assert (
            client.post(signup_url(event), form_data(email=f"p{i}@example.org")).status_code == 302
        )
    response = client.post(signup_url(event, "nl"), form_data(email="p9@example.org"))
    assert response.status_code == 429
    assert "Probeer het over" in response.content.decode()
    assert Signup.objects.count() == 3


def test_manage_link_confirms_then_offers_the_invite_and_cancels(client, event):
    signup = SignupFactory(event=event, state="awaiting_confirmation", confirmed_at=None)
    page = client.get(f"/en/signups/{signup.token}/").content.decode()
    assert "Confirm my signup" in page
    response = client.post(f"/en/signups/{signup.token}/confirm/", follow=True)
    text = response.content.decode()
    assert "You&#x27;re in!" in text or "You're in!" in text
    assert "Download the calendar invite" in text
    invite = client.get(f"/en/signups/{signup.token}/invite.ics")
    assert invite["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in invite.content
    response = client.post(f"/en/signups/{signup.token}/cancel/", follow=True)
    signup.refresh_from_db()
    assert signup.state == "cancelled"
    assert "Your signup is cancelled" in response.content.decode()


def test_manage_page_is_in_dutch_under_nl(client, event):
    signup = SignupFactory(event=event)
    text = client.get(f"/nl/signups/{signup.token}/").content.decode()
    assert "Je aanmelding" in text
    assert "Bevestigd" in text


def test_unknown_manage_link_is_not_found(client):
    assert client.get("/en/signups/not-a-token/").status_code == 404
    assert client.post("/en/signups/not-a-token/cancel/").status_code == 404


def test_cancel_and_confirm_need_a_post(client, event):
    signup = SignupFactory(event=event)
    assert client.get(f"/en/signups/{signup.token}/cancel/").status_code == 405
    signup.refresh_from_db()
    assert signup.state == "confirmed"


def test_signups_close_when_the_event_is_over(client):
    past = LocalEventFactory(
        starts_at=timezone.now() - timedelta(days=2), ends_at=timezone.now() - timedelta(days=2)
    )
    text = client.get(f"/en/events/{past.pk}/").content.decode()
    assert 'id="signup"' not in text
    CampaignFactory()  # unrelated campaigns do not matter
    response = client.post(signup_url(past), form_data())
    assert response.status_code == 400
    assert not Signup.objects.exists()


@pytest.mark.parametrize(
    ("state", "shown"),
    [
        ("waitlisted", "You are on the waitlist."),
        ("cancelled", "You have cancelled this signup."),
    ],
)
def test_the_manage_page_says_where_the_signup_stands(client, state, shown):
    from tests.signups.factories import SignupFactory

    signup = SignupFactory(state=state)
    assert shown in client.get(f"/en/signups/{signup.token}/").content.decode()
