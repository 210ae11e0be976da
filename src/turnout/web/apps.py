from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "turnout.web"
    verbose_name = _("Site")

    def ready(self) -> None:
        from . import deploy_checks  # noqa: F401  (registers the checks)
