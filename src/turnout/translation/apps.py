from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "turnout.translation"
    verbose_name = _("Translation")

    def ready(self) -> None:
        from turnout.content.translations import (
            TranslationProvider,
            register_translation_provider,
        )

        from . import selectors, signals  # noqa: F401 - signals connects the receivers

        # content shows pages in the visitor's language through us, without importing us
        register_translation_provider(
            TranslationProvider(
                text_in_language=selectors.text_in_language,
                translations_of=selectors.translations_of,
            )
        )
