from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "turnout.followup"
    verbose_name = _("Follow-up")

    def ready(self) -> None:
        # The day-after email is due from 10:00 local; every 15 minutes is near enough.
        from turnout.notifications.scheduler import register_job

        from . import personal_data, receivers  # noqa: F401  (receivers: clears comments)

        personal_data.register()  # their survey answer in the participant's privacy export

        register_job(every_seconds=900, task_path="turnout.followup.tasks.queue_due_follow_ups")
