"""A campaign's hero image and a local event's image: one cover each, with its display sizes."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import Campaign, LocalEvent
from turnout.web.text import SingleLineCharField

ALT_TEXT_MAX_LENGTH = 300
CREDIT_MAX_LENGTH = 150


class CoverImage(models.Model):
    """The image at the top of a campaign's or an event's page, on its cards and in its emails.

    Files live under covers/<key>/ and are served at /covers/<key>/<file>: a new image gets a
    new key, so pages and caches may keep an address for a year.
    """

    campaign = models.OneToOneField(
        Campaign,
        verbose_name=_("campaign"),
        related_name="cover",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    event = models.OneToOneField(
        LocalEvent,
        verbose_name=_("event"),
        related_name="cover",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    original_name = models.CharField(_("uploaded file name"), max_length=300, editable=False)
    # The cleaned original (no metadata), under covers/<key>/.
    original = models.CharField(_("original file"), max_length=300, editable=False)
    width = models.PositiveIntegerField(_("width"), editable=False)
    height = models.PositiveIntegerField(_("height"), editable=False)
    # [{"width": 960, "height": 540, "format": "avif", "name": "covers/<key>/960.avif"}, ...]
    renditions = models.JSONField(_("display sizes"), default=list, editable=False)
    # A JPEG for email programs, which show neither AVIF nor (some of them) WebP.
    email_file = models.CharField(_("file for emails"), max_length=300, editable=False)
    alt_text = SingleLineCharField(
        _("description (alt text)"),
        max_length=ALT_TEXT_MAX_LENGTH,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    credit = SingleLineCharField(
        _("credit"), max_length=CREDIT_MAX_LENGTH, blank=True, help_text=_("Who made the image.")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("cover image")
        verbose_name_plural = _("cover images")
        constraints = [
            models.CheckConstraint(
                condition=(Q(campaign__isnull=False) & Q(event__isnull=True))
                | (Q(campaign__isnull=True) & Q(event__isnull=False)),
                name="cover_has_one_subject",
                violation_error_message=_("A cover belongs to one campaign or one event."),
            ),
            models.CheckConstraint(
                condition=~Q(alt_text=""),
                name="cover_has_alt_text",
                violation_error_message=_("Describe the image for people who cannot see it."),
            ),
        ]

    def __str__(self) -> str:
        return self.alt_text

    @property
    def subject(self) -> Campaign | LocalEvent:
        return self.campaign if self.campaign is not None else self.event  # type: ignore[return-value]

    def is_public(self) -> bool:
        """Whether a visitor may see the cover: its campaign or event is on the public site
        (a draft's, a proposal's or a rejected event's cover is for its own people only)."""
        if self.campaign is not None:
            return self.campaign.status in Campaign.PUBLIC_STATUSES
        event = self.event
        assert event is not None
        return event.is_public_with(event.campaign.status if event.campaign is not None else None)

    def file_names(self) -> list[str]:
        """Every stored file of this cover: the original, each display size, the email copy."""
        names = [self.original, *(item["name"] for item in self.renditions), self.email_file]
        return [name for name in names if name]
