"""A read replica for public pages (web/read_replica.py), with real processes.

The "replica" here is a copy of the primary taken after the campaign was seeded (a SQLite file
copied, or a PostgreSQL database made from it as a template); the primary then gets an event
the copy never sees. So which database answered a request shows in what it answers: a replica
that lags forever. A visitor's GET reads the copy; a signed-in person, a form's sender and
every write use the primary; a replica that cannot be reached costs a visitor nothing.
"""

import os
import re
import shutil
import time
import uuid
from html import unescape
from pathlib import Path

import dj_database_url
import httpx
import pytest
from django.conf import settings
from django.test import RequestFactory

from tests.reliability.clusters import new_cluster
from tests.reliability.served import (
    Database,
    _admin_connection,
    _with_name,
    free_port,
    one_event_campaign,
    served,
    wait_until,
)
from turnout.web.read_replica import PIN_COOKIE, ReplicaRouter, may_read_replica

ONLY_ON_PRIMARY = """
from datetime import timedelta
from django.utils import timezone
from turnout.campaigns.models import Campaign, LocalEvent
now = timezone.now()
event = LocalEvent.objects.create(
    campaign=Campaign.objects.get(slug=SLUG), title="Protest in Leiden", city="Leiden",
    country="NL", timezone="Europe/Amsterdam", status="approved", capacity=100,
    starts_at=now + timedelta(days=9), ends_at=now + timedelta(days=9, hours=2),
)
result = event.pk
"""


def copy_of(database: Database, tmp_path: Path):
    """A copy of `database` as it is now, and how to drop it."""
    if database.is_postgresql:
        name = f"turnout_replica_{uuid.uuid4().hex[:8]}"
        source = dj_database_url.parse(database.url)["NAME"]
        with _admin_connection(database.url) as admin:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')

        def drop() -> None:
            with _admin_connection(database.url) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        return Database(_with_name(database.url, name), tmp_path), drop
    source = Path(dj_database_url.parse(database.url)["NAME"])
    target = tmp_path / "replica.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")
    return Database(f"sqlite:///{target}", tmp_path), lambda: None


@pytest.fixture
def primary_and_replica(served_database: Database, tmp_path: Path):
    seen_by_both = served_database.python(one_event_campaign("replicated", "Replicated day"))
    replica, drop = copy_of(served_database, tmp_path)
    only_on_primary = served_database.python(ONLY_ON_PRIMARY.replace("SLUG", repr("replicated")))
    yield served_database, replica, seen_by_both, only_on_primary
    drop()


def signup_count(database: Database, email: str) -> int:
    return database.query(f"SELECT count(*) FROM signups_signup WHERE email = '{email}'")[0][0]


def sign_up(visitor: httpx.Client, event: int, email: str) -> httpx.Response:
    page = visitor.get(f"/en/events/{event}/")
    form = {
        name: unescape(re.search(rf'name="{name}" value="([^"]+)"', page.text).group(1))
        for name in ("csrfmiddlewaretoken", "stamp")
    }
    return visitor.post(
        f"/en/signups/events/{event}/",
        data={
            **form,
            "name": "Ada Lovelace",
            "email": email,
            "phone": "",
            "website": "",
            "accepted_code_of_conduct": "on",
        },
    )


@pytest.mark.slow
def test_visitors_read_the_replica_and_writers_the_primary(primary_and_replica):
    primary, replica, seen_by_both, only_on_primary = primary_and_replica
    with (
        served(primary, DATABASE_REPLICA_URL=replica.url, SIGNUP_MIN_SECONDS="0") as base,
        httpx.Client(base_url=base, follow_redirects=False, timeout=30) as visitor,
    ):
        # A visitor reads the replica: the event only the primary has is not there (yet).
        assert visitor.get(f"/en/events/{seen_by_both}/").status_code == 200
        assert visitor.get(f"/en/events/{only_on_primary}/").status_code == 404
        # Someone signed in (a session) reads the primary.
        session = {settings.SESSION_COOKIE_NAME: "any"}
        assert httpx.get(f"{base}/en/events/{only_on_primary}/", cookies=session).status_code == 200

        answer = sign_up(visitor, seen_by_both, "ada@example.org")
        assert answer.status_code == 302, answer.text[:500]
        # The signup is written to the primary only, and its sender now reads the primary.
        assert signup_count(primary, "ada@example.org") == 1
        assert signup_count(replica, "ada@example.org") == 0
        assert visitor.cookies.get(PIN_COOKIE) == "1"
        assert visitor.get(f"/en/events/{only_on_primary}/").status_code == 200
        # Once the pin has lapsed (the cookie's max-age), they are a visitor again.
        visitor.cookies.delete(PIN_COOKIE)
        assert visitor.get(f"/en/events/{only_on_primary}/").status_code == 404


