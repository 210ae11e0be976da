"""Behind a real reverse proxy: Debian's nginx load-balancing two `turnout serve` processes on
one database, with TRUSTED_PROXIES=127.0.0.1.

Each visitor is a distinct real peer: all of 127.0.0.0/8 is loopback on Linux, so an HTTP
client bound to 127.0.0.2 reaches nginx from that address, and nginx appends it to
X-Forwarded-For ($proxy_add_x_forwarded_for). The per-address signup limit must then count
each visitor on its own, across both servers, whatever the visitor writes in its own
X-Forwarded-For; and a burst of signups through the proxy is stored once, with one
confirmation email each.
"""

import os
import re
import subprocess
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from html import unescape
from pathlib import Path

import httpx
import pytest
from bench.topology import nginx_path

from tests.notifications.smtp import SMTPServer
from tests.reliability.served import (
    Database,
    answering,
    free_port,
    one_event_campaign,
    served,
)
from turnout.web.rate_limits import _digest

NO_NGINX = "the reverse-proxy test needs nginx: install Debian's package (apt-get install nginx)"
IN_CI = os.environ.get("CI", "").lower() == "true"
# Skipped at once without nginx (before a database is set up), except in CI, where it fails.
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not IN_CI and not nginx_path(), reason=NO_NGINX)]

PER_IP = 5
BURST_CLIENTS = 12

SEED = one_event_campaign("proxied", "Proxied day")

NGINX_CONF = """
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
events {{ worker_connections 512; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    upstream turnout {{
        server 127.0.0.1:{first};
        server 127.0.0.1:{second};
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://turnout;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


@contextmanager
def nginx(executable: str, prefix: Path, *, port: int, upstreams: list[str]):
    """nginx in the foreground with its own config, pid and logs; yields its base URL."""
    prefix.mkdir()
    ports = [upstream.rsplit(":", 1)[1] for upstream in upstreams]
    conf = prefix / "nginx.conf"
    conf.write_text(NGINX_CONF.format(prefix=prefix, port=port, first=ports[0], second=ports[1]))
    log = (prefix / "stderr.log").open("w+")
    process = subprocess.Popen(
        [executable, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    with answering(
        process,
        log,
        base=f"http://127.0.0.1:{port}",
        name="nginx",
        timeout=30,
        healthy=lambda status: status == 200,
    ) as base:
        yield base


class Visitor:
    """A browser at its own loopback address, going through nginx."""

    def __init__(self, base: str, address: str):
        self.address = address
        self.http = httpx.Client(
            base_url=base,
            transport=httpx.HTTPTransport(local_address=address),
            timeout=30,
            follow_redirects=False,
        )
        self.form: dict[str, str] = {}

    def sign_up(self, event: int, email: str, **headers: str) -> httpx.Response:
        """Post the event's signup form, read once (as a person sending it again would), so
        that nginx's round robin spreads the posts themselves over both servers."""
        if not self.form:
            page = self.http.get(f"/en/events/{event}/")
            assert page.status_code == 200, page.text[:500]
            field = r'name="{}" value="([^"]+)"'
            self.form = {
                name: unescape(re.search(field.format(name), page.text).group(1))
                for name in ("csrfmiddlewaretoken", "stamp")
            }
        form = {
            **self.form,
            "name": "Ada Lovelace",
            "email": email,
            "phone": "",
            "accepted_code_of_conduct": "on",
            "website": "",
        }
        return self.http.post(f"/en/signups/events/{event}/", data=form, headers=headers)

    def close(self) -> None:
        self.http.close()


@pytest.fixture(scope="module")
def nginx_binary() -> str:
    if executable := nginx_path():
        return executable
    pytest.fail(f"CI=true and {NO_NGINX}", pytrace=False)


@pytest.fixture
def behind_nginx(nginx_binary: str, served_database: Database, tmp_path: Path):
    """Two servers on one database behind nginx; yields (database, nginx URL, event, SITE_URL)."""
    database = served_database
    event = database.python(SEED)
    port = free_port()
    site_url = f"http://127.0.0.1:{port}"  # the proxy's address, as a deployment sets it
    settings = {
        "TRUSTED_PROXIES": "127.0.0.1",
        "SIGNUP_RATE_PER_IP": str(PER_IP),
        "SIGNUP_RATE_PER_EMAIL": "100",
        "SIGNUP_MIN_SECONDS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": site_url,
    }
    with ExitStack() as stack:
        # One after the other: on a busy machine two starting at once may each miss the
        # 60 s that served() waits for.
        upstreams = [stack.enter_context(served(database, **settings)) for _ in range(2)]
        base = stack.enter_context(
            nginx(
                nginx_binary,
                tmp_path / "nginx",
                port=port,
                upstreams=[upstream.removeprefix("http://") for upstream in upstreams],
            )
        )
        yield database, base, event, site_url


