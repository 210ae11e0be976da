"""An outbox email is written out once: the check before sending makes the bytes sent.

The line endings other than SMTP's are derived from the written bytes, and the headers that fit
on their line are written without compat32's folding machinery (notifications/mime.py), so they
must be what the email package would have written itself, whatever the text: any body, subject,
HTML, address and attachment, with every kind of line ending in them.
"""

import email
import re
from email.policy import compat32

import pytest
from django.core.mail import EmailMultiAlternatives
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from turnout.notifications import outbox
from turnout.notifications.mime import QUICK_FOLD
from turnout.notifications.models import OutboxMessage

# Line endings of every kind among ordinary and non-ASCII text, or any text a database holds.
PIECES = ["a", "é", "字", " ", "\n", "\r", "\r\n", ".", "=", "-", "From ", "\t"]
TEXT = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=200).map("".join),
    st.text(st.characters(codec="utf-8"), max_size=200),
)


def row(
    subject: str, text: str, html: str, attachment: str, to: str = "ada@example.org"
) -> OutboxMessage:
    return OutboxMessage(
        message_id="<written-once@example.org>",
        to_email=to,
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


def as_compat32_writes(mime, **kwargs) -> bytes:
    """What the email package writes of the very same MIME object (same boundaries and date)
    with the policy Django gives it, compat32, and nothing of ours."""
    policy, mime.policy = mime.policy, compat32
    try:
        return type(mime).as_bytes(mime, **kwargs)
    finally:
        mime.policy = policy


# Addresses as the outbox holds them: plain, long, and with a domain that needs encoding.
ADDRESS = st.sampled_from(
    ["ada@example.org", "ada@bücher.example", f"{'l' * 60}@{'d' * 60}.example.org"]
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(subject=TEXT, text=TEXT, html=TEXT, attachment=TEXT, to=ADDRESS)
def test_every_byte_is_what_the_email_package_writes(subject, text, html, attachment, to):
    mime = outbox.mime_message(row(subject, text, html, attachment, to)).message()
    sent = mime.as_bytes(linesep="\r\n")
    assert sent == as_compat32_writes(mime, linesep="\r\n")
    assert mime.as_bytes() == as_compat32_writes(mime)
    assert mime.as_bytes(linesep="\n") == as_compat32_writes(mime, linesep="\n")


# Header values around the line's limit: ASCII words, runs of spaces, encoded-word look-alikes,
# separators the folding splits on, and text that needs encoding.
WORDS = ["a", "Protest", "=?utf-8?q?x?=", ";", ",", " ", "  ", "\t", "é", "<m@x.org>", "x" * 30]
HEADER_VALUE = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=30).map("".join),
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=120),
    st.text(max_size=90),
)
HEADER_NAME = st.sampled_from(
    ["Subject", "To", "Message-ID", "Content-Type", "List-Unsubscribe", "X-" + "h" * 40]
)


@settings(max_examples=600)
@given(name=HEADER_NAME, value=HEADER_VALUE, linesep=st.sampled_from(["\n", "\r\n"]))
def test_a_header_is_folded_as_compat32_folds_it(name, value, linesep):
    quick, plain = QUICK_FOLD.clone(linesep=linesep), compat32.clone(linesep=linesep)
    assert quick.fold_binary(name, value) == plain.fold_binary(name, value)


def test_a_header_that_fits_skips_the_header_machinery(monkeypatch):
    def refuse(*args):
        raise AssertionError("compat32's folding was asked")

    monkeypatch.setattr(compat32.__class__, "fold_binary", refuse)
    quick = QUICK_FOLD.clone(linesep="\r\n")
    folded = quick.fold_binary("Subject", "Please confirm your signup: Protest in Utrecht")
    assert folded == b"Subject: Please confirm your signup: Protest in Utrecht\r\n"


def test_each_message_has_boundaries_of_its_own_and_parses_back_whole():
    first, second = (
        outbox.mime_message(row("Hello", "Body\n", "<p>Body</p>", "BEGIN:VCALENDAR\r\n"))
        .message()
        .as_bytes(linesep="\r\n")
        for _ in range(2)
    )
    boundaries = re.findall(rb'boundary="(=+[0-9a-f]{32}==)"', first)
    assert len(boundaries) == 2  # the mixed message and its text/HTML alternative
    assert not set(boundaries) & set(re.findall(rb'boundary="([^"]+)"', second))

    parsed = email.message_from_bytes(first)
    parts = [part for part in parsed.walk() if not part.is_multipart()]
    assert [part.get_content_type() for part in parts] == [
        "text/plain", "text/html", "text/calendar"
    ]  # fmt: skip
    assert parts[0].get_payload(decode=True) == b"Body\r\n"  # as written for SMTP
    assert parts[2].get_payload(decode=True) == b"BEGIN:VCALENDAR\r\n"


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
