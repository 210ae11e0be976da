from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "turnout.notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        # Event changes announced by campaigns become outbox rows in the same transaction.
        from . import receivers  # noqa: F401
