"""Email to people, rendered in their own language and sent only once the transaction commits.

Every email Turnout's organizing features send goes through `send_after_commit`, so moving
them to the notifications outbox later is a change in one place.
"""

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template import Context
from django.template.loader import get_template
from django.utils import translation


def absolute_url(path: str) -> str:
    """A link for an email: SITE_URL plus a path from reverse() or get_absolute_url()."""
    return f"{settings.SITE_URL}{path}"


def _render_text(template_name: str, context: dict) -> str:
    # Plain text: nothing to escape, so "O'Brien" stays "O'Brien" rather than "O&#x27;Brien".
    return get_template(template_name).template.render(Context(context, autoescape=False))


def send_after_commit(
    *,
    to: Sequence[str],
    language: str,
    subject_template: str,
    body_template: str,
    context: dict,
    reply_to: Sequence[str] = (),
) -> None:
    """Render a plain-text email in `language` now and send it when the transaction commits.

    Rendering happens inside the caller's transaction (so the text reflects what was saved);
    sending waits for the commit, so a rolled-back change never emails anyone.
    """
    with translation.override(language):
        context = {"site_name": settings.TURNOUT_SITE_NAME, **context}
        subject = " ".join(_render_text(subject_template, context).split())
        body = _render_text(body_template, context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=list(reply_to),
        headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
    )
    transaction.on_commit(message.send)