def has_event(database: Database, pk: int) -> bool:
    return database.query(f"SELECT count(*) FROM campaigns_localevent WHERE id = {pk}")[0][0] == 1


PUBLIC_PAGES = ("/en/", "/nl/events/", "/en/campaigns/streamed/", "/sitemap.xml", "/api/v1/events/")


@pytest.mark.slow
def test_a_streaming_standby_answers_visitors_while_the_primary_takes_every_write(tmp_path):
    """A real hot standby (pg_basebackup, streaming): read-only, so a write routed to it would
    fail; its replay paused, it lags, and the pin shows a form's sender what they wrote."""
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("a streaming standby is PostgreSQL's: set DATABASE_URL=postgres://…")
    with new_cluster() as primary_cluster, primary_cluster.standby() as standby_cluster:
        primary = Database(primary_cluster.url, tmp_path)
        replica = Database(standby_cluster.url, tmp_path)
        primary.turnout("migrate", "--no-input", "-v", "0", timeout=300)  # streamed, DDL too
        event = primary.python(one_event_campaign("streamed", "Streamed day"))
        wait_until(lambda: has_event(replica, event), timeout=30, message="the standby replays")
        with (
            served(primary, DATABASE_REPLICA_URL=replica.url, SIGNUP_MIN_SECONDS="0") as base,
            httpx.Client(base_url=base, follow_redirects=False, timeout=30) as visitor,
        ):
            for path in (*PUBLIC_PAGES, f"/en/events/{event}/"):
                assert visitor.get(path).status_code == 200, path
            replica.query("SELECT pg_wal_replay_pause()")
            later = primary.python(ONLY_ON_PRIMARY.replace("SLUG", repr("streamed")))
            assert visitor.get(f"/en/events/{later}/").status_code == 404  # the standby lags
            answer = sign_up(visitor, event, "grace@example.org")
            assert answer.status_code == 302, answer.text[:500]
            assert signup_count(primary, "grace@example.org") == 1
            manage = visitor.get(answer.headers["Location"])  # pinned: the primary answers
            assert manage.status_code == 200
            assert visitor.get(f"/en/events/{later}/").status_code == 200
            replica.query("SELECT pg_wal_replay_resume()")
            wait_until(lambda: has_event(replica, later), timeout=30, message="replay resumes")
            visitor.cookies.delete(PIN_COOKIE)
            assert visitor.get(f"/en/events/{later}/").status_code == 200


@pytest.mark.slow
def test_a_replica_that_does_not_answer_costs_visitors_nothing(served_database: Database):
    event = served_database.python(one_event_campaign("unreplicated", "Lonely day"))
    if served_database.is_postgresql:  # nothing listens on a fresh port
        gone = f"postgres://postgres@127.0.0.1:{free_port()}/turnout_replica"
    else:  # a folder that does not exist: SQLite cannot open the file
        gone = f"sqlite:///{served_database.data_dir / 'no-such-folder' / 'replica.sqlite3'}"
    with served(served_database, DATABASE_REPLICA_URL=gone) as base:
        started = time.monotonic()
        for _ in range(5):
            assert httpx.get(f"{base}/en/events/{event}/", timeout=30).status_code == 200
        assert time.monotonic() - started < 10
        assert httpx.get(f"{base}/readyz", timeout=30).status_code in (200, 503)


@pytest.mark.parametrize(
    ("method", "cookies", "path", "replica"),
    [
        ("GET", {}, "/en/events/", True),
        ("HEAD", {}, "/nl/campagnes/", True),
        ("POST", {}, "/en/signups/events/1/", False),
        ("GET", {"sessionid": "x"}, "/en/events/", False),
        ("GET", {PIN_COOKIE: "1"}, "/en/events/", False),
        ("GET", {}, "/readyz", False),
        ("GET", {}, "/metrics", False),
        ("GET", {}, "/admin/", False),
    ],
)
def test_which_requests_may_read_the_replica(method, cookies, path, replica):
    request = RequestFactory().generic(method, path)
    request.COOKIES.update(cookies)
    assert may_read_replica(request) is replica


def test_the_router_sends_no_write_and_no_migration_to_the_replica():
    router = ReplicaRouter()
    assert router.db_for_read(None) is None  # outside a replica request: the primary
    assert router.db_for_write(None) is None
    assert router.allow_migrate("replica", "signups") is False
    assert router.allow_migrate("default", "signups") is True
