"""Composing an email: plain text and HTML from templates, in the recipient's language.

This is the one way every app composes email (signups, accounts, campaigns): one HTML layout,
`notifications/email/_base.html`, and one `absolute_url()`. What an email says stays in the app
that sends it, as templates under its own name (`signups/email/reminder`).

Every `Email` has its header values on one line whatever they were built from (an event title,
a name, an organizer's subject): `Email` folds them itself (`web.text.single_line`), so no
composer can build a header from unchecked text.
"""

from dataclasses import dataclass, field
from email.utils import parseaddr
from functools import lru_cache
from typing import TYPE_CHECKING

from django.conf import settings
from django.template import Context, Engine
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from turnout.branding.models import SiteSettings
from turnout.web.text import single_line

from .models import OutboxMessage

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# What the outbox keeps of a subject; a longer one is cut with "…".
SUBJECT_MAX = OutboxMessage._meta.get_field("subject").max_length or 300

# The HTML of an email written as plain text only: that text, links made links, in the layout.
TEXT_AS_HTML = "notifications/email/message.html"


def render_plain_text(template_name: str, context: dict) -> str:
    """A template rendered for a plain-text email: nothing is HTML-escaped, so "Tom & Jerry"
    and "O'Brien" stay as written rather than "Tom &amp; Jerry" and "O&#x27;Brien"."""
    template = Engine.get_default().get_template(template_name)
    return template.render(Context(context, autoescape=False))


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str
    mimetype: str
    method: str = ""  # iTIP method of a calendar attachment: REQUEST, CANCEL


@dataclass(frozen=True)
class Email:
    """A composed message, ready to be written to the outbox."""

    kind: str
    to: str
    language: str
    subject: str
    text: str
    html: str
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)
    reply_to: str = ""
    # A one-click stop link (RFC 8058) for mail people did not ask for one by one (alerts,
    # digests): mail programs show it as "Unsubscribe" and POST to it.
    unsubscribe_url: str = ""

    def __post_init__(self) -> None:
        # A line break in a header is an injected header or a message no server takes; a
        # subject longer than the outbox keeps could not be written at all.
        for name in ("to", "reply_to", "language", "unsubscribe_url"):
            object.__setattr__(self, name, single_line(getattr(self, name)))
        object.__setattr__(self, "subject", single_line(self.subject, max_length=SUBJECT_MAX))


def compose(
    *,
    kind: str,
    template: str,
    to: str,
    language: str,
    context: dict,
    subject: "StrOrPromise | None" = None,
    subject_params: dict | None = None,
    attachments: tuple[Attachment, ...] = (),
    reply_to: str = "",
) -> Email:
    """Render the email of `kind` from the templates named `template`, in `language`.

    The text is `<template>.txt`. The HTML is `<template>.html`, which extends
    `notifications/email/_base.html`; an email written as text only has none, and its text is
    shown in the same layout (`TEXT_AS_HTML`). The subject is `subject`, a lazy string whose
    %(name)s placeholders `subject_params` fill, or else `<template>_subject.txt`.
    """
    with translation.override(language):
        full_context = {
            **brand_context(),
            "site_url": settings.SITE_URL,
            "language": language,
            **context,
        }
        if subject is None:
            subject_text = render_plain_text(f"{template}_subject.txt", full_context)
        else:
            subject_text = str(subject) % (subject_params or {})
        text = render_plain_text(f"{template}.txt", full_context).strip() + "\n"
        html = render_to_string(
            [f"{template}.html", TEXT_AS_HTML],
            {"subject": single_line(subject_text), **full_context, "text": text},
        )
        return Email(
            kind=kind,
            to=to,
            language=language,
            subject=subject_text,
            text=text,
            html=html,
            attachments=tuple(attachments),
            reply_to=reply_to,
        )


def brand_context() -> dict:
    """The movement's name, colour and logo (site settings) for the layout's header."""
    site = SiteSettings.current()
    # Many mail programs show no SVG: the header then has the name alone.
    logo = site.logo_url if site.logo and not site.logo_is_svg else ""
    return {
        "site_name": site.name,
        "brand_colour": site.css_colours()["brand"],
        "brand_accent": site.css_colours()["accent"],
        "brand_logo_url": settings.SITE_URL + logo if logo else "",
    }


def sender_domain() -> str:
    """The domain of DEFAULT_FROM_EMAIL, used to make Message-IDs globally unique."""
    return _domain_of(settings.DEFAULT_FROM_EMAIL)


@lru_cache(maxsize=8)  # asked for every message written; parsing it was a tenth of a letter
def _domain_of(sender: str) -> str:
    return parseaddr(sender)[1].rpartition("@")[2] or "localhost"


def absolute_url(viewname: str, *, language: str, **kwargs) -> str:
    """A full link into the site, under the recipient's language prefix."""
    with translation.override(language):
        return settings.SITE_URL + reverse(viewname, kwargs=kwargs or None)
