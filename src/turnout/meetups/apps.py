"""A local group's recurring events: each occurrence a real event."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetupsConfig(AppConfig):
    name = "turnout.meetups"
    verbose_name = _("Recurring meet-ups")

    def ready(self) -> None:
        from turnout.notifications.scheduler import register_job

        from . import receivers  # noqa: F401

        # Hourly: the horizon moves by days, and each run is idempotent.
        register_job(every_seconds=3600, task_path="turnout.meetups.tasks.create_coming_dates")
