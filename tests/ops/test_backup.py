"""`turnout backup` and `turnout restore` as an operator runs them: the demo (with its photos
and emails waiting in the outbox) backed up on one machine and restored on a fresh one, on
SQLite and on PostgreSQL, and the refusals that keep a restore from doing harm."""

import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import dj_database_url
import psycopg
import pytest

from tests.reliability.served import Database

pytestmark = pytest.mark.slow

SECRET = "backup-tests-secret-" + "k" * 40

# Five emails in the outbox, one of them already sent: what a crashed machine leaves behind.
QUEUE_EMAILS = """
from datetime import timedelta
from django.utils import timezone
from turnout.notifications import outbox
from turnout.notifications.composition import Email
from turnout.notifications.models import OutboxMessage

now = timezone.now()
for number in range(5):
    outbox.enqueue(
        Email(kind="test", to=f"person{number}@example.org", language="nl",
              subject=f"Onderwerp {number} — ✊", text="Tekst", html="<p>Tekst</p>"),
        now=now - timedelta(minutes=number),
    )
OutboxMessage.objects.filter(to_email="person0@example.org").update(state="sent")
result = OutboxMessage.objects.count()
"""

SNAPSHOT = """
from django.apps import apps
from turnout.operations.archive import current_row_counts
from turnout.media.models import Photo
from turnout.notifications.models import OutboxMessage
from django.core.files.storage import default_storage

photo = Photo.objects.order_by("pk").first()
with default_storage.open(photo.original, "rb") as stream:
    original = stream.read().hex()
result = {
    "rows": current_row_counts(),
    "photo": [photo.original, original],
    "outbox": sorted(OutboxMessage.objects.values_list("to_email", "state", "subject")),
}
"""


def demo_machine(database: Database) -> dict:
    """Load the demo, queue email, and return what the machine holds."""
    database.turnout("demo", "--no-serve", timeout=300)
    assert database.python(QUEUE_EMAILS) == 5
    return database.python(SNAPSHOT)


def check_round_trip(source: Database, target: Database, tmp_path: Path) -> Path:
    before = demo_machine(source)
    archive = tmp_path / "backup.tar.gz"
    printed = source.turnout("backup", str(archive))
    assert "Wrote" in printed and archive.exists()

    printed = target.turnout("restore", str(archive))
    assert "Restored the backup" in printed
    assert "Rows differ" not in printed
    after = target.python(SNAPSHOT)
    assert after["rows"] == before["rows"]
    assert before["rows"]["turnout_media.Photo"] >= 3
    assert before["rows"]["signups.Signup"] >= 1
    assert after["outbox"] == before["outbox"]
    assert len(after["outbox"]) == 5
    assert after["photo"] == before["photo"]  # the same bytes, found by the restored row
    # Every photo file arrived, byte for byte, under the new machine's media folder.
    source_media, target_media = source.data_dir / "media", target.data_dir / "media"
    source_files = sorted(
        p.relative_to(source_media) for p in source_media.rglob("*") if p.is_file()
    )
    assert source_files and any("photos" in str(p) for p in source_files)
    for relative in source_files:
        assert (target_media / relative).read_bytes() == (source_media / relative).read_bytes()
    return archive


def archive_members(archive: Path) -> dict[str, tarfile.TarInfo]:
    with tarfile.open(archive, "r:gz") as tar:
        return {member.name: member for member in tar.getmembers()}


def manifest_of(archive: Path) -> dict:
    with tarfile.open(archive, "r:gz") as tar:
        stream = tar.extractfile("manifest.json")
        assert stream is not None
        return json.load(stream)


