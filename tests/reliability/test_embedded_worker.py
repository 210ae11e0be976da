"""`turnout serve` keeps its embedded task worker running: SIGKILLed, it is started again and
the email queued meanwhile still goes out; /readyz tells a load balancer the truth meanwhile;
stopping the server stops the worker."""

import os
import re
import signal
import subprocess
import sys

import httpx
import pytest

from tests.notifications.smtp import SMTPServer
from tests.reliability.served import free_port, wait_until
from tests.reliability.test_worker_reconnects import ENQUEUE

pytestmark = pytest.mark.slow

STARTED = re.compile(r"Started the task worker \(pid (\d+)\)")


@pytest.fixture
def sink():
    server = SMTPServer()
    server.start()
    yield server
    server.stop()


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_serve_starts_its_worker_again_after_sigkill_and_stops_it_on_exit(served_database, sink):
    database = served_database
    port = free_port()
    log_path = database.data_dir / "serve.log"
    # Appending: the process writes at the end whatever this test has read (a shared offset
    # would let its writes land over lines already written).
    log = log_path.open("a")
    env = database.env(
        WEB_CONCURRENCY="1",
        EMAIL_HOST=sink.host,
        EMAIL_PORT=str(sink.port),
        EMAIL_USE_TLS="false",
        READY_WORKER_STALE_SECONDS="6",  # a beat every 5 s: a killed worker shows soon
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "turnout.cli", "serve", "--port", str(port)],
        env=env,
        cwd=database.data_dir,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"

    def output() -> str:
        return log_path.read_text()

    def workers() -> list[int]:
        if server.poll() is not None:
            pytest.fail(f"turnout serve exited:\n{output()}")
        return [int(pid) for pid in STARTED.findall(output())]

    def readyz() -> httpx.Response | None:
        try:
            return httpx.get(f"{base}/readyz", timeout=5)
        except httpx.HTTPError:
            return None

    try:
        wait_until(lambda: (r := readyz()) and r.status_code == 200, timeout=90, message="ready")
        (first,) = workers()
        assert httpx.get(f"{base}/healthz", timeout=5).json() == {"status": "alive"}
        # Niced as the systemd unit's worker: the server's answers come before its emails.
        niced = min(os.getpriority(os.PRIO_PROCESS, server.pid) + 10, 19)
        assert os.getpriority(os.PRIO_PROCESS, first) == niced

        os.kill(first, signal.SIGKILL)
        database.python(ENQUEUE.format(to="meanwhile@example.org"))
        second = wait_until(
            lambda: len(pids := workers()) == 2 and pids[1], timeout=60, message="a new worker"
        )
        assert second != first and is_running(second)
        assert "exited (killed by SIGKILL); starting it again in" in output()
        # The email queued while no worker ran goes out, and the new worker's heartbeat shows.
        wait_until(lambda: sink.to("meanwhile@example.org"), timeout=60, message="the email")
        wait_until(lambda: (r := readyz()) and r.status_code == 200, timeout=90, message="ready")
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
    assert server.returncode == 0
    for pid in workers_started(database):
        wait_until(lambda pid=pid: not is_running(pid), timeout=10, message=f"worker {pid} gone")
    assert len(sink.to("meanwhile@example.org")) == 1


def workers_started(database) -> list[int]:
    text = (database.data_dir / "serve.log").read_text()
    return [int(pid) for pid in STARTED.findall(text)]
