"""TRUSTED_PROXIES: forwarding headers believed from trusted proxies only, the first untrusted
hop from the right is the client, and rate limits count that client."""

import json
import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from tests.factories import LocalEventFactory
from tests.signups.factories import form_data
from turnout.signups.models import Signup
from turnout.web.proxies import believe_trusted_proxies, trusted_networks
from turnout.web.rate_limits import client_address

NGINX = "127.0.0.1"
BALANCERS = "10.0.0.0/8"


def seen(peer: str, forwarded_for: str | None = None, proto: str | None = None, trusted=NGINX):
    """META after the middleware, for a request from `peer` with these headers."""
    meta = {"REMOTE_ADDR": peer}
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    if proto is not None:
        meta["HTTP_X_FORWARDED_PROTO"] = proto
    believe_trusted_proxies(meta, trusted_networks(trusted.split(",") if trusted else []))
    return meta


def test_without_trusted_proxies_nothing_forwarded_is_believed():
    meta = seen("203.0.113.9", "198.51.100.1", trusted="")
    assert meta["REMOTE_ADDR"] == "203.0.113.9"


def test_a_spoofed_forwarded_for_from_an_untrusted_peer_is_ignored():
    assert seen("203.0.113.9", "127.0.0.1, 198.51.100.1")["REMOTE_ADDR"] == "203.0.113.9"


def test_the_client_is_the_address_the_trusted_proxy_saw():
    assert seen(NGINX, "198.51.100.1")["REMOTE_ADDR"] == "198.51.100.1"
    assert seen(NGINX, "198.51.100.1")["TURNOUT_PROXY_PEER"] == NGINX


def test_what_the_client_wrote_itself_left_of_its_address_is_ignored():
    # nginx appends the peer it saw ($proxy_add_x_forwarded_for) to what the client sent.
    meta = seen(NGINX, "1.2.3.4, 10.9.9.9, 198.51.100.1")
    assert meta["REMOTE_ADDR"] == "198.51.100.1"


def test_several_trusted_hops_are_walked_past_from_the_right():
    trusted = f"{NGINX},{BALANCERS}"
    meta = seen(NGINX, "6.6.6.6, 198.51.100.1, 10.0.0.5, 10.1.2.3", trusted=trusted)
    assert meta["REMOTE_ADDR"] == "198.51.100.1"


def test_a_chain_of_trusted_hops_only_ends_at_its_leftmost_address():
    meta = seen(NGINX, "10.0.0.7, 10.0.0.5", trusted=f"{NGINX},{BALANCERS}")
    assert meta["REMOTE_ADDR"] == "10.0.0.7"


def test_a_trusted_proxy_without_forwarded_for_is_itself_the_client():
    assert seen(NGINX)["REMOTE_ADDR"] == NGINX
    assert seen(NGINX, "   ")["REMOTE_ADDR"] == NGINX


@pytest.mark.parametrize(
    ("peer", "forwarded_for", "trusted", "client"),
    [
        ("::1", "2001:db8::7", "::1", "2001:db8::7"),
        ("::1", "2001:db8::bad, 2001:db8::7", "::1", "2001:db8::7"),
        ("2001:db8:1::2", "2001:db8::7, 2001:db8:1::9", "2001:db8:1::/48", "2001:db8::7"),
        ("::ffff:127.0.0.1", "198.51.100.1", NGINX, "198.51.100.1"),  # IPv4 seen over IPv6
        ("::1", "[2001:db8::7]:51234", "::1", "2001:db8::7"),  # with a port, as some proxies
        (NGINX, "198.51.100.1:51234", NGINX, "198.51.100.1"),
        ("2001:db8::66", "198.51.100.1", NGINX, "2001:db8::66"),  # untrusted IPv6 peer
    ],
)
def test_ipv6_peers_and_hops(peer, forwarded_for, trusted, client):
    assert seen(peer, forwarded_for, trusted=trusted)["REMOTE_ADDR"] == client


@pytest.mark.parametrize(
    "garbage",
    [
        "unknown",
        "not an address",
        "198.51.100.1; DROP TABLE",
        "<script>",
        "999.1.1.1",
        ",,,",
        "'; --",
        "\x00",
        "1" * 5000,
    ],
)
def test_garbage_in_forwarded_for_never_becomes_the_client(garbage):
    # The client is then the last machine a trusted proxy vouched for: here the proxy itself.
    assert seen(NGINX, garbage)["REMOTE_ADDR"] == NGINX
    # Left of a real address, garbage is what the client wrote and is never reached.
    assert seen(NGINX, f"{garbage}, 198.51.100.1")["REMOTE_ADDR"] == "198.51.100.1"


def test_forwarded_proto_from_an_untrusted_peer_is_dropped():
    meta = seen("203.0.113.9", "198.51.100.1", proto="https")
    assert "HTTP_X_FORWARDED_PROTO" not in meta


def test_forwarded_proto_from_a_trusted_proxy_is_kept():
    assert seen(NGINX, "198.51.100.1", proto="https")["HTTP_X_FORWARDED_PROTO"] == "https"


def test_appended_forwarded_proto_speaks_for_the_client_hop():
    # A TLS-terminating balancer (10.0.0.5) then nginx, each appending what its peer used.
    trusted = f"{NGINX},{BALANCERS}"
    meta = seen(NGINX, "198.51.100.1, 10.0.0.5", proto="https, http", trusted=trusted)
    assert meta["HTTP_X_FORWARDED_PROTO"] == "https"
    # A client that sends its own proto cannot choose it: nginx's (rightmost) value counts.
    assert seen(NGINX, "198.51.100.1", proto="https, http")["HTTP_X_FORWARDED_PROTO"] == "http"


