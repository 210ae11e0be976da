from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "turnout.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # /readyz lives in web, below this app; it learns of the outbox's check from here.
        from turnout.web.health import register_readiness_check
        from turnout.web.metrics import register_metric_source

        from .health import outbox_check
        from .metrics import outbox_metrics
        from .scheduler import register_job

        register_readiness_check("outbox", outbox_check)
        register_metric_source("outbox", outbox_metrics)
        # A sweep for anything the on-commit wake-up missed, and for retries that came due.
        register_job(every_seconds=30, task_path="turnout.notifications.tasks.deliver_outbox")
        # web's upkeep: web sits below the worker and knows nothing of it, so it is named here.
        register_job(
            every_seconds=6 * 3600, task_path="turnout.web.tasks.refresh_planner_statistics"
        )
        register_job(every_seconds=3600, task_path="turnout.web.tasks.forget_past_rate_counters")
