"""Benchmark harness: a production-like server, a separate load generator, a baseline, results.

Every benchmark starts Turnout the way production runs it (gunicorn with several workers, DEBUG
off) on its own database, drives it with `wrk` (Debian's package) from a separate process, and
measures a baseline in the same run so results read as ratios that survive a change of machine.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS_MD = ROOT / "bench" / "results.md"
RESULTS_JSONL = ROOT / "bench" / "results.jsonl"
BIN = Path(sys.executable).parent
POSTGRES_ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
# `run.py --quick` sets this: smaller sizes and shorter runs, for trying a benchmark out.
QUICK = os.environ.get("BENCH_QUICK") == "1"
# Seconds each measured wrk run lasts (a warm-up run comes first and is not recorded).
SECONDS = 3 if QUICK else 10


@dataclass
class LoadResult:
    """What wrk measured for one URL."""

    url: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    non_2xx: int
    duration_s: float


@dataclass
class BenchResult:
    """One row of bench/results.md: what was measured, against which target, and whether met."""

    name: str
    database: str
    figures: dict
    target: str
    met: bool | None
    cores: int = field(default_factory=lambda: os.cpu_count() or 1)
    at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(kind: str, data_dir: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{data_dir / 'bench.sqlite3'}"
    name = f"turnout_bench_{os.getpid()}"
    subprocess.run(
        ["psql", f"{POSTGRES_ADMIN_URL}/postgres", "-qc", f"DROP DATABASE IF EXISTS {name}"],
        check=True,
    )
    subprocess.run(
        ["psql", f"{POSTGRES_ADMIN_URL}/postgres", "-qc", f"CREATE DATABASE {name}"], check=True
    )
    return f"{POSTGRES_ADMIN_URL}/{name}"


@contextmanager
def environment(kind: str, **extra: str) -> Iterator[dict]:
    """A fresh data folder and database, migrated, as environment variables for subprocesses."""
    data_dir = Path(tempfile.mkdtemp(prefix="turnout-bench-"))
    env = {
        **os.environ,
        "TURNOUT_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url(kind, data_dir),
        "DEBUG": "false",
        "SECRET_KEY": "bench-" + "x" * 50,
        "LOG_LEVEL": "WARNING",
        "TURNOUT_EMBEDDED_WORKER": "false",
        # Production keeps database connections open between requests (PostgreSQL forks a
        # process per connection); SQLite ignores it.
        "CONN_MAX_AGE": "60",
        **extra,
    }
    turnout(env, "migrate", "--verbosity", "0")
    try:
        yield env
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        if kind == "postgres":
            name = env["DATABASE_URL"].rsplit("/", 1)[1]
            subprocess.run(
                [
                    "psql",
                    f"{POSTGRES_ADMIN_URL}/postgres",
                    "-qc",
                    f"DROP DATABASE IF EXISTS {name}",
                ],
                check=False,
            )


def turnout(env: dict, *args: str, input: str | None = None) -> str:
    """Run a `turnout` management command (or `turnout shell -c ...`) in the bench environment."""
    done = subprocess.run(
        [str(BIN / "turnout"), *args], env=env, capture_output=True, text=True, input=input,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"turnout {args[0]} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def run_python(env: dict, code: str) -> str:
    """Run Python code with Django set up, inside the bench environment."""
    return turnout(env, "shell", "-c", code)


def query_json(env: dict, code: str) -> object:
    """Run Python code that prints one JSON value as its last line; return that value."""
    return json.loads(run_python(env, code).strip().splitlines()[-1])


@contextmanager
def counting(env: dict) -> Iterator:
    """`count(sql)`: the one number `sql` selects, read straight from the bench database over
    one connection kept for the block: fast enough to poll while a phase is timed (a `turnout
    shell` takes a second to start, a new PostgreSQL connection forks a process)."""
    url = env["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        import sqlite3

        connection = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30)
        connection.isolation_level = None  # autocommit: each poll sees the latest commit
    else:
        import psycopg

        connection = psycopg.connect(url, autocommit=True)
    try:
        yield lambda sql: connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


@contextmanager
def task_worker(
    env: dict, *, interval: float = 0.05, pids: dict[str, int] | None = None
) -> Iterator[None]:
    """`turnout worker` beside a server started with --no-task-worker, polling its queue every
    `interval` seconds: the work requests leave to the worker runs during the timed phases.
    At the priority the deployment's unit gives it (deploy/systemd/turnout-worker@.service).
    Its process id goes into `pids["worker"]` (cpu_use.py)."""
    process = subprocess.Popen(
        ["nice", "-n", "10", str(BIN / "turnout"), "worker", "--interval", str(interval)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    if pids is not None:
        pids["worker"] = process.pid  # `nice` runs the worker in its own process
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=20)


def script(name: str) -> Path:
    """A helper file of the benchmarks (wrk Lua scripts, sink servers) by name."""
    return ROOT / "bench" / name


@contextmanager
def background(command: list[str], *, env: dict | None = None, ready_file: Path) -> Iterator[None]:
    """A helper process (an SMTP sink, a fake API) that writes `ready_file` once it listens."""
    process = subprocess.Popen(command, env=env or os.environ.copy())
    deadline = time.monotonic() + 20
    while not ready_file.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"{command[1]} did not start")
        time.sleep(0.05)
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=20)


@contextmanager
def server(
    env: dict, *, workers: int = 2, threads: int = 1, pids: dict[str, int] | None = None
) -> Iterator[str]:
    """gunicorn with `workers` processes serving the bench database; yields its base URL.
    The master's process id goes into `pids["server"]` (cpu_use.py)."""
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "turnout"), "serve", "--port", str(port), "--workers", str(workers),
         "--no-task-worker"],
        env={**env, "WEB_THREADS": str(threads)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    if pids is not None:
        pids["server"] = process.pid
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90  # a busy machine starts gunicorn slowly
    while True:
        try:
            urllib.request.urlopen(f"{base}/static/turnout/site.css", timeout=2).read()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the server did not start") from None
            time.sleep(0.2)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


_LATENCY = re.compile(r"^\s+(50|99)(?:\.000)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(
    url: str, *, seconds: int | None = None, connections: int = 16, threads: int = 2,
    lua: Path | None = None, script_env: dict | None = None, timeout: int = 2,
) -> LoadResult:  # fmt: skip
    """Drive `url` with wrk for `seconds`; parse throughput, p50/p99 latency and errors."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")
    seconds = seconds or SECONDS
    threads = min(threads, connections)
    command = ["wrk", "--latency", f"-t{threads}", f"-c{connections}", f"-d{seconds}s",
               f"--timeout={timeout}s"]  # fmt: skip
    if lua:
        command += ["-s", str(lua)]
    command.append(url)
    output = subprocess.run(
        command,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **(script_env or {})},
    ).stdout
    latencies = {pct: float(value) * _UNITS[unit] for pct, value, unit in _LATENCY.findall(output)}
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)\b", output)
    requests = int(total.group(1))
    duration_s = (
        float(total.group(2)) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[total.group(3)]
    )
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return LoadResult(
        url=url,
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=latencies.get("50", 0.0),
        p99_ms=latencies.get("99", 0.0),
        requests=requests,
        errors=errors,
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        duration_s=duration_s,
    )


def ratio(value: float, baseline: float) -> float | None:
    """value / baseline, rounded; None when the baseline measured nothing."""
    return round(value / baseline, 3) if baseline else None


def record(result: BenchResult) -> None:
    """Print the result and append it to bench/results.jsonl and bench/results.md."""
    line = json.dumps({**asdict(result), "quick": QUICK}, sort_keys=True)
    print(line)
    with RESULTS_JSONL.open("a") as jsonl:
        jsonl.write(line + "\n")
    if not RESULTS_MD.exists():
        RESULTS_MD.write_text(
            "# Benchmark results\n\nWritten by `make bench`; newest last. Ratios are against a "
            "baseline measured in the same run. Rows marked (quick) used `--quick` sizes.\n\n"
            "| when (UTC) | benchmark | database | cores | figures | target | met |\n"
            "| --- | --- | --- | --- | --- | --- | --- |\n"
        )
    figures = ", ".join(f"{key} {value}" for key, value in result.figures.items())
    if QUICK:
        figures = "(quick) " + figures
    met = {True: "yes", False: "NO", None: "-"}[result.met]
    with RESULTS_MD.open("a") as md:
        md.write(
            f"| {result.at} | {result.name} | {result.database} | {result.cores} | {figures} "
            f"| {result.target} | {met} |\n"
        )
