"""The supervisor of `turnout serve`'s embedded worker, in one process (the real server is
tests/reliability/test_embedded_worker.py)."""

import logging
import os
import subprocess
import sys
import threading
import time

from tests.reliability.served import wait_until
from turnout.web.management.commands import serve


class FakeServer:
    log = logging.getLogger("test.gunicorn")


SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)"]


def test_a_fork_of_the_master_waits_while_the_worker_is_being_started(monkeypatch):
    """gunicorn forking a web worker in the middle of `Popen` left the supervisor waiting on
    a pipe the web worker held: forks now wait until the worker has started."""
    in_popen = threading.Event()
    real_popen = subprocess.Popen

    def slow_popen(*args, **kwargs):
        in_popen.set()
        time.sleep(0.5)  # the moment a fork would take the pipe
        return real_popen(*args, **kwargs)

    monkeypatch.setattr(serve.subprocess, "Popen", slow_popen)
    worker = serve._EmbeddedWorker(command=SLEEPER)
    worker.start(FakeServer())
    try:
        assert in_popen.wait(5)
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        assert time.monotonic() - started >= 0.3  # the fork waited for the start
        assert worker.process is not None
    finally:
        worker.stop(FakeServer())


def test_a_worker_that_exits_is_started_again_and_stopped_with_the_server(monkeypatch, caplog):
    monkeypatch.setattr(serve._EmbeddedWorker, "FIRST_RESTART_WAIT", 0.05)
    worker = serve._EmbeddedWorker(command=SLEEPER)
    with caplog.at_level(logging.INFO, logger="test.gunicorn"):
        worker.start(FakeServer())
        first = wait_until(lambda: worker.process, timeout=10, message="a worker")
        first.kill()
        second = wait_until(
            lambda: worker.process if worker.process is not first else None,
            timeout=10,
            message="a worker started again",
        )
        worker.stop(FakeServer())
    assert second.poll() is not None  # stopped with the server
    assert not worker.thread.is_alive()
    assert "exited (killed by SIGKILL); starting it again in" in caplog.text
    assert caplog.text.count("Started the task worker") == 2
