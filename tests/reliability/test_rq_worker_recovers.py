"""The RQ worker outlives a Redis restart: what is queued once Redis is back gets done.

`turnout worker` on TASKS_BACKEND=rq against a private redis-server (Debian's package) and a
real SMTP server on loopback. A signup's email arrives; Redis is killed (SIGKILL, its queue
lost: no persistence) and started again on the same port while the worker runs; a signup
made while Redis was gone and one made after it came back both get their email, from the
worker process started at the beginning.
"""

import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.notifications.smtp import SMTPServer
from tests.reliability.served import free_port, one_event_campaign, wait_until
from tests.reliability.test_cache_outage import redis_server

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not shutil.which("redis-server"), reason="needs redis-server (apt-get install redis-server)"
    ),
]

SIGN_UP = """
from django.utils import timezone
from turnout.campaigns.models import LocalEvent
from turnout.signups.services.registration import sign_up
sign_up(event=LocalEvent.objects.get(pk={event}), name="Ana", email={email!r}, language="en",
        accepted_code_of_conduct=True, now=timezone.now())
"""


def test_the_rq_worker_takes_tasks_again_after_redis_restarts(served_database, tmp_path):
    database = served_database
    event = database.python(one_event_campaign("rq-restart", "Vigil"))
    port = free_port()
    sink = SMTPServer()
    sink.start()
    rq = dict(
        TASKS_BACKEND="rq",
        REDIS_URL=f"redis://127.0.0.1:{port}/0",
        EMAIL_HOST=sink.host,
        EMAIL_PORT=str(sink.port),
        EMAIL_USE_TLS="false",
        EMAIL_USE_SSL="false",
    )
    log = (tmp_path / "worker.log").open("wb")
    worker = None
    try:
        with redis_server(tmp_path, port) as first_redis:
            worker = subprocess.Popen(
                [sys.executable, "-m", "turnout.cli", "worker", "--interval", "0.2"],
                env=database.env(**rq), stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
            database.python(SIGN_UP.format(event=event, email="before@example.org"), **rq)
            wait_until(lambda: sink.to("before@example.org"), timeout=60, message="the first email")
            first_redis.send_signal(signal.SIGKILL)
            first_redis.wait(timeout=10)
            # Signing up while Redis is gone: the signup is kept, its wake-up task is lost.
            database.python(SIGN_UP.format(event=event, email="during@example.org"), **rq)
            time.sleep(2)  # the worker meets the dead connection
        with redis_server(tmp_path, port):
            database.python(SIGN_UP.format(event=event, email="after@example.org"), **rq)
            wait_until(
                lambda: sink.to("after@example.org") and sink.to("during@example.org"),
                timeout=90,
                message="the emails of the signups during and after the outage",
            )
            assert worker.poll() is None, "the worker exited"
            worker.terminate()  # and SIGTERM still stops it, cleanly
            assert worker.wait(timeout=30) == 0
        for address in ("before", "during", "after"):
            assert len(sink.to(f"{address}@example.org")) == 1
    finally:
        if worker is not None and worker.poll() is None:
            worker.terminate()
            worker.wait(timeout=30)
        log.close()
        sink.stop()
