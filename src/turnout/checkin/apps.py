"""Arriving on the day: check-in codes, the door page, walk-ins and sign-in sheets."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckinConfig(AppConfig):
    name = "turnout.checkin"
    verbose_name = _("Check-in")

    def ready(self) -> None:
        from turnout.signups.sections import (
            CONFIRMED_EMAIL,
            MANAGE_PAGE,
            register_participant_section,
        )

        from .participant import code_context

        register_participant_section(
            "check_in_code",
            template="checkin/participant",
            context=code_context,
            places=frozenset({MANAGE_PAGE, CONFIRMED_EMAIL}),
            order=30,
        )
