from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "turnout.campaigns"
    verbose_name = _("Campaigns and local events")

    def ready(self) -> None:
        # receivers connect the page cache's receivers on import
        from . import receivers, rules  # noqa: F401

        rules.register()  # who may do what to a campaign or event, for accounts' can()

        from turnout.web.metrics import register_metric_source

        from .metrics import proposal_metrics

        register_metric_source("proposals", proposal_metrics)
