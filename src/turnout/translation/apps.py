from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "turnout.translation"
    verbose_name = _("Translation")

    def ready(self) -> None:
        from turnout.campaigns.event_texts import EventText, register_event_translator
        from turnout.campaigns.texts import register_campaign_translator
        from turnout.content.translations import (
            TranslationProvider,
            register_translation_provider,
        )
        from turnout.covers.cover_texts import CoverText, register_cover_translator
        from turnout.media.photo_texts import PhotoText, register_photo_translator

        from . import selectors, signals  # noqa: F401 - signals connects the receivers

        # content shows pages in the visitor's language through us, without importing us
        register_translation_provider(
            TranslationProvider(
                text_in_language=selectors.text_in_language,
                translations_of=selectors.translations_of,
            )
        )
        register_campaign_translator(
            lambda campaign, field, language: (
                selectors.text_in_language(
                    obj=campaign,
                    field=field,
                    language=language,
                    source_language=settings.LANGUAGE_CODE,
                ).text
            )
        )
        register_event_translator(_texts_of_many(EventText))
        register_photo_translator(_texts_of_many(PhotoText))
        register_cover_translator(
            lambda cover, fields, language, source_language: {
                field: CoverText(shown.text, shown.language)
                for field, shown in selectors.fields_in_language(
                    obj=cover, fields=fields, language=language, source_language=source_language
                ).items()
            }
        )


def _texts_of_many(shown_as):
    """A translator of one field of many objects of a model (a list of events, a gallery of
    photos) in one query, each text given as the app below shows it (`shown_as`)."""
    from . import selectors

    def translated(objs, field, language, source_language):
        shown = selectors.texts_in_language(
            objs=objs, field=field, language=language, source_language=source_language
        )
        return {pk: shown_as(text.text, text.language) for pk, text in shown.items()}

    return translated
