"""`turnout serve`: run the platform under gunicorn, the way production runs it."""

import os

from django.core.management.base import BaseCommand
from gunicorn.app.base import BaseApplication

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


class Command(BaseCommand):
    help = "Serve the platform over HTTP (gunicorn; PORT, HOST and WEB_CONCURRENCY apply)."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=None)
        parser.add_argument("--host", default=None)
        parser.add_argument("--workers", type=int, default=None)

    def handle(self, *args, port=None, host=None, workers=None, **options):
        host = host or os.environ.get("HOST", "127.0.0.1")
        port = port or int(os.environ.get("PORT", "8000"))
        workers = workers or int(os.environ.get("WEB_CONCURRENCY", "2"))
        self.stdout.write(f"Serving Turnout at http://{host}:{port}/ (Ctrl+C stops it)")
        _Server(
            {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": int(os.environ.get("WEB_THREADS", "4")),
                "accesslog": "-",
                "timeout": 30,
            }
        ).run()
