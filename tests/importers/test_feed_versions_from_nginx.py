"""A calendar feed served as a file by a real web server (Debian's nginx, as a movement puts
its `.ics` on its own site): nginx names the file's version (ETag, Last-Modified) and answers a
sync that asks about it with 304 Not Modified, which `calendar_fetching` takes as the feed
unchanged; once the file is written again, the next sync reads it whole and imports the change."""

import os
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from bench.topology import nginx_path

from tests.reliability.served import free_port
from turnout.campaigns.models import LocalEvent
from turnout.importers.calendar_feeds import register_feed, sync_feed
from turnout.importers.models import CalendarFeed

from .calendar_builders import calendar, vevent
from .test_calendars_twelfth import NOW

IN_CI = os.environ.get("CI", "").lower() == "true"
NO_NGINX = "this test serves a feed with nginx: install Debian's package (apt-get install nginx)"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not IN_CI and not nginx_path(), reason=NO_NGINX),
]

CONF = """
{user}
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    types {{ text/calendar ics; }}
    server {{
        listen 127.0.0.1:{port};
        root {prefix}/site;
    }}
}}
"""

VIGIL = calendar(vevent("vigil@x", "SUMMARY:Wake voor een pauze", "DURATION:PT2H",
                        "LOCATION:Dam\\, Amsterdam\\, Nederland",
                        "DTSTART;TZID=Europe/Amsterdam:20300316T140000"))  # fmt: skip


@pytest.fixture
def served_file(tmp_path: Path, settings):
    """nginx serving tmp_path/site; yields (the feed file, its URL, nginx's access log)."""
    settings.CALENDAR_FEEDS_ALLOW_PRIVATE_ADDRESSES = True  # nginx is on loopback
    executable = nginx_path()
    if executable is None:
        pytest.fail(f"CI=true and {NO_NGINX}", pytrace=False)
    site = tmp_path / "site"
    site.mkdir()
    feed = site / "actions.ics"
    feed.write_bytes(VIGIL)
    port = free_port()
    conf = tmp_path / "nginx.conf"
    # Started as root, nginx's workers would read files as nobody, who may not enter pytest's
    # temporary folders (0700): they read as the user the test runs as.
    user = "user root;" if os.geteuid() == 0 else ""
    conf.write_text(CONF.format(prefix=tmp_path, port=port, user=user))
    process = subprocess.Popen(
        [executable, "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/actions.ics"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(url, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, (tmp_path / "error.log").read_text()
            time.sleep(0.1)
        yield feed, url, tmp_path / "access.log"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _statuses(log: Path) -> list[str]:
    return [line.split('"')[2].split()[0] for line in log.read_text().splitlines()]


def test_a_feed_nginx_serves_is_asked_about_and_read_again_once_written_again(served_file):
    path, url, log = served_file
    feed = register_feed(url=url, campaign=None)
    assert sync_feed(feed=feed, now=NOW).counts["events created"] == 1
    stored = CalendarFeed.objects.get()
    assert stored.etag.startswith('"') and stored.last_modified.endswith(" GMT")

    unchanged = sync_feed(feed=stored, now=NOW)
    assert dict(unchanged.counts) == {"feeds unchanged since they were last read": 1}

    time.sleep(1.1)  # a new Last-Modified second, and so a new ETag
    path.write_bytes(VIGIL.replace(b"20300316T140000", b"20300316T160000"))
    changed = sync_feed(feed=CalendarFeed.objects.get(), now=NOW)
    assert changed.counts["events updated"] == 1
    assert LocalEvent.objects.get().starts_at.hour == 15  # 16:00 in Amsterdam, in UTC
    assert _statuses(log)[-3:] == ["200", "304", "200"]
