from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizingConfig(AppConfig):
    name = "turnout.organizing"
    verbose_name = _("Organizing")

    def ready(self) -> None:
        from turnout.campaigns.reports import register_report_builder

        from .report import campaign_report

        register_report_builder(campaign_report)
