"""Three leftovers of earlier sweeps: the API's links under a forged Host, a share code written
by a GET, and the sign-in email limit counted without a lock."""

from datetime import UTC, datetime

import pytest
from django.db import connection

from tests.concurrency import all_at_once
from tests.factories import LocalEventFactory, UserFactory
from tests.signups.factories import SignupFactory
from turnout.accounts.models import SignInCode
from turnout.accounts.sign_in import MAX_REQUESTS_PER_HOUR, network_digest, request_sign_in
from turnout.signups.models import Signup
from turnout.signups.sections import CONFIRMED_EMAIL, render_participant_sections

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


@pytest.mark.django_db
@pytest.mark.parametrize("host", ["evil.example", "turnout.example.evil.example:8443"])
def test_the_api_root_names_the_configured_site_whatever_host_the_request_named(
    client, settings, host
):
    # A deployment that answers any Host (a proxy in front decides): nothing the visitor
    # types in the Host header may come back in a link, where a shared cache would keep it.
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_URL = "https://turnout.example"
    response = client.get("/api/v1/", HTTP_HOST=host)
    assert response.status_code == 200
    body = response.json()
    links = [entry["url"] for entry in body["endpoints"].values()] + list(body["feeds"].values())
    assert links and all(link.startswith("https://turnout.example/") for link in links)
    assert "evil" not in response.content.decode()


@pytest.fixture
def older_signup(db):
    """Confirmed before share codes existed: no code yet."""
    event = LocalEventFactory(title="Klimaatmars Amsterdam", city="Amsterdam")
    return SignupFactory(event=event, name="Joris de Vries", language="nl", referral_code=None)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_opening_the_manage_page_writes_no_share_code(client, older_signup, language):
    page = client.get(f"/{language}/signups/{older_signup.token}/")
    assert page.status_code == 200
    older_signup.refresh_from_db()
    assert older_signup.referral_code is None
    # What the participant sees instead: a button that asks for the link by POST.
    html = page.content.decode()
    assert f'action="/{language}/share/code/{older_signup.token}/"' in html
    assert "?via=" not in html


def test_the_button_gives_the_code_once_and_the_page_then_shows_the_link(client, older_signup):
    url = f"/nl/share/code/{older_signup.token}/"
    assert client.get(url).status_code == 405  # a GET writes nothing here either
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"/nl/signups/{older_signup.token}/#share-heading"
    older_signup.refresh_from_db()
    code = older_signup.referral_code
    assert code
    client.post(url)
    assert Signup.objects.get(pk=older_signup.pk).referral_code == code
    page = client.get(f"/nl/signups/{older_signup.token}/").content.decode()
    assert f"?via={code}" in page


@pytest.mark.django_db
def test_the_button_gives_no_code_to_a_cancelled_signup_or_an_unknown_link(client):
    cancelled = SignupFactory(state=Signup.State.CANCELLED, referral_code=None, name="Lucía")
    assert client.post(f"/en/share/code/{cancelled.token}/").status_code == 302
    cancelled.refresh_from_db()
    assert cancelled.referral_code is None
    assert client.post("/en/share/code/not-a-real-token/").status_code == 404


def test_the_youre_in_email_still_gives_a_code(older_signup):
    # The delivery worker writes this email; there a write is expected.
    text = render_participant_sections(older_signup, CONFIRMED_EMAIL, fmt="txt")
    older_signup.refresh_from_db()
    assert older_signup.referral_code
    assert f"?via={older_signup.referral_code}" in text


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrency is tested on PostgreSQL (set DATABASE_URL); SQLite serializes writers",
)
def test_simultaneous_requests_send_no_more_sign_in_emails_than_the_limit():
    user = UserFactory(email="ingrid@example.org", is_active=True)
    network = network_digest("203.0.113.7")
    jobs = [
        lambda: request_sign_in(email="ingrid@example.org", now=NOW, network=network)
        for _ in range(16)
    ]
    assert all_at_once(jobs) == []
    assert SignInCode.objects.filter(user=user).count() == MAX_REQUESTS_PER_HOUR
