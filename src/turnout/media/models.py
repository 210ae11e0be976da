"""Photos of local events and campaigns, stored without metadata, in sizes for display."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.review import Contribution, about_campaign_or_event
from turnout.web.text import SingleLineCharField


class Photo(Contribution):
    """One photo: a clean original, display renditions (AVIF and WebP), text and approval."""

    class Faces(models.TextChoices):
        NONE = "none", _("No one can be recognized")
        CONSENTED = "consented", _("Everyone who can be recognized agreed to be shown")

    # Files live under photos/<key>/ so a name cannot be guessed, and the media route can
    # find the photo a file belongs to and check whether it may be shown.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    original = models.CharField(_("original file"), max_length=300, editable=False)
    width = models.PositiveIntegerField(_("width"), editable=False)
    height = models.PositiveIntegerField(_("height"), editable=False)
    # [{"width": 480, "height": 320, "format": "avif", "name": "photos/<key>/480.avif"}, ...]
    renditions = models.JSONField(_("display sizes"), default=list, editable=False)
    sha256 = models.CharField(max_length=64, editable=False, db_index=True)
    alt_text = SingleLineCharField(
        _("description (alt text)"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it. Required to publish."),
    )
    caption = SingleLineCharField(_("caption"), max_length=300, blank=True)
    credit = SingleLineCharField(
        _("credit"), max_length=150, blank=True, help_text=_("Who took the photo.")
    )
    faces = models.CharField(
        _("people in the photo"), max_length=20, choices=Faces.choices, default=Faces.NONE
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        default_related_name = "photos"
        ordering = ["created_at", "pk"]
        constraints = [
            about_campaign_or_event(
                name="photo_has_subject", message=_("A photo shows a campaign or an event.")
            ),
            models.CheckConstraint(
                condition=~Q(state="approved") | ~Q(alt_text=""),
                name="approved_photo_has_alt_text",
                violation_error_message=_("A photo needs a description before it is published."),
            ),
        ]

    def __str__(self) -> str:
        return self.alt_text or self.caption or str(self.key)

    def clean(self) -> None:
        super().clean()
        if self.state == self.State.APPROVED and not self.alt_text.strip():
            raise ValidationError(
                {"alt_text": _("A photo needs a description before it is published.")}
            )

    @property
    def has_consented_faces(self) -> bool:
        return self.faces == self.Faces.CONSENTED

    def file_names(self) -> list[str]:
        """Every stored file of this photo: the original and each rendition."""
        return [self.original, *(item["name"] for item in self.renditions)]
