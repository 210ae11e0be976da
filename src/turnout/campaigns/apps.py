from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "turnout.campaigns"
    verbose_name = _("Campaigns and local events")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects the page cache's receivers)
