"""/metrics and JSON logs under `turnout serve` with two gunicorn workers: request counts are
summed across the workers (prometheus_client's multiprocess mode), a worker that dies keeps
its counts, and with LOG_FORMAT=json every line the server prints is one JSON object."""

import json
import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.reliability.served import served, wait_until

pytestmark = pytest.mark.slow


def healthz_count(base: str) -> float:
    response = httpx.get(f"{base}/metrics", timeout=10)
    assert response.status_code == 200
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            if (
                sample.name == "turnout_http_requests_total"
                and sample.labels["view"] == "healthz"
                and sample.labels["status"] == "2xx"
            ):
                return sample.value
    return 0.0


def worker_pids(directory: Path) -> set[int]:
    """The web workers that counted something: one counter file each."""
    return {int(path.stem.rpartition("_")[2]) for path in directory.glob("counter_*.db")}


def test_two_workers_count_into_one_total_and_log_json_lines(served_database):
    with served(served_database, WEB_CONCURRENCY="2", LOG_FORMAT="json") as base:
        port = base.rpartition(":")[2]
        directory = served_database.data_dir / "metrics" / f"127.0.0.1-{port}"
        start = healthz_count(base)
        requests = 200

        def hit(number: int) -> int:
            headers = {"X-Request-ID": f"ops-test-{number}"}
            return httpx.get(f"{base}/healthz", headers=headers, timeout=10).status_code

        with ThreadPoolExecutor(max_workers=16) as pool:
            assert set(pool.map(hit, range(requests))) == {200}
        pids = wait_until(
            lambda: worker_pids(directory) if len(worker_pids(directory)) >= 2 else None,
            timeout=10,
            message="both workers answering requests",
        )
        # Whichever worker answers the scrape, it reports every worker's requests.
        for _ in range(6):
            assert healthz_count(base) == start + requests

        # A worker killed mid-life: gunicorn starts another, and the dead one's count stays.
        os.kill(sorted(pids)[0], signal.SIGKILL)
        wait_until(
            lambda: httpx.get(f"{base}/healthz", timeout=5).status_code == 200,
            timeout=20,
            message="the server answering after a worker died",
        )
        assert healthz_count(base) >= start + requests + 1
        httpx.get(f"{base}/en/no-such-page-at-all/", timeout=10)  # Django logs a 404
        log_path = served_database.data_dir / f"serve-{port}.log"
        lines = wait_until(
            lambda: (text := log_path.read_text()) and "ops-test-7" in text and text,
            timeout=10,
            message="the access log written",
        ).splitlines()

    records = []
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)  # every line: one JSON object, or this fails
        assert {"time", "level", "logger", "message"} <= set(record)
        assert record["time"].endswith("+00:00")
        records.append(record)
    access = [r for r in records if r["logger"] == "gunicorn.access"]
    seven = next(r for r in access if r.get("request_id") == "ops-test-7")
    assert seven["path"] == "/healthz" and seven["status"] == 200 and seven["method"] == "GET"
    assert 0 <= seven["duration"] < 10
    not_found = [r for r in records if r["logger"] == "django.request"]
    assert any(r.get("status") == 404 and "no-such-page" in r.get("path", "") for r in not_found)
    assert any(r["logger"] == "gunicorn.error" for r in records)  # the server's own messages
    assert any("Serving Turnout at" in r["message"] for r in records)


def test_a_new_server_forgets_old_counts_and_nothing_else(tmp_path):
    folder = tmp_path / "prometheus"
    folder.mkdir()
    (folder / "counter_4242.db").write_bytes(b"old counts")
    (folder / "notes.txt").write_text("the operator's")
    script = (
        "import django, pathlib; django.setup()\n"
        "from turnout.web import metrics\n"
        f"metrics.use_multiprocess_directory(pathlib.Path({str(folder)!r}))\n"
        "from django.test import Client\n"
        "assert Client(HTTP_HOST='localhost').get('/healthz').status_code == 200\n"
        "print(metrics.exposition().decode())\n"
    )
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "turnout.settings",
        "TURNOUT_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "x" * 50,
        "METRICS_CACHE_SECONDS": "3600",
    }
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert not (folder / "counter_4242.db").exists()
    assert (folder / "notes.txt").read_text() == "the operator's"
    assert list(folder.glob("counter_*.db"))  # this process counted into the folder
    assert 'turnout_http_requests_total{method="GET",status="2xx",view="healthz"} 1.0' in (
        result.stdout
    )
    # No database here (never migrated): the request metrics still answer, the sources say so.
    assert 'turnout_metrics_source_up{source="signups"} 0.0' in result.stdout
