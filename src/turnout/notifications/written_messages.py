"""Messages a person writes to many (organizers to attendees, coordinators to organizers):
their limits and the one check of subject and body, with errors a person understands."""

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MAX_SUBJECT = 150
MAX_BODY = 10_000


def checked_message(*, subject: str, body: str) -> tuple[str, str]:
    """Subject and body without surrounding blanks; ValidationError per field if unusable."""
    subject, body = subject.strip(), body.strip()
    errors: dict[str, StrOrPromise] = {}
    if not subject:
        errors["subject"] = _("Write a subject.")
    elif len(subject) > MAX_SUBJECT:
        errors["subject"] = _("Keep the subject under %(max)d characters.") % {"max": MAX_SUBJECT}
    if not body:
        errors["body"] = _("Write a message.")
    elif len(body) > MAX_BODY:
        errors["body"] = _("Keep the message under %(max)d characters.") % {"max": MAX_BODY}
    if errors:
        raise ValidationError(errors)
    return subject, body
