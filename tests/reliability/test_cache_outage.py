"""Redis, as the cache, killed or hung: no request fails, and the cache comes back by itself.

A private redis-server from Debian's package on a free port: first the cache backend on its
own (what each kind of call gives during an outage, one warning per outage, the breaker),
then `turnout serve` with REDIS_URL set, whose campaign page and signup keep answering while
Redis is dead (SIGKILL) or hanging (SIGSTOP), and use Redis again once it is back.
"""

import logging
import re
import shutil
import signal
import subprocess
import time
from contextlib import contextmanager
from html import unescape
from pathlib import Path

import httpx
import pytest
import redis

from tests.reliability.served import Database, free_port, one_event_campaign, served, wait_until
from turnout.web.resilient_cache import ResilientRedisCache

pytestmark = pytest.mark.skipif(
    not shutil.which("redis-server"), reason="needs redis-server (apt-get install redis-server)"
)

TIMEOUT = 0.25  # settings.py's socket timeouts


@contextmanager
def redis_server(folder: Path, port: int):
    """redis-server on `port` until the block ends (or until the test kills it)."""
    command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
               "--appendonly", "no", "--dir", str(folder)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port, socket_connect_timeout=1, socket_timeout=1)

    def answers() -> bool:
        try:
            return client.ping()
        except redis.RedisError:
            return False

    try:
        wait_until(answers, timeout=30, message="redis-server answering")
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGCONT)  # a stopped process cannot act on SIGTERM
            process.terminate()
            process.wait(timeout=10)
        client.close()


def cache_at(port: int, breaker_seconds: float) -> ResilientRedisCache:
    return ResilientRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {
            "OPTIONS": {
                "socket_connect_timeout": TIMEOUT,
                "socket_timeout": TIMEOUT,
                "breaker_seconds": breaker_seconds,
            }
        },
    )


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def outage_warnings(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "turnout.web.resilient_cache" and r.levelno == logging.WARNING
    ]


def test_a_killed_redis_is_a_miss_once_warned_and_the_cache_returns_with_it(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="turnout.web.resilient_cache")
    port = free_port()
    cache = cache_at(port, breaker_seconds=1)
    with redis_server(tmp_path, port) as process:
        cache.set("banner", "Klimaatmars: zaterdag 14:00 · Grève pour le climat", 60)
        assert cache.get("banner") == "Klimaatmars: zaterdag 14:00 · Grève pour le climat"
        assert cache.add("counter", 1) is True and cache.incr("counter") == 2
        process.kill()
        process.wait()

        value, seconds = timed(lambda: cache.get("banner", "from the database"))
        assert value == "from the database" and seconds < 1
        # While the breaker is open Redis is not asked at all: a hundred calls cost nothing.
        _, seconds = timed(lambda: [cache.get(f"page-{n}") for n in range(100)])
        assert seconds < 0.1
        assert cache.get_many(["banner", "counter"]) == {}
        assert cache.set("banner", "new") is None and cache.delete("banner") is False
        assert cache.add("lock", 1) is False  # nothing was stored
        assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
        assert cache.has_key("counter") is False and cache.touch("counter") is False
        with pytest.raises(ValueError):
            cache.incr("counter")  # as for a key that is not there: callers handle that
        time.sleep(1.1)  # the breaker lets the next call try Redis again: still dead
        assert cache.get("banner", "default") == "default"
        assert len(outage_warnings(caplog)) == 1  # one warning for the whole outage

    with redis_server(tmp_path, port):  # restarted, empty, on the same address
        time.sleep(1.1)
        cache.set("banner", "Manifestatie op het Malieveld", 60)
        assert cache.get("banner") == "Manifestatie op het Malieveld"
        assert outage_warnings(caplog)[-1].startswith("The Redis cache answers again")
        assert len(outage_warnings(caplog)) == 2


def test_a_hung_redis_costs_one_short_timeout_then_nothing(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger="turnout.web.resilient_cache")
    port = free_port()
    cache = cache_at(port, breaker_seconds=1)
    with redis_server(tmp_path, port) as process:
        cache.set("site-settings", {"name": "Turnout", "tagline": "Samen de straat op"}, 60)
        process.send_signal(signal.SIGSTOP)
        try:
            value, seconds = timed(lambda: cache.get("site-settings"))
            assert value is None and seconds < 4 * TIMEOUT
            _, seconds = timed(lambda: [cache.set(f"k{n}", n) for n in range(50)])
            assert seconds < 0.1
        finally:
            process.send_signal(signal.SIGCONT)
        assert len(outage_warnings(caplog)) == 1
        time.sleep(1.1)  # the breaker's time: Redis is asked again, and has kept its data
        assert cache.get("site-settings") == {"name": "Turnout", "tagline": "Samen de straat op"}
        assert len(outage_warnings(caplog)) == 2


