"""Emails about accounts and organizing: one outbox row per recipient, written with the change."""

from datetime import UTC, datetime

import pytest
from django.db import transaction
from django.template.loader import render_to_string

from tests.factories import UserFactory
from turnout.accounts import sign_in
from turnout.notifications import outbox
from turnout.notifications.composition import compose
from turnout.notifications.mime import as_email_message
from turnout.notifications.models import OutboxMessage

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def test_plain_text_stays_plain_and_the_html_copy_is_escaped_with_working_links():
    user = UserFactory(name="O'Brien <b>&</b>", language="en")
    email = compose(
        kind="sign_in",
        template="accounts/email/sign_in",
        to=user.email,
        language="en",
        context={"user": user, "link": "http://127.0.0.1:8000/en/x/", "code": "123456",
                 "minutes": 20},
    )  # fmt: skip
    assert "Hello O'Brien <b>&</b>," in email.text
    assert "O&#x27;Brien &lt;b&gt;&amp;&lt;/b&gt;" in email.html
    assert '<a href="http://127.0.0.1:8000/en/x/"' in email.html
    assert '<html lang="en">' in email.html and "<b>" not in email.html


def test_a_rolled_back_sign_in_request_leaves_no_email():
    UserFactory(email="ada@example.org")
    with pytest.raises(RuntimeError), transaction.atomic():
        sign_in.request_sign_in(email="ada@example.org", now=NOW)
        assert OutboxMessage.objects.filter(kind="sign_in").exists()
        raise RuntimeError("the request failed after asking")
    assert not OutboxMessage.objects.exists()


def test_reply_to_is_kept_on_the_row_and_in_the_message():
    email = compose(
        kind="organizers_message",
        template="accounts/email/sign_in",
        to="org@example.org",
        language="en",
        context={"user": UserFactory(), "link": "", "code": "1", "minutes": 1},
        reply_to="coord@example.org",
    )
    row = outbox.enqueue(email, now=NOW)
    assert row.reply_to == "coord@example.org"
    assert as_email_message(row).reply_to == ["coord@example.org"]
    assert as_email_message(OutboxMessage(to_email="x@example.org", message_id="<1@x>",
                                          subject="s", body_text="t")).reply_to == []  # fmt: skip


def test_a_sign_in_email_is_composed_like_every_other_email(settings):
    """One composer: the link is absolute under the person's language, the subject comes from
    the app's template, and the HTML is notifications' one layout (no second base)."""
    settings.SITE_URL = "https://turnout.example"
    UserFactory(email="ada@example.org", language="nl")
    sign_in.request_sign_in(email="ada@example.org", now=NOW)
    row = OutboxMessage.objects.get(kind="sign_in")
    assert row.language == "nl"
    assert "https://turnout.example/nl/" in row.body_text
    assert row.subject.startswith("Je inlogcode voor ")
    layout = render_to_string(
        "notifications/email/_base.html",
        {"language": "nl", "site_name": settings.TURNOUT_SITE_NAME},
    )
    head = layout.split("<title>")[0]
    assert row.body_html.startswith(head)
    assert '<a href="https://turnout.example/nl/' in row.body_html


@pytest.mark.parametrize(("page_language", "expected"), [("nl", "Je inlogcode"), ("en", "Your")])
def test_the_sign_in_email_speaks_the_language_of_the_page_used(client, page_language, expected):
    UserFactory(email="ada@example.org", language="en" if page_language == "nl" else "nl")
    client.post(f"/{page_language}/accounts/sign-in/", {"email": "ada@example.org"})
    outbox.write_owed_letters()  # as the delivery run does first
    row = OutboxMessage.objects.get(kind="sign_in")
    assert row.language == page_language
    assert row.subject.startswith(expected)
    assert f"/{page_language}/accounts/sign-in/link/" in row.body_text
