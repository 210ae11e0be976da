"""The platform as production runs it, for fault tests: its own database, real processes.

pytest-django's test database cannot be shared with other processes (on SQLite it lives in
memory), so these tests give `turnout worker` and `turnout serve` a database of their own: a
SQLite file, or a PostgreSQL database on the suite's server when DATABASE_URL is set. It is
migrated once per session as a template and copied for each test.
"""

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import dj_database_url
import httpx
import psycopg
import pytest

# Variables of the developer's shell that must not leak into the processes under test.
_SCRUBBED = {
    "DATABASE_URL", "EMAIL_URL", "EMAIL_HOST", "REDIS_URL", "TASKS_BACKEND", "DEBUG",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests for this process only
}  # fmt: skip


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Database:
    """A database the test and its subprocesses share, reached by URL."""

    url: str
    data_dir: Path
    environment: dict[str, str] = field(default_factory=dict)

    @property
    def is_postgresql(self) -> bool:
        return self.url.startswith("postgres")

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a `turnout` process using this database."""
        env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED}
        env.update(
            DJANGO_SETTINGS_MODULE="turnout.settings",
            DATABASE_URL=self.url,
            TURNOUT_DATA_DIR=str(self.data_dir),
            SECRET_KEY="reliability-tests-" + "x" * 40,
            TASKS_BACKEND="database",
            PYTHONUNBUFFERED="1",
        )
        env.update(self.environment)
        env.update(extra)
        return env

    def turnout(self, *args: str, timeout: float = 120, **extra: str) -> str:
        """Run one `turnout` command to its end and return what it printed."""
        result = subprocess.run(
            [sys.executable, "-m", "turnout.cli", *args],
            env=self.env(**extra),
            cwd=self.data_dir,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def python(self, code: str, **extra: str):
        """Run `code` in a process with Django set up; it leaves its result in `result`."""
        script = (
            "import json, django\ndjango.setup()\nresult = None\n"
            + code
            + "\nprint('RESULT:' + json.dumps(result, default=str))\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script],
            env=self.env(**extra),
            cwd=self.data_dir,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        line = next(ln for ln in result.stdout.splitlines() if ln.startswith("RESULT:"))
        return json.loads(line.removeprefix("RESULT:"))

    def query(self, sql: str) -> list[tuple]:
        """Read rows straight from the database (plain SQL, no Django in this process)."""
        if self.is_postgresql:
            with psycopg.connect(_dsn(self.url)) as conn:
                return conn.execute(sql).fetchall()
        path = dj_database_url.parse(self.url)["NAME"]
        with closing(sqlite3.connect(path, timeout=20)) as conn:
            return conn.execute(sql).fetchall()


def _dsn(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


def _admin_connection(base_url: str):
    parsed = dj_database_url.parse(base_url)
    return psycopg.connect(
        host=parsed["HOST"] or "127.0.0.1",
        port=parsed["PORT"] or 5432,
        user=parsed["USER"] or "postgres",
        password=parsed["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def _with_name(base_url: str, name: str) -> str:
    head, _, _ = base_url.rpartition("/")
    return f"{head}/{name}"


@pytest.fixture(scope="session")
def database_template(tmp_path_factory):
    """A migrated database to copy: PostgreSQL when DATABASE_URL is set, else a SQLite file."""
    data_dir = tmp_path_factory.mktemp("served-template")
    base_url = os.environ.get("DATABASE_URL", "")
    if base_url.startswith("postgres"):
        name = f"turnout_reliability_{os.getpid()}_template"
        with _admin_connection(base_url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            admin.execute(f'CREATE DATABASE "{name}"')
        template = Database(_with_name(base_url, name), data_dir)
    else:
        template = Database(f"sqlite:///{data_dir / 'template.sqlite3'}", data_dir)
    template.turnout("migrate", "--no-input", "-v", "0", timeout=300)
    yield template
    if template.is_postgresql:
        with _admin_connection(base_url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def served_database(database_template, tmp_path):
    """A fresh copy of the template for one test."""
    if database_template.is_postgresql:
        name = f"turnout_reliability_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        with _admin_connection(database_template.url) as admin:
            template_name = dj_database_url.parse(database_template.url)["NAME"]
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"')
        yield Database(_with_name(database_template.url, name), tmp_path)
        with _admin_connection(database_template.url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    source = Path(dj_database_url.parse(database_template.url)["NAME"])
    target = tmp_path / "turnout.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")
    yield Database(f"sqlite:///{target}", tmp_path)


def wait_until(condition, *, timeout: float, message: str, every: float = 0.05):
    """Poll `condition` until it returns something true; fail with `message` after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(every)
    pytest.fail(f"timed out after {timeout} s: {message}")


@contextmanager
def served(database: Database, *, startup_timeout: float = 60, **extra: str):
    """`turnout serve` (gunicorn, no task worker) on a free port; yields its base URL.
    `startup_timeout`: seconds it may take to answer (a loaded CI machine needs more)."""
    port = free_port()
    log = (database.data_dir / f"serve-{port}.log").open("w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "turnout.cli", "serve", "--no-task-worker", "--port", str(port)],
        env=database.env(**{"WEB_CONCURRENCY": "1", **extra}),
        cwd=database.data_dir,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    with answering(
        process, log, base=f"http://127.0.0.1:{port}", name="turnout serve", timeout=startup_timeout
    ) as base:
        yield base


@contextmanager
def answering(process, log, *, base: str, name: str, timeout: float, healthy=lambda s: s < 500):
    """Wait until the process at `base` answers the API (failing with its log if it exits),
    yield `base`, then stop the process."""

    def ready():
        if process.poll() is not None:
            log.seek(0)
            pytest.fail(f"{name} exited:\n{log.read()}")
        try:
            return healthy(httpx.get(f"{base}/api/v1/campaigns/", timeout=2).status_code)
        except httpx.HTTPError:
            return False

    try:
        wait_until(ready, timeout=timeout, message=f"{name} answering", every=0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def one_event_campaign(slug: str, title: str) -> str:
    """Python for `Database.python`: a published campaign in nine days with one large event in
    Utrecht; its result is the event's id."""
    return f"""
from datetime import timedelta
from django.utils import timezone
from turnout.campaigns.models import Campaign, LocalEvent

now = timezone.now()
campaign = Campaign.objects.create(
    slug={slug!r}, title={title!r}, starts_on=(now + timedelta(days=9)).date(),
    ends_on=(now + timedelta(days=9)).date(), status="published",
)
event = LocalEvent.objects.create(
    campaign=campaign, title="Protest in Utrecht", city="Utrecht", country="NL",
    timezone="Europe/Amsterdam", status="approved", capacity=1000,
    starts_at=now + timedelta(days=9), ends_at=now + timedelta(days=9, hours=2),
)
result = event.pk
"""
