"""Signing in by email: a one-time link or a code, never revealing who has an account."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from tests.factories import UserFactory
from turnout.accounts import sign_in
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import deliver_due

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=ZoneInfo("UTC"))


def _secrets(message) -> tuple[str, str]:
    link = re.search(r"https?://\S+/sign-in/link/\S+/", message.body).group(0)
    code = re.search(r"\b(\d{6})\b", message.subject).group(1)
    return link, code


def _request(client, email, **extra):
    return client.post("/en/accounts/sign-in/", {"email": email, **extra})


def test_known_address_receives_a_link_and_a_code_over_smtp_through_the_outbox(client, smtp_server):
    UserFactory(email="ada@example.org", name="Ada")
    response = _request(client, "Ada@Example.org")
    assert response.status_code == 302 and response["Location"] == "/en/accounts/sign-in/code/"
    assert smtp_server.messages == []  # written by the worker's delivery run, and sent
    assert not OutboxMessage.objects.exists()  # the request wrote no email: it asked for one
    deliver_due()
    [message] = smtp_server.messages
    assert message["To"] == "ada@example.org"
    assert message["Message-ID"] == OutboxMessage.objects.get(state="sent").message_id
    body = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert '<a href="http://127.0.0.1:8000/en/accounts/sign-in/link/' in html
    link = re.search(r"http://127\.0\.0\.1:8000(/en/accounts/sign-in/link/\S+/)", body).group(1)
    code = re.search(r"\b(\d{6})\b", message["Subject"]).group(1)
    assert message["Subject"] == f"Your sign-in code for Turnout: {code}"
    assert f"type this code on the sign-in page: {code}" in body
    assert "work once, for 20 minutes" in body
    assert client.post("/en/accounts/sign-in/code/", {"code": code})["Location"] == "/en/dashboard/"
    client.logout()
    assert client.post(link).status_code == 410  # the code used the sign-in up


def test_unknown_address_gets_the_same_answer_and_no_email(client):
    response = _request(client, "nobody@example.org")
    deliver_due()
    assert response["Location"] == "/en/accounts/sign-in/code/"
    page = client.get("/en/accounts/sign-in/code/").content.decode()
    assert "If nobody@example.org belongs to an account" in page
    assert mail.outbox == [] and not OutboxMessage.objects.exists()


def test_dutch_speakers_get_their_email_in_dutch(client):
    UserFactory(email="joost@example.org", language="nl")
    client.post("/nl/accounts/sign-in/", {"email": "joost@example.org"})
    deliver_due()
    [message] = mail.outbox
    assert message.subject.startswith("Je inlogcode voor Turnout")
    assert "/nl/accounts/sign-in/link/" in message.body


def test_the_code_signs_in_once(client):
    UserFactory(email="ada@example.org")
    _request(client, "ada@example.org")
    deliver_due()
    _link, code = _secrets(mail.outbox[0])
    response = client.post("/en/accounts/sign-in/code/", {"code": f"{code[:3]} {code[3:]}"})
    assert response.status_code == 302 and response["Location"] == "/en/dashboard/"
    assert client.get("/en/dashboard/").status_code == 200
    client.logout()
    assert sign_in.redeem_code(email="ada@example.org", code=code, now=NOW) is None


def test_five_wrong_codes_void_the_code(client):
    UserFactory(email="ada@example.org")
    _request(client, "ada@example.org")
    deliver_due()
    _link, code = _secrets(mail.outbox[0])
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _ in range(5):
        response = client.post("/en/accounts/sign-in/code/", {"code": wrong})
        assert "That code is not right" in response.content.decode()
    response = client.post("/en/accounts/sign-in/code/", {"code": code})
    assert response.status_code == 200  # the right code no longer works
    assert "_auth_user_id" not in client.session


def test_link_asks_before_signing_in_and_works_once(client):
    UserFactory(email="ada@example.org")
    client.post("/en/accounts/sign-in/?next=/en/groups/", {"email": "ada@example.org"})
    deliver_due()
    link, _code = _secrets(mail.outbox[0])
    path = link.removeprefix("http://127.0.0.1:8000")
    page = client.get(path)
    assert "Continue as ada@example.org" in page.content.decode()
    assert "_auth_user_id" not in client.session  # opening the link is not enough
    response = client.post(path)
    assert response.status_code == 302 and response["Location"] == "/en/groups/"
    client.logout()
    again = client.post(path)
    assert again.status_code == 410
    assert "This link no longer works" in again.content.decode()


def test_links_to_other_sites_are_not_followed_after_sign_in(client):
    UserFactory(email="ada@example.org")
    client.post(
        "/en/accounts/sign-in/", {"email": "ada@example.org", "next": "https://evil.example/"}
    )
    deliver_due()
    link, _code = _secrets(mail.outbox[0])
    response = client.post(link.removeprefix("http://127.0.0.1:8000"))
    assert response["Location"] == "/en/dashboard/"


def test_codes_expire_after_twenty_minutes():
    user = UserFactory(email="ada@example.org")
    record = sign_in.request_sign_in(email=user.email, now=NOW)
    assert record.expires_at == NOW + timedelta(minutes=20)
    assert sign_in.peek_link(token="not-a-token", now=NOW) is None
    with time_machine.travel(NOW + timedelta(minutes=21)):
        assert (
            sign_in.redeem_code(email=user.email, code="000000", now=NOW + timedelta(minutes=21))
            is None
        )


def test_at_most_five_emails_an_hour_per_person():
    user = UserFactory(email="ada@example.org")
    sent = [
        sign_in.request_sign_in(email=user.email, now=NOW + timedelta(minutes=i)) for i in range(6)
    ]
    assert all(sent[:5]) and sent[5] is None
    assert sign_in.request_sign_in(email=user.email, now=NOW + timedelta(hours=1, minutes=1))


def test_deactivated_people_cannot_sign_in():
    UserFactory(email="gone@example.org", is_active=False)
    assert sign_in.request_sign_in(email="gone@example.org", now=NOW) is None
    deliver_due()
    assert mail.outbox == []


def test_people_with_a_password_may_use_it(client):
    user = UserFactory(email="pat@example.org")
    user.set_password("a long passphrase for pat")
    user.save()
    response = client.post(
        "/en/accounts/sign-in/password/",
        {"username": "pat@example.org", "password": "a long passphrase for pat"},
    )
    assert response.status_code == 302 and response["Location"] == "/en/dashboard/"


@pytest.mark.parametrize("typed", ["Pat@Example.ORG", "  pat@example.org ", "PAT@EXAMPLE.ORG"])
def test_a_password_sign_in_takes_the_address_however_it_is_typed(client, typed):
    user = UserFactory(email="pat@example.org")
    user.set_password("a long passphrase for pat")
    user.save()
    response = client.post(
        "/en/accounts/sign-in/password/",
        {"username": typed, "password": "a long passphrase for pat"},
    )
    assert response.status_code == 302 and response["Location"] == "/en/dashboard/"


def test_sign_out_needs_a_post_and_ends_the_session(client):
    client.force_login(UserFactory())
    assert client.get("/en/accounts/sign-out/").status_code == 405
    response = client.post("/en/accounts/sign-out/", follow=True)
    assert "You are signed out." in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(("language", "heading"), [("en", "Sign in"), ("nl", "Inloggen")])
def test_sign_in_page_in_both_languages(client, language, heading):
    text = client.get(f"/{language}/accounts/sign-in/").content.decode()
    assert f"<h1>{heading}</h1>" in text


def test_dashboard_sends_visitors_to_sign_in(client):
    response = client.get("/nl/dashboard/")
    assert response.status_code == 302
    assert response["Location"].startswith("/nl/accounts/sign-in/?next=/nl/dashboard/")
