"""`turnout demo`: migrate, load demo data, create an administrator and serve the site.

It prints how to sign in: the administrator with a password, the demo coordinator and
organizer with an emailed code (and where that email lands when no mail server is set).
"""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from turnout.demo.groups import COORDINATOR_EMAIL, ORGANIZER_EMAIL
from turnout.demo.loading import load_demo_data
from turnout.web.site_url import follow_served_address

ADMIN_EMAIL = "admin@example.org"


class Command(BaseCommand):
    help = "Set up a demo database and serve the platform on it."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Only prepare the data.")
        parser.add_argument("--port", type=int, default=None, help="Port (default: $PORT or 8000).")

    def handle(self, *args, no_serve: bool, port: int | None, **options):
        if port is not None:
            # Before the data: the demo groups' links to this site are stored with SITE_URL.
            follow_served_address(host=os.environ.get("HOST", ""), port=port)
        call_command("migrate", interactive=False, verbosity=0)
        campaigns = load_demo_data(today=timezone.localdate())
        password = self._reset_admin_password()
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(campaigns)} demo campaigns."))
        self.stdout.write(
            f"Administrator: {ADMIN_EMAIL}  password: {password}  (sign in at /admin/)"
        )
        self.stdout.write(f"Coordinator of the upcoming campaign: {COORDINATOR_EMAIL}")
        self.stdout.write(
            f"Organizer of its Utrecht event, lead of PauseAI Utrecht: {ORGANIZER_EMAIL}"
        )
        self.stdout.write(
            "  They sign in by email at /en/accounts/sign-in/: enter the address, then the code "
            "from the sign-in email."
        )
        self.stdout.write(f"  {where_emails_go()}")
        if not no_serve:
            call_command("serve", port=port)

    def _reset_admin_password(self) -> str:
        password = secrets.token_urlsafe(12)
        User = get_user_model()
        admin, _ = User.objects.get_or_create(
            email=ADMIN_EMAIL,
            defaults={"name": "Demo administrator", "is_staff": True, "is_superuser": True},
        )
        admin.set_password(password)
        admin.save()
        return password


def where_emails_go() -> str:
    """Where a demo user finds the sign-in email, for the mail settings in use."""
    outbox = "Every email is listed in the admin under Outgoing emails (/admin/notifications/)"
    backend = settings.EMAIL_BACKEND
    if backend.endswith("filebased.EmailBackend"):
        return f"{outbox}; once the worker sends it, it is a file in {settings.EMAIL_FILE_PATH}"
    if backend.endswith("console.EmailBackend"):
        return f"{outbox}; the worker prints it when it sends it."
    if backend.endswith("smtp.EmailBackend"):
        return f"{outbox}; the worker sends it through {settings.EMAIL_HOST}."
    return f"{outbox}; the worker sends it with {backend}."
