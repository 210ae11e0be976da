from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrandingConfig(AppConfig):
    name = "turnout.branding"
    verbose_name = _("Site identity")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the cache invalidation)
