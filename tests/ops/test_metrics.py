"""/metrics through the test client: who may read it, that Prometheus can parse it, and that
its numbers follow the requests served and the rows in the database."""

from datetime import timedelta

import pytest
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families

from tests.factories import CampaignFactory, LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.notifications import outbox
from turnout.notifications.composition import Email
from turnout.signups.models import Signup
from turnout.web import metrics

pytestmark = pytest.mark.django_db

TOKEN = "s3cret-metrics-token-for-tests"


@pytest.fixture(autouse=True)
def _fresh_counts(settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = ["127.0.0.1/32", "::1/128"]
    metrics.forget_cached_sources()
    yield
    metrics.forget_cached_sources()


def scrape(client, **headers) -> dict[str, dict[tuple, float]]:
    """Every sample, by name and then by its labels (sorted pairs)."""
    response = client.get("/metrics", **headers)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]
    samples: dict[str, dict[tuple, float]] = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            labels = tuple(sorted(sample.labels.items()))
            samples.setdefault(sample.name, {})[labels] = sample.value
    return samples


def refused(client, **headers) -> bool:
    """Answered as a path that does not exist is: a 404 (after the language redirect every
    unknown path gets), with nothing of the metrics in it."""
    response = client.get("/metrics", follow=True, **headers)
    unknown = client.get("/metricz", **{k: v for k, v in headers.items() if k == "REMOTE_ADDR"})
    first = response.redirect_chain[0][1] if response.redirect_chain else response.status_code
    return (
        response.status_code == 404
        and first == unknown.status_code
        and b"turnout_" not in response.content
    )


def requests_of(samples, view: str, status: str = "2xx", method: str = "GET") -> float:
    key = (("method", method), ("status", status), ("view", view))
    return samples.get("turnout_http_requests_total", {}).get(key, 0.0)


# --- who may read it ----------------------------------------------------------------------------


def test_the_local_machine_may_read_it(client):
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="::1").status_code == 200


@pytest.mark.parametrize("address", ["203.0.113.9", "10.0.0.5", "2001:db8::1", "not-an-ip"])
def test_anyone_else_gets_a_404_that_says_nothing(client, address):
    assert refused(client, REMOTE_ADDR=address)


def test_a_network_can_be_allowed(client, settings):
    settings.METRICS_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    assert client.get("/metrics", REMOTE_ADDR="10.20.30.40").status_code == 200
    assert refused(client, REMOTE_ADDR="127.0.0.1")


def test_the_token_opens_it_from_anywhere_and_a_wrong_one_does_not(client, settings):
    settings.METRICS_TOKEN = TOKEN
    away = {"REMOTE_ADDR": "203.0.113.9"}
    ok = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", **away)
    assert ok.status_code == 200
    for wrong in [f"Bearer {TOKEN}x", "Bearer ", f"Basic {TOKEN}", TOKEN, ""]:
        assert refused(client, HTTP_AUTHORIZATION=wrong, **away)


def test_without_a_token_configured_an_empty_bearer_opens_nothing(client):
    away = {"REMOTE_ADDR": "203.0.113.9"}
    assert refused(client, HTTP_AUTHORIZATION="Bearer ", **away)


