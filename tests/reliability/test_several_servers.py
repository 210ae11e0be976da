"""Several servers, as the README's deployment guide sets them up: Debian's nginx terminating TLS
with deploy/nginx/turnout.conf (the guide's file, rendered with this test's ports and a
self-signed certificate) in front of two `turnout serve`, two `turnout worker`, one
PostgreSQL, Redis as the cache and the task queue (TASKS_BACKEND=rq), and moto's S3 server as
the object store (MEDIA_STORAGE_URL).

Everything a visitor does goes through nginx, spread over both servers by its round robin:
signups at the limit of an event's places and their confirmations, a photo upload, the
campaign page for a crowd. The workers run continuously, each with the timetable, so reminders
are queued by both. Afterwards nothing is lost or doubled: every person has exactly the emails
they should at a real SMTP server, the photo reads the same from either server's page, and a
change to the campaign shows on both servers at once although each keeps whole pages cached
for ten minutes (the cache is Redis, shared).
"""

import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from html import unescape
from io import BytesIO
from pathlib import Path

import httpx
import pytest
import redis
from bench.topology import REPOSITORY, STARTUP, nginx, nginx_path, redis_server, running
from PIL import Image

from tests.media.images import photo_with_gps
from tests.notifications.smtp import SMTPServer
from tests.reliability.served import Database, free_port, served, wait_until

MOTO_SERVER = Path(sys.executable).with_name("moto_server")


def missing() -> str | None:
    """Why this machine cannot run the topology, or None (CI has everything)."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return "several servers need PostgreSQL: set DATABASE_URL=postgres://…"
    needs = {
        "nginx (apt-get install nginx)": nginx_path(),
        "redis-server (apt-get install redis-server)": shutil.which("redis-server"),
        "openssl (apt-get install openssl)": shutil.which("openssl"),
        "moto_server (pip install moto[server], in the test extras)": MOTO_SERVER.exists(),
    }
    absent = [name for name, found in needs.items() if not found]
    return f"several servers need {', '.join(absent)}" if absent else None


CAPACITY, PEOPLE, REMINDED, CROWD = 60, 100, 30, 200
AWS = {
    "AWS_ACCESS_KEY_ID": "turnout-topology",
    "AWS_SECRET_ACCESS_KEY": "turnout-topology-secret",
    "AWS_DEFAULT_REGION": "eu-west-1",
}

SEED = f"""
from datetime import timedelta
from django.utils import timezone
from turnout.accounts.models import User
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.signups.models import Signup

now = timezone.now()
day = now + timedelta(days=9)
campaign = Campaign.objects.create(
    slug="several", title="Several servers day", starts_on=day.date(), ends_on=day.date(),
    status="published",
)
event = LocalEvent.objects.create(
    campaign=campaign, title="Protest in Utrecht", city="Utrecht", country="NL",
    timezone="Europe/Amsterdam", status="approved", capacity={CAPACITY},
    starts_at=day, ends_at=day + timedelta(hours=2),
)
soon = now + timedelta(hours=2)  # within the 3-hour reminder
vigil = Campaign.objects.create(
    slug="vigil", title="Vigil", starts_on=soon.date(), ends_on=soon.date(), status="published",
)
tonight = LocalEvent.objects.create(
    campaign=vigil, title="Vigil in Gent", city="Gent", country="BE", timezone="Europe/Brussels",
    status="approved", capacity=100, starts_at=soon, ends_at=soon + timedelta(hours=1),
)
for i in range({REMINDED}):
    Signup.objects.create(
        event=tonight, name=f"Participant {{i}}", email=f"remind-{{i}}@example.org",
        accepted_code_of_conduct=True, state="confirmed", created_at=now - timedelta(days=2),
        confirmed_at=now - timedelta(days=2),
    )
