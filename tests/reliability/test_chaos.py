"""A signup burst through a real `turnout serve` on PostgreSQL while the world misbehaves.

At random moments (the seed is printed) the database connections are killed, the SMTP server
goes away and comes back, the embedded task worker is SIGKILLed, and a press link is submitted
that points at a server sending one byte a second. Afterwards: every accepted signup is stored
once with one confirmation; every email was received exactly once or is marked *uncertain*
(docs/notifications.md), none failed; the worker runs again; and the home page answered every
request throughout (its p99 is printed).
"""

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from html import unescape

import dj_database_url
import httpx
import pytest
from aiosmtpd.controller import Controller

from tests.notifications.smtp import SMTPServer
from tests.reliability.served import (
    Database,
    _admin_connection,
    free_port,
    one_event_campaign,
    wait_until,
)
from tests.web.trickle import serving, trickling_http

pytestmark = pytest.mark.slow

CLIENTS = 6
SIGNUPS_EACH = 12
PAUSE = 0.8  # seconds between one client's signups: the burst lasts as long as the chaos
STARTED = re.compile(r"Started the task worker \(pid (\d+)\)")

SEED = one_event_campaign("chaos", "Chaos day")

SWEEP = "from turnout.notifications.tasks import deliver_outbox\ndeliver_outbox.enqueue()"


class Sink(SMTPServer):
    """The SMTP server, which can go away and come back on the same port."""

    def go_away(self) -> None:
        self.controller.stop()

    def come_back(self) -> None:
        self.controller = Controller(self.handler, hostname=self.host, port=self.port)
        self.controller.start()


class Browser:
    """A person signing up: reads the form once, sends it, and sends it again on an error."""

    def __init__(self, base: str, event: int):
        self.http = httpx.Client(base_url=base, timeout=30, follow_redirects=False)
        self.event = event
        self.form: dict[str, str] = {}

    def read_form(self) -> None:
        for _ in range(20):
            try:
                page = self.http.get(f"/en/events/{self.event}/")
            except httpx.HTTPError:
                page = None
            if page is not None and page.status_code == 200:
                field = r'name="{}" value="([^"]+)"'
                self.form = {
                    name: unescape(re.search(field.format(name), page.text).group(1))
                    for name in ("csrfmiddlewaretoken", "stamp")
                }
                return
            time.sleep(0.5)
        pytest.fail("the signup form never loaded")

    def sign_up(self, email: str) -> int:
        """The final status: 302 once accepted; a 503 or a lost connection is tried again."""
        status = 0
        for _ in range(6):
            if not self.form:
                self.read_form()
            form = {**self.form, "name": "Ada Lovelace", "email": email, "phone": "",
                    "accepted_code_of_conduct": "on", "website": ""}  # fmt: skip
            try:
                status = self.http.post(f"/en/signups/events/{self.event}/", data=form).status_code
            except httpx.HTTPError:
                status = 0
            if status == 302:
                return status
            time.sleep(0.5)
        return status


class HomePage:
    """Someone reloading the home page every 100 ms, timing each answer."""

    def __init__(self, base: str):
        self.base = base
        self.answers: list[tuple[float, int | str]] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        with httpx.Client(timeout=15) as http:
            while not self.stopping.wait(0.1):
                started = time.monotonic()
                try:
                    status: int | str = http.get(f"{self.base}/en/").status_code
                except httpx.HTTPError as error:
                    status = type(error).__name__
                self.answers.append((time.monotonic() - started, status))

    def p99(self) -> float:
        times = sorted(seconds for seconds, _ in self.answers)
        return times[min(len(times) - 1, int(len(times) * 0.99))]


def kill_connections(database: Database) -> None:
    name = dj_database_url.parse(database.url)["NAME"]
    with _admin_connection(database.url) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )


def test_a_signup_burst_survives_chaos(served_database):
    database = served_database
    if not database.is_postgresql:
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…): connections to kill")
    seed = int(os.environ.get("CHAOS_SEED", random.randrange(1 << 30)))
    print(f"chaos seed {seed} (CHAOS_SEED={seed} repeats this run)")
    chance = random.Random(seed)
    event = database.python(SEED)
    sink = Sink()
    sink.start()
    port = free_port()
    log_path = database.data_dir / "serve.log"
    log = log_path.open("a")  # appending: the server's writes never land over earlier lines
    env = database.env(
        WEB_CONCURRENCY="2", WEB_THREADS="4", CONN_MAX_AGE="60",
        EMAIL_HOST=sink.host, EMAIL_PORT=str(sink.port), EMAIL_USE_TLS="false",
        EMAIL_TIMEOUT="3", OUTBOX_RETRY_SECONDS="1", OUTBOX_LEASE_SECONDS="10",
        SIGNUP_RATE_PER_IP="1000000", SIGNUP_MIN_SECONDS="0",
        PRESS_METADATA_ALLOW_PRIVATE_ADDRESSES="true", PRESS_METADATA_TIMEOUT="3",
    )  # fmt: skip
    server = subprocess.Popen(
        [sys.executable, "-m", "turnout.cli", "serve", "--port", str(port)],
        env=env, cwd=database.data_dir, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"

    def workers() -> list[int]:
        text = log_path.read_text()
        assert server.poll() is None, text
        pids = [int(pid) for pid in STARTED.findall(text)]
        assert pids, f"no task worker started:\n{text[:3000]}"
        return pids

    def ready() -> bool:
        try:
            return httpx.get(f"{base}/readyz", timeout=5).status_code == 200
        except httpx.HTTPError:
            return False

    killed: list[int] = []

    def live_worker() -> int:
        """The running worker (the last started, once the server has started it again)."""

        def started_since_last_kill():
            pid = workers()[-1]
            return pid if pid not in killed and is_running(pid) else None

        return wait_until(started_since_last_kill, timeout=60, message="a running worker")

    home = HomePage(base)
    prober = threading.Thread(target=home.run, daemon=True)
    done = threading.Event()
    happened: list[str] = []
    press_answers: list[tuple[float, int]] = []

    def submit_press_link(url: str) -> None:
        # Right after a database kill the form may answer a clean 503 for a moment: like a
        # person, try again until the page is back, and time the submission that got through.
        browser = httpx.Client(base_url=base, timeout=30)
        address = "/en/press/submit/campaign/chaos/"
        for _ in range(30):
            page = browser.get(address)
            if page.status_code == 200:
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
                started = time.monotonic()
                answer = browser.post(
                    address,
                    data={"csrfmiddlewaretoken": token.group(1), "url": url, "kind": "article"},
                )
                if answer.status_code != 503:
                    press_answers.append((time.monotonic() - started, answer.status_code))
                    break
            time.sleep(1.0)
        browser.close()

    def chaos(slow_url: str) -> None:
        actions = ["database", "database", "smtp", "smtp", "worker", "worker", "press"]
        chance.shuffle(actions)
        for action in actions:
            if done.wait(chance.uniform(1.0, 2.5)):
                return
            happened.append(action)
            if action == "database":
                kill_connections(database)
            elif action == "smtp":
                sink.go_away()
                time.sleep(chance.uniform(1.0, 3.0))
                sink.come_back()
            elif action == "worker":
                pid = live_worker()
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            else:
                submit_press_link(slow_url)

    try:
        wait_until(ready, timeout=90, message="turnout serve ready, its worker beating")
        prober.start()
        with serving(trickling_http(body=b"<html><title>Slow</title>" * 40, interval=1.0)) as slow:
            agent = threading.Thread(target=chaos, args=(f"{slow.url}/story",), daemon=True)
            agent.start()

            def person(n: int) -> list[tuple[str, int]]:
                browser = Browser(base, event)
                answers = []
                for i in range(SIGNUPS_EACH):
                    email = f"p{n}-{i}@example.org"
                    answers.append((email, browser.sign_up(email)))
                    time.sleep(PAUSE)
                browser.http.close()
                return answers

            with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
                answers = [a for batch in pool.map(person, range(CLIENTS)) for a in batch]
            agent.join(timeout=60)
            done.set()

        # Everything settles: every email sent or, if a worker died sending it, uncertain.
        def settled() -> bool:
            states = Counter(s for (s,) in database.query(OUTBOX_STATES))
            if states.keys() <= {"sent", "uncertain", "failed"}:
                return True
            database.python(SWEEP)  # rather than wait for the timetable's 30 s sweep
            time.sleep(1.0)
            return False

        wait_until(settled, timeout=90, message="every email sent or uncertain", every=0.5)
        wait_until(ready, timeout=30, message="ready again, a worker beating")
        home.stopping.set()
        prober.join(timeout=20)
        live_worker()  # the worker runs again
    finally:
        done.set()
        home.stopping.set()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        sink.stop()

    print(f"chaos: {', '.join(happened)}")
    statuses = Counter(status for _, status in home.answers)
    print(f"home page: {len(home.answers)} requests, {dict(statuses)}, p99 {home.p99():.3f} s")
    print(f"press link to a byte-a-second server answered in {press_answers}")

    assert sorted(happened) == sorted(["database"] * 2 + ["smtp"] * 2 + ["worker"] * 2 + ["press"])
    assert len(workers_started(log_path)) >= 3  # the first, and one after each SIGKILL
    # The home page answered every request: a page, or a clean 503 while the database was gone.
    assert statuses.keys() <= {200, 503}, statuses
    assert statuses[200] >= 0.8 * len(home.answers)
    # The slow press link held nobody: the submission was answered at once.
    assert [status for _, status in press_answers] == [302]
    assert press_answers[0][0] < 5

    accepted = {email for email, status in answers if status == 302}
    assert len(accepted) == CLIENTS * SIGNUPS_EACH, Counter(s for _, s in answers)
    stored = Counter(email for (email,) in database.query("SELECT email FROM signups_signup"))
    assert set(stored) == accepted
    assert set(stored.values()) == {1}

    rows = database.query(
        "SELECT message_id, to_email, kind, state FROM notifications_outboxmessage"
    )
    confirmations = Counter(to for _, to, kind, _ in rows if kind == "confirm_request")
    assert confirmations == Counter(accepted)  # one each, sent again for nobody
    received = Counter(str(message["Message-ID"]) for message in sink.messages)
    assert set(received.values()) <= {1}  # nothing received twice
    states = Counter(state for *_, state in rows)
    assert states.keys() <= {"sent", "uncertain"}, states
    sent = {message_id for message_id, _, _, state in rows if state == "sent"}
    assert sent <= set(received)  # every email recorded as sent was received, once
    assert states["uncertain"] <= 4  # at most one per worker killed or connection lost mid-send
    print(f"emails: {dict(states)}")


# The outbox's states, and "owed" for each signup email no worker has written yet.
OUTBOX_STATES = (
    "SELECT state FROM notifications_outboxmessage"
    " UNION ALL SELECT 'owed' FROM signups_signup WHERE letter_due <> ''"
)


def is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def workers_started(log_path) -> list[int]:
    return [int(pid) for pid in STARTED.findall(log_path.read_text())]
