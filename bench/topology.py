"""The README's several-servers deployment as processes on one machine: nginx with the guide's
own site file (deploy/nginx/turnout.conf), Redis, and a way to run any process until a block
ends. Used by tests/reliability/test_several_servers.py and bench/multi_server_signup.py, so
the test and the benchmark measure the same deployment.

Plain context managers, no pytest: a process that does not start raises RuntimeError with the
end of its log.
"""

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

REPOSITORY = Path(__file__).resolve().parents[1]
SITE_CONFIG = REPOSITORY / "deploy" / "nginx" / "turnout.conf"
# Seconds a process may take to start: a few on a quiet machine, minutes on a loaded CI runner.
STARTUP = 180


def nginx_path() -> str | None:
    """NGINX_PATH if set, else nginx on PATH or in sbin (a user's PATH may not list it)."""
    if configured := os.environ.get("NGINX_PATH"):
        return configured if os.access(configured, os.X_OK) else None
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


@contextmanager
def running(
    command: list[str], *, log: Path, ready: Callable[[], object], name: str,
    env: dict | None = None, startup: float = STARTUP,
) -> Iterator[subprocess.Popen]:  # fmt: skip
    """A process running until the block ends, once `ready()` returns something true."""
    output = log.open("w+")
    process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)

    def answering() -> object:
        if process.poll() is not None:
            output.seek(0)
            raise RuntimeError(f"{name} exited:\n{output.read()[-3000:]}")
        try:
            return ready()
        except Exception:  # noqa: BLE001 - not answering yet
            return False

    try:
        deadline = time.monotonic() + startup
        while not answering():
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} not ready after {startup} s")
            time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        output.close()


def render_site_config(**values: str) -> str:
    """deploy/nginx/turnout.conf with its {{ PLACEHOLDERS }} filled (comments left alone)."""

    def fill(line: str) -> str:
        if line.lstrip().startswith("#"):
            return line
        return re.sub(r"\{\{ (\w+) \}\}", lambda match: values[match.group(1)], line)

    rendered = "\n".join(fill(line) for line in SITE_CONFIG.read_text().splitlines())
    assert "{{" not in "".join(ln for ln in rendered.splitlines() if not ln.lstrip()[:1] == "#")
    return rendered


# Only what a private nginx needs around the site file: its own pid, logs and temporary folders.
NGINX_MAIN = """
daemon off;
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log {access_log};
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/turnout.conf;
}}
"""


@contextmanager
def nginx(
    prefix: Path, *, http_port: int, https_port: int, upstreams: list[str],
    access_log: bool = True, startup: float = STARTUP,
) -> Iterator[str]:  # fmt: skip
    """nginx in `prefix` with the guide's site file and a self-signed certificate, balancing
    over `upstreams` ("127.0.0.1:PORT"); yields its HTTPS base URL."""
    prefix.mkdir()
    certificate, key = prefix / "cert.pem", prefix / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )  # fmt: skip
    (prefix / "turnout.conf").write_text(
        render_site_config(
            SERVER_NAME="127.0.0.1",
            HTTP_LISTEN=f"127.0.0.1:{http_port}",
            HTTPS_LISTEN=f"127.0.0.1:{https_port}",
            UPSTREAM_SERVERS="\n    ".join(
                f"server {upstream} max_fails=3 fail_timeout=10s;" for upstream in upstreams
            ),
            CERTIFICATE=str(certificate),
            CERTIFICATE_KEY=str(key),
            ACME_ROOT=str(prefix / "acme"),
        )
    )
    (prefix / "nginx.conf").write_text(
        NGINX_MAIN.format(prefix=prefix, access_log=f"{prefix}/access.log" if access_log else "off")
    )
    base = f"https://127.0.0.1:{https_port}"
    with running(
        [nginx_path(), "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
        log=prefix / "stderr.log",
        ready=lambda: httpx.get(f"{base}/healthz", verify=False, timeout=2).status_code == 200,
        name="nginx",
        startup=startup,
    ):
        yield base


@contextmanager
def redis_server(folder: Path, port: int, *, startup: float = STARTUP) -> Iterator[str]:
    """A private redis-server on `port`, keeping nothing on disk; yields its URL."""
    import redis

    command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "",
               "--appendonly", "no", "--dir", str(folder)]  # fmt: skip
    client = redis.Redis(port=port, socket_connect_timeout=1)
    with running(
        command, log=folder / "redis.log", ready=client.ping, name="redis-server", startup=startup
    ):
        yield f"redis://127.0.0.1:{port}/0"
