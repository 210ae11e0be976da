from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "turnout.referrals"
    verbose_name = _("Bring a friend")

    def ready(self) -> None:
        from turnout.signups.sections import MANAGE_PAGE, register_participant_section

        from .sections import SHARE_PLACES, next_actions_context, share_context

        register_participant_section(
            "share",
            template="referrals/share",
            context=share_context,
            places=SHARE_PLACES,
            order=50,
        )
        register_participant_section(
            "next_actions",
            template="referrals/next_actions",
            context=next_actions_context,
            places=frozenset({MANAGE_PAGE}),
            order=60,
        )
