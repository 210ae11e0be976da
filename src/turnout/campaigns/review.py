"""What a campaign's coordinators review before the public sees it (press mentions, photos):
the review's state, who decided and when, kept the same way for each."""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
