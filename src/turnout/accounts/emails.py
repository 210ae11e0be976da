"""Email to people about their account and their organizing, rendered in their own language
and written to the notifications outbox in the caller's transaction.

Sign-in links, proposal confirmations, moderation outcomes, co-organizer invitations and
messages to organizers all go through `enqueue_email`: the message exists if and only if the
change it reports was committed, and the worker delivers it with retries (see
docs/notifications.md).
"""

from datetime import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from turnout.notifications import outbox
from turnout.notifications.composition import Email, render_plain_text
from turnout.notifications.models import WrittenMessage
from turnout.web.text import single_line

HTML_TEMPLATE = "accounts/email/message.html"


def absolute_url(path: str) -> str:
    """A link for an email: SITE_URL plus a path from reverse() or get_absolute_url()."""
    return f"{settings.SITE_URL}{path}"


def compose_email(
    *,
    kind: str,
    to: str,
    language: str,
    subject_template: str,
    body_template: str,
    context: dict,
    reply_to: str = "",
) -> Email:
    """Render one plain-text email in `language`, with an HTML copy of the same text."""
    with translation.override(language):
        context = {"site_name": settings.TURNOUT_SITE_NAME, **context}
        # One line whatever the template and its values hold (Email folds it, too).
        subject = single_line(render_plain_text(subject_template, context))
        text = render_plain_text(body_template, context).strip() + "\n"
        html = render_to_string(
            HTML_TEMPLATE,
            {"subject": subject, "text": text, "language": language, **context},
        )
    return Email(
        kind=kind,
        to=to,
        language=language,
        subject=subject,
        text=text,
        html=html,
        reply_to=reply_to,
    )


def enqueue_email(
    *,
    kind: str,
    to: str,
    language: str,
    subject_template: str,
    body_template: str,
    context: dict,
    now: datetime,
    reply_to: str = "",
    written_message: WrittenMessage | None = None,
) -> None:
    """Write an email to one recipient to the outbox, inside the caller's transaction.

    Rendering happens now (so the text reflects what was saved); the worker sends it once the
    transaction commits, so a rolled-back change never emails anyone. `written_message`: the
    message a person wrote to many that this email is a copy of.
    """
    email = compose_email(
        kind=kind,
        to=to,
        language=language,
        subject_template=subject_template,
        body_template=body_template,
        context=context,
        reply_to=reply_to,
    )
    outbox.enqueue(email, now=now, written_message=written_message)
