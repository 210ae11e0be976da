"""What each coordinator and organizer wants to be emailed, and what has been emailed already."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.campaigns.proposals.models import EventProposal


def new_token() -> str:
    """The secret in an alert's "change or stop" link: it opens that one choice, nothing else."""
    return secrets.token_urlsafe(24)


class AlertKind(models.TextChoices):
    PROPOSALS = "proposals", _("Proposals waiting for review")
    SIGNUPS = "signups", _("New signups")
    NEARLY_FULL = "nearly_full", _("Event nearly full")


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Right away")
    HOURLY = "hourly", _("One email an hour")
    DAILY = "daily", _("One email a day")
    OFF = "off", _("No emails")


# What each kind may be set to, the default first: a proposal waits for a person (right away or
# once a day), signups come in streams (hourly or daily), "nearly full" happens once (on or off).
FREQUENCIES: dict[str, tuple[str, ...]] = {
    AlertKind.PROPOSALS: (Frequency.IMMEDIATELY, Frequency.DAILY, Frequency.OFF),
    AlertKind.SIGNUPS: (Frequency.DAILY, Frequency.HOURLY, Frequency.OFF),
    AlertKind.NEARLY_FULL: (Frequency.IMMEDIATELY, Frequency.OFF),
}


class AlertPreference(models.Model):
    """One person's choice for one kind of alert, and how far its digest has been sent.

    Proposals are chosen per campaign the person coordinates; signups and "nearly full" once
    for every event they organize (`campaign` empty). A row is made when the person first
    chooses or is first emailed (its token is the email's link); no row means the default.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        related_name="alert_preferences",
        on_delete=models.CASCADE,
    )
    kind = models.CharField(_("alert"), max_length=20, choices=AlertKind.choices)
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    # Empty: the kind's default (FREQUENCIES), so that a row made for its token changes nothing.
    frequency = models.CharField(
        _("how often"), max_length=20, choices=Frequency.choices, blank=True
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # The end of the last digest's window: written with its emails, in one transaction, so a
    # digest is neither lost nor doubled when a worker stops halfway.
    digest_sent_up_to = models.DateTimeField(_("digest sent up to"), null=True, blank=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("alert choice")
        verbose_name_plural = _("alert choices")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "campaign"],
                condition=Q(campaign__isnull=False),
                name="one_alert_choice_per_campaign",
            ),
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=Q(campaign__isnull=True),
                name="one_alert_choice_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(kind=AlertKind.PROPOSALS, campaign__isnull=False)
                | (~Q(kind=AlertKind.PROPOSALS) & Q(campaign__isnull=True)),
                name="proposal_alerts_per_campaign_only",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_kind_display()} · {self.effective_frequency}"

    @property
    def effective_frequency(self) -> str:
        return self.frequency or FREQUENCIES[self.kind][0]

    @property
    def is_off(self) -> bool:
        return self.effective_frequency == Frequency.OFF


class ProposalWait(models.Model):
    """A proposal entered the coordinators' queue (confirmed, or revised after changes were
    asked): what the proposal alerts and digests are about."""

    proposal = models.ForeignKey(
        EventProposal,
        verbose_name=_("proposal"),
        related_name="+",
        on_delete=models.CASCADE,
    )
    waiting_since = models.DateTimeField(_("waiting since"), db_index=True)
    # When the "right away" alerts were written to the outbox (in the same transaction).
    alerted_at = models.DateTimeField(_("alerted"), null=True, blank=True)

    class Meta:
        verbose_name = _("proposal waiting")
        verbose_name_plural = _("proposals waiting")
        indexes = [models.Index(fields=["alerted_at"])]

    def __str__(self) -> str:
        return f"{self.proposal_id} @ {self.waiting_since:%Y-%m-%d %H:%M}"


class NearlyFullNote(models.Model):
    """The organizers were told the event is nearly full, at this capacity: once, and again
    only if the capacity is changed and the new places fill up too."""

    event = models.ForeignKey(
        LocalEvent, verbose_name=_("event"), related_name="+", on_delete=models.CASCADE
    )
    capacity = models.PositiveIntegerField(_("capacity"))
    places_left = models.PositiveIntegerField(_("places left"))
    created_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("nearly full note")
        verbose_name_plural = _("nearly full notes")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "capacity"], name="one_nearly_full_note_per_capacity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_id} · {self.capacity}"
