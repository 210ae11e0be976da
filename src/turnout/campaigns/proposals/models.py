"""A volunteer's proposal of a local event, and an organizer's invitation to a co-organizer."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turnout.web.text import SingleLineCharField

from ..models import LocalEvent


class EventProposal(models.Model):
    """What a volunteer proposed, from confirming their email to a coordinator's decision.

    The proposed event itself is a LocalEvent with status "proposed"; this row holds who
    proposed it and the moderation around it.
    """

    class State(models.TextChoices):
        AWAITING_EMAIL = "awaiting_email", _("Waiting for email confirmation")
        PENDING = "pending", _("Waiting for a coordinator")
        CHANGES_REQUESTED = "changes_requested", _("Changes asked")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    OPEN_STATES = (State.PENDING, State.CHANGES_REQUESTED)

    event = models.OneToOneField(
        LocalEvent, verbose_name=_("event"), related_name="proposal", on_delete=models.CASCADE
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.AWAITING_EMAIL
    )
    proposer_name = SingleLineCharField(_("name"), max_length=150)
    proposer_email = models.EmailField(_("email address"))
    proposer_phone = SingleLineCharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    note = models.TextField(_("note to the coordinators"), blank=True)
    is_outside_window = models.BooleanField(_("outside the campaign's dates"), default=False)
    # A hash of the secret in the proposer's link; a new secret is issued when changes are asked.
    token_hash = models.CharField(max_length=64, unique=True)
    email_confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    # Plain signals of spam (links, disposable addresses, repeats): a high score holds the
    # proposal for a person, never drops it; the reasons are shown beside it.
    spam_score = models.PositiveSmallIntegerField(_("spam score"), default=0)
    spam_reasons = models.JSONField(_("spam signals"), default=list, blank=True)
    is_held_as_spam = models.BooleanField(_("held as possible spam"), default=False)
    # Published without review because its proposer is a trusted host: listed for a look.
    published_by_trusted_host = models.BooleanField(_("published by a trusted host"), default=False)
    decision_message = models.TextField(_("reason or requested changes"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("event proposal")
        verbose_name_plural = _("event proposals")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"{self.event} · {self.get_state_display()}"


class TrustedHost(models.Model):
    """A proposer whose later proposals publish without review: in one campaign, or in every
    campaign when `campaign` is empty (only an administrator grants that)."""

    email = models.EmailField(_("email address"))
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("campaign"),
        related_name="trusted_hosts",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Leave empty to trust this host in every campaign."),
    )
    trusted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trusted by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("trusted since"), default=timezone.now)

    class Meta:
        verbose_name = _("trusted host")
        verbose_name_plural = _("trusted hosts")
        constraints = [
            models.UniqueConstraint(
                fields=["email", "campaign"], name="one_trust_per_host_and_campaign"
            ),
            models.UniqueConstraint(
                fields=["email"],
                condition=models.Q(campaign__isnull=True),
                name="one_global_trust_per_host",
            ),
        ]

    def __str__(self) -> str:
        return self.email


class OrganizerInvitation(models.Model):
    """An organizer asked someone, by email, to organize an event with them."""

    event = models.ForeignKey(
        LocalEvent,
        verbose_name=_("event"),
        related_name="organizer_invitations",
        on_delete=models.CASCADE,
    )
    email = models.EmailField(_("email address"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        related_name="+",
        null=True,
        on_delete=models.SET_NULL,
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("co-organizer invitation")
        verbose_name_plural = _("co-organizer invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.event}"

    def is_usable(self, *, now) -> bool:
        return self.accepted_at is None and now < self.expires_at
