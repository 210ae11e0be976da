"""One alert to several people: composed once, then personalized, as reminders are.

The coordinators of a campaign get the same proposal alert, and co-organizers the same digest,
but for their name and the secret of their "change or stop" link. A `Letter` is the email
composed once for a stand-in whose name and token are random markers; `Letter.to()` puts one
person's values in their place (escaped in the HTML, as they would have been).
"""

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial

from django.conf import settings
from django.utils.html import escape

from turnout.accounts.models import User
from turnout.notifications.composition import Email, absolute_url

from .models import AlertPreference

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@dataclass(frozen=True)
class Recipient:
    """What an alert's templates may know of the person it goes to."""

    name: str
    token: str


@dataclass(frozen=True)
class Letter:
    email: Email
    stand_in: Recipient

    def to(self, user: User, *, token: str) -> Email:
        """The email as composed for `user` alone, with `token` in its link."""
        text, html, subject = self.email.text, self.email.html, self.email.subject
        for marker, value in (
            (self.stand_in.name, recipient_name(user)),
            (self.stand_in.token, token),
        ):
            text = text.replace(marker, value)
            subject = subject.replace(marker, value)
            html = html.replace(marker, escape(value))
        return replace(
            self.email,
            to=user.email,
            subject=subject,
            text=text,
            html=html,
            unsubscribe_url=absolute_url(
                "alerts:one_click_stop", language=self.email.language, token=token
            ),
        )


def recipient_name(user: User) -> str:
    return user.name or user.email.partition("@")[0]


def recipient_language(user: User) -> str:
    """The language the person chose for the site (`User.language`), else the site's own."""
    return user.language if user.language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def compose_letter(compose: Callable[..., Email]) -> Letter:
    """`compose(recipient=...)` once for everyone; it may use the recipient anywhere."""
    # Random, so that nothing a proposer or participant typed can be taken for one; letters
    # and digits only, so that it passes through URLs and escaping unchanged.
    tag = secrets.token_hex(8)
    stand_in = Recipient(name=f"merge{tag}name", token=f"merge{tag}token")
    return Letter(email=compose(recipient=stand_in), stand_in=stand_in)


def personalized(
    recipients: Iterable[tuple[User, AlertPreference]],
    compose: Callable[..., Email],
    *,
    dedupe_key: Callable[[AlertPreference], str],
) -> list[tuple[Email, str | None]]:
    """The same alert for each `(user, their choice)`, composed once per language:
    `compose(recipient=..., language=...)`; ready for `outbox.enqueue_many`."""
    letters: dict[str, Letter] = {}
    emails: list[tuple[Email, str | None]] = []
    for user, preference in recipients:
        language = recipient_language(user)
        if language not in letters:
            letters[language] = compose_letter(partial(compose, language=language))
        emails.append((letters[language].to(user, token=preference.token), dedupe_key(preference)))
    return emails
