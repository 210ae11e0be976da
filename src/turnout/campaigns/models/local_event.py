"""A local event: one protest, vigil or meet-up in one place, in a campaign or alone."""

import uuid
import zoneinfo
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.timezone import now as current_time
from django.utils.translation import gettext_lazy as _

from turnout.web.numbers import LATITUDE, LONGITUDE
from turnout.web.text import SingleLineCharField

from ..links import event_path
from ..platforms import Platform, recognize_platform
from ..validators import validate_country_code, validate_time_zone
from .campaign import Campaign
from .safety import AuthorityNotice

# The most places one local event can have: more is a typo (or an attack) and would not fit
# the column on every database.
MAX_CAPACITY = 1_000_000
# The longest description the forms take: a few pages. It is markdown, rendered on every view
# of the event page, its card and the API; a body of megabytes took seconds each time.
MAX_DESCRIPTION_LENGTH = 10_000


# The furthest an event may be promoted: half the Earth's circumference.
MAX_PROMOTION_RADIUS_KM = 20_000


class LatitudeBand(models.Func):
    """Which half degree of latitude a row lies in: nearby search's index starts with it, so a
    box is read as a few short runs of longitudes, not every place at those latitudes.
    (`geo.selectors` filters on this same expression, which the databases match to the index.)
    """

    PER_DEGREE = 2
    template = f"FLOOR(%(expressions)s * {PER_DEGREE})"
    output_field = models.FloatField()


class LocalEventQuerySet(models.QuerySet):
    def public(self) -> "LocalEventQuerySet":
        """Events a visitor may see: past moderation, alone or in a public campaign."""
        return self.filter(LocalEvent.public_condition())


