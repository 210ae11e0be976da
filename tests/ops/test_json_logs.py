"""LOG_FORMAT=json's formatter on the records Turnout's processes write: Django's request
warnings, gunicorn's access log, exceptions, and text no JSON line may break on."""

import json
import logging
import subprocess
import sys

import pytest
from django.test import RequestFactory
from hypothesis import given
from hypothesis import strategies as st

from turnout.web.json_logs import JsonLinesFormatter


def formatted(record: logging.LogRecord) -> dict:
    line = JsonLinesFormatter().format(record)
    assert "\n" not in line
    return json.loads(line)


def record(name="turnout.test", msg="hello %s", args=("world",), **extra) -> logging.LogRecord:
    made = logging.LogRecord(name, logging.WARNING, __file__, 1, msg, args, None)
    made.__dict__.update(extra)
    return made


def test_the_fields_every_line_has():
    entry = formatted(record())
    assert entry["message"] == "hello world"
    assert entry["level"] == "WARNING" and entry["logger"] == "turnout.test"
    assert entry["time"].endswith("+00:00") and "T" in entry["time"]
    assert isinstance(entry["process"], int)


def test_a_django_request_warning_names_the_request():
    request = RequestFactory().get("/en/nowhere/", HTTP_X_REQUEST_ID="abc-123")
    entry = formatted(
        record("django.request", "Not Found: %s", ("/en/nowhere/",), request=request,
               status_code=404)
    )  # fmt: skip
    assert entry["path"] == "/en/nowhere/" and entry["method"] == "GET"
    assert entry["status"] == 404 and entry["request_id"] == "abc-123"


def test_gunicorn_access_atoms():
    atoms = {"m": "POST", "U": "/en/signups/", "s": "302", "h": "10.0.0.1", "D": 12500,
             "{x-request-id}i": "req-9"}  # fmt: skip
    entry = formatted(record("gunicorn.access", '%(h)s "%(m)s %(U)s" %(s)s', (atoms,)))
    assert entry["message"] == '10.0.0.1 "POST /en/signups/" 302'
    assert entry == entry | {
        "method": "POST", "path": "/en/signups/", "status": 302, "duration": 0.0125,
        "request_id": "req-9", "remote_address": "10.0.0.1",
    }  # fmt: skip


def test_an_exception_is_one_field_not_many_lines():
    try:
        raise ValueError("broken\nacross lines")
    except ValueError:
        made = record(exc_info=sys.exc_info())
    entry = formatted(made)
    assert "Traceback" in entry["exception"] and "broken\nacross lines" in entry["exception"]


@given(st.text())
def test_any_message_is_one_json_line(text):
    assert formatted(record(msg="%s", args=(text,)))["message"] == text


@pytest.mark.parametrize("log_format", ["json", ""])
def test_the_setting_chooses_the_format(log_format, tmp_path):
    script = "import django, logging; django.setup(); logging.getLogger('x').warning('hi %s', 1)"
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={"DJANGO_SETTINGS_MODULE": "turnout.settings", "LOG_FORMAT": log_format,
             "PATH": "/usr/bin:/bin", "SECRET_KEY": "x" * 50, "TURNOUT_DATA_DIR": str(tmp_path)},
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    line = result.stderr.strip().splitlines()[-1]
    if log_format == "json":
        assert json.loads(line)["message"] == "hi 1"
    else:
        assert line == "hi 1"  # the default stays plain text
