from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignupsConfig(AppConfig):
    name = "turnout.signups"
    verbose_name = _("Signups")

    def ready(self) -> None:
        # A raised capacity (from any edit path) gives the new places to the waitlist.
        from . import receivers  # noqa: F401
