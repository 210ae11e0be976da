from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "turnout.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        # Sign-in emails are written by the delivery run, off the request that asks for one.
        from turnout.notifications.outbox import register_letter_writer, rows_waiting

        from .models import SignInRequest
        from .sign_in import write_sign_in_letters

        register_letter_writer(write_sign_in_letters, owed=rows_waiting(SignInRequest))
