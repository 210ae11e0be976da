from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoversConfig(AppConfig):
    name = "turnout.covers"
    verbose_name = _("Cover images")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (files go when their cover goes)
