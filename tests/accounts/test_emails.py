"""Emails about accounts and organizing: one outbox row per recipient, written with the change."""

from datetime import UTC, datetime

import pytest
from django.db import transaction

from tests.factories import UserFactory
from turnout.accounts import sign_in
from turnout.accounts.emails import compose_email
from turnout.notifications import outbox
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import as_email_message

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 1, 12, tzinfo=UTC)


def test_plain_text_stays_plain_and_the_html_copy_is_escaped_with_working_links():
    user = UserFactory(name="O'Brien <b>&</b>", language="en")
    email = compose_email(
        kind="sign_in",
        to=user.email,
        language="en",
        subject_template="accounts/email/sign_in_subject.txt",
        body_template="accounts/email/sign_in_body.txt",
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
    email = compose_email(
        kind="organizers_message",
        to="org@example.org",
        language="en",
        subject_template="accounts/email/sign_in_subject.txt",
        body_template="accounts/email/sign_in_body.txt",
        context={"user": UserFactory(), "link": "", "code": "1", "minutes": 1},
        reply_to="coord@example.org",
    )
    row = outbox.enqueue(email, now=NOW)
    assert row.reply_to == "coord@example.org"
    assert as_email_message(row).reply_to == ["coord@example.org"]
    assert as_email_message(OutboxMessage(to_email="x@example.org", message_id="<1@x>",
                                          subject="s", body_text="t")).reply_to == []  # fmt: skip
