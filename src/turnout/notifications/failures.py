"""What a failed attempt to send an email means: for good (the reason, in words) or worth
another try after a back-off; and recording it on the outbox row."""

import logging
import re
import smtplib
from datetime import datetime, timedelta
from email import errors as email_errors

from django.conf import settings

from turnout.web.text import single_line

from .mime import Undeliverable
from .models import OutboxMessage

logger = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=6)

# A refusal of the sender is about the site's own address (a relay's configuration, which a
# person fixes and then every waiting message should go), except when it is about this
# message's size (RFC 1870: 552 to a MAIL FROM with SIZE).
_SENDER_REFUSALS_ABOUT_THE_MESSAGE = frozenset({552})


def permanent_failure(error: Exception) -> str:
    """The `OutboxMessage.Failure` that `error` means, or "" if trying again may succeed.

    A 5xx answer to the recipient or to the message is permanent (RFC 5321 §4.2.1); a 4xx
    answer, a lost connection, a timeout or a failed sign-in to the relay is not.
    """
    if isinstance(error, Undeliverable):
        return error.failure
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in error.recipients.values()]
        refused = bool(codes) and all(code >= 500 for code in codes)
        return OutboxMessage.Failure.REFUSED if refused else ""
    if isinstance(error, smtplib.SMTPSenderRefused):
        refused = error.smtp_code in _SENDER_REFUSALS_ABOUT_THE_MESSAGE
        return OutboxMessage.Failure.REFUSED if refused else ""
    if isinstance(error, smtplib.SMTPDataError):
        return OutboxMessage.Failure.REFUSED if error.smtp_code >= 500 else ""
    if isinstance(error, ValueError | email_errors.MessageError):
        # Raised by Django or the email package while writing the message (BadHeaderError,
        # an invalid address, UnicodeError), before any byte reaches the server.
        if str(error).startswith("Invalid address"):
            return OutboxMessage.Failure.BAD_ADDRESS
        return OutboxMessage.Failure.BAD_HEADER
    return ""


def failure_detail(error: Exception) -> str:
    """What went wrong, on one line: the server's own answer where there is one."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        answers = [_server_answer(code, text) for code, text in error.recipients.values()]
        return "; ".join(answers)
    if isinstance(error, smtplib.SMTPResponseException):
        return _server_answer(error.smtp_code, error.smtp_error)
    if isinstance(error, Undeliverable):
        return str(error)
    return single_line(f"{type(error).__name__}: {error}")


def _server_answer(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return single_line(f"{code} {text}")


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4, 8 ... times OUTBOX_RETRY_SECONDS after the 1st, 2nd, 3rd ... failure."""
    delay = timedelta(seconds=settings.OUTBOX_RETRY_SECONDS * 2 ** max(attempts - 1, 0))
    return min(delay, MAX_BACKOFF)


def record_failure(message: OutboxMessage, *, error: Exception, now: datetime) -> str:
    """Fail the message for good if `error` is permanent or it was the last attempt;
    otherwise schedule the next attempt with back-off. Returns the new state."""
    failure = permanent_failure(error)
    if not failure and message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        failure = OutboxMessage.Failure.GAVE_UP
    state = OutboxMessage.State.FAILED if failure else OutboxMessage.State.PENDING
    OutboxMessage.objects.filter(pk=message.pk).update(
        state=state,
        failure=failure,
        next_attempt_at=now + retry_delay(message.attempts),
        last_error=failure_detail(error)[:2000],
    )
    logger.warning(
        "Email %s attempt %d failed: %s",
        message.message_id,
        message.attempts,
        _without_address(failure_detail(error), message.to_email),
    )
    return state


def _without_address(text: str, address: str) -> str:
    """`text` with `address` left out: the logs (shipped as JSON to wherever the operator
    collects them) name the message by its id, never the person it was for."""
    if not address:
        return text
    return re.sub(re.escape(address), "<recipient>", text, flags=re.IGNORECASE)
