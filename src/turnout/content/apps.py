from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "turnout.content"
    verbose_name = _("Content")

    def ready(self) -> None:
        # The security headers live in web, below this app; they learn of consented embeds here.
        from turnout.web.security import register_policy_source

        from .policy import consented_embed_sources

        register_policy_source(consented_embed_sources)
