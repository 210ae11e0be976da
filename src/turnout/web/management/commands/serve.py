"""`turnout serve`: run the platform under gunicorn, the way production runs it."""

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connections
from gunicorn.app.base import BaseApplication

from turnout.web import metrics
from turnout.web.backoff import backoff_seconds
from turnout.web.proxies import trusted_networks
from turnout.web.site_url import follow_served_address
from turnout.web.warmup import prepare_process
from turnout.wsgi import application


class _Server(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return application


class _EmbeddedWorker:
    """`turnout worker` as a child of the gunicorn master, kept running while the server runs:
    started when the server is ready, started again (after a back-off) whenever it exits, for
    whatever reason (a crash, the out-of-memory killer, SIGKILL), and stopped when the server
    exits. So the embedded default sends email with no other service, and keeps sending it.

    Why a supervising thread in the master rather than gunicorn's arbiter loop: gunicorn has
    no hook that runs on its loop (`child_exit` fires for its own web workers only), and
    reaching into `Arbiter.manage_workers` would tie this to gunicorn's internals. A thread
    blocked on the child's exit reacts at once, waits out its back-off without holding up the
    arbiter, and touches gunicorn only through the two documented hooks, `when_ready` and
    `on_exit`. One subtlety: the arbiter reaps every child with `waitpid(-1)`, so it may
    collect the worker's exit status first; `Popen.wait` then reports 0, which is why any exit
    while the server runs counts, not only a failing one.

    The worker runs in a session of its own, so a Ctrl+C in the terminal reaches the server
    only, and the server stops the worker itself rather than race to restart it.

    A thread that starts processes in a process that forks has one hazard, and it was seen
    here: `Popen` waits on a pipe until the new program runs, and a web worker that gunicorn
    forks at that moment inherits the pipe's other end and never executes anything, so
    `Popen` waited for as long as that web worker lived, supervising nothing. Every fork of
    the master therefore waits for a start in progress, and the reverse (`os.register_at_fork`
    holds `spawning` across each fork).
    """

    FIRST_RESTART_WAIT = 1.0
    LONGEST_RESTART_WAIT = 60.0
    # A worker that ran this long was healthy: the back-off starts again from the first wait.
    HEALTHY_AFTER_SECONDS = 60.0

    def __init__(self, command: list[str] | None = None) -> None:
        # At the priority the systemd unit gives a worker (Nice=10): requests come first.
        self.command = command or [sys.executable, "-m", "turnout.cli", "worker", "--nice", "10"]
        self.process: subprocess.Popen | None = None
        self.stopping = threading.Event()
        self.lock = threading.Lock()  # stop() never misses a worker being started
        self.thread: threading.Thread | None = None
        self.spawning = threading.RLock()
        os.register_at_fork(
            before=self.spawning.acquire,
            after_in_parent=self.spawning.release,
            after_in_child=self.spawning.release,
        )

    def start(self, server) -> None:
        self.thread = threading.Thread(
            target=self.supervise, args=(server.log,), name="turnout-worker-supervisor", daemon=True
        )
        self.thread.start()

    def supervise(self, log) -> None:
        restarts = 0
        while True:
            with self.lock:
                if self.stopping.is_set():
                    return
                with self.spawning:  # no fork of the master while the worker starts
                    self.process = process = subprocess.Popen(self.command, start_new_session=True)
            started = time.monotonic()
            log.info("Started the task worker (pid %s)", process.pid)
            status = process.wait()
            if self.stopping.is_set():
                return
            if time.monotonic() - started >= self.HEALTHY_AFTER_SECONDS:
                restarts = 0
            restarts += 1
            wait = backoff_seconds(
                restarts, base=self.FIRST_RESTART_WAIT, cap=self.LONGEST_RESTART_WAIT
            )
            log.error(
                "The task worker (pid %s) exited (%s); starting it again in %.1f s",
                process.pid, _describe_exit(status), wait,
            )  # fmt: skip
            if self.stopping.wait(wait):
                return

    def stop(self, server) -> None:
        with self.lock:
            self.stopping.set()
            process = self.process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self.thread is not None:
            self.thread.join(timeout=5)


def _describe_exit(status: int) -> str:
    if status < 0:
        try:
            return f"killed by {signal.Signals(-status).name}"
        except ValueError:
            return f"killed by signal {-status}"
    return f"exit status {status}"


# How long an idle connection from the proxy is kept open. nginx keeps idle connections to
# the servers (deploy/nginx/turnout.conf, `keepalive_timeout` in the upstream block) and
# must be the one to close them: a server closing one just as nginx sends a POST on it
# answers that POST with nginx's 502, which nginx never retries (a POST is not idempotent).
# gunicorn's default, 2 s against nginx's 60 s, did that to one confirmation in a hundred.
KEEPALIVE_SECONDS = 75


def metrics_directory(*, host: str, port: int):
    """Where this server's workers count requests: PROMETHEUS_MULTIPROC_DIR if the operator
    chose one, else a folder of its own in the data directory (one per address, so two servers
    sharing the data directory never empty each other's)."""
    if chosen := os.environ.get(metrics.MULTIPROC_ENV):
        return Path(chosen)
    address = f"{host}-{port}".replace(":", "_").replace("/", "_")
    return Path(settings.DATA_DIR) / "metrics" / address


def json_log_config() -> dict:
    """gunicorn's own loggers (its errors, the access log) as JSON lines like Django's."""
    handler = {
        "class": "logging.StreamHandler",
        "formatter": "json",
        "stream": "ext://sys.stdout",
    }
    return {
        "formatters": {"json": {"()": "turnout.web.json_logs.JsonLinesFormatter"}},
        "handlers": {"json_console": handler},
        "root": {"handlers": ["json_console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
        "loggers": {
            name: {"handlers": ["json_console"], "level": "INFO", "propagate": False}
            for name in ("gunicorn.error", "gunicorn.access")
        },
    }


def wants_embedded_worker() -> bool:
    return settings.TURNOUT_EMBEDDED_WORKER and settings.TASKS_BACKEND == "database"


class Command(BaseCommand):
    help = "Serve the platform over HTTP (gunicorn; PORT, HOST and WEB_CONCURRENCY apply)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=None)
        parser.add_argument("--host", default=None)
        parser.add_argument("--workers", type=int, default=None)
        parser.add_argument(
            "--no-task-worker",
            action="store_true",
            help="Do not start `turnout worker` beside the server (run it yourself).",
        )

    def handle(self, *args, port=None, host=None, workers=None, no_task_worker=False, **options):
        host = host or os.environ.get("HOST", "127.0.0.1")
        port = port or int(os.environ.get("PORT", "8000"))
        workers = workers or int(os.environ.get("WEB_CONCURRENCY", "2"))
        follow_served_address(host=host, port=port)
        serving = f"Serving Turnout at http://{host}:{port}/ (Ctrl+C stops it)"
        if settings.LOG_FORMAT == "json":  # every line a JSON object, this one too
            logging.getLogger("turnout.serve").info(serving)
        else:
            self.stdout.write(serving)
        options = {
            "bind": f"{host}:{port}",
            # gunicorn believes X-Forwarded-Proto from the same proxies as Django, no others.
            "forwarded_allow_ips": ",".join(map(str, trusted_networks(settings.TRUSTED_PROXIES))),
            "workers": workers,
            "threads": int(os.environ.get("WEB_THREADS", "4")),
            "accesslog": "-",
            "timeout": 30,
            "keepalive": KEEPALIVE_SECONDS,
        }
        # Before the fork: the workers share the loaded data and never collect it again, and
        # no database connection (`turnout demo` loads its data first) is shared with them.
        prepare_process()
        connections.close_all()
        # Request metrics from every web worker, summed at /metrics (turnout.web.metrics).
        metrics.use_multiprocess_directory(metrics_directory(host=host, port=port))
        options["child_exit"] = lambda server, worker: metrics.mark_process_dead(worker.pid)
        if settings.LOG_FORMAT == "json":
            options["logconfig_dict"] = json_log_config()
        if wants_embedded_worker() and not no_task_worker:
            task_worker = _EmbeddedWorker()
            options["when_ready"] = task_worker.start
            options["on_exit"] = task_worker.stop
        _Server(options).run()
