"""Press coverage: an article, broadcast or podcast about a campaign or one of its events."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import LocalEvent
from turnout.campaigns.review import Contribution, about_campaign_or_event
from turnout.web.text import SingleLineCharField

from .languages import validate_language_code


class PressMention(Contribution):
    """One piece of coverage; public once a coordinator of its campaign approves it."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Article")
        TV = "tv", _("TV")
        RADIO = "radio", _("Radio")
        PODCAST = "podcast", _("Podcast")
        OTHER = "other", _("Other")

    url = models.URLField(_("link"), max_length=1000)
    outlet = SingleLineCharField(_("outlet"), max_length=200, blank=True)
    title = SingleLineCharField(_("title"), max_length=300, blank=True)
    published_on = models.DateField(_("date"), null=True, blank=True)
    language = models.CharField(
        _("language"),
        max_length=12,
        blank=True,
        validators=[validate_language_code],
        help_text=_("Language code, for example en, nl or nb."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ARTICLE)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("press mention")
        verbose_name_plural = _("press mentions")
        default_related_name = "press_mentions"
        ordering = ["-published_on", "-created_at"]
        constraints = [
            about_campaign_or_event(
                name="press_mention_has_subject",
                message=_("A press mention covers a campaign or an event."),
            ),
            models.UniqueConstraint(
                fields=["campaign", "url"],
                condition=Q(campaign__isnull=False),
                name="press_url_once_per_campaign",
                violation_error_message=_("This link has already been submitted."),
            ),
            models.UniqueConstraint(
                fields=["event", "url"],
                condition=Q(campaign__isnull=True),
                name="press_url_once_per_standalone_event",
                violation_error_message=_("This link has already been submitted."),
            ),
        ]
        indexes = [models.Index(fields=["state", "published_on"])]

    def __str__(self) -> str:
        return f"{self.display_outlet}: {self.display_title}"

    def clean(self) -> None:
        if self.campaign_id is None and self.event_id is None:
            raise ValidationError(_("A press mention covers a campaign or an event."))
        super().clean()

    @property
    def host(self) -> str:
        host = urlsplit(self.url).hostname or ""
        return host.removeprefix("www.")

    @property
    def display_outlet(self) -> str:
        return self.outlet or self.host

    @property
    def display_title(self) -> str:
        return self.title or self.url

    @property
    def year(self) -> int:
        """The publication year, or that of the action it covers when the date is unknown."""
        if self.published_on:
            return self.published_on.year
        subject = self.subject
        if isinstance(subject, LocalEvent):
            return subject.starts_at.year
        return subject.starts_on.year
