"""`turnout restore PATH`: bring back what `turnout backup` wrote, then migrate."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from turnout.operations.archive import RestoreRefused, current_row_counts
from turnout.operations.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Restore a `turnout backup` archive into this machine's database and media storage, "
        "then migrate. Refuses a non-empty database unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive `turnout backup` wrote.")
        parser.add_argument(
            "--force", action="store_true", help="Replace a database or media that has data."
        )

    def handle(self, *args, path, force=False, **options):
        archive = Path(path)
        if not archive.is_file():
            raise CommandError(f"{archive} does not exist.")
        try:
            result = restore_backup(archive, force=force)
        except RestoreRefused as error:
            raise CommandError(str(error)) from None
        call_command("migrate", interactive=False, verbosity=0)
        manifest = result.manifest
        counts = current_row_counts()
        differing = [
            f"{label}: {expected} in the backup, {counts.get(label)} now"
            for label, expected in manifest["rows"].items()
            if counts.get(label) != expected
        ]
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']}: "
                f"{sum(manifest['rows'].values())} rows, {result.media_files} media files."
            )
        )
        for line in differing:
            self.stdout.write(
                self.style.WARNING(f"Rows differ (a migration may move data): {line}")
            )
        needed = list(manifest.get("environment_to_set_again", []))
        if manifest.get("secret_key_from") == "file" and not result.secret_key_restored:
            needed.append("SECRET_KEY (copy the old DATA_DIR/secret_key)")
        if needed:
            self.stdout.write("Set as on the old machine: " + ", ".join(needed))
        settings_then = manifest.get("settings", {})
        self.stdout.write(
            "The backup was made with "
            + ", ".join(f"{key}={value}" for key, value in settings_then.items())
        )
