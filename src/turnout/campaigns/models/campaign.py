"""A campaign: an international action day or window, with its narrative and demands."""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from turnout.web.text import SingleLineCharField


def default_reminder_hours() -> list[int]:
    return [48, 3]  # two days and three hours before


class CampaignQuerySet(models.QuerySet):
    def public(self) -> "CampaignQuerySet":
        """Campaigns a visitor may see: published ones and the archive, never drafts."""
        return self.filter(Campaign.public_condition())


class Campaign(models.Model):
    """An action day or window with its narrative, demands and many local events."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.ARCHIVED)

    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    title = SingleLineCharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    narrative = models.TextField(_("narrative"), blank=True, help_text=_("Markdown."))
    core_messages = models.TextField(
        _("core messages"), blank=True, help_text=_("Markdown, usually a list.")
    )
    demands = models.TextField(_("demands"), blank=True, help_text=_("Markdown."))
    coordination_url = models.URLField(
        _("coordination link"),
        blank=True,
        help_text=_("Where local organizers coordinate, for example a Discord invite."),
    )
    is_open_for_proposals = models.BooleanField(
        _("open for local proposals"),
        default=False,
        help_text=_("Anyone may propose a local event for this campaign."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        related_name="coordinated_campaigns",
        blank=True,
    )
    reminder_hours = models.JSONField(
        _("reminders (hours before)"),
        default=default_reminder_hours,
        blank=True,
        help_text=_("When participants are reminded, in hours before the start: [48, 3]."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="campaign_window_not_inverted",
                violation_error_message=_("The last day cannot be before the first day."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})
        hours = self.reminder_hours
        # type() and not isinstance(): JSON's true is a bool, which isinstance() calls an int.
        if not isinstance(hours, list) or not all(
            type(h) is int and 0 < h <= 24 * 60 for h in hours
        ):
            raise ValidationError(
                {"reminder_hours": _("Give a list of whole hours, for example [48, 3].")}
            )

    objects = CampaignQuerySet.as_manager()

    @classmethod
    def public_condition(cls, via: str = "") -> Q:
        """Whether a campaign is public, as a condition on rows that reach it through `via`
        (such as "campaign__"); `Campaign.objects.public()` is this with no `via`."""
        return Q(**{f"{via}status__in": cls.PUBLIC_STATUSES})

    def get_absolute_url(self) -> str:
        return reverse("campaigns:campaign_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def has_ended(self, *, today: date) -> bool:
        return self.ends_on < today
