"""LOG_FORMAT=json: every log record as one JSON object on one line, for a log shipper.

Fields: time (ISO 8601, UTC), level, logger, message, process, and where the record carries
them: the request's method, path, status, duration in seconds and request id (gunicorn's access
log, Django's request warnings), and the exception's traceback as `exception`. A message never
spans lines in this format, so a traceback cannot be mistaken for records of its own.
"""

import json
import logging
from collections.abc import Mapping
from datetime import UTC, datetime

# gunicorn's access log passes its atoms (gunicorn.glogging.Logger.atoms) as the record's args.
_ACCESS_ATOMS = {"method": "m", "path": "U", "status": "s", "remote_address": "h"}
_REQUEST_ID_ATOM = "{x-request-id}i"


class JsonLinesFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        entry.update(_request_fields(record))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _request_fields(record: logging.LogRecord) -> dict[str, object]:
    fields: dict[str, object] = {}
    args = record.args
    if record.name == "gunicorn.access" and isinstance(args, Mapping):
        for field, atom in _ACCESS_ATOMS.items():
            if (value := args.get(atom)) not in (None, "-"):
                fields[field] = value
        if (status := fields.get("status")) is not None:
            try:
                fields["status"] = int(str(status))
            except ValueError:
                pass
        if (microseconds := args.get("D")) not in (None, "-"):
            fields["duration"] = round(int(str(microseconds)) / 1_000_000, 6)
        if (request_id := args.get(_REQUEST_ID_ATOM)) not in (None, "-"):
            fields["request_id"] = request_id
        return fields
    # Django's django.request and django.server loggers: the request and its status.
    request = getattr(record, "request", None)
    if request is not None and hasattr(request, "path"):
        fields["method"] = getattr(request, "method", None)
        fields["path"] = request.path
        meta = getattr(request, "META", {})
        if request_id := meta.get("HTTP_X_REQUEST_ID"):
            fields["request_id"] = request_id
    if isinstance(status_code := getattr(record, "status_code", None), int):
        fields["status"] = status_code
    return fields
