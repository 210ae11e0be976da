"""People with responsibilities: they sign in by email; visitors who only sign up never do."""

from typing import ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from turnout.web.email_addresses import normalize_email
from turnout.web.text import SingleLineCharField


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        """Django's own paths (createsuperuser, the admin) spell addresses as every app does."""
        return normalize_email(email or "")

    def get_by_natural_key(self, username: str | None) -> "User":
        """Password sign-in and the admin look the account up as it is stored: "Ada@Example.org"
        is ada@example.org."""
        return self.get(**{self.model.USERNAME_FIELD: normalize_email(username or "")})

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=normalize_email(email), **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """An organizer, coordinator, group lead, editor or administrator."""

    email = models.EmailField(_("email address"), unique=True)
    name = SingleLineCharField(_("name"), max_length=150, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    is_staff = models.BooleanField(
        _("staff status"), default=False, help_text=_("Can sign in to the admin site.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name or self.email

    def get_short_name(self) -> str:
        return self.name or self.email.split("@")[0]


class AuditAction(models.TextChoices):
    """Everything the audit log records; `record_audit` refuses an action not declared here."""

    ROLE_GRANTED = "role.granted", _("Role granted")
    ROLE_REVOKED = "role.revoked", _("Role revoked")
    PROPOSAL_APPROVED = "proposal.approved", _("Proposal approved")
    PROPOSAL_REJECTED = "proposal.rejected", _("Proposal rejected")
    PROPOSAL_CHANGES_REQUESTED = "proposal.changes_requested", _("Changes asked of a proposal")
    INVITATION_SENT = "invitation.sent", _("Co-organizer invited")
    ORGANIZERS_MESSAGED = "organizers.messaged", _("Message to organizers")
    EVENTS_EXPORTED = "events.exported", _("Event list exported")
    SIGNUPS_MESSAGE = "signups.message", _("Message to attendees")
    SIGNUPS_EXPORT = "signups.export", _("Attendee list exported")
    SIGNUPS_ATTENDANCE = "signups.attendance", _("Attendance recorded")
    SIGNUPS_ERASE = "signups.erase", _("Personal data erased on request")
    SIGNUPS_RETENTION = "signups.retention", _("Old signups anonymized")
    PHOTO_UPLOAD = "photo.upload", _("Photo uploaded")
    PHOTO_APPROVE = "photo.approve", _("Photo approved")
    PHOTO_REJECT = "photo.reject", _("Photo rejected")
    PHOTO_DELETE = "photo.delete", _("Photo deleted")
    COVER_SET = "cover.set", _("Cover image set")
    COVER_DESCRIBE = "cover.describe", _("Cover image description changed")
    COVER_REMOVE = "cover.remove", _("Cover image removed")
    PRESS_SUBMIT = "press.submit", _("Press mention submitted")
    PRESS_APPROVE = "press.approve", _("Press mention approved")
    PRESS_REJECT = "press.reject", _("Press mention rejected")
    TRANSLATION_REVIEWED = "translation.reviewed", _("Translation reviewed")
    IMPORT_CAMPAIGN = "import.campaign", _("Campaign imported")
    PROPOSAL_TRUSTED_PUBLISHED = "proposal.trusted_published", _("Published by a trusted host")
    PROPOSAL_RELEASED = "proposal.released", _("Proposal released from the spam hold")
    PROPOSAL_UNPUBLISHED = "proposal.unpublished", _("Proposal taken back for review")
    HOST_TRUSTED = "host.trusted", _("Host trusted")
    HOST_UNTRUSTED = "host.untrusted", _("Host no longer trusted")


class AuditEntry(models.Model):
    """Who did what to which object, when: moderation, role changes, exports, messages."""

    actor = models.ForeignKey(
        User, verbose_name=_("who"), null=True, blank=True, on_delete=models.SET_NULL
    )
    action = models.CharField(_("what"), max_length=64, choices=AuditAction.choices)
    target_type = models.CharField(_("object type"), max_length=64, blank=True)
    target_id = models.CharField(_("object id"), max_length=64, blank=True)
    summary = models.TextField(_("details"), blank=True)
    # Where a change made through the site came from (behind TRUSTED_PROXIES, the real client);
    # empty for commands and background tasks.
    client_address = models.GenericIPAddressField(_("from address"), null=True, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor or '-'} {self.action}"


class SignInCode(models.Model):
    """A one-time sign-in link and code sent by email; only their hashes are kept."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), related_name="sign_in_codes", on_delete=models.CASCADE
    )
    link_hash = models.CharField(max_length=64, unique=True)
    code_hash = models.CharField(max_length=64)
    next_url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    # A keyed digest of the network it was asked from (never the address itself): the limits
    # on sign-in emails count per account and network, so a stranger cannot spend the owner's.
    network = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("sign-in code")
        verbose_name_plural = _("sign-in codes")
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"

    def is_usable(self, *, now) -> bool:
        return self.used_at is None and now < self.expires_at


class SignInRequest(models.Model):
    """Someone asked for a sign-in email to this address; the next delivery run writes it, if
    the address has an account, and deletes the request either way.

    The request itself only writes this row, so its answer and its work are the same whether
    or not the address has an account: nothing to time, count or compare.
    """

    email = models.EmailField(_("email address"))
    next_url = models.CharField(max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    network = models.CharField(max_length=64, blank=True)  # as SignInCode.network

    class Meta:
        verbose_name = _("sign-in request")
        verbose_name_plural = _("sign-in requests")

    def __str__(self) -> str:
        return f"{self.email} {self.requested_at:%Y-%m-%d %H:%M}"
