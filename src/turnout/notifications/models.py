"""The transactional outbox: every email is a row first, written with the change it reports."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """One email to one recipient, composed in their language and waiting to be sent."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        UNCERTAIN = "uncertain", _("Uncertain: a worker stopped while sending")
        FAILED = "failed", _("Failed permanently")

    message_id = models.CharField(
        _("Message-ID"),
        max_length=200,
        unique=True,
        editable=False,
        help_text=_("Stable across attempts, so a duplicate is recognizable."),
    )
    # The same notice is never queued twice (a reminder per signup and start time, for example).
    dedupe_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=40)
    to_email = models.EmailField(_("to"))
    # Where answers go when they should reach a person (a coordinator), not the site.
    reply_to = models.EmailField(_("reply to"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(
        default=list, blank=True, help_text="[{filename, content, mimetype}], text only"
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"))
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    claimed_by = models.CharField(_("claimed by"), max_length=64, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"))

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The claim's order: due messages come out of the index already sorted, without
            # sorting every pending row for each claim (quadratic in a 100,000-email fan-out).
            models.Index(fields=["state", "next_attempt_at", "id"], name="outbox_due_idx"),
            models.Index(fields=["to_email"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.to_email}"

    @staticmethod
    def new_message_id(domain: str) -> str:
        return f"<{uuid.uuid4().hex}@{domain}>"
