"""Signups: a person's place (or waitlist spot) at one local event, without an account."""

import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import LocalEvent
from turnout.web.text import SingleLineCharField


def new_token() -> str:
    """A secret for the private manage link: 256 bits, URL-safe."""
    return secrets.token_urlsafe(32)


# Share codes are read aloud and typed from screenshots: no 0/O, 1/l/I.
REFERRAL_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
REFERRAL_CODE_LENGTH = 10  # 31**10 ≈ 8e14: not guessable by walking through them


def new_referral_code() -> str:
    """A participant's share code: it names no one and opens nothing but the event page."""
    return "".join(secrets.choice(REFERRAL_ALPHABET) for _ in range(REFERRAL_CODE_LENGTH))


class Signup(models.Model):
    """One person at one event; signing up twice with one email address is still one signup."""

    class State(models.TextChoices):
        AWAITING_CONFIRMATION = "awaiting_confirmation", _("Awaiting email confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waitlisted")
        CANCELLED = "cancelled", _("Cancelled")
        ATTENDED = "attended", _("Attended")

    # States that hold one of the event's places.
    HOLDS_PLACE = (State.CONFIRMED, State.ATTENDED)

    class Letter(models.TextChoices):
        """The emails the delivery worker writes from the signup row (signups/owed_letters.py)."""

        CONFIRMATION_REQUEST = "confirm_request", _("Please confirm")
        CONFIRMED = "signup_confirmed", _("You're in")
        WAITLISTED = "waitlisted", _("On the waitlist")
        ALREADY_SIGNED_UP = "already_signed_up", _("Signed up already")

    class Source(models.TextChoices):
        WEB = "web", _("Event page")
        ADMIN = "admin", _("Back office")
        IMPORT = "import", _("Import")
        DEMO = "demo", _("Demo data")
        WALK_IN = "walk_in", _("At the door")

    event = models.ForeignKey(
        LocalEvent, verbose_name=_("event"), related_name="signups", on_delete=models.CASCADE
    )
    name = SingleLineCharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = SingleLineCharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    accepted_code_of_conduct = models.BooleanField(_("accepted the code of conduct"), default=False)
    wants_updates = models.BooleanField(_("wants campaign updates"), default=False)
    state = models.CharField(
        _("state"), max_length=24, choices=State.choices, default=State.AWAITING_CONFIRMATION
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default="web")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("signed up"))
    confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("waitlisted"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    attended_at = models.DateTimeField(_("attendance marked"), null=True, blank=True)
    # Bring a friend: this person's own share code, and who brought them (never shown to them).
    referral_code = models.CharField(
        _("share code"), max_length=16, unique=True, null=True, blank=True, editable=False
    )
    referred_by = models.ForeignKey(
        "self",
        verbose_name=_("brought by"),
        related_name="referrals",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    anonymized_at = models.DateTimeField(_("anonymized"), null=True, blank=True)
    # When this person was last emailed about signing up (the confirmation request or "you are
    # already signed up"), so that a double click or a retried request sends one email.
    notice_sent_at = models.DateTimeField(_("last signup email"), null=True, blank=True)
    # The email this signup is owed and the delivery worker has not written yet: written with
    # the change that owes it, so it exists if and only if that change was committed, as an
    # outbox row would (signups/owed_letters.py says why it is not one).
    letter_due = models.CharField(
        _("email to write"), max_length=20, choices=Letter.choices, blank=True, default=""
    )

    class Meta:
        verbose_name = _("signup")
        verbose_name_plural = _("signups")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["event", "state"]),
            models.Index(fields=["email"]),
            # Few rows at any time: the worker's search for letters to write reads only these.
            models.Index(fields=["id"], condition=~Q(letter_due=""), name="signup_letter_due_idx"),
        ]
        constraints = [
            # Erased and anonymized signups keep their row (for counts) but no address.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(email=""),
                name="one_signup_per_email_and_event",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name or _('(anonymized)')} · {self.event}"

    @property
    def holds_place(self) -> bool:
        return self.state in self.HOLDS_PLACE

    @property
    def is_active(self) -> bool:
        """Still coming or still hoping to: not cancelled."""
        return self.state != self.State.CANCELLED

    @property
    def is_anonymized(self) -> bool:
        return self.anonymized_at is not None


class PrivacyLinkRequest(models.Model):
    """Someone asked for the link to what is held about an address; the next delivery run
    emails it if anything is held, and deletes the request either way (`services.privacy`).

    The request only writes this row, so its answer and its work are the same whether or not
    the address ever signed up: nobody learns who signed up for a protest by timing it.
    """

    email = models.EmailField(_("email address"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    requested_at = models.DateTimeField(_("requested"))

    class Meta:
        verbose_name = _("privacy link request")
        verbose_name_plural = _("privacy link requests")

    def __str__(self) -> str:
        return f"{self.email} {self.requested_at:%Y-%m-%d %H:%M}"
