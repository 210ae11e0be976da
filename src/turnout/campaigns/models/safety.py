"""What the authorities know of a demonstration, and a campaign's safety and legal defaults
per country, which an event's own values override."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from turnout.web.text import SingleLineCharField

from ..validators import validate_country_code
from .campaign import Campaign


class AuthorityNotice(models.TextChoices):
    """What the authorities know of a demonstration."""

    NOTIFIED = "notified", _("Notified to the authorities")
    PERMITTED = "permitted", _("Permitted by the authorities")
    NOT_REQUIRED = "not_required", _("No notice required")
    PENDING = "pending", _("Notice pending")


class SafetyDefaults(models.Model):
    """A campaign's safety and legal defaults for its events in one country; an event's own
    value, where given, wins."""

    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        related_name="safety_defaults",
        on_delete=models.CASCADE,
    )
    country = models.CharField(_("country"), max_length=2, validators=[validate_country_code])
    authority_notice = models.CharField(
        _("authorities"), max_length=20, choices=AuthorityNotice.choices, blank=True
    )
    legal_support_line = SingleLineCharField(_("legal support line"), max_length=100, blank=True)
    police_liaison = SingleLineCharField(_("police liaison"), max_length=200, blank=True)
    if_separated = models.TextField(_("if you get separated"), blank=True)

    class Meta:
        verbose_name = _("safety defaults")
        verbose_name_plural = _("safety defaults per country")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "country"], name="one_safety_default_per_country"
            )
        ]

    def __str__(self) -> str:
        return f"{self.campaign} · {self.country}"
