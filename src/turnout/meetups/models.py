"""A local group's recurring meet-up (a series) and its dates, each one a real LocalEvent.

Exceptions are not a table of their own: every date that ever existed keeps its
`SeriesOccurrence` row, so the row is the exception. A cancelled date is an occurrence whose
event is cancelled (the EXDATE of the feed, never re-created by the horizon job); a moved or
separately edited date is an occurrence marked `is_detached`, whose event has its own time and
place (an override VEVENT with RECURRENCE-ID). One source of truth, and a date cancelled from
the organizer's dashboard is an exception too without anyone recording it twice.
"""

import uuid
import zoneinfo
from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import MAX_CAPACITY, LocalEvent
from turnout.campaigns.validators import validate_country_code, validate_time_zone
from turnout.web.numbers import LATITUDE, LONGITUDE
from turnout.web.text import SingleLineCharField

# Longest a meet-up lasts: twelve hours.
MAX_DURATION_MINUTES = 12 * 60


class MeetupSeries(models.Model):
    """What repeats: the meet-up's details, its wall-clock time and its RFC 5545 rule."""

    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("group"),
        related_name="meetup_series",
        on_delete=models.CASCADE,
    )
    title = SingleLineCharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=20,
        choices=LocalEvent.AttendanceMode.choices,
        default=LocalEvent.AttendanceMode.IN_PERSON,
    )
    city = SingleLineCharField(_("city"), max_length=120, blank=True)
    country = models.CharField(
        _("country"), max_length=2, blank=True, validators=[validate_country_code]
    )
    venue = SingleLineCharField(_("venue"), max_length=200, blank=True)
    address = SingleLineCharField(_("address"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True, validators=LATITUDE)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, validators=LONGITUDE)
    meeting_url = models.URLField(_("meeting link"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, validators=[MaxValueValidator(MAX_CAPACITY)]
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Amsterdam", validators=[validate_time_zone]
    )
    start_time = models.TimeField(_("starts at (local time)"))
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"),
        default=120,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DURATION_MINUTES)],
    )
    # The rule without DTSTART, as in an RRULE line: "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU".
    # UNTIL, when set, is in UTC (RFC 5545 asks it with a DTSTART that has a TZID).
    rrule = models.CharField(_("repeats"), max_length=300)
    dtstart = models.DateField(_("first date"))
    # The master VEVENT's UID: stable for the life of the series (a split starts a new one).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    split_from = models.ForeignKey(
        "self",
        verbose_name=_("continues"),
        related_name="continuations",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        related_name="+",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("recurring meet-up")
        verbose_name_plural = _("recurring meet-ups")
        ordering = ["group", "title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetups:series_detail", kwargs={"pk": self.pk})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.duration_minutes)

    @property
    def first_start(self) -> datetime:
        """DTSTART: the first date at the wall-clock start time, in the series' zone."""
        return datetime.combine(self.dtstart, self.start_time, tzinfo=self.zone)

    @property
    def is_online(self) -> bool:
        return self.attendance_mode == LocalEvent.AttendanceMode.ONLINE


class SeriesOccurrence(models.Model):
    """One date of a series: the event people sign up for, and which date of the rule it is."""

    series = models.ForeignKey(
        MeetupSeries,
        verbose_name=_("recurring meet-up"),
        related_name="occurrences",
        on_delete=models.CASCADE,
    )
    event = models.OneToOneField(
        LocalEvent,
        verbose_name=_("event"),
        related_name="series_occurrence",
        on_delete=models.CASCADE,
    )
    # The date and time the rule gave (RECURRENCE-ID), even after the event moved.
    recurrence_id = models.DateTimeField(_("date in the rule"))
    # Edited on its own: later edits of the series leave it alone, as calendar apps do.
    is_detached = models.BooleanField(_("edited on its own"), default=False)

    class Meta:
        verbose_name = _("date of a recurring meet-up")
        verbose_name_plural = _("dates of recurring meet-ups")
        ordering = ["recurrence_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "recurrence_id"], name="one_occurrence_per_rule_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.series} · {self.recurrence_id:%Y-%m-%d %H:%M}"

    @property
    def local_recurrence_id(self) -> datetime:
        return self.recurrence_id.astimezone(self.series.zone)
