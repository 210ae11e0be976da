"""A participant's rights over their data: export and erasure by email link; retention."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from turnout.accounts.services import record_audit
from turnout.branding.models import SiteSettings
from turnout.notifications import outbox
from turnout.notifications.composition import absolute_url, compose
from turnout.notifications.models import OutboxMessage
from turnout.web.email_addresses import normalize_email

from .. import selectors
from ..models import PrivacyLinkRequest, Signup, new_token
from ..signals import signups_anonymized

LINK_SALT = "turnout.signups.privacy-link"
LINK_MAX_AGE = timedelta(hours=24)


def privacy_token(email: str) -> str:
    return signing.dumps(email, salt=LINK_SALT, compress=True)


def email_from_privacy_token(token: str) -> str:
    """The address a privacy link was sent to; raises signing.BadSignature when expired."""
    return signing.loads(token, salt=LINK_SALT, max_age=LINK_MAX_AGE)


def ask_for_privacy_link(*, email: str, language: str, now: datetime) -> None:
    """Note that someone asked for the privacy link to `email`: one INSERT, whoever it is.
    Whether anything is held about the address is found out by the delivery run."""
    PrivacyLinkRequest.objects.create(
        email=normalize_email(email)[:254], language=language[:10], requested_at=now
    )
    outbox.wake_worker_on_commit()


def write_privacy_letters(*, now: datetime, limit: int) -> int:
    """For delivery runs: answer up to `limit` privacy link requests (an email where anything
    is held, else nothing) and delete them; how many were answered."""

    def answer(asked: PrivacyLinkRequest) -> None:
        request_privacy_link(email=asked.email, language=asked.language, now=now)

    return outbox.answer_requests(PrivacyLinkRequest, answer, limit=limit)


def request_privacy_link(*, email: str, language: str, now: datetime) -> bool:
    """Email a link for export and erasure, if anything is held about the address.

    The answer on the page is the same either way, so nobody learns who signed up.
    """
    email = normalize_email(email)
    if not selectors.signups_for_email(email).exists():
        return False
    url = absolute_url("signups:privacy", language=language, token=privacy_token(email))
    message = compose(
        kind="privacy_link",
        template="signups/email/privacy_link",
        to=email,
        language=language,
        subject=_("Your data at %(site)s"),
        subject_params={"site": SiteSettings.current().name},
        context={"privacy_url": url},
    )
    with transaction.atomic():
        outbox.enqueue(message, now=now)
    return True


def _anonymize(signups, *, now: datetime) -> int:
    anonymized: list[int] = []
    for signup in signups:
        signup.name = ""
        signup.email = ""
        signup.phone = ""
        signup.wants_updates = False
        signup.token = new_token()  # old links stop working
        signup.anonymized_at = now
        signup.letter_due = ""  # no address left to write to
        signup.save(
            update_fields=[
                "name", "email", "phone", "wants_updates", "token", "anonymized_at", "letter_due",
            ]
        )  # fmt: skip
        anonymized.append(signup.pk)
    if anonymized:  # apps above signups clear what they hold about these people
        signups_anonymized.send(sender=Signup, signup_ids=anonymized, now=now)
    return len(anonymized)


def erase_personal_data(*, email: str, now: datetime) -> int:
    """Erase everything held about `email`; signups keep their state so counts stay right."""
    email = normalize_email(email)
    with transaction.atomic():
        # The signups only, not their events (select_related): places are decided with the
        # event locked first and the signup second, and locking both here in the join's order
        # deadlocks with a confirmation of the same address.
        signups = selectors.signups_for_email(email).select_for_update(of=("self",))
        erased = _anonymize(signups, now=now)
        deleted, _ = OutboxMessage.objects.filter(to_email__iexact=email).delete()
        record_audit(
            actor=None,
            action="signups.erase",
            summary=f"Erased on request: {erased} signups, {deleted} emails",
        )
    return erased


def anonymize_expired_signups(*, now: datetime) -> int:
    """Anonymize signups of events that ended before the retention period; drop old emails."""
    cutoff = now - timedelta(days=settings.SIGNUP_RETENTION_DAYS)
    with transaction.atomic():
        expired = Signup.objects.select_for_update(of=("self",)).filter(
            event__ends_at__lt=cutoff, anonymized_at__isnull=True
        )
        count = _anonymize(expired, now=now)
        OutboxMessage.objects.filter(
            created_at__lt=cutoff,
            state__in=[
                OutboxMessage.State.SENT,
                OutboxMessage.State.FAILED,
                OutboxMessage.State.UNCERTAIN,
            ],
        ).delete()
        if count:
            record_audit(
                actor=None,
                action="signups.retention",
                summary=f"Anonymized {count} signups of events that ended before {cutoff:%Y-%m-%d}",
            )
    return count
