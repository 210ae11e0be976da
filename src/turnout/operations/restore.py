"""`turnout restore`: an archive written by `archive.write_backup` brought back on a fresh
machine, refused with the reason when it cannot be (another database vendor, migrations this
version does not know, data here that would be replaced without --force)."""

import json
import os
import sqlite3
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from .archive import (
    FORMAT_VERSION,
    MANIFEST,
    MEDIA_PREFIX,
    SECRETS,
    RestoreRefused,
    counted_models,
    postgres_arguments,
    postgres_tool,
    run_tool,
    stored_files,
    vendor,
)


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        member = archive.getmember(MANIFEST)
    except KeyError:
        raise RestoreRefused("This is not a Turnout backup: it has no manifest.json.") from None
    stream = archive.extractfile(member)
    assert stream is not None
    manifest = json.load(stream)
    if manifest.get("format") != FORMAT_VERSION:
        raise RestoreRefused(
            f"This backup has format {manifest.get('format')!r}; this Turnout reads format "
            f"{FORMAT_VERSION}. Restore it with the Turnout version that wrote it."
        )
    return manifest


def unknown_migrations(manifest: dict) -> list[str]:
    """Migrations the archive's data has and this code does not know: data from a newer
    Turnout (or from an app this one lacks), which `migrate` could not bring back."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        for name in names
        if (app, name) not in known
    ]


def database_has_data() -> bool:
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        quote = connection.ops.quote_name
        for model in counted_models():
            if model._meta.db_table in tables:
                cursor.execute(f"SELECT 1 FROM {quote(model._meta.db_table)} LIMIT 1")
                if cursor.fetchone():
                    return True
    return False


def _safe_media_name(name: str) -> str | None:
    """The storage name of an archived media file, or None for anything that would land
    outside the media folder."""
    path = PurePosixPath(name.removeprefix(MEDIA_PREFIX))
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return str(path)


def _restore_sqlite(archive: tarfile.TarFile, member: str, workdir: Path) -> None:
    archive.extract(member, workdir, filter="data")
    source = sqlite3.connect(workdir / member)
    connection.close()  # the file is rewritten under Django's connection
    target = sqlite3.connect(settings.DATABASES["default"]["NAME"])
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _restore_postgres(archive: tarfile.TarFile, member: str, workdir: Path) -> None:
    archive.extract(member, workdir, filter="data")
    arguments, environment = postgres_arguments()
    pg_restore = postgres_tool("pg_restore")
    connection.close()
    run_tool(
        [pg_restore, "--clean", "--if-exists", "--no-owner", "--no-privileges",
         "--exit-on-error", *arguments, str(workdir / member)],
        environment,
    )  # fmt: skip


def _restore_media(archive: tarfile.TarFile) -> int:
    restored = 0
    storage = default_storage
    for member in archive:
        if not member.name.startswith(MEDIA_PREFIX) or not member.isfile():
            continue
        name = _safe_media_name(member.name)
        if name is None:
            raise RestoreRefused(
                f"The archive holds a file outside the media folder: {member.name}"
            )
        stream = archive.extractfile(member)
        assert stream is not None
        if storage.exists(name):
            storage.delete(name)
        content = File(stream, name=name)
        content.size = member.size
        saved = storage.save(name, content)
        if saved != name:
            raise RestoreRefused(f"The storage saved {name} as {saved}.")
        restored += 1
    return restored


def media_is_empty() -> bool:
    return next(stored_files(), None) is None


def _restore_secrets(archive: tarfile.TarFile) -> bool:
    """Keep the archived SECRET_KEY where settings read it when the environment gives none."""
    if os.environ.get("SECRET_KEY"):
        return False
    stream = archive.extractfile(archive.getmember(SECRETS))
    assert stream is not None
    key = json.load(stream)["SECRET_KEY"]
    key_file = Path(settings.DATA_DIR) / "secret_key"
    key_file.write_text(key)
    key_file.chmod(0o600)
    return True


@dataclass
class RestoreResult:
    manifest: dict
    media_files: int
    secret_key_restored: bool


def check_restorable(manifest: dict, *, force: bool) -> None:
    if manifest["database"]["vendor"] != vendor():
        raise RestoreRefused(
            f"The backup holds a {manifest['database']['vendor']} database; this machine uses "
            f"{vendor()}. Set DATABASE_URL to a {manifest['database']['vendor']} database."
        )
    if unknown := unknown_migrations(manifest):
        shown = ", ".join(unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        raise RestoreRefused(
            "The backup comes from a newer Turnout: its database has migrations this version "
            f"does not know ({shown}). Install the version that wrote it, then restore."
        )
    if not force and (database_has_data() or not media_is_empty()):
        raise RestoreRefused(
            "The database or the media folder here is not empty; restoring would replace it. "
            "Run again with --force to replace it."
        )


def restore_backup(path: Path, *, force: bool = False) -> RestoreResult:
    with tarfile.open(path, "r:gz") as archive:
        manifest = read_manifest(archive)
        check_restorable(manifest, force=force)
        member = manifest["database"]["file"]
        with tempfile.TemporaryDirectory(prefix="turnout-restore-") as workdir:
            if manifest["database"]["vendor"] == "sqlite":
                _restore_sqlite(archive, member, Path(workdir))
            else:
                _restore_postgres(archive, member, Path(workdir))
        media_files = _restore_media(archive)
        secret = manifest.get("includes_secrets") and _restore_secrets(archive)
    return RestoreResult(manifest, media_files, bool(secret))
