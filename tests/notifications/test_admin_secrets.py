"""Sign-in emails carry a way into an account: the outbox admin never shows their text."""

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from turnout.notifications import outbox
from turnout.notifications.composition import Email

pytestmark = pytest.mark.django_db


def _queue(kind: str, text: str):
    return outbox.enqueue(
        Email(kind=kind, to="someone@example.org", language="en", subject="Hello",
              text=text, html=f"<p>{text}</p>"),
        now=timezone.now(),
    )  # fmt: skip


def test_sign_in_email_text_is_hidden_from_administrators(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    secret = _queue("sign_in", "Your code is 483920")
    ordinary = _queue("signup_confirmed", "See you on Saturday")

    secret_page = client.get(f"/admin/notifications/outboxmessage/{secret.pk}/change/")
    ordinary_page = client.get(f"/admin/notifications/outboxmessage/{ordinary.pk}/change/")

    assert secret_page.status_code == ordinary_page.status_code == 200
    assert "483920" not in secret_page.content.decode()
    assert "See you on Saturday" in ordinary_page.content.decode()


def test_the_code_of_a_real_sign_in_request_is_hidden_too(client):
    """The row the sign-in service writes (through the one composer) is of the hidden kind."""
    from turnout.accounts import sign_in
    from turnout.notifications.models import OutboxMessage

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    UserFactory(email="ada@example.org")
    sign_in.request_sign_in(email="ada@example.org", now=timezone.now())
    row = OutboxMessage.objects.get(to_email="ada@example.org")
    code = next(word.strip(".") for word in row.subject.split() if word.strip(".").isdigit())
    page = client.get(f"/admin/notifications/outboxmessage/{row.pk}/change/")
    assert page.status_code == 200
    assert code not in page.content.decode()


def test_the_list_and_its_search_never_tell_a_sign_in_code(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    secret = _queue("sign_in", "Your code")
    secret.subject = "Your sign-in code for Turnout: 483920"
    secret.save(update_fields=["subject"])
    _queue("signup_confirmed", "See you")

    listing = client.get("/admin/notifications/outboxmessage/").content.decode()
    assert "483920" not in listing and "someone@example.org" in listing
    for guess in ("4839", "code for Turnout: 48"):
        found = client.get("/admin/notifications/outboxmessage/", {"q": guess}).content.decode()
        assert f"/{secret.pk}/change/" not in found
    by_address = client.get("/admin/notifications/outboxmessage/", {"q": "someone@example"})
    assert f"/{secret.pk}/change/" in by_address.content.decode()
