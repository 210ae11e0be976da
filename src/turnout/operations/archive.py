"""`turnout backup` and `turnout restore`: the whole platform in one .tar.gz, and back.

An archive holds:
- `manifest.json`: format version, when, the database vendor, the migrations applied per app
  (so a restore can refuse data from a newer Turnout), rows per table at the moment of the
  dump, the media files, the settings that shape the data (SITE_URL, LANGUAGES, the site's
  name) and the names of the environment variables to set again on the new machine;
- `database/turnout.sqlite3` (SQLite's online backup API: consistent while the server runs)
  or `database/turnout.pgdump` (pg_dump's custom format, taken in the same snapshot as the
  row counts);
- `media/...`: every stored file (photos, logos), read through the storage API, so a bucket
  is backed up like a folder;
- `secrets.json` only with --include-secrets: SECRET_KEY. Never by default: an archive is
  copied to places a key should not go.

Nothing is held in memory whole: the database is dumped to a temporary file and every file is
streamed into and out of the archive. Restoring lives in `restore.py`.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from turnout.web.stored_files import STORAGE_ERRORS

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SECRETS = "secrets.json"
SQLITE_DUMP = "database/turnout.sqlite3"
POSTGRES_DUMP = "database/turnout.pgdump"
MEDIA_PREFIX = "media/"

# Environment variables that hold secrets or name this machine's services: never archived,
# listed in the manifest (those set when the backup ran) to be set again after a restore.
ENVIRONMENT_TO_SET_AGAIN = (
    "SECRET_KEY", "DATABASE_URL", "REDIS_URL", "EMAIL_URL", "EMAIL_HOST", "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD", "MEDIA_STORAGE_URL", "METRICS_TOKEN", "TRANSLATION_API_KEY",
    "TRANSLATION_ENDPOINT", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "TRUSTED_PROXIES",
    "SITE_URL", "TURNOUT_SITE_NAME", "DEFAULT_FROM_EMAIL", "MEDIA_ROOT", "TASKS_BACKEND",
)  # fmt: skip


class RestoreRefused(Exception):
    """The archive cannot be restored here; the message says why and what to do."""


class BackupFailed(Exception):
    """No archive could be written (nothing was left behind); the message says why."""


# --- what is in the database -------------------------------------------------------------------


def counted_models() -> list:
    """Turnout's own tables, and the task queue's: what a round trip must bring back."""
    return [
        model
        for model in apps.get_models()
        if model._meta.app_config.name.startswith("turnout.")
        or model._meta.app_label in {"django_tasks_database", "django_tasks_db"}
        if not model._meta.proxy and model._meta.managed
    ]


def count_rows(cursor) -> dict[str, int]:
    counts = {}
    quote = connection.ops.quote_name
    for model in counted_models():
        table = model._meta.db_table
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
        counts[model._meta.label] = cursor.fetchone()[0]
    return counts


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def vendor() -> str:
    return connection.vendor  # "sqlite" or "postgresql"


# --- PostgreSQL's tools --------------------------------------------------------------------------


def postgres_tool(name: str) -> str:
    """pg_dump or pg_restore of the server's major version where Debian installs several
    (/usr/lib/postgresql/<major>/bin), else the one on PATH."""
    connection.ensure_connection()
    major = connection.pg_version // 10000  # type: ignore[attr-defined]
    matching = Path(f"/usr/lib/postgresql/{major}/bin/{name}")
    if matching.exists():
        return str(matching)
    if found := shutil.which(name):
        return found
    raise RestoreRefused(f"{name} is not installed: install postgresql-client-{major}.")


def postgres_arguments() -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump/pg_restore: the password goes in the
    environment, never on a command line others can read."""
    db = settings.DATABASES["default"]
    arguments = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        arguments += ["--host", db["HOST"]]
    if db.get("PORT"):
        arguments += ["--port", str(db["PORT"])]
    if db.get("USER"):
        arguments += ["--username", db["USER"]]
    environment = dict(os.environ)
    if db.get("PASSWORD"):
        environment["PGPASSWORD"] = db["PASSWORD"]
    return arguments, environment


def run_tool(command: list[str], environment: dict[str, str]) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise RestoreRefused(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


# --- backup ----------------------------------------------------------------------------------


@dataclass
class BackupResult:
    path: Path
    manifest: dict


@contextmanager
def _database_dump(workdir: Path) -> Iterator[tuple[str, Path, dict[str, int]]]:
    """The database in a file, and the rows per table in that very copy."""
    if vendor() == "sqlite":
        target = workdir / "turnout.sqlite3"
        source = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)  # page by page; writers may go on meanwhile
            counts = count_rows(copy.cursor())
        finally:
            copy.close()
            source.close()
        yield SQLITE_DUMP, target, counts
    elif vendor() == "postgresql":
        target = workdir / "turnout.pgdump"
        arguments, environment = postgres_arguments()
        pg_dump = postgres_tool("pg_dump")
        # One snapshot for the counts and the dump, so the manifest says what the dump holds.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = count_rows(cursor)
            run_tool(
                [pg_dump, "--format=custom", "--no-owner", f"--snapshot={snapshot}",
                 "--file", str(target), *arguments],
                environment,
            )  # fmt: skip
        yield POSTGRES_DUMP, target, counts
    else:
        raise RestoreRefused(f"Backups support SQLite and PostgreSQL, not {vendor()}.")


