"""The transactional outbox: every email is a row first, written with the change it reports."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from turnout.web.text import SingleLineCharField


class WrittenMessage(models.Model):
    """A message a person wrote to many (an organizer to attendees, a coordinator to
    organizers): its outbox rows are its copies, one per recipient, and tell how it went."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What it was written about (an event, a campaign), as the audit log names objects.
    target_type = models.CharField(_("about (type)"), max_length=64)
    target_id = models.CharField(_("about (id)"), max_length=64)
    subject = SingleLineCharField(_("subject"), max_length=300)
    written_at = models.DateTimeField(_("written"))

    class Meta:
        verbose_name = _("written message")
        verbose_name_plural = _("written messages")
        ordering = ["-written_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "written_at"])]

    def __str__(self) -> str:
        return self.subject


class OutboxMessage(models.Model):
    """One email to one recipient, composed in their language and waiting to be sent."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        UNCERTAIN = "uncertain", _("Uncertain: a worker stopped while sending")
        FAILED = "failed", _("Failed permanently")

    class Failure(models.TextChoices):
        """Why a message failed for good, in words for the person who wrote it."""

        REFUSED = "refused", _("The mail server refused it")
        BAD_ADDRESS = "bad_address", _("The address is not a valid email address")
        BAD_HEADER = "bad_header", _("Its subject or addresses cannot be put in an email")
        GAVE_UP = "gave_up", _("Not delivered after repeated attempts")

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
    # Sent as List-Unsubscribe with List-Unsubscribe-Post (one click, RFC 8058) when set.
    unsubscribe_url = models.URLField(_("one-click stop link"), max_length=500, blank=True)
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
    failure = models.CharField(
        _("why it failed"), max_length=20, choices=Failure.choices, blank=True
    )
    # The message a person wrote that this email is one copy of, if any.
    written_message = models.ForeignKey(
        WrittenMessage,
        verbose_name=_("written message"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    created_at = models.DateTimeField(_("queued"))

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The claim's order: due messages come out of the index already sorted, without
            # sorting every pending row for each claim (quadratic in a 100,000-email fan-out).
            models.Index(fields=["state", "next_attempt_at", "id"], name="outbox_due_idx"),
            # A person's emails, found by address whatever its case (the personal-data
            # export and erasure ask `to_email__iexact`, which is UPPER() on PostgreSQL).
            models.Index(Upper("to_email"), name="outbox_to_email_upper_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.to_email}"

    @staticmethod
    def new_message_id(domain: str) -> str:
        return f"<{uuid.uuid4().hex}@{domain}>"