def signup_ip_digests(database: Database) -> dict[str, int]:
    rows = database.query(
        "SELECT key_digest, attempts FROM web_ratecounter WHERE scope = 'signup-ip'"
    )
    return dict(rows)


def test_the_per_address_limit_holds_across_both_servers_for_each_real_client(behind_nginx):
    database, base, event, _ = behind_nginx
    first, second = Visitor(base, "127.0.0.2"), Visitor(base, "127.0.0.3")
    try:
        accepted = [first.sign_up(event, f"a{i}@example.org") for i in range(PER_IP)]
        assert [answer.status_code for answer in accepted] == [302] * PER_IP
        refused, servers = [], set()
        for i in range(8):
            # Whatever the visitor claims in its own X-Forwarded-For buys no fresh limit.
            claim = {"X-Forwarded-For": f"198.51.100.{i}, 127.0.0.1"} if i % 2 else {}
            answer = first.sign_up(event, f"a-more{i}@example.org", **claim)
            refused.append(answer.status_code)
            servers.add(answer.headers["X-Upstream"])
            if len(servers) == 2 and i >= 3:
                break
        assert set(refused) == {429}, refused
        assert len(servers) == 2, "both servers refused the visitor over its limit"
        assert len({answer.headers["X-Upstream"] for answer in accepted}) == 2

        # Another visitor behind the same proxy has its own limit.
        assert first.sign_up(event, "a-last@example.org").status_code == 429
        assert second.sign_up(event, "b@example.org").status_code == 302
    finally:
        first.close()
        second.close()

    digests = signup_ip_digests(database)
    # Every attempt counts, a refused one too (it is counted before anything else, and
    # committed at once), so the counter stays past the limit and keeps refusing.
    assert digests[_digest("signup-ip", "127.0.0.2")] == PER_IP + len(refused) + 1
    assert digests[_digest("signup-ip", "127.0.0.3")] == 1
    assert _digest("signup-ip", "127.0.0.1") not in digests  # nginx itself is nobody's key
    assert not any(_digest("signup-ip", f"198.51.100.{i}") in digests for i in range(8))
    stored = {email for (email,) in database.query("SELECT email FROM signups_signup")}
    assert stored == {f"a{i}@example.org" for i in range(PER_IP)} | {"b@example.org"}


def test_a_burst_through_the_proxy_stores_each_signup_once_with_one_email(behind_nginx):
    database, base, event, site_url = behind_nginx
    addresses = [f"127.0.0.{10 + n}" for n in range(BURST_CLIENTS)]

    def visit(address: str) -> list[tuple[str, int]]:
        visitor = Visitor(base, address)
        try:
            emails = [f"burst-{address}-{i}@example.org" for i in range(PER_IP + 1)]
            return [(email, visitor.sign_up(event, email).status_code) for email in emails]
        finally:
            visitor.close()

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=BURST_CLIENTS) as pool:
        answers = [answer for answers in pool.map(visit, addresses) for answer in answers]
    print(f"{len(answers)} signups through nginx in {time.monotonic() - started:.1f} s")
    statuses = Counter(status for _, status in answers)
    assert statuses == {302: BURST_CLIENTS * PER_IP, 429: BURST_CLIENTS}, statuses
    accepted = {email for email, status in answers if status == 302}

    signups = Counter(email for (email,) in database.query("SELECT email FROM signups_signup"))
    assert set(signups) == accepted
    assert set(signups.values()) == {1}
    confirmations = Counter(
        to
        for (to,) in database.query(
            # Queued, or still owed by the signup if the server's worker has not written it.
            "SELECT to_email FROM notifications_outboxmessage WHERE kind = 'confirm_request'"
            " UNION ALL SELECT email FROM signups_signup WHERE letter_due = 'confirm_request'"
        )
    )
    assert confirmations == Counter(accepted)

    # Delivered by a worker to a real SMTP server: one each, linking to the proxy's address.
    sink = SMTPServer()
    sink.start()
    try:
        database.turnout(
            "worker",
            "--batch",
            EMAIL_HOST=sink.host,
            EMAIL_PORT=str(sink.port),
            EMAIL_USE_TLS="false",
            SITE_URL=site_url,
        )
        received = Counter(to for _, recipients in sink.handler.envelopes for to in recipients)
    finally:
        sink.stop()
    assert received == Counter(accepted)
    body = sink.messages[0].get_body(("plain",)).get_content()
    assert f"{site_url}/en/signups/" in body