User.objects.create_superuser("organizer@example.org", "a long organizer password 42")
result = {{"event": event.pk, "tonight": tonight.pk}}
"""


@contextmanager
def object_store(folder: Path):
    """moto's S3 server with a private bucket; yields MEDIA_STORAGE_URL and a boto3 client."""
    import boto3

    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    with running(
        [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", str(port)],
        log=folder / "moto.log",
        ready=lambda: httpx.get(f"{endpoint}/moto-api/", timeout=1),
        name="moto_server",
    ):
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=AWS["AWS_DEFAULT_REGION"],
            aws_access_key_id=AWS["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=AWS["AWS_SECRET_ACCESS_KEY"],
        )
        client.create_bucket(
            Bucket="turnout-media",
            CreateBucketConfiguration={"LocationConstraint": AWS["AWS_DEFAULT_REGION"]},
        )
        url = f"s3://turnout-media/media?endpoint_url={endpoint}&region=eu-west-1&addressing_style=path"
        yield url, client


@pytest.fixture
def topology(served_database: Database, tmp_path: Path):
    """The whole deployment; yields what the test reaches it by."""
    started = time.monotonic()
    database = served_database
    https_port = free_port()
    site_url = f"https://127.0.0.1:{https_port}"
    with ExitStack() as stack:
        sink = SMTPServer()
        sink.start()
        stack.callback(sink.stop)
        redis_url = stack.enter_context(redis_server(tmp_path, free_port()))
        media_url, s3 = stack.enter_context(object_store(tmp_path))
        # What every box of the guide's topology shares (deploy/turnout.env.example).
        database.environment.update(
            AWS,
            REDIS_URL=redis_url,
            TASKS_BACKEND="rq",
            MEDIA_STORAGE_URL=media_url,
            SITE_URL=site_url,
            EMAIL_HOST=sink.host,
            EMAIL_PORT=str(sink.port),
            EMAIL_USE_TLS="false",
        )
        seeded = database.python(SEED)
        web = {
            "TRUSTED_PROXIES": "127.0.0.1",
            "ALLOWED_HOSTS": "127.0.0.1",
            "TURNOUT_EMBEDDED_WORKER": "false",
            "SIGNUP_RATE_PER_IP": "10000",
            "SIGNUP_MIN_SECONDS": "0",
            # Long enough that only invalidation, never expiry, can show a change in this test.
            "WHOLE_PAGE_CACHE_SECONDS": "600",
        }
        # The workers start while the servers do; they need nothing but the database and Redis.
        workers = [
            stack.enter_context(
                running(
                    [sys.executable, "-m", "turnout.cli", "worker"],
                    log=tmp_path / f"worker-{n}.log",
                    ready=lambda: True,
                    name=f"turnout worker {n}",
                    env=database.env(),
                )
            )
            for n in range(2)
        ]
        upstreams = [
            stack.enter_context(served(database, startup_timeout=STARTUP, **web)) for _ in range(2)
        ]

        def workers_running() -> bool:
            for n, worker in enumerate(workers):
                log = (tmp_path / f"worker-{n}.log").read_text()
                if worker.poll() is not None:
                    pytest.fail(f"turnout worker {n} exited:\n{log[-3000:]}")
                if "running on the Redis queue" not in log:
                    return False
            return True

        wait_until(workers_running, timeout=STARTUP, message="both workers running", every=0.1)
        base = stack.enter_context(
            nginx(
                tmp_path / "nginx",
                http_port=free_port(),
                https_port=https_port,
                upstreams=[upstream.removeprefix("http://") for upstream in upstreams],
            )
        )
        print(f"topology up in {time.monotonic() - started:.1f} s")
        yield {
            "database": database,
            "base": base,
            "upstreams": upstreams,
            "sink": sink,
            "s3": s3,
            "workers": workers,
            "logs": tmp_path,
            "redis": redis_url,
            **seeded,
        }


def browser(base: str) -> httpx.Client:
    return httpx.Client(base_url=base, verify=False, timeout=30, follow_redirects=False)


def form_fields(html: str, *names: str) -> dict[str, str]:
    return {
        name: unescape(re.search(rf'name="{name}" value="([^"]+)"', html).group(1))
        for name in names
    }


def post(client: httpx.Client, path: str, **kwargs) -> httpx.Response:
    """A form post as a browser sends it over HTTPS: with the page as Referer (Django's CSRF
    check demands one on secure requests)."""
    return client.post(path, headers={"Referer": f"{client.base_url}{path}"}, **kwargs)


def sign_up(base: str, event: int, email: str) -> int:
    with browser(base) as client:
        page = client.get(f"/en/events/{event}/")
        assert page.status_code == 200, page.text[:300]
        form = form_fields(page.text, "csrfmiddlewaretoken", "stamp")
        answer = client.post(
            f"/en/signups/events/{event}/",
            data={
                **form,
                "name": "Ada",
                "email": email,
                "accepted_code_of_conduct": "on",
                "phone": "",
                "website": "",
            },  # fmt: skip
            headers={"Referer": f"{base}/en/events/{event}/"},
        )
        return answer.status_code


def confirm(base: str, message) -> int:
    body = message.get_body(("plain",)).get_content()
    token = re.search(rf"{re.escape(base)}/en/signups/([\w-]+)/\s", body).group(1)
    with browser(base) as client:
        page = client.get(f"/en/signups/{token}/")
        form = form_fields(page.text, "csrfmiddlewaretoken")
        answer = client.post(
            f"/en/signups/{token}/confirm/",
            data=form,
            headers={"Referer": f"{base}/en/signups/{token}/"},
        )
        return answer.status_code


def received(sink: SMTPServer, subject_start: str) -> Counter:
    return Counter(
        recipient
        for message in sink.messages
        if message["Subject"].startswith(subject_start)
        for recipient in [message["To"].addresses[0].addr_spec]
    )


def settled(read: Callable[[], Counter], *, expected: Counter, message: str) -> None:
    """Wait for `expected`, then make sure nothing more arrives (a doubled email comes late)."""
    wait_until(lambda: read() == expected or read() - expected, timeout=60, message=message)
    time.sleep(1.5)
    assert read() == expected, (read() - expected) or (expected - read())


@pytest.mark.slow
@pytest.mark.skipif(bool(missing()), reason=str(missing()))
def test_two_servers_two_workers_redis_and_object_storage_behind_nginx(topology):
    started = time.monotonic()
    base, sink, database = topology["base"], topology["sink"], topology["database"]
    event = topology["event"]
    people = [f"person-{i}@example.org" for i in range(PEOPLE)]

    # (a) Signups for an event with 60 places, from 20 browsers at once, and confirmations.
    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(lambda email: sign_up(base, event, email), people))
    assert Counter(statuses) == {302: PEOPLE}
    settled(
        lambda: received(sink, "Please confirm"),
        expected=Counter(people),
        message="a confirmation request to each person",
    )
    requests = {
        message["To"].addresses[0].addr_spec: message
        for message in sink.messages
        if message["Subject"].startswith("Please confirm")
    }
    with ThreadPoolExecutor(max_workers=20) as pool:
        statuses = list(pool.map(lambda email: confirm(base, requests[email]), people))
    assert Counter(statuses) == {302: PEOPLE}
    settled(
        lambda: received(sink, "You're in") + received(sink, "You're on the waitlist"),
        expected=Counter(people),
        message="a you're-in or waitlisted email to each person",
    )
    confirmed, waitlisted = received(sink, "You're in"), received(sink, "You're on the waitlist")
    assert (len(confirmed), len(waitlisted)) == (CAPACITY, PEOPLE - CAPACITY)
    rows = database.query(f"SELECT email, state FROM signups_signup WHERE event_id = {event}")
    assert Counter(email for email, _ in rows) == Counter(people)  # each stored once
    states = {email: state for email, state in rows}
    assert {e for e, s in states.items() if s == "confirmed"} == set(confirmed)
    assert {e for e, s in states.items() if s == "waitlisted"} == set(waitlisted)
    print(f"(a) signups and confirmations: {time.monotonic() - started:.1f} s")

    # (c) Reminders, queued by both workers' timetables since they started: one each.
    reminded = Counter(f"remind-{i}@example.org" for i in range(REMINDED))
    settled(lambda: received(sink, "Reminder"), expected=reminded, message="one reminder each")
    assert len(sink.messages) == 2 * PEOPLE + REMINDED  # and nothing else
    print(f"(c) reminders: {time.monotonic() - started:.1f} s")

    # (b) A photo uploaded through nginx, read from each server's page.
    photo_is_readable_from_either_server(topology)
    print(f"(b) photo: {time.monotonic() - started:.1f} s")

    # (d) The campaign page for a crowd, then a change seen by both servers.
    campaign_change_is_seen_by_both_servers(topology)
    elapsed = time.monotonic() - started
    print(f"(d) campaign page: {elapsed:.1f} s")
    assert all(worker.poll() is None for worker in topology["workers"])


