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
from email.policy import Compat32

from django.core.mail import EmailMultiAlternatives


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
