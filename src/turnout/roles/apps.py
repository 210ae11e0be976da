from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RolesConfig(AppConfig):
    name = "turnout.roles"
    verbose_name = _("Roles")

    def ready(self) -> None:
        # The participant's role on their manage page and in their "you're in" email; a role
        # freed with the signup's place; the briefing reminder on the worker's timetable.
        from turnout.notifications.scheduler import register_job

        from . import personal_data, receivers, sections  # noqa: F401

        sections.register()
        personal_data.register()  # their role in the participant's privacy export
        register_job(every_seconds=600, task_path="turnout.roles.tasks.queue_due_briefings")
