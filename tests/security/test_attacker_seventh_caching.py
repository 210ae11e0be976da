"""The attacker's seventh round against shared caches: a public answer that changes with
something its Vary header does not name (the language cookie, Accept-Language) is stored once
and handed to everybody; forwarded host headers the site must not believe."""

import pytest
import time_machine
from django.test import Client
from django.utils.cache import cc_delim_re

from tests.security.world import NOW, build_world
from turnout.notifications.models import OutboxMessage
from turnout.notifications.outbox import write_owed_letters

pytestmark = pytest.mark.django_db

# What a visitor's browser may send that could change the language of an answer.
VISITORS = {
    "plain": ({}, {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}),
    "dutch cookie": ({"django_language": "nl"}, {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}),
    "dutch browser": ({}, {"HTTP_ACCEPT_LANGUAGE": "nl-BE,nl;q=0.9,fr;q=0.5"}),
    "german browser": ({}, {"HTTP_ACCEPT_LANGUAGE": "de-DE,de;q=0.8"}),
}


def _answer(path: str, cookies: dict, headers: dict) -> tuple[int, bytes, str, str]:
    client = Client(raise_request_exception=False)
    for name, value in cookies.items():
        client.cookies[name] = value
    response = client.get(path, **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return (
        response.status_code,
        body,
        response.get("Cache-Control", ""),
        response.get("Vary", ""),
    )


def _varies_on(vary: str) -> set[str]:
    return {field.strip().lower() for field in cc_delim_re.split(vary) if field.strip()}


def test_a_publicly_cacheable_answer_is_the_same_for_whatever_its_vary_does_not_name():
    """A CDN keys a public answer on its address and the headers named in Vary only. An
    answer that speaks the language of a cookie without Vary: Cookie is stored in Dutch by
    one visitor and served to every English reader (and its links lead to /nl/ pages)."""
    checked = 0
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        paths = dict(world.paths)
        paths["api:event-list near"] = "/api/v1/events/?near=52.09,5.12&radius=50"
        paths["api:event-list lang"] = "/api/v1/events/?lang=nl"
        for name, path in sorted(paths.items()):
            answers = {who: _answer(path, *visitor) for who, visitor in VISITORS.items()}
            status, body, cache_control, vary = answers["plain"]
            if status != 200 or "public" not in cache_control:
                continue
            checked += 1
            named = _varies_on(vary)
            for who, (other_status, other_body, _, _) in answers.items():
                if "cookie" in who and "cookie" in named:
                    continue
                if "browser" in who and "accept-language" in named:
                    continue
                assert (other_status, other_body) == (status, body), (name, who, vary)
    assert checked > 15


def test_a_public_api_answer_names_its_own_language_and_links_in_it():
    """`?lang=` is the API's one way to ask for a language: its links and Content-Language
    follow it, and nothing else does."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        client = Client()
        client.cookies["django_language"] = "en"
        dutch = client.get("/api/v1/campaigns/may/?lang=nl", HTTP_ACCEPT_LANGUAGE="en")
        client.cookies["django_language"] = "nl"
        default = client.get(f"/api/v1/events/{world.event.pk}/", HTTP_ACCEPT_LANGUAGE="nl")
    assert dutch["Content-Language"] == "nl"
    assert dutch.json()["url"].endswith("/nl/campaigns/may/")
    assert default["Content-Language"] == "en"
    assert default.json()["url"].endswith(f"/en/events/{world.event.pk}/")


FORWARDED = {
    "HTTP_X_FORWARDED_HOST": "evil.example",
    "HTTP_FORWARDED": 'for=203.0.113.7;host="evil.example";proto=https',
    "HTTP_X_FORWARDED_SERVER": "evil.example",
    "HTTP_X_HOST": "evil.example",
    "HTTP_X_ORIGINAL_URL": "//evil.example/",
    "HTTP_X_REWRITE_URL": "//evil.example/",
}


def test_no_answer_names_a_host_from_a_forwarded_header(settings):
    """Without a trusted proxy, X-Forwarded-Host and its cousins come from the visitor: a
    page, feed, redirect or emailed link that believed them would point a shared cache's
    every reader at the attacker's host."""
    settings.SITE_URL = "https://turnout.example"
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        client = Client(raise_request_exception=False)
        for name, path in sorted(world.paths.items()):
            response = client.get(path, **FORWARDED)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert b"evil.example" not in body, name
            assert "evil.example" not in response.get("Location", ""), name
            assert response.status_code < 500, name
        asked = client.post(
            "/en/accounts/sign-in/", {"email": world.coordinator.email}, **FORWARDED
        )
        write_owed_letters(now=NOW)
    assert asked.status_code in (200, 302)
    assert OutboxMessage.objects.exists()
    assert all(
        "evil.example" not in f"{message.body_text}{message.body_html}"
        for message in OutboxMessage.objects.all()
    )


# -- bodies sent to a read-only API ----------------------------------------------------------

DEEP_JSON = "[" * 100_000 + "]" * 100_000
WIDE_JSON = '{"a": "' + "x" * 2_000_000 + '"}'


@pytest.mark.parametrize("body", [DEEP_JSON, WIDE_JSON, '{"title": "\\ud800"}', "\x00{"])
def test_a_body_sent_to_the_api_is_refused_unread_in_json(body):
    """The API only reads: a deeply nested, huge or broken JSON body to any of its addresses
    is refused as a method it does not allow, in JSON, before anything parses the body."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        client = Client(raise_request_exception=False)
        api = [path for name, path in world.paths.items() if path.startswith("/api/v1/")]
        before = OutboxMessage.objects.count()
        for path in api:
            for method in ("post", "put", "patch", "delete"):
                response = getattr(client, method)(path, body, content_type="application/json")
                assert response.status_code in (405, 413), (path, method)
                assert response["Content-Type"].startswith("application/json"), (path, method)
    assert len(api) > 5
    assert OutboxMessage.objects.count() == before
