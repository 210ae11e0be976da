from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Commands for whoever runs the platform: `turnout backup` and `turnout restore`."""

    name = "turnout.operations"
    verbose_name = _("Operations")
