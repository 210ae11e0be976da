"""Throwaway PostgreSQL clusters of the tests' own (Debian's initdb and pg_ctl), in a temporary
folder on a free port: the machine's shared PostgreSQL is never stopped or reconfigured. A
primary can be given a streaming standby (pg_basebackup), a real read replica."""

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.served import free_port


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres() -> list[str]:
    """initdb and the server refuse to run as root: run them as the postgres user then."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if not runuser:
        pytest.skip("running as root without runuser: cannot start a PostgreSQL cluster")
    return [runuser, "-u", "postgres", "--"]


def _run(*command: str | Path) -> None:
    subprocess.run([str(part) for part in command], check=True, capture_output=True, timeout=120)


@dataclass
class Cluster:
    bin: Path
    folder: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/turnout"

    def pg_ctl(self, *args: str) -> None:
        _run(*_as_postgres(), self.bin / "pg_ctl", "-D", self.folder / "data", *args)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.pg_ctl("-o", options, "-l", str(self.folder / "server.log"), "-w", "start")

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "-w", "stop")

    @contextmanager
    def standby(self) -> Iterator["Cluster"]:
        """A hot standby streaming from this cluster (read-only, replaying as it goes)."""
        replica = Cluster(self.bin, writable_by_postgres(), free_port())
        _run(
            *_as_postgres(), self.bin / "pg_basebackup", "-h", "127.0.0.1", "-p", str(self.port),
            "-U", "postgres", "-D", replica.folder / "data", "-R", "-X", "stream", "--no-sync",
            "-c", "fast",  # checkpoint now, not spread over minutes
        )  # fmt: skip
        with running(replica):
            yield replica


def _binaries() -> Path:
    binaries = _postgres_bin()
    if binaries is None:
        reason = "no PostgreSQL server (/usr/lib/postgresql/*/bin): apt-get install postgresql"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    return binaries


@contextmanager
def running(cluster: Cluster) -> Iterator[Cluster]:
    cluster.start()
    try:
        yield cluster
    finally:
        try:
            cluster.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(cluster.folder, ignore_errors=True)


@contextmanager
def new_cluster() -> Iterator[Cluster]:
    """A new cluster, started, with an empty database `turnout`."""
    binaries = _binaries()
    folder = writable_by_postgres()
    _run(
        *_as_postgres(), binaries / "initdb", "-D", folder / "data", "-A", "trust",
        "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C",
    )  # fmt: skip
    with running(Cluster(binaries, folder, free_port())) as cluster:
        _run(binaries / "createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres",
             "turnout")  # fmt: skip
        yield cluster


def writable_by_postgres() -> Path:
    """A fresh folder in /tmp that the postgres user owns when this process is root."""
    folder = Path(tempfile.mkdtemp(prefix="turnout-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, user="postgres")
    return folder
