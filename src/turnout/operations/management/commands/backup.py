"""`turnout backup [PATH]`: the database, the media files and the settings in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from turnout.operations.archive import BackupFailed, RestoreRefused, write_backup


class Command(BaseCommand):
    help = (
        "Write one .tar.gz with the database (SQLite or PostgreSQL), the media files and a "
        "manifest; safe while the server runs. Secrets stay out unless --include-secrets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", help="Archive to write (default: turnout-backup-<time>.tar.gz)."
        )
        parser.add_argument(
            "--include-secrets",
            action="store_true",
            help="Also store SECRET_KEY (keep such an archive as safe as the key itself).",
        )

    def handle(self, *args, path=None, include_secrets=False, **options):
        now = timezone.now()
        target = Path(path or f"turnout-backup-{now:%Y%m%dT%H%M%SZ}.tar.gz")
        try:
            result = write_backup(target, now=now, include_secrets=include_secrets)
        except (BackupFailed, RestoreRefused) as error:
            raise CommandError(str(error)) from None
        manifest = result.manifest
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {result.path}: {manifest['database']['vendor']} database "
                f"({rows} rows), {manifest['media']['files']} media files."
            )
        )
        if not include_secrets:
            needed = [*manifest["environment_to_set_again"]]
            if manifest["secret_key_from"] == "file":
                needed.append("SECRET_KEY (now in DATA_DIR/secret_key)")
            if needed:
                self.stdout.write("Set again on the new machine: " + ", ".join(needed))
