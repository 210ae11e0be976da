from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "turnout.followup"
    verbose_name = _("Follow-up")