def photo_is_readable_from_either_server(topology) -> None:
    base, upstreams, s3 = topology["base"], topology["upstreams"], topology["s3"]
    photos_page = f"/en/photos/event/{topology['event']}/"
    with browser(base) as organizer:
        login = organizer.get("/admin/login/")
        signed_in = post(
            organizer,
            "/admin/login/",
            data={
                **form_fields(login.text, "csrfmiddlewaretoken"),
                "username": "organizer@example.org",
                "password": "a long organizer password 42",
                "next": "/admin/",
            },
        )
        assert signed_in.status_code == 302, signed_in.text[:500]
        page = organizer.get(photos_page)
        assert page.status_code == 200
        upload = post(
            organizer,
            photos_page,
            data={
                **form_fields(page.text, "csrfmiddlewaretoken"),
                "faces": "none",
                "credit": "Ada",
                "alt_text": "A red and blue banner",
            },
            files={"photos": ("banner.jpg", photo_with_gps(), "image/jpeg")},
        )
        assert upload.status_code == 302, upload.text[:1000]
        session = organizer.cookies["sessionid"]

    photos = []
    for upstream in upstreams:  # each server on its own, as nginx would reach it
        page = httpx.get(
            f"{upstream}{photos_page}",
            timeout=30,
            headers={"Cookie": f"sessionid={session}", "Host": base.removeprefix("https://")},
        )
        assert page.status_code == 200
        # Pages link the site's route, never a signed link that a cached page would outlive.
        (route,) = re.findall(r'<img src="(/media/photos/[^"]+)"', page.text)
        answer = httpx.get(
            f"{upstream}{unescape(route)}",
            timeout=30,
            headers={"Cookie": f"sessionid={session}", "Host": base.removeprefix("https://")},
        )
        assert answer.status_code == 302, answer.text[:300]  # published: to the bucket
        link = answer.headers["Location"]
        assert "X-Amz-Signature=" in link  # a signed, expiring link to a private object
        served = httpx.get(link, timeout=30)
        assert served.status_code == 200
        photos.append(served.content)
        key = link.split("/turnout-media/", 1)[1].split("?", 1)[0]
        assert s3.get_object(Bucket="turnout-media", Key=key)["Body"].read() == served.content
        assert httpx.get(link.split("?", 1)[0]).status_code == 403  # never public
    assert photos[0] == photos[1]
    assert Image.open(BytesIO(photos[0])).size[0] > 0