def test_a_request_forwarded_by_an_untrusted_proxy_is_not_local(client, settings):
    """nginx on the same machine, TRUSTED_PROXIES unset: REMOTE_ADDR is nginx's 127.0.0.1 for
    every visitor from the internet, so the forwarded request must not count as local."""
    settings.TRUSTED_PROXIES = []
    assert refused(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")


def test_behind_a_trusted_proxy_the_real_client_counts(client, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    forwarded = {"REMOTE_ADDR": "127.0.0.1"}
    assert refused(client, HTTP_X_FORWARDED_FOR="203.0.113.9", **forwarded)
    settings.METRICS_ALLOWED_NETWORKS = ["192.168.0.0/16"]
    inside = client.get("/metrics", HTTP_X_FORWARDED_FOR="192.168.1.7", **forwarded)
    assert inside.status_code == 200


def test_only_get(client):
    assert client.post("/metrics").status_code == 405


# --- what it says ------------------------------------------------------------------------------


def test_a_request_counts_under_its_view_name_never_its_path(client):
    campaign = CampaignFactory()
    before = scrape(client)
    assert client.get(f"/en/campaigns/{campaign.slug}/").status_code in (200, 302)
    client.get("/en/no-such-page-" + "x" * 40 + "/")
    after = scrape(client)
    views = {dict(key)["view"] for key in after["turnout_http_requests_total"]}
    assert not any("no-such-page" in view or campaign.slug in view for view in views)
    changed = {
        key: value
        for key, value in after["turnout_http_requests_total"].items()
        if value != before.get("turnout_http_requests_total", {}).get(key, 0.0)
    }
    # The scrape itself, the campaign page, and the unknown page (answered with a 404).
    assert requests_of(after, "metrics") == requests_of(before, "metrics") + 1
    assert any(dict(key)["status"] == "4xx" for key in changed)
    latency = after["turnout_http_request_duration_seconds_count"]
    assert latency[(("view", "metrics"),)] >= 1


def test_the_count_rises_by_one_per_request(client):
    start = requests_of(scrape(client), "healthz")
    for _ in range(3):
        client.get("/healthz")
    assert requests_of(scrape(client), "healthz") == start + 3


def test_a_client_chosen_method_is_not_a_label(client):
    client.generic("BREW", "/healthz")
    samples = scrape(client)
    methods = {dict(key)["method"] for key in samples["turnout_http_requests_total"]}
    assert "BREW" not in methods and "other" in methods


def email() -> Email:
    return Email(kind="test", to="a@example.org", language="en", subject="S", text="T", html="")


def test_the_outbox_backlog_and_its_age(client):
    samples = scrape(client)
    assert samples["turnout_outbox_messages"][(("state", "pending"),)] == 0
    assert samples["turnout_outbox_oldest_due_seconds"][()] == 0
    now = timezone.now()
    outbox.enqueue(email(), now=now - timedelta(minutes=10))
    outbox.enqueue(email(), now=now - timedelta(minutes=1))
    metrics.forget_cached_sources()
    samples = scrape(client)
    assert samples["turnout_outbox_messages"][(("state", "pending"),)] == 2
    assert 590 <= samples["turnout_outbox_oldest_due_seconds"][()] <= 700


def test_the_database_is_read_at_most_every_few_seconds(client, settings):
    settings.METRICS_CACHE_SECONDS = 60
    scrape(client)
    outbox.enqueue(email(), now=timezone.now())
    assert scrape(client)["turnout_outbox_messages"][(("state", "pending"),)] == 0  # cached
    settings.METRICS_CACHE_SECONDS = 0
    assert scrape(client)["turnout_outbox_messages"][(("state", "pending"),)] == 1


def test_signups_by_state_with_every_state_present(client):
    event = LocalEventFactory()
    SignupFactory.create_batch(3, event=event, state=Signup.State.CONFIRMED)
    SignupFactory(event=event, state=Signup.State.WAITLISTED)
    samples = scrape(client)["turnout_signups"]
    assert samples[(("state", "confirmed"),)] == 3
    assert samples[(("state", "waitlisted"),)] == 1
    assert samples[(("state", "cancelled"),)] == 0  # a series that is there from the start
    assert set(Signup.State.values) == {dict(key)["state"] for key in samples}


def test_proposals_and_tasks_are_there(client):
    samples = scrape(client)
    assert (("state", "pending"),) in samples["turnout_event_proposals"]
    assert samples["turnout_event_proposals_held_as_spam"][()] == 0
    assert (("status", "ready"),) in samples["turnout_tasks"]
    up = samples["turnout_metrics_source_up"]
    assert {dict(key)["source"] for key in up} >= {"outbox", "signups", "proposals", "tasks"}
    assert set(up.values()) == {1.0}
