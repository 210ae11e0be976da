"""Where imported events came from: registered calendar feeds and each event's source."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import Campaign, LocalEvent

# A month at most between syncs: the next sync's time must stay a date (and the feed current).
MAX_SYNC_HOURS = 24 * 31


class CalendarFeed(models.Model):
    """An iCalendar feed (lu.ma, Google Calendar, Mobilizon, ...) synced on a schedule."""

    url = models.URLField(_("feed address"), max_length=1000, unique=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        related_name="calendar_feeds",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Events from this feed join this campaign; leave empty for standalone events."),
    )
    sync_every_hours = models.PositiveIntegerField(
        _("sync every (hours)"),
        default=6,
        validators=[MaxValueValidator(MAX_SYNC_HOURS)],
        help_text=_("How often the feed is read again."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    last_synced_at = models.DateTimeField(_("last synced"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    # The version of the feed read last, as its server named it: the next sync asks whether
    # the feed changed since (calendar_fetching.FeedVersion).
    etag = models.CharField(_("ETag"), max_length=200, blank=True, editable=False)
    last_modified = models.CharField(_("last modified"), max_length=200, blank=True, editable=False)
    last_read_whole_at = models.DateTimeField(
        _("last read whole"), null=True, blank=True, editable=False
    )
    # Claimed by the sync under way until then: two workers never sync one feed at once.
    syncing_until = models.DateTimeField(_("syncing until"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        ordering = ["name", "url"]

    def __str__(self) -> str:
        return self.name or self.url

    def forget_version(self) -> None:
        """Read the feed whole at its next sync, asking nothing about the version read last."""
        self.etag = self.last_modified = ""
        self.last_read_whole_at = None

    def clean(self) -> None:
        if self.sync_every_hours == 0:
            raise ValidationError({"sync_every_hours": _("Sync at least once every few hours.")})


class ImportedEvent(models.Model):
    """The calendar entry a local event was imported from, so a new import updates it."""

    event = models.OneToOneField(
        LocalEvent,
        verbose_name=_("local event"),
        related_name="import_source",
        on_delete=models.CASCADE,
    )
    feed = models.ForeignKey(
        CalendarFeed,
        verbose_name=_("calendar feed"),
        related_name="imported_events",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    uid = models.CharField(_("calendar UID"), max_length=500, blank=True)
    # Which occurrence of a recurring series: its original start in UTC ("20300513T170000Z",
    # "20300513" for a whole day), as RECURRENCE-ID names it. Empty for a single event.
    recurrence_id = models.CharField(_("occurrence"), max_length=20, blank=True)
    url = models.URLField(_("event page"), max_length=1000, blank=True)
    # The entry's SEQUENCE when last written: an export older than that (a feed cached
    # somewhere, a file imported late) does not undo a later change.
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    created_at = models.DateTimeField(_("imported"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("imported event")
        verbose_name_plural = _("imported events")
        constraints = [
            models.UniqueConstraint(
                fields=["uid", "recurrence_id"],
                condition=~Q(uid=""),
                name="imported_event_occurrence_once",
            ),
        ]

    def __str__(self) -> str:
        identity = f"{self.uid} {self.recurrence_id}".strip()
        return identity or self.url