def campaign_change_is_seen_by_both_servers(topology) -> None:
    base, upstreams, database = topology["base"], topology["upstreams"], topology["database"]
    path = "/en/campaigns/several/"

    def visit(_: int = 0, *, title: str = "Several servers day") -> None:
        answer = httpx.get(f"{base}{path}", verify=False, timeout=30)  # no cookies
        assert answer.status_code == 200
        assert title in answer.text

    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(visit, range(CROWD)))
    served = [
        (Path(topology["logs"]) / f"serve-{upstream.rsplit(':', 1)[1]}.log")
        .read_text()
        .count(f"GET {path} ")
        for upstream in upstreams
    ]
    assert sum(served) >= CROWD and min(served) >= CROWD // 4, served

    host = base.removeprefix("https://")

    def shown(title: str) -> bool:
        # Each server asked directly, as nginx asks it, for the page kept for the crowd.
        return all(
            title in httpx.get(f"{upstream}{path}", headers={"Host": host}, timeout=30).text
            for upstream in upstreams
        )

    assert shown("Several servers day")
    # The crowd's page is kept in Redis, where both servers look for it.
    kept = redis.Redis.from_url(topology["redis"]).keys("*campaign-page-events-whole*several*")
    assert kept, "no whole page in the shared cache"
    database.python(
        "from turnout.campaigns.models import Campaign\n"
        "campaign = Campaign.objects.get(slug='several')\n"
        "campaign.title = 'Several servers, one cache'\n"
        "campaign.save()\n"
    )
    assert shown("Several servers, one cache")  # at once: no waiting for the 600 s
    for _ in range(4):
        visit(title="Several servers, one cache")


def test_the_environment_example_lists_every_setting():
    """deploy/turnout.env.example names every variable Turnout reads, on a line of its own
    (systemd's EnvironmentFile takes no comment after a value)."""
    source = "\n".join(path.read_text() for path in (REPOSITORY / "src" / "turnout").rglob("*.py"))
    read = set(
        re.findall(
            r'(?:os\.environ\.get\(|env_bool\(|env_list\(|os\.environ\[|\benv=)"([A-Z][A-Z_]+)"',
            source,
        )
    )
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "MEDIA_STORAGE_URL"} <= read
    example = (REPOSITORY / "deploy" / "turnout.env.example").read_text().splitlines()
    listed = {
        line.lstrip("#").split("=", 1)[0] for line in example if re.match(r"#?[A-Z_]+=", line)
    }
    assert read - listed == set()
    for line in example:
        if re.match(r"[A-Z_]+=", line):
            assert " #" not in line, line


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd-analyze")
def test_the_systemd_units_verify(tmp_path):
    """The guide's units, with ExecStart pointing at this checkout's `turnout`, pass
    `systemd-analyze verify` (the worker template as its instance @1)."""
    turnout = Path(sys.executable).with_name("turnout")
    units = {
        "turnout-serve.service": "turnout-serve.service",
        "turnout-worker@.service": "turnout-worker@1.service",
    }
    for source, target in units.items():
        text = (REPOSITORY / "deploy" / "systemd" / source).read_text()
        assert "EnvironmentFile=/etc/turnout/turnout.env" in text
        (tmp_path / target).write_text(text.replace("/opt/turnout/.venv/bin/turnout", str(turnout)))
    result = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / name) for name in units.values())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "turnout" not in result.stderr, result.stderr
