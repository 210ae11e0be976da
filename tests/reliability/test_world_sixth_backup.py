"""`turnout backup` while the object store (MEDIA_STORAGE_URL) is in trouble: refusing
connections, answering a byte at a time, or cutting a file's body short. The operator gets a
plain sentence and a failed exit, never a traceback, within seconds; no archive and no partial
archive is left where the next restore would find it.
"""

import subprocess
import sys
import time

import pytest

from tests.reliability.served import Database, free_port
from tests.web.trickle import read_http_request, serving, trickling_http

pytestmark = pytest.mark.slow

STEP = 0.5  # MEDIA_STORAGE_TIMEOUT: each connect and each read
DEADLINE = 2 * (STEP + STEP) + 1

LISTING = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
    b"<Name>turnout-world</Name><Prefix>media/</Prefix><Marker></Marker>"
    b"<MaxKeys>1000</MaxKeys><Delimiter>/</Delimiter><IsTruncated>false</IsTruncated>"
    b"<Contents><Key>media/logo.png</Key><LastModified>2026-12-06T10:00:00.000Z</LastModified>"
    b'<ETag>"0123456789abcdef0123456789abcdef"</ETag><Size>5000</Size>'
    b"<StorageClass>STANDARD</StorageClass></Contents></ListBucketResult>"
)


def one_file_cut_short(connection, stop):
    """A bucket that lists one 5000-byte file and sends only 300 bytes of it."""
    request = read_http_request(connection)
    line = request.split(b"\r\n", 1)[0]
    if line.startswith(b"GET /turnout-world?") or line.startswith(b"GET /turnout-world/?"):
        head, body = b"Content-Type: application/xml\r\n", LISTING
        length = len(body)
    else:
        head, length = b"Content-Type: image/png\r\n", 5000
        body = b"" if line.startswith(b"HEAD") else b"\x89PNG" + b"\x00" * 296
    connection.sendall(
        b"HTTP/1.1 200 OK\r\n" + head + b"Content-Length: " + str(length).encode() + b"\r\n"
        b'ETag: "0123456789abcdef0123456789abcdef"\r\n'
        b"Last-Modified: Sun, 06 Dec 2026 10:00:00 GMT\r\nConnection: close\r\n\r\n" + body
    )


def backup(database: Database, endpoint: str):
    archive = database.data_dir / "nightly.tar.gz"
    environment = database.env(
        MEDIA_STORAGE_URL=(
            f"s3://turnout-world/media?endpoint_url={endpoint}&region=eu-west-1"
            "&addressing_style=path"
        ),
        MEDIA_STORAGE_TIMEOUT=str(STEP),
        AWS_ACCESS_KEY_ID="turnout-test",
        AWS_SECRET_ACCESS_KEY="turnout-test-secret",
    )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "turnout.cli", "backup", str(archive)],
        env=environment,
        cwd=database.data_dir,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result, archive, time.monotonic() - started


@pytest.mark.parametrize("trouble", ["refused", "a byte at a time", "a file cut short"])
def test_a_backup_while_the_store_is_in_trouble_fails_in_a_sentence_and_leaves_nothing(
    served_database, trouble
):
    handlers = {
        "a byte at a time": trickling_http(
            content_type=b"application/xml", body=LISTING, interval=0.2, trickle_head=True
        ),
        "a file cut short": one_file_cut_short,
    }
    if trouble == "refused":
        result, archive, seconds = backup(served_database, f"http://127.0.0.1:{free_port()}")
    else:
        with serving(handlers[trouble]) as store:
            result, archive, seconds = backup(served_database, store.url)
            assert store.connections
    assert result.returncode != 0
    assert "The media store could not give" in result.stderr, result.stderr[-2000:]
    assert "No archive was written" in result.stderr
    assert "Traceback" not in result.stderr
    assert not archive.exists()
    assert not archive.with_name(archive.name + ".partial").exists()
    assert seconds < 30, seconds  # the process's start and the database dump included