class LocalEvent(models.Model):
    """One protest, vigil or meet-up in one place: part of a campaign or standing alone."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        APPROVED = "approved", _("Approved")
        DETAILS_TBA = "tba", _("Details to be announced")
        REJECTED = "rejected", _("Rejected")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")

    class AttendanceMode(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("In person and online")

    # Events a visitor may see, and those that count as "taking part" in a campaign.
    VISIBLE_STATUSES = (
        Status.APPROVED,
        Status.DETAILS_TBA,
        Status.CANCELLED,
        Status.COMPLETED,
    )
    TAKING_PART_STATUSES = (Status.APPROVED, Status.DETAILS_TBA, Status.COMPLETED)

    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        related_name="events",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    title = SingleLineCharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    city = SingleLineCharField(
        _("city"), max_length=120, blank=True, help_text=_("Leave empty for an online event.")
    )
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        validators=[validate_country_code],
        help_text=_("Two-letter ISO code, for example NL."),
    )
    venue = SingleLineCharField(
        _("venue"), max_length=200, blank=True, help_text=_("Leave empty while to be announced.")
    )
    address = SingleLineCharField(_("address"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True, validators=LATITUDE)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, validators=LONGITUDE)
    # Where the public may place the event (`day_details.public_coordinates`, set by save()):
    # the exact place, or for a private one its area. Nearby search filters and ranks on these
    # alone, so how far a private place lies from any point is never measured.
    public_latitude = models.FloatField(null=True, blank=True, editable=False)
    public_longitude = models.FloatField(null=True, blank=True, editable=False)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("IANA name of the event's time zone, for example Europe/Amsterdam."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED
    )
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    # Shown only to confirmed participants (their manage page, emails and invites), never on
    # public pages, feeds or the API: an open link invites disruption of the call.
    meeting_url = models.URLField(
        _("meeting link"),
        max_length=500,
        blank=True,
        help_text=_("Zoom, Teams, Google Meet, Jitsi, ... Only confirmed participants see it."),
    )
    signup_url = models.URLField(
        _("external signup link"),
        max_length=500,
        blank=True,
        help_text=_("Facebook, lu.ma, Eventbrite, Partiful, Meetup, WhatsApp, ... if used."),
    )
    signup_platform = models.CharField(
        _("signup platform"), max_length=20, choices=Platform.choices, blank=True, editable=False
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_CAPACITY)],
        help_text=_("Leave empty for no limit."),
    )
    organizers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organizers"),
        related_name="organized_events",
        blank=True,
    )
    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("group"),
        related_name="events",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    # The day itself (docs/the-day.md): where exactly, how accessible, how safe.
    location_is_private = models.BooleanField(
        _("keep the exact place private"),
        default=False,
        help_text=_(
            "The public page shows only the city and venue; confirmed participants see the "
            "address and meeting point."
        ),
    )
    meeting_point = SingleLineCharField(
        _("meeting point"),
        max_length=300,
        blank=True,
        help_text=_("Where exactly to meet, for example: the north steps, by the orange banner."),
    )
    private_instructions = models.TextField(
        _("instructions for participants"),
        blank=True,
        help_text=_("Only confirmed participants see these. Markdown."),
    )
    step_free_access = models.BooleanField(_("step-free access"), null=True, blank=True)
    seating = models.BooleanField(_("seating available"), null=True, blank=True)
    accessible_toilets = models.BooleanField(_("accessible toilets"), null=True, blank=True)
    quiet_space = models.BooleanField(_("quiet space"), null=True, blank=True)
    sign_language = models.BooleanField(_("sign language interpretation"), null=True, blank=True)
    accessibility_note = models.TextField(_("accessibility note"), blank=True)
    # Safety and legal: empty fields inherit the campaign's defaults for the event's country
    # (SafetyDefaults); participants see them once confirmed.
    authority_notice = models.CharField(
        _("authorities"),
        max_length=20,
        choices=AuthorityNotice.choices,
        blank=True,
    )
    legal_support_line = SingleLineCharField(_("legal support line"), max_length=100, blank=True)
    police_liaison = SingleLineCharField(
        _("police liaison"),
        max_length=200,
        blank=True,
        help_text=_("Who talks to the police on the day."),
    )
    if_separated = models.TextField(_("if you get separated"), blank=True)
    # Shown to everyone within this distance (a national march), marked as further away.
    promotion_radius_km = models.PositiveIntegerField(
        _("promotion radius (km)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_PROMOTION_RADIUS_KM)],
        help_text=_("Show this event to people this far away too. Leave empty for nearby only."),
    )
    # Stable across edits so calendar apps update rather than duplicate the event.
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("local event")
        verbose_name_plural = _("local events")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["status", "starts_at"]),
            models.Index(fields=["campaign", "status"]),
            models.Index(fields=["country"]),
            # Nearby search reads a bounding box from this index alone: by latitude band, then
            # longitude, with the columns the public filter and the ranking need (geo.selectors).
            models.Index(
                LatitudeBand("public_latitude"),
                "public_longitude",
                "public_latitude",
                "status",
                "attendance_mode",
                "ends_at",
                "starts_at",
                "campaign_id",
                "id",
                name="event_nearby_idx",
            ),
            # Beside a nearby search: the online events, soonest first, and the few events
            # promoted far, in start order; without these both read every upcoming event.
            models.Index(fields=["attendance_mode", "starts_at"], name="event_online_idx"),
            models.Index(
                fields=["starts_at"],
                condition=Q(promotion_radius_km__isnull=False),
                name="event_promoted_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="event_ends_after_it_starts",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(attendance_mode="online") | (~Q(city="") & ~Q(country="")),
                name="event_has_a_place_unless_online",
                violation_error_message=_("Give the city and country, or make the event online."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.place_label})"

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An event cannot end before it starts.")})
        if not self.is_online and not (self.city or "").strip():
            raise ValidationError({"city": _("Give the city, or make the event online.")})

    def save(self, *args, **kwargs) -> None:
        self.signup_platform = recognize_platform(self.signup_url) if self.signup_url else ""
        # Imported here: day_details, the one home of what the public sees, reads this model.
        from ..day_details import PUBLIC_COORDINATES_FROM, store_public_coordinates

        update_fields = kwargs.get("update_fields")
        if update_fields is None or PUBLIC_COORDINATES_FROM & set(update_fields):
            store_public_coordinates(self)  # again by geo's pre_save if it fills the place
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "public_latitude", "public_longitude"}
        super().save(*args, **kwargs)

    objects = LocalEventQuerySet.as_manager()

    @classmethod
    def public_condition(cls, via: str = "") -> Q:
        """Whether an event is public, as a condition on rows that reach it through `via`
        (such as "event__"); `LocalEvent.objects.public()` is this with no `via`."""
        no_campaign = Q(**{f"{via}campaign__isnull": True})
        # The public campaigns as a subquery, not a join: the database reads their few ids
        # once (a hashed set), where a LEFT JOIN probed campaigns for every event row: a
        # sixth of the count of a nearby search over thousands of events.
        public_campaigns = Campaign.objects.filter(Campaign.public_condition()).values("pk")
        return Q(**{f"{via}status__in": cls.VISIBLE_STATUSES}) & (
            no_campaign | Q(**{f"{via}campaign__in": public_campaigns})
        )

    def is_public_with(self, campaign_status: str | None) -> bool:
        """`public_condition` for one loaded event, given its campaign's status (None: no
        campaign), so a page can fetch the event by primary key alone."""
        return self.status in self.VISIBLE_STATUSES and (
            campaign_status is None or campaign_status in Campaign.PUBLIC_STATUSES
        )

    def get_absolute_url(self) -> str:
        return event_path(self.pk)

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_starts_at(self) -> datetime:
        return self.starts_at.astimezone(self.zone)

    @property
    def local_ends_at(self) -> datetime:
        return self.ends_at.astimezone(self.zone)

    @property
    def is_online(self) -> bool:
        """Online only: no place, so no map dot, no distance and no city in the reach."""
        return self.attendance_mode == self.AttendanceMode.ONLINE

    @property
    def has_meeting_link(self) -> bool:
        return bool(self.meeting_url) and self.attendance_mode != self.AttendanceMode.IN_PERSON

    @property
    def place_label(self) -> str:
        return str(_("Online")) if self.is_online else self.city

    @property
    def is_details_tba(self) -> bool:
        return self.status == self.Status.DETAILS_TBA

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    def takes_signups_here(self, *, now: datetime) -> bool:
        """Whether people sign up on this site: approved, no signup link elsewhere, not over."""
        return self.status == self.Status.APPROVED and not self.signup_url and self.ends_at > now

    @property
    def has_ended(self) -> bool:
        return self.ends_at < current_time()

    @property
    def has_external_signup(self) -> bool:
        return bool(self.signup_url)
