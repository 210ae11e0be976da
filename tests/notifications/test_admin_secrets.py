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
