"""National and local groups: their place, their channels and the people who lead them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.validators import validate_country_code
from turnout.web.numbers import LATITUDE, LONGITUDE
from turnout.web.text import SingleLineCharField

from .channels import ChannelKind, normalize_channel


class Group(models.Model):
    """A national group, or a local group that belongs to a national one."""

    class Kind(models.TextChoices):
        NATIONAL = "national", _("National group")
        LOCAL = "local", _("Local group")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = SingleLineCharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("national group"),
        related_name="local_groups",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"kind": "national"},
    )
    country = models.CharField(_("country"), max_length=2, validators=[validate_country_code])
    city = SingleLineCharField(_("city"), max_length=120, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True, validators=LATITUDE)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, validators=LONGITUDE)
    description = models.TextField(_("about the group"), blank=True, help_text=_("Markdown."))
    leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leads"),
        related_name="led_groups",
        blank=True,
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive groups stay listed, marked as such.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["country", "kind", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="national", parent__isnull=True)
                | models.Q(kind="local", parent__isnull=False),
                name="group_local_belongs_to_national",
                violation_error_message=_("A local group belongs to a national group."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.kind == self.Kind.LOCAL:
            if self.parent is None:
                raise ValidationError({"parent": _("A local group belongs to a national group.")})
            if self.parent.kind != self.Kind.NATIONAL:
                raise ValidationError({"parent": _("Choose a national group.")})
            if not self.city.strip():
                raise ValidationError({"city": _("A local group needs its city.")})
        elif self.kind == self.Kind.NATIONAL and self.parent_id is not None:
            raise ValidationError({"parent": _("A national group does not belong to another.")})

    def get_absolute_url(self) -> str:
        return reverse("groups:group_detail", kwargs={"slug": self.slug})

    @property
    def is_local(self) -> bool:
        return self.kind == self.Kind.LOCAL


class Channel(models.Model):
    """One place where a group talks: a Discord server, a WhatsApp group, an email address."""

    group = models.ForeignKey(
        Group, verbose_name=_("group"), related_name="channels", on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ChannelKind.choices)
    address = SingleLineCharField(_("link or address"), max_length=500)
    label = SingleLineCharField(
        _("label"), max_length=100, blank=True, help_text=_("Optional, e.g. “Announcements”.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.address}"

    def clean(self) -> None:
        if self.kind and self.address:
            try:
                self.address = normalize_channel(self.kind, self.address)
            except ValidationError as error:
                raise ValidationError({"address": error.messages}) from None

    @property
    def href(self) -> str:
        return f"mailto:{self.address}" if self.kind == ChannelKind.EMAIL else self.address
