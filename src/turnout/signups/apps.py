from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignupsConfig(AppConfig):
    name = "turnout.signups"
    verbose_name = _("Signups")

    def ready(self) -> None:
        # A raised capacity (from any edit path) gives the new places to the waitlist, and a
        # rescheduled or cancelled event is told to its participants.
        from turnout.notifications.outbox import register_letter_writer, rows_waiting
        from turnout.notifications.scheduler import register_job
        from turnout.web.metrics import register_metric_source

        from . import receivers  # noqa: F401
        from .metrics import signup_metrics
        from .models import PrivacyLinkRequest
        from .owed_letters import OWED, write_owed_letters
        from .services.privacy import write_privacy_letters

        register_metric_source("signups", signup_metrics)
        register_letter_writer(write_owed_letters, owed=OWED)
        # Privacy links too, off the request that asks for one (nothing to time there).
        register_letter_writer(write_privacy_letters, owed=rows_waiting(PrivacyLinkRequest))

        register_job(every_seconds=300, task_path="turnout.signups.tasks.queue_due_reminders")
        register_job(
            every_seconds=3600, task_path="turnout.signups.tasks.anonymize_expired_signups"
        )
