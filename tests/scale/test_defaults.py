"""Production defaults for scale, read as a fresh server process reads them (environment only)."""

import json
import os
import subprocess
import sys

import pytest

from .conftest import REDIS_URL

READ_SETTINGS = """
import json
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "conn_max_age": db["CONN_MAX_AGE"],
    "health_checks": db["CONN_HEALTH_CHECKS"],
    "prepare_threshold": db.get("OPTIONS", {}).get("prepare_threshold"),
    "tasks": settings.TASKS["default"],
    "apps": settings.INSTALLED_APPS,
    "storage": settings.STORAGES["default"],
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "secure_cookies": settings.SESSION_COOKIE_SECURE,
}, default=lambda config: {  # botocore's Config of the object store's client
    "connect_timeout": config.connect_timeout,
    "read_timeout": config.read_timeout,
    "retries": config.retries,
    "s3": config.s3,
    "signature_version": config.signature_version,
}))
"""


def server_process(tmp_path, code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "CONN_"))}
    for name in ("TASKS_BACKEND", "REDIS_URL", "MEDIA_STORAGE_URL", "SITE_URL", "SECURE_COOKIES"):
        clean.pop(name, None)
    clean |= {"DJANGO_SETTINGS_MODULE": "turnout.settings", "TURNOUT_DATA_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-c", code], env=clean | env, capture_output=True, text=True, timeout=60
    )


def settings_of(tmp_path, **env: str) -> dict:
    done = server_process(tmp_path, READ_SETTINGS, **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_postgresql_keeps_its_connection_with_health_checks_by_default(tmp_path):
    read = settings_of(tmp_path, DATABASE_URL="postgres://turnout@db.internal:5432/turnout")
    assert (read["conn_max_age"], read["health_checks"]) == (60, True)
    read = settings_of(tmp_path, DATABASE_URL="postgres://turnout@db/turnout", CONN_MAX_AGE="0")
    assert read["conn_max_age"] == 0  # still a setting (a pooler in front, for example)


def test_postgresql_prepares_the_surges_statements_unless_a_pooler_cannot_keep_them(tmp_path):
    read = settings_of(tmp_path, DATABASE_URL="postgres://turnout@db.internal:5432/turnout")
    assert read["prepare_threshold"] == 5  # web/prepared.py prepares its statements at once
    read = settings_of(
        tmp_path,
        DATABASE_URL="postgres://turnout@db.internal:5432/turnout",
        DATABASE_PREPARED_STATEMENTS="false",
    )
    assert read["prepare_threshold"] is None  # psycopg then prepares nothing
    assert settings_of(tmp_path)["prepare_threshold"] is None  # SQLite's driver has its own


def test_sqlite_opens_its_file_per_request_as_before(tmp_path):
    read = settings_of(tmp_path)
    assert (read["conn_max_age"], read["health_checks"]) == (0, True)
    assert read["tasks"] == {"BACKEND": "django_tasks_db.DatabaseBackend"}  # the default queue
    assert read["storage"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert read["img_src"] == ["'self'"]
    assert read["secure_cookies"] is False  # plain HTTP on localhost still signs in


def test_cookies_are_secure_when_the_site_is_https(tmp_path):
    assert settings_of(tmp_path, SITE_URL="https://turnout.example.org")["secure_cookies"] is True


def test_the_rq_queue_is_a_setting_and_needs_redis(tmp_path):
    read = settings_of(tmp_path, TASKS_BACKEND="rq", REDIS_URL=REDIS_URL)
    assert read["tasks"] == {
        "BACKEND": "turnout.notifications.rq_queue.RQBackend",
        "QUEUES": ["default", "low"],
    }
    assert "django_rq" in read["apps"]
    missing = server_process(tmp_path, READ_SETTINGS, TASKS_BACKEND="rq")
    assert missing.returncode != 0
    assert "TASKS_BACKEND=rq needs REDIS_URL" in missing.stderr


def test_object_storage_is_private_with_short_signed_urls(tmp_path):
    read = settings_of(
        tmp_path,
        MEDIA_STORAGE_URL="s3://photos/turnout?endpoint_url=https://s3.example.net:9000"
        "&region=nl-ams&addressing_style=path",
    )
    assert read["storage"]["BACKEND"] == "turnout.web.object_storage.DeadlineS3Storage"
    options = read["storage"]["OPTIONS"]
    assert options["bucket_name"] == "photos"
    assert options["location"] == "turnout"
    assert options["endpoint_url"] == "https://s3.example.net:9000"
    assert options["region_name"] == "nl-ams"
    assert options["default_acl"] == "private"
    assert options["querystring_auth"] is True
    assert options["querystring_expire"] <= 300
    assert options["file_overwrite"] is False
    assert "access_key" not in options  # the standard AWS_* variables, never the URL
    # A store that hangs costs an upload seconds, not minutes (boto waits 60 s, four times).
    client = options["client_config"]
    assert client["connect_timeout"] == client["read_timeout"] == 5
    assert client["retries"] == {"max_attempts": 2, "mode": "standard"}
    assert client["s3"] == {"addressing_style": "path"}
    assert client["signature_version"] == "s3v4"
    assert read["img_src"] == ["'self'", "https://s3.example.net:9000"]
    wrong = server_process(tmp_path, READ_SETTINGS, MEDIA_STORAGE_URL="https://photos/")
    assert wrong.returncode != 0
    assert "MEDIA_STORAGE_URL must look like s3://bucket/prefix" in wrong.stderr


@pytest.mark.slow
def test_the_system_checks_pass_with_redis_and_object_storage(tmp_path):
    done = server_process(
        tmp_path,
        "from turnout.cli import main; import sys; sys.argv = ['turnout', 'check']; main()",
        TASKS_BACKEND="rq",
        REDIS_URL=REDIS_URL,
        MEDIA_STORAGE_URL="s3://photos?endpoint_url=http://127.0.0.1:9&addressing_style=path",
    )
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout
