"""Models of checkin."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from turnout.campaigns.models import LocalEvent
from turnout.signups.models import Signup


class WalkInEntry(models.Model):
    """A walk-in form that was sent, by the key it was shown with: sent again (a double tap,
    a retry after a timeout), it finds the person it added instead of adding a twin."""

    event = models.ForeignKey(LocalEvent, on_delete=models.CASCADE, related_name="+")
    form_key = models.CharField(max_length=64)
    signup = models.ForeignKey(Signup, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("walk-in form sent")
        verbose_name_plural = _("walk-in forms sent")
        constraints = [
            models.UniqueConstraint(fields=["event", "form_key"], name="walk_in_form_once"),
        ]

    def __str__(self) -> str:
        return f"{self.form_key} → signup {self.signup_id}"