def stored_files(storage=None, folder: str = "") -> Iterator[str]:
    """Every file name in the storage (a local folder or a bucket), depth first."""
    storage = storage or default_storage
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from stored_files(storage, f"{folder}/{sub}" if folder else sub)


def _add_json(archive: tarfile.TarFile, name: str, data: dict, *, mode: int = 0o644) -> None:
    payload = json.dumps(data, indent=2, ensure_ascii=False, default=str).encode()
    info = tarfile.TarInfo(name)
    info.size = len(payload)
    info.mode = mode
    info.mtime = int(datetime.now().timestamp())
    with tempfile.SpooledTemporaryFile() as buffer:
        buffer.write(payload)
        buffer.seek(0)
        archive.addfile(info, buffer)


def _add_media(archive: tarfile.TarFile) -> tuple[int, int]:
    files = size = 0
    storage = default_storage
    try:
        names = list(stored_files(storage))
    except STORAGE_ERRORS as error:
        raise BackupFailed(_media_unreadable("the list of media files", error)) from error
    for name in names:
        info = tarfile.TarInfo(MEDIA_PREFIX + name)
        info.mode = 0o644
        try:
            info.size = storage.size(name)
            stream = storage.open(name, "rb")
        except STORAGE_ERRORS as error:
            raise BackupFailed(_media_unreadable(name, error)) from error
        with stream:
            archive.addfile(info, stream)
        files += 1
        size += info.size
    return files, size


def _media_unreadable(what: str, error: Exception) -> str:
    return (
        f"The media store could not give {what} ({error}). No archive was written; "
        "try again once the store answers."
    )


def write_backup(path: Path, *, now: datetime, include_secrets: bool = False) -> BackupResult:
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")  # never a half archive under the name
    with tempfile.TemporaryDirectory(prefix="turnout-backup-") as workdir:
        with _database_dump(Path(workdir)) as (member, dump, counts):
            manifest = {
                "format": FORMAT_VERSION,
                "created_at": now.isoformat(),
                "database": {"vendor": vendor(), "file": member},
                "migrations": applied_migrations(),
                "rows": counts,
                "settings": {
                    "SITE_URL": settings.SITE_URL,
                    "TURNOUT_SITE_NAME": settings.TURNOUT_SITE_NAME,
                    "LANGUAGES": [code for code, _ in settings.LANGUAGES],
                    "LANGUAGE_CODE": settings.LANGUAGE_CODE,
                    "TIME_ZONE": settings.TIME_ZONE,
                    "MEDIA_STORAGE": type(storages["default"]).__name__,
                },
                # Where SECRET_KEY came from: a key in DATA_DIR/secret_key (the embedded
                # default) must be copied, or links in emails already sent stop working.
                "secret_key_from": "environment" if os.environ.get("SECRET_KEY") else "file",
                "environment_to_set_again": [
                    name for name in ENVIRONMENT_TO_SET_AGAIN if os.environ.get(name)
                ],
                "includes_secrets": include_secrets,
            }
            try:
                with (
                    _owner_only(partial) as output,
                    tarfile.open(fileobj=output, mode="w:gz") as archive,
                ):
                    archive.add(dump, arcname=member)
                    media_files, media_bytes = _add_media(archive)
                    manifest["media"] = {"files": media_files, "bytes": media_bytes}
                    if include_secrets:
                        secrets = {"SECRET_KEY": settings.SECRET_KEY}
                        _add_json(archive, SECRETS, secrets, mode=0o600)
                    _add_json(archive, MANIFEST, manifest)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
    partial.replace(path)
    return BackupResult(path, manifest)


@contextmanager
def _owner_only(path: Path) -> Iterator:
    """A new file only its owner can read, from its first byte: a backup holds every
    participant's name and address (and, when asked, the secret key).

    Never a file already there: one left by a killed run, or put there by someone else who
    may write to the folder, keeps its owner and mode when opened, and a link planted in its
    place would be followed (O_EXCL refuses both)."""
    path.unlink(missing_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(descriptor, "wb") as output:
        yield output


def current_row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        return count_rows(cursor)


def is_local_storage() -> bool:
    return isinstance(storages["default"], FileSystemStorage)
