"""Emails to coordinators and organizers: proposals waiting, new signups, nearly full."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "turnout.alerts"
    verbose_name = _("Alerts")

    def ready(self) -> None:
        from turnout.notifications.scheduler import register_job

        from . import receivers  # noqa: F401

        register_job(every_seconds=60, task_path="turnout.alerts.tasks.queue_proposal_alerts")
        # Every five minutes: an hourly digest leaves within minutes of its hour, a daily one
        # within minutes of 08:00 (see windows.py).
        register_job(every_seconds=300, task_path="turnout.alerts.tasks.queue_digests")
        register_job(every_seconds=300, task_path="turnout.alerts.tasks.queue_nearly_full_notes")
