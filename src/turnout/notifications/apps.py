from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "turnout.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # Event changes announced by campaigns become outbox rows in the same transaction.
        # /readyz lives in web, below this app; it learns of the outbox's check from here.
        from turnout.web.health import register_readiness_check

        from . import receivers  # noqa: F401
        from .health import outbox_check

        register_readiness_check("outbox", outbox_check)
