"""A person's data by email link (export and erasure) and the retention sweep."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters
from turnout.signups.models import PrivacyLinkRequest, Signup
from turnout.signups.selectors import count_signups_by_event
from turnout.signups.services.privacy import anonymize_expired_signups

pytestmark = pytest.mark.django_db


def privacy_link(email: str) -> str:
    write_owed_letters()  # what a delivery run does first: answer the requests
    message = OutboxMessage.objects.get(kind="privacy_link", to_email=email)
    return re.search(r"/(en|nl)/signups/privacy/[^/\s]+/", message.body_text).group(0)


def test_asking_answers_the_same_whether_or_not_we_hold_anything(client):
    SignupFactory(email="ada@example.org")
    known = client.post("/en/signups/privacy/", {"email": "Ada@example.org"})
    unknown = client.post("/en/signups/privacy/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert "If we hold anything about this address" in known.content.decode()
    assert not OutboxMessage.objects.exists()  # written by the delivery run, not the request
    write_owed_letters()
    assert list(OutboxMessage.objects.values_list("to_email", flat=True)) == ["ada@example.org"]
    assert not PrivacyLinkRequest.objects.exists()


def test_asking_does_the_same_work_whether_or_not_we_hold_anything(client):
    """Nothing a visitor can time tells whether an address signed up for a protest."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    SignupFactory(email="ada@example.org")

    def statements(email: str) -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            client.post("/en/signups/privacy/", {"email": email})
        shapes = [re.sub(r"'[^']*'|\b\d+\b", "?", q["sql"]) for q in queries.captured_queries]
        return [shape for shape in shapes if "django_session" not in shape]

    statements("someone@example.org")  # the site's settings cached, as on a running server
    assert statements("ada@example.org") == statements("nobody@example.org")


def test_the_link_shows_and_exports_everything_held_about_the_address(client):
    signup = SignupFactory(email="ada@example.org", name="Ada", phone="+31 6 1")
    SignupFactory(email="someone@example.org")
    client.post("/nl/signups/privacy/", {"email": "ada@example.org"})
    link = privacy_link("ada@example.org")
    assert link.startswith("/nl/")
    assert "1 aanmelding" in client.get(link).content.decode()
    data = json.loads(client.get(link + "my-data.json").content)
    assert data["email"] == "ada@example.org"
    assert [(s["name"], s["phone"], s["event"]) for s in data["signups"]] == [
        ("Ada", "+31 6 1", signup.event.title)
    ]
    assert data["emails"][0]["kind"] == "privacy_link"
    assert "someone@example.org" not in json.dumps(data)


def test_erasure_removes_the_person_but_keeps_the_counts(client):
    event = LocalEventFactory()
    SignupFactory(event=event, email="ada@example.org", name="Ada", phone="+31 6 1")
    SignupFactory(event=event, email="grace@example.org")
    before = count_signups_by_event([event.pk])
    client.post("/en/signups/privacy/", {"email": "ada@example.org"})
    link = privacy_link("ada@example.org")
    response = client.post(link + "erase/")
    assert "Your data is erased" in response.content.decode()
    assert not Signup.objects.filter(name="Ada").exists()
    assert not Signup.objects.filter(email="ada@example.org").exists()
    assert not OutboxMessage.objects.filter(to_email="ada@example.org").exists()
    assert count_signups_by_event([event.pk]) == before
    assert client.get(link).content.decode().count("We hold 0 signups") == 1


def test_an_expired_or_forged_link_says_so(client):
    SignupFactory(email="ada@example.org")
    with time_machine.travel(datetime(2030, 1, 1, tzinfo=UTC), tick=False):
        client.post("/en/signups/privacy/", {"email": "ada@example.org"})
        link = privacy_link("ada@example.org")
    with time_machine.travel(datetime(2030, 1, 2, 1, tzinfo=UTC), tick=False):
        assert client.get(link).status_code == 410
        assert client.post(link + "erase/").status_code == 410
    assert client.get("/en/signups/privacy/forged/").status_code == 410
    assert Signup.objects.get().email == "ada@example.org"


def test_retention_anonymizes_signups_of_events_that_ended_long_ago_only(settings):
    settings.SIGNUP_RETENTION_DAYS = 30
    now = datetime(2030, 8, 1, tzinfo=UTC)
    old = LocalEventFactory(
        starts_at=now - timedelta(days=40), ends_at=now - timedelta(days=40, hours=-2)
    )
    recent = LocalEventFactory(
        starts_at=now - timedelta(days=10), ends_at=now - timedelta(days=10, hours=-2)
    )
    SignupFactory(event=old, email="old@example.org", state="attended")
    SignupFactory(event=recent, email="recent@example.org")
    assert anonymize_expired_signups(now=now) == 1
    assert anonymize_expired_signups(now=now) == 0
    gone = Signup.objects.get(event=old)
    assert (gone.name, gone.email, gone.phone, gone.state) == ("", "", "", "attended")
    assert Signup.objects.get(event=recent).email == "recent@example.org"
    assert count_signups_by_event([old.pk])[old.pk]["attended"] == 1
