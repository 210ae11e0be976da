from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "turnout.referrals"
    verbose_name = _("Bring a friend")
