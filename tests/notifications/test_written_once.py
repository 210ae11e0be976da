"""An outbox email is written out once: the check before sending makes the bytes sent.

The line endings other than SMTP's are derived from the written bytes, so they must be what
the email package would have written itself, whatever the text: any body, subject, HTML and
attachment, with every kind of line ending in them.
"""

import pytest
from django.core.mail import EmailMultiAlternatives
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.notifications import outbox
from turnout.notifications.models import OutboxMessage

# Line endings of every kind among ordinary and non-ASCII text, or any text a database holds.
PIECES = ["a", "é", "字", " ", "\n", "\r", "\r\n", ".", "=", "-", "From ", "\t"]
TEXT = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=200).map("".join),
    st.text(st.characters(codec="utf-8"), max_size=200),
)


def row(subject: str, text: str, html: str, attachment: str) -> OutboxMessage:
    return OutboxMessage(
        message_id="<written-once@example.org>",
        to_email="ada@example.org",
        language="nl",
        subject=subject,
        body_text=text,
        body_html=html,
        unsubscribe_url="https://example.org/u/1/",
        attachments=[
            {
                "filename": "x.ics",
                "content": attachment,
                "mimetype": "text/calendar",
                "method": "REQUEST",
            }
        ],  # fmt: skip
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subject=TEXT, text=TEXT, html=TEXT, attachment=TEXT)
def test_every_line_ending_is_what_the_email_package_writes(subject, text, html, attachment):
    mime = outbox.mime_message(row(subject, text, html, attachment)).message()
    sent = mime.as_bytes(linesep="\r\n")
    # The email package's own writing, of the very same MIME object (same boundary and date).
    plain = type(mime).as_bytes
    assert sent == plain(mime, linesep="\r\n")
    assert mime.as_bytes() == plain(mime)
    assert mime.as_bytes(linesep="\n") == plain(mime, linesep="\n")


def test_the_message_is_built_once_and_written_once(monkeypatch):
    built = []
    original = EmailMultiAlternatives.message

    def counted(self):
        built.append(self)
        return original(self)

    monkeypatch.setattr(EmailMultiAlternatives, "message", counted)
    email = outbox.mime_message(row("Hello", "Body\n", "<p>Body</p>", "BEGIN:VCALENDAR\r\n"))
    mime = email.message()
    first = mime.as_bytes(linesep="\r\n")

    assert mime.as_bytes(linesep="\r\n") is first  # not written again
    assert email.message() is mime
    assert len(built) == 1


def test_text_no_encoding_takes_fails_the_message_not_the_run():
    # A lone surrogate cannot be stored by either database, but a row built in memory (or by
    # a future path) must not take the whole delivery run down with it.
    broken = row("Hello", "Body", "", "\ud800")

    with pytest.raises(outbox.Undeliverable) as raised:
        outbox.mime_message(broken)

    assert raised.value.failure == OutboxMessage.Failure.BAD_HEADER
