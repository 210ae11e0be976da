from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "turnout.groups"
    label = "groups"
    verbose_name = _("Groups")

    def ready(self) -> None:
        from . import rules

        rules.register()  # what a group's leads may do, for accounts' can()
