"""`turnout serve`: run the platform under gunicorn, the way production runs it."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connections
from gunicorn.app.base import BaseApplication

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
    """`turnout worker` as a child of the gunicorn master: started when the server is ready,
    stopped when it exits, so the embedded default sends email with no other service."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def start(self, server) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "turnout.cli", "worker"])
        server.log.info("Started the task worker (pid %s)", self.process.pid)

    def stop(self, server) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


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
        self.stdout.write(f"Serving Turnout at http://{host}:{port}/ (Ctrl+C stops it)")
        options = {
            "bind": f"{host}:{port}",
            # gunicorn believes X-Forwarded-Proto from the same proxies as Django, no others.
            "forwarded_allow_ips": ",".join(map(str, trusted_networks(settings.TRUSTED_PROXIES))),
            "workers": workers,
            "threads": int(os.environ.get("WEB_THREADS", "4")),
            "accesslog": "-",
            "timeout": 30,
        }
        # Before the fork: the workers share the loaded data and never collect it again, and
        # no database connection (`turnout demo` loads its data first) is shared with them.
        prepare_process()
        connections.close_all()
        if wants_embedded_worker() and not no_task_worker:
            task_worker = _EmbeddedWorker()
            options["when_ready"] = task_worker.start
            options["on_exit"] = task_worker.stop
        _Server(options).run()
