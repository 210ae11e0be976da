"""Real servers for the scale settings: Redis for the rq queue, moto's S3 API for media.

Redis is the one CI runs on loopback (SCALE_REDIS_URL overrides it), on a database number of
each test process's own that is emptied before and after each test; without it the rq half is
skipped, saying why. moto's standalone server is started once per session on a free port.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

# One database number per test process (`make test` runs up to four, gw0 to gw3: 12 to 15),
# so that two processes never empty each other's queue.
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS_URL = os.environ.get("SCALE_REDIS_URL", f"redis://127.0.0.1:6379/{12 + _WORKER % 4}")
RQ_BACKEND = {"BACKEND": "turnout.notifications.rq_queue.RQBackend", "QUEUES": ["default", "low"]}
DATABASE_BACKEND = {"BACKEND": "django_tasks_db.DatabaseBackend"}


def _redis():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as error:
        pytest.skip(f"Redis is not reachable at {REDIS_URL} ({error}); CI runs it on loopback")
    return client


@pytest.fixture
def redis_queue(settings):
    """An empty Redis database as the queue of the rq backend (TASKS_BACKEND=rq)."""
    client = _redis()
    client.flushdb()
    queue = {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 60}
    settings.RQ_QUEUES = {"default": queue, "low": queue}
    settings.TASKS = {"default": RQ_BACKEND}
    yield client
    client.flushdb()


@pytest.fixture(params=["database", "rq"])
def task_backend(request, settings) -> str:
    """Each test that takes it runs twice: on the database queue and on Redis through rq.
    `turnout worker --batch` runs whichever is configured."""
    if request.param == "rq":
        request.getfixturevalue("redis_queue")
    else:
        settings.TASKS = {"default": DATABASE_BACKEND}
    return request.param


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def moto_server(tmp_path_factory):
    """moto's standalone S3 server on loopback: a real HTTP S3 API (signatures, ACLs)."""
    port = free_port()
    executable = Path(sys.executable).with_name("moto_server")
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [str(executable), "-H", "127.0.0.1", "-p", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            httpx.get(f"{endpoint}/moto-api/", timeout=1)
            break
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"moto_server did not start: {log.read_text()[-2000:]}")
            time.sleep(0.1)
    keys = {
        "AWS_ACCESS_KEY_ID": "turnout-test",
        "AWS_SECRET_ACCESS_KEY": "turnout-test-secret",
        "AWS_DEFAULT_REGION": "eu-west-1",
    }
    saved = {name: os.environ.get(name) for name in keys}
    os.environ.update(keys)  # the standard variables, as on a server: read by boto3 itself
    yield endpoint
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def s3_media(moto_server, settings):
    """A fresh private bucket as the default storage, configured as MEDIA_STORAGE_URL is."""
    import boto3

    from turnout.settings import _object_storage

    bucket = f"turnout-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=moto_server, region_name="eu-west-1")
    client.create_bucket(
        Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
    )
    storage, origins = _object_storage(
        f"s3://{bucket}/media?endpoint_url={moto_server}&region=eu-west-1&addressing_style=path"
    )
    # Setting STORAGES resets django.core.files.storage.default_storage (a setting_changed
    # receiver), so the media services write to the bucket from here on.
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    return {"client": client, "bucket": bucket, "endpoint": moto_server, "storage": storage}
