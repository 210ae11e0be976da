from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "turnout.translation"
    verbose_name = _("Translation")

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the receivers
