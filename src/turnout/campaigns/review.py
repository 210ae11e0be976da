"""What a campaign's coordinators review before the public sees it (press mentions, photos):
what it is about, the review's state, who decided and when, kept the same way for each."""

from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

    from .models import Campaign, LocalEvent


class Reviewed(models.Model):
    """Abstract: pending until a coordinator approves (public) or rejects it."""

    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    state = models.CharField(
        _("review"), max_length=20, choices=State.choices, default=State.PENDING, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        return self.state == self.State.APPROVED

    def record_review(self, *, approve: bool, by, now: datetime) -> None:
        """Note the decision on this object; the caller saves it."""
        self.state = self.State.APPROVED if approve else self.State.REJECTED
        self.reviewed_by, self.reviewed_at = by, now


class Contribution(Reviewed):
    """Abstract: what people add to a campaign or one of its events (a press mention, a photo).

    One about an event also belongs to that event's campaign, so a campaign's list needs no
    join through its events. Each model names its reverse relations in
    `Meta.default_related_name` (`campaign.photos`), carries `about_campaign_or_event()` in
    its constraints, and keeps its own key to who added it (`submitted_by`, `uploaded_by`:
    the name says what they did, and it is the column's name).
    """

    campaign = models.ForeignKey(
        "campaigns.Campaign",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    event = models.ForeignKey(
        "campaigns.LocalEvent",
        verbose_name=_("local event"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        event = self.event
        if event is not None and event.campaign_id and self.campaign_id != event.campaign_id:
            raise ValidationError({"event": _("This event belongs to another campaign.")})

    @property
    def subject(self) -> "Campaign | LocalEvent":
        """What it is about: the event if there is one, else the campaign."""
        return self.event if self.event_id else self.campaign  # type: ignore[return-value]


def about_campaign_or_event(*, name: str, message: "_StrPromise") -> models.CheckConstraint:
    """A contribution's table refuses a row about neither a campaign nor an event."""
    return models.CheckConstraint(
        condition=Q(campaign__isnull=False) | Q(event__isnull=False),
        name=name,
        violation_error_message=message,
    )
