"""PostgreSQL restarted while visitors load pages: clean 503s, then recovery with no restart.

The machine's shared PostgreSQL is never touched: the test starts a throwaway cluster of its
own (Debian's initdb and pg_ctl) in a temporary folder on a free port, serves the platform
against it with gunicorn (`turnout serve`, persistent connections on), and stops and starts
that cluster while a client keeps requesting pages.
"""

import threading
import time
from dataclasses import dataclass, field

import httpx
import pytest

from tests.reliability.clusters import new_cluster
from tests.reliability.served import Database, served, wait_until

pytestmark = pytest.mark.slow

VISITORS = 4  # at once, against 1 gunicorn worker with 2 threads


@pytest.fixture
def cluster():
    with new_cluster() as cluster:
        yield cluster


@dataclass
class Load:
    """Visitors reloading a Dutch page as fast as answers come, until told to stop."""

    url: str
    answers: list[tuple[float, int, str, str]] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        deadline = time.monotonic() + 120  # bounded, whatever happens
        with httpx.Client(timeout=10) as http:
            while not self.stopping.is_set() and time.monotonic() < deadline:
                try:
                    response = http.get(self.url)
                except httpx.HTTPError as error:
                    self.answers.append((time.monotonic(), 0, type(error).__name__, ""))
                    continue
                self.answers.append(
                    (time.monotonic(), response.status_code, response.text,
                     response.headers.get("Retry-After", ""))
                )  # fmt: skip

    def count(self, status: int, since: int = 0) -> int:
        return sum(1 for _, code, _, _ in self.answers[since:] if code == status)


def test_requests_fail_cleanly_while_the_database_restarts_and_recover(cluster, tmp_path):
    database = Database(cluster.url, tmp_path)
    database.turnout("migrate", "--no-input", "-v", "0", timeout=300)
    with served(database, CONN_MAX_AGE="60", WEB_THREADS="2") as base:
        load = Load(f"{base}/nl/events/")
        visitors = [threading.Thread(target=load.run, daemon=True) for _ in range(VISITORS)]
        for visitor in visitors:
            visitor.start()
        try:
            wait_until(lambda: load.count(200) >= 10, timeout=60, message="pages while up")
            cluster.stop()
            down_from = len(load.answers)
            wait_until(lambda: load.count(503, down_from) >= 5, timeout=60, message="503s")
            cluster.start()
            up_from = len(load.answers)
            wait_until(lambda: load.count(200, up_from) >= 10, timeout=60, message="recovery")
        finally:
            load.stopping.set()
            for visitor in visitors:
                visitor.join(timeout=30)

    statuses = {code for _, code, _, _ in load.answers}
    assert statuses <= {200, 503}, statuses  # no 500, no dropped connection
    outage = [(body, retry) for _, code, body, retry in load.answers if code == 503]
    assert all("Even niet beschikbaar" in body for body, _ in outage)
    assert all(retry == "30" for _, retry in outage)
    assert not any("Traceback" in body for _, _, body, _ in load.answers)
    last = [code for _, code, _, _ in load.answers[-5:]]
    assert last == [200] * 5  # recovered without restarting the application