# --- the whole server ----------------------------------------------------------------------


def sign_up(base: str, event: int, email: str) -> tuple[int, float]:
    """Read the event's page and post its signup form; the answer's status and the seconds
    the slower of the two requests took."""
    with httpx.Client(base_url=base, timeout=30, follow_redirects=False) as browser:
        page = browser.get(f"/en/events/{event}/")
        assert page.status_code == 200, page.text[:500]
        form = {
            name: unescape(re.search(rf'name="{name}" value="([^"]+)"', page.text).group(1))
            for name in ("csrfmiddlewaretoken", "stamp")
        }
        answer = browser.post(
            f"/en/signups/events/{event}/",
            data={**form, "name": "Zeynep Yılmaz", "email": email, "phone": "",
                  "accepted_code_of_conduct": "on", "website": ""},
        )  # fmt: skip
    return answer.status_code, max(page.elapsed, answer.elapsed).total_seconds()


def campaign_page(base: str) -> tuple[int, float]:
    answer = httpx.get(f"{base}/en/campaigns/outage/", timeout=30)  # no cookie: kept whole
    assert "Cache outage day" in answer.text
    return answer.status_code, answer.elapsed.total_seconds()


def stored(database: Database, email: str) -> tuple[int, int]:
    """How many signups and emails `email` has: queued in the outbox, or still owed by the
    signup if a worker has not written it yet (one statement, one snapshot)."""
    [(signups, emails)] = database.query(
        f"SELECT (SELECT count(*) FROM signups_signup WHERE email = '{email}'),"
        f" (SELECT count(*) FROM notifications_outboxmessage WHERE to_email = '{email}')"
        f" + (SELECT count(*) FROM signups_signup WHERE email = '{email}' AND letter_due <> '')"
    )
    return signups, emails


def pages_kept(port: int) -> list[bytes]:
    return redis.Redis(port=port, socket_timeout=1).keys("*campaign-page-events-whole*outage*")


@pytest.mark.slow
@pytest.mark.parametrize("queue", ["database", "rq"])
def test_the_site_answers_while_redis_is_dead_or_hung_and_uses_it_again(
    served_database: Database, tmp_path, queue
):
    """With TASKS_BACKEND=rq the same Redis is also the task queue: a signup's delivery task
    cannot be queued, so its email waits in the outbox (the worker's sweep sends it), and
    after one failed attempt the server stops trying for a few seconds."""
    database = served_database
    port = free_port()
    event = database.python(one_event_campaign("outage", "Cache outage day"))
    database.environment["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
    with (
        redis_server(tmp_path, port) as process,
        served(database, SIGNUP_MIN_SECONDS="0", LOG_LEVEL="WARNING", TASKS_BACKEND=queue) as base,
    ):
        assert campaign_page(base)[0] == 200
        assert pages_kept(port), "the whole page is not kept in Redis"
        assert sign_up(base, event, "before@example.org")[0] == 302

        # Django's own RedisCache would answer 500 to each request while Redis is dead, and
        # hold each one until gunicorn's 30 s timeout while it hangs.
        process.kill()  # (a) dead: connections refused
        process.wait()
        for n in range(3):
            status, seconds = campaign_page(base)
            assert (status, seconds < 2) == (200, True), seconds
            status, seconds = sign_up(base, event, f"dead-{n}@example.org")
            assert (status, seconds < 2) == (302, True), seconds
            assert stored(database, f"dead-{n}@example.org") == (1, 1)

        with redis_server(tmp_path, port) as process:  # (b) back, empty
            wait_until(
                lambda: campaign_page(base) and pages_kept(port),
                timeout=15,
                message="the server keeps pages in Redis again",
                every=0.5,
            )
            process.send_signal(signal.SIGSTOP)  # (c) hung: connections accepted, no answers
            try:
                for n in range(3):
                    status, seconds = campaign_page(base)
                    assert (status, seconds < 1.5) == (200, True), seconds
                    status, seconds = sign_up(base, event, f"hung-{n}@example.org")
                    # With RQ the first signup also waits out the queue's 1 s socket timeout;
                    # then the server leaves the queue alone for a few seconds.
                    limit = 2.5 if queue == "rq" and n == 0 else 1.5
                    assert (status, seconds < limit) == (302, True), seconds
                    assert stored(database, f"hung-{n}@example.org") == (1, 1)
            finally:
                process.send_signal(signal.SIGCONT)
        log = next(database.data_dir.glob("serve-*.log")).read_text()
        assert "The Redis cache is unreachable" in log
        if queue == "database":
            assert "Traceback" not in log
        else:  # only the failed wakes, logged by on_commit(robust=True), and few of them
            assert 1 <= log.count("Error calling") <= 4, log[-3000:]
            assert "Internal Server Error" not in log
