from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "turnout.referrals"
    verbose_name = _("Bring a friend")

    def ready(self) -> None:
        from turnout.signups.sections import register_participant_section

        from .sections import SHARE_PLACES, share_context

        register_participant_section(
            "share",
            template="referrals/share",
            context=share_context,
            places=SHARE_PLACES,
            order=50,
        )
