"""An outbox email as the MIME message sent: built once, written out once, and cheaply.

Sending is the delivery worker's main cost in a surge (hundreds of emails a second on the
machine that also answers the signups), and writing a MIME message out was most of it. What
the email package does is kept; what it does over and over for nothing is done once:

- the message is built and written once (`CheckedEmail`), though it is checked before the
  server is asked and the backend writes it again;
- its boundaries are random (`_boundary`), so no part needs searching for them;
- a header that fits on its line is written as it is (`_QuickFold`), which is what compat32's
  folding makes of it, without the Header machinery.

Each shortcut is tested to give the bytes the email package gives (tests/notifications/
test_written_once.py).
"""

import re
import secrets
from email import errors as email_errors
from email.mime.text import MIMEText
from email.policy import Compat32

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.core.validators import validate_email

from turnout.web.email_addresses import ascii_domain
from turnout.web.text import single_line

from .composition import SUBJECT_MAX, Attachment
from .models import OutboxMessage


class CheckedEmail(EmailMultiAlternatives):
    """An email whose MIME message is built and written out once.

    Checking a message before the server is asked means writing it out, and the mail backend
    then writes it out again: twice the header folding and encoding, which was half of
    sending an email's CPU time. Here the check's bytes are the bytes sent.
    """

    _built: "_WrittenOnce | None" = None

    def message(self):
        # Built from the outbox row and sent as it is: nothing changes it in between.
        if self._built is None:
            message = super().message()
            for part in message.walk():
                if part.is_multipart():
                    part.set_boundary(_boundary())
            # The generator hands the top message's policy down to every part.
            message.policy = QUICK_FOLD
            self._built = _WrittenOnce(message)
        return self._built.message


def _boundary() -> str:
    """A MIME boundary nobody can put in a message: 128 random bits (RFC 2046 5.1.1 asks for a
    boundary that occurs in no part). Left to itself, the email package makes a shorter one and
    searches every part for it with a regular expression compiled anew per message: a tenth of
    writing one out."""
    return f"{'=' * 15}{secrets.token_hex(16)}=="


# Printable ASCII words between single spaces: what compat32 writes unchanged when it fits.
_PLAIN = re.compile(r"[!-~]+(?: [!-~]+)*")


class _QuickFold(Compat32):
    """compat32 (the policy Django's messages use), with the headers that need no folding or
    encoding written straight out: most of a message's twenty headers (Message-ID, Date,
    Content-Type, an ASCII subject). compat32 puts each through the Header class, a third of
    writing a message out."""

    def fold_binary(self, name, value):
        limit = self.max_line_length
        if (
            isinstance(value, str)
            and limit
            and len(name) + 2 + len(value) <= limit
            and _PLAIN.fullmatch(value)
        ):
            return f"{name}: {value}{self.linesep}".encode("ascii")
        return super().fold_binary(name, value)


QUICK_FOLD = _QuickFold()


class _WrittenOnce:
    """A MIME message with `as_bytes` remembered: the email package writes every line ending
    as the `linesep` asked for, so other line endings are the same bytes with them replaced."""

    def __init__(self, message) -> None:
        self.message = message
        self._bytes: bytes | None = None
        self._write = message.as_bytes
        message.as_bytes = self.as_bytes

    def as_bytes(self, unixfrom: bool = False, linesep: str = "\n") -> bytes:
        if unixfrom or linesep not in ("\n", "\r\n"):
            return self._write(unixfrom=unixfrom, linesep=linesep)
        if self._bytes is None:
            self._bytes = self._write(linesep="\r\n")  # what SMTP sends
        return self._bytes if linesep == "\r\n" else self._bytes.replace(b"\r\n", b"\n")


class Undeliverable(Exception):
    """A message that cannot be made into an email; no attempt will change that."""

    def __init__(self, failure: str, detail: str):
        super().__init__(detail)
        self.failure = failure


def as_email_message(message: OutboxMessage) -> CheckedEmail:
    """The outbox row as a MIME message with its stable Message-ID.

    Header values are folded to one line here too: rows written before composition folded
    them would otherwise fail on every attempt.
    """
    email = CheckedEmail(
        subject=single_line(message.subject, max_length=SUBJECT_MAX),
        body=message.body_text,
        from_email=single_line(settings.DEFAULT_FROM_EMAIL),
        to=[ascii_domain(single_line(message.to_email))],
        reply_to=[ascii_domain(single_line(message.reply_to))] if message.reply_to else None,
        headers={
            "Message-ID": message.message_id,
            "Auto-Submitted": "auto-generated",
            "Content-Language": single_line(message.language),
        },
    )
    if message.unsubscribe_url:
        email.extra_headers["List-Unsubscribe"] = f"<{single_line(message.unsubscribe_url)}>"
        email.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    for stored in message.attachments:
        email.attach(mime_attachment(Attachment(**stored)))
    return email


def mime_message(message: OutboxMessage) -> CheckedEmail:
    """`as_email_message`, checked the way the mail backend will use it; `Undeliverable`
    if it cannot be sent (an invalid address, a header no mail system takes)."""
    try:
        email = as_email_message(message)
    except _UNWRITABLE as error:  # text no encoding takes, in a body or an attachment
        raise _unwritable(error) from error
    encoding = email.encoding or settings.DEFAULT_CHARSET
    for address in (*email.to, *email.reply_to):
        try:
            validate_email(address)  # what every form of the site accepts as an address
        except ValidationError as error:
            detail = f"{address!r} is not an email address"
            raise Undeliverable(OutboxMessage.Failure.BAD_ADDRESS, detail) from error
    try:
        email.message().as_bytes(linesep="\r\n")
    except (*_UNWRITABLE, IndexError) as error:
        # Writing the headers puts every address through `sanitize_address`, as the backend's
        # envelope does: asked again only to say which address is at fault, if one is.
        _check_addresses(email, encoding)
        raise _unwritable(error) from error
    return email


def _check_addresses(email: CheckedEmail, encoding: str) -> None:
    for address in (email.from_email, *email.to, *email.reply_to):
        try:
            sanitize_address(address, encoding)
        except (ValueError, IndexError) as error:
            # Django's parser answers a malformed address with ValueError or IndexError.
            detail = single_line(f"{address!r} is not an email address ({error})")
            raise Undeliverable(OutboxMessage.Failure.BAD_ADDRESS, detail) from error


# BadHeaderError and UnicodeError are ValueErrors; the email package raises the rest.
_UNWRITABLE = (ValueError, TypeError, LookupError, email_errors.MessageError)


def _unwritable(error: Exception) -> Undeliverable:
    detail = single_line(f"{type(error).__name__}: {error}")
    return Undeliverable(OutboxMessage.Failure.BAD_HEADER, detail)


def mime_attachment(attachment: Attachment) -> MIMEText:
    """A text attachment; a calendar keeps its METHOD in the Content-Type (RFC 6047)."""
    subtype = attachment.mimetype.partition("/")[2] or "plain"
    part = MIMEText(attachment.content, subtype, "utf-8")
    if attachment.method:
        part.set_param("method", attachment.method)
    part.add_header("Content-Disposition", "attachment", filename=attachment.filename)
    return part
