"""Machine translation of content: the segment cache, each text's translation per language with
its segments and review state, and the ledger of what the provider cost."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class CachedSegment(models.Model):
    """One segment's machine translation, reused wherever the same source text appears.

    Keyed by a hash of the source text, the target language, the provider and the model:
    editing one paragraph retranslates that paragraph only; changing model retranslates all.
    """

    source_hash = models.CharField(max_length=64)
    language = models.CharField(_("language"), max_length=10)
    provider = models.CharField(_("provider"), max_length=40)
    model = models.CharField(_("model"), max_length=200)
    source_language = models.CharField(_("source language"), max_length=10)
    source_text = models.TextField(_("source"))
    text = models.TextField(_("translation"))
    created_at = models.DateTimeField(_("created"))

    class Meta:
        verbose_name = _("cached segment")
        verbose_name_plural = _("cached segments")
        constraints = [
            models.UniqueConstraint(
                fields=["source_hash", "language", "provider", "model"],
                name="one_cached_translation_per_segment_language_and_model",
            )
        ]

    def __str__(self) -> str:
        return f"{self.language}: {self.source_text[:60]}"


class Translation(models.Model):
    """One text (a page, a campaign's narrative, ...) in one language."""

    class State(models.TextChoices):
        MACHINE = "machine", _("Machine")
        REVIEWED = "reviewed", _("Reviewed")
        STALE = "stale", _("Stale")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("content_type", "object_id")
    field = models.CharField(_("text"), max_length=50)
    language = models.CharField(_("language"), max_length=10)
    source_language = models.CharField(_("source language"), max_length=10)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.STALE)
    text = models.TextField(_("translated text"), blank=True)
    segment_count = models.PositiveIntegerField(_("segments"), default=0)
    machine_count = models.PositiveIntegerField(_("machine"), default=0)
    reviewed_count = models.PositiveIntegerField(_("reviewed"), default=0)
    stale_count = models.PositiveIntegerField(_("stale"), default=0)
    pending_count = models.PositiveIntegerField(_("not translated yet"), default=0)
    flagged_count = models.PositiveIntegerField(_("flagged"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        ordering = ["content_type", "object_id", "field", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_translation_per_text_and_language",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} · {self.field} · {self.language}"

    @property
    def has_translated_segments(self) -> bool:
        return self.machine_count + self.reviewed_count + self.stale_count > 0


class TranslatedSegment(models.Model):
    """One segment of a translation, aligned with the source, with its review state."""

    class State(models.TextChoices):
        PENDING = "pending", _("Not translated yet")
        MACHINE = "machine", _("Machine")
        REVIEWED = "reviewed", _("Reviewed")
        STALE = "stale", _("Stale")
        FLAGGED = "flagged", _("Flagged")

    # The states whose `text` is shown on the page; the others show the source.
    SHOWN_STATES = (State.MACHINE, State.REVIEWED, State.STALE)

    translation = models.ForeignKey(Translation, related_name="segments", on_delete=models.CASCADE)
    position = models.PositiveIntegerField()
    kind = models.CharField(max_length=20)
    key = models.CharField(max_length=50, blank=True)
    source_text = models.TextField(_("source"))
    source_hash = models.CharField(max_length=64)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PENDING
    )
    text = models.TextField(_("translation"), blank=True)
    machine_text = models.TextField(_("machine suggestion"), blank=True)
    previous_source_text = models.TextField(
        _("source when reviewed"),
        blank=True,
        help_text=_("For a stale segment: the source text the reviewer translated."),
    )
    problems = models.TextField(_("problems"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("translated segment")
        verbose_name_plural = _("translated segments")
        ordering = ["translation", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["translation", "position"], name="one_segment_per_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}: {self.source_text[:60]}"

    @property
    def shown_text(self) -> str:
        return self.text if self.state in self.SHOWN_STATES else self.source_text

    @property
    def has_human_text(self) -> bool:
        return self.state in (self.State.REVIEWED, self.State.STALE)


class ProviderCall(models.Model):
    """One request to a translation provider and what it cost: the spend cap sums these."""

    provider = models.CharField(max_length=40)
    model = models.CharField(max_length=200)
    language = models.CharField(max_length=10)
    prompt_tokens = models.PositiveIntegerField(default=0)
    completion_tokens = models.PositiveIntegerField(default=0)
    cost = models.DecimalField(max_digits=12, decimal_places=6, default=0)
    succeeded = models.BooleanField(default=False)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("provider call")
        verbose_name_plural = _("provider calls")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.provider}/{self.model} {self.cost}"