@pytest.mark.parametrize("entry", ["*", "localhost", "10.0.0.0/33", "127.0.0.1 10.0.0.1", "::g"])
def test_a_trusted_proxies_entry_that_is_no_address_is_refused_with_its_name(entry):
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        trusted_networks(["127.0.0.1", entry])


def test_a_network_written_with_a_host_address_means_its_network():
    assert [str(n) for n in trusted_networks(["10.1.2.3/8", "::1"])] == ["10.0.0.0/8", "::1/128"]


# --- through the middleware stack ----------------------------------------------------------


def request_through(settings, peer: str, trusted: list[str], **headers: str):
    """The request a view sees: the test client with the whole MIDDLEWARE."""
    settings.TRUSTED_PROXIES = trusted
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = Client(REMOTE_ADDR=peer).get("/api/v1/campaigns/", **headers)
    return response.wsgi_request


@pytest.mark.django_db
def test_the_middleware_gives_views_the_real_client_and_scheme(settings):
    request = request_through(
        settings,
        NGINX,
        [NGINX],
        HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.1",
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert client_address(request) == "198.51.100.1"
    assert request.is_secure()


@pytest.mark.django_db
def test_a_client_claiming_https_and_another_address_is_not_believed(settings):
    request = request_through(
        settings,
        "203.0.113.9",
        [NGINX],
        HTTP_X_FORWARDED_FOR="198.51.100.1",
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert client_address(request) == "203.0.113.9"
    assert not request.is_secure()


@pytest.mark.django_db
def test_signup_limits_count_each_client_behind_the_proxy_apart(settings):
    settings.TRUSTED_PROXIES = [NGINX]
    settings.SIGNUP_RATE_PER_IP = 2
    event = LocalEventFactory(capacity=100)
    url = f"/en/signups/events/{event.pk}/"
    behind_nginx = Client(REMOTE_ADDR=NGINX)

    def sign_up(client_ip: str, email: str) -> int:
        return behind_nginx.post(url, form_data(email=email), HTTP_X_FORWARDED_FOR=client_ip)

    assert [sign_up("198.51.100.1", f"a{i}@example.org").status_code for i in range(2)] == [302] * 2
    assert sign_up("198.51.100.1", "a9@example.org").status_code == 429
    # A spoofed address left of the real one does not buy a fresh limit.
    assert sign_up("7.7.7.7, 198.51.100.1", "a8@example.org").status_code == 429
    assert sign_up("198.51.100.2", "b@example.org").status_code == 302
    assert Signup.objects.count() == 3


@pytest.mark.django_db
def test_without_trusted_proxies_a_client_cannot_escape_its_limit_by_forwarded_for(settings):
    settings.TRUSTED_PROXIES = []
    settings.SIGNUP_RATE_PER_IP = 1
    event = LocalEventFactory(capacity=100)
    url = f"/en/signups/events/{event.pk}/"
    client = Client(REMOTE_ADDR="203.0.113.9")
    first = client.post(url, form_data(email="a@example.org"), HTTP_X_FORWARDED_FOR="1.1.1.1")
    second = client.post(url, form_data(email="b@example.org"), HTTP_X_FORWARDED_FOR="2.2.2.2")
    assert (first.status_code, second.status_code) == (302, 429)


@pytest.mark.parametrize(
    ("environment", "proxy_ssl_header"),
    [
        ({}, None),
        ({"TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8"}, ["HTTP_X_FORWARDED_PROTO", "https"]),
        ({"TRUSTED_PROXIES": "127.0.0.1", "SECURE_PROXY_SSL_HEADER": "false"}, None),
        ({"SECURE_PROXY_SSL_HEADER": "true"}, ["HTTP_X_FORWARDED_PROTO", "https"]),  # as before
    ],
)
def test_trusted_proxies_switch_on_the_proto_header_unless_told_not_to(
    tmp_path, environment, proxy_ssl_header
):
    scrubbed = {"TRUSTED_PROXIES", "SECURE_PROXY_SSL_HEADER"}
    env = {k: v for k, v in os.environ.items() if k not in scrubbed}
    env.update(
        DJANGO_SETTINGS_MODULE="turnout.settings",
        TURNOUT_DATA_DIR=str(tmp_path),
        SECRET_KEY="x" * 50,
        **environment,
    )
    code = (
        "import json; from django.conf import settings; print(json.dumps(["
        "settings.TRUSTED_PROXIES, getattr(settings, 'SECURE_PROXY_SSL_HEADER', None)]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    trusted, header = json.loads(result.stdout.strip().splitlines()[-1])
    assert trusted == [p.strip() for p in environment.get("TRUSTED_PROXIES", "").split(",") if p]
    assert header == proxy_ssl_header


@pytest.mark.django_db
def test_audit_entries_record_the_real_client_behind_the_proxy(settings):
    from tests.factories import UserFactory
    from turnout.accounts.models import AuditEntry

    settings.TRUSTED_PROXIES = [NGINX]
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    event = LocalEventFactory(city="Ghent", country="BE")
    behind_nginx = Client(REMOTE_ADDR=NGINX)
    behind_nginx.force_login(admin)
    response = behind_nginx.post(
        "/en/accounts/roles/",
        {"email": "nel@example.org", "role": "organizer", "event": event.pk},
        HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7",
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="role.granted")
    assert entry.client_address == "198.51.100.7"
    log = behind_nginx.get("/en/accounts/audit/").content.decode()
    assert "from 198.51.100.7" in log and "6.6.6.6" not in log


@pytest.mark.django_db
def test_audit_entries_written_outside_a_request_have_no_address():
    from turnout.accounts.services import record_audit

    entry = record_audit(actor=None, action="signups.export", summary="by a command")
    assert entry.client_address is None