def rewrite_manifest(archive: Path, target: Path, change) -> None:
    """A copy of `archive` whose manifest `change(manifest)` edited."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            stream = source.extractfile(member)
            if member.name == "manifest.json":
                manifest = json.load(stream)
                change(manifest)
                data = json.dumps(manifest).encode()
                member.size = len(data)
                stream = io.BytesIO(data)
            copy.addfile(member, stream)


def turnout_fails(database: Database, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "turnout.cli", *args],
        env=database.env(),
        cwd=database.data_dir,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0, result.stdout
    return result.stderr


# --- SQLite ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sqlite_round_trip(tmp_path_factory):
    base = tmp_path_factory.mktemp("ops-sqlite")
    source_dir, target_dir = base / "old-machine", base / "new-machine"
    source_dir.mkdir()
    target_dir.mkdir()
    source = Database(f"sqlite:///{source_dir / 'turnout.sqlite3'}", source_dir)
    target = Database(f"sqlite:///{target_dir / 'turnout.sqlite3'}", target_dir)
    source.environment["SECRET_KEY"] = target.environment["SECRET_KEY"] = SECRET
    archive = check_round_trip(source, target, base)
    return source, target, archive, base


def test_the_demo_round_trips_on_sqlite(sqlite_round_trip):
    _, _, archive, _ = sqlite_round_trip
    members = archive_members(archive)
    assert "database/turnout.sqlite3" in members
    assert any(name.startswith("media/photos/") for name in members)
    manifest = manifest_of(archive)
    assert manifest["database"]["vendor"] == "sqlite"
    assert manifest["rows"]["notifications.OutboxMessage"] == 5
    assert "0001_initial" in manifest["migrations"]["signups"]
    assert manifest["settings"]["LANGUAGES"] == ["en", "nl"]
    assert {"SITE_URL", "TURNOUT_SITE_NAME"} <= set(manifest["settings"])
    assert "SECRET_KEY" in manifest["environment_to_set_again"]
    assert manifest["media"]["files"] == sum(1 for name in members if name.startswith("media/"))


def test_no_secret_is_written_unless_asked(sqlite_round_trip):
    _, _, archive, _ = sqlite_round_trip
    assert "secrets.json" not in archive_members(archive)
    assert archive.stat().st_mode & 0o077 == 0  # personal data: readable by its owner only
    assert SECRET.encode() not in gzip.decompress(archive.read_bytes())


def test_restore_refuses_a_database_with_data_unless_forced(sqlite_round_trip):
    _, target, archive, _ = sqlite_round_trip
    error = turnout_fails(target, "restore", str(archive))
    assert "not empty" in error and "--force" in error
    assert "Restored the backup" in target.turnout("restore", "--force", str(archive))


def test_restore_refuses_an_archive_from_a_newer_turnout(sqlite_round_trip, tmp_path):
    source, _, archive, _ = sqlite_round_trip
    newer = tmp_path / "newer.tar.gz"
    rewrite_manifest(
        archive, newer, lambda m: m["migrations"]["signups"].append("0099_from_the_future")
    )
    fresh_dir = tmp_path / "fresh"
    fresh_dir.mkdir()
    fresh = Database(f"sqlite:///{fresh_dir / 'turnout.sqlite3'}", fresh_dir)
    error = turnout_fails(fresh, "restore", str(newer))
    assert "newer Turnout" in error and "signups.0099_from_the_future" in error
    assert not (fresh_dir / "media" / "photos").exists()  # nothing half-written


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    fresh = Database(f"sqlite:///{tmp_path / 'turnout.sqlite3'}", tmp_path)
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        data = b"hello"
        info = tarfile.TarInfo("../../etc/evil")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    assert "no manifest.json" in turnout_fails(fresh, "restore", str(bogus))


def test_a_media_path_outside_the_folder_is_refused(sqlite_round_trip, tmp_path):
    _, _, archive, _ = sqlite_round_trip
    hostile = tmp_path / "hostile.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(hostile, "w:gz") as copy:
        for member in source.getmembers():
            copy.addfile(member, source.extractfile(member))
        info = tarfile.TarInfo("media/../../escaped.txt")
        info.size = 3
        copy.addfile(info, io.BytesIO(b"bad"))
    fresh_dir = tmp_path / "fresh"
    fresh_dir.mkdir()
    fresh = Database(f"sqlite:///{fresh_dir / 'turnout.sqlite3'}", fresh_dir)
    assert "outside the media folder" in turnout_fails(fresh, "restore", str(hostile))
    assert not (tmp_path / "escaped.txt").exists()


def test_with_secrets_the_key_comes_along(tmp_path):
    source_dir, target_dir = tmp_path / "old", tmp_path / "new"
    source_dir.mkdir()
    target_dir.mkdir()
    source = Database(f"sqlite:///{source_dir / 'turnout.sqlite3'}", source_dir)
    source.turnout("migrate", "--no-input", "-v", "0", timeout=300)
    archive = tmp_path / "with-secrets.tar.gz"
    source.turnout("backup", "--include-secrets", str(archive))
    assert "secrets.json" in archive_members(archive)
    assert archive.stat().st_mode & 0o077 == 0  # readable by its owner only
    # The new machine keeps its key in DATA_DIR/secret_key (no SECRET_KEY in its environment).
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY"}}
    env.update(
        DATABASE_URL=f"sqlite:///{target_dir / 'turnout.sqlite3'}",
        TURNOUT_DATA_DIR=str(target_dir),
        TASKS_BACKEND="database",
    )
    result = subprocess.run(
        [sys.executable, "-m", "turnout.cli", "restore", str(archive)],
        env=env,
        cwd=target_dir,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (target_dir / "secret_key").read_text() == source.env()["SECRET_KEY"]


# --- PostgreSQL -------------------------------------------------------------------------------


def _admin(base_url: str):
    parsed = dj_database_url.parse(base_url)
    return psycopg.connect(
        host=parsed["HOST"] or "127.0.0.1",
        port=parsed["PORT"] or 5432,
        user=parsed["USER"] or "postgres",
        password=parsed["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


@pytest.fixture
def postgres_machines(tmp_path):
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith("postgres"):
        pytest.skip("needs DATABASE_URL=postgres://...")
    head = base_url.rpartition("/")[0]
    names = ("turnout_ops_src", "turnout_ops_dst")
    with _admin(base_url) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    machines = []
    for name in names:
        data_dir = tmp_path / name
        data_dir.mkdir()
        machine = Database(f"{head}/{name}", data_dir)
        machine.environment["SECRET_KEY"] = SECRET
        machines.append(machine)
    yield machines
    with _admin(base_url) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_demo_round_trips_on_postgresql(postgres_machines, tmp_path):
    source, target = postgres_machines
    archive = check_round_trip(source, target, tmp_path)
    manifest = manifest_of(archive)
    assert manifest["database"] == {"vendor": "postgresql", "file": "database/turnout.pgdump"}
    assert "database/turnout.pgdump" in archive_members(archive)
    # A SQLite machine cannot take a PostgreSQL dump: said, not attempted.
    sqlite_dir = tmp_path / "sqlite-machine"
    sqlite_dir.mkdir()
    sqlite = Database(f"sqlite:///{sqlite_dir / 'turnout.sqlite3'}", sqlite_dir)
    assert "postgresql database" in turnout_fails(sqlite, "restore", str(archive))
