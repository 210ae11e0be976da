from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SharingConfig(AppConfig):
    name = "turnout.sharing"
    verbose_name = _("Sharing")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the signal receivers)
