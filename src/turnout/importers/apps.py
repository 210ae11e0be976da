from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportersConfig(AppConfig):
    name = "turnout.importers"
    verbose_name = _("Imports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from turnout.notifications.scheduler import register_job

        register_job(every_seconds=900, task_path="turnout.importers.tasks.sync_due_feeds")
