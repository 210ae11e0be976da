"""`turnout demo`: migrate, load demo data, create an administrator and serve the site."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from turnout.demo.loading import load_demo_data

ADMIN_EMAIL = "admin@example.org"


class Command(BaseCommand):
    help = "Set up a demo database and serve the platform on it."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Only prepare the data.")
        parser.add_argument("--port", type=int, default=None, help="Port (default: $PORT or 8000).")

    def handle(self, *args, no_serve: bool, port: int | None, **options):
        call_command("migrate", interactive=False, verbosity=0)
        campaigns = load_demo_data(today=timezone.localdate())
        password = self._reset_admin_password()
        self.stdout.write(self.style.SUCCESS(f"Loaded {len(campaigns)} demo campaigns."))
        self.stdout.write(
            f"Administrator: {ADMIN_EMAIL}  password: {password}  (sign in at /admin/)"
        )
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
