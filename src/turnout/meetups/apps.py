from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetupsConfig(AppConfig):
    name = "turnout.meetups"
    verbose_name = _("Recurring meet-ups")
