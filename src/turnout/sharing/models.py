"""What search engines need beyond the event itself: the start times it had before a change."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import LocalEvent


class PreviousStart(models.Model):
    """A start time an event had before it was moved: schema.org's previousStartDate, so a
    search engine shows "rescheduled" rather than two events."""

    event = models.ForeignKey(
        LocalEvent,
        verbose_name=_("event"),
        related_name="previous_starts",
        on_delete=models.CASCADE,
    )
    starts_at = models.DateTimeField(_("started at"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("previous start")
        verbose_name_plural = _("previous starts")
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.starts_at.isoformat()}"
