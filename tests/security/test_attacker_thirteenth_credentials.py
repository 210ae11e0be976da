"""The attacker's thirteenth round: credentials held up to the public API and feeds.

The API, the calendars, the sitemap and the widgets are public and read-only: they take no
session, no token and no password, so a coordinator's browser (or a script that borrowed its
cookie or typed an administrator's password into Basic auth) gets exactly what a visitor
gets, byte for byte, and no way of writing. A draft campaign, an event that waits for review
and a private meeting place stay out of every answer however the request is signed. This
matters beyond the person asking: these answers are kept by shared caches.
"""

import base64
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from turnout.campaigns.models import Campaign, LocalEvent

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 4, 20, 9, tzinfo=UTC)
SECRET_WORDS = ("Geheimplan", "Wachtrij", "Achterom 12")


@pytest.fixture
def world():
    with time_machine.travel(NOW, tick=False):
        root = UserFactory(email="beheer@voorbeeld.nl", is_staff=True, is_superuser=True)
        root.set_password("Zeer-geheim-wachtwoord-2030")
        root.save()
        public = CampaignFactory(slug="mei", title="Meimars")
        draft = CampaignFactory(slug="geheim", title="Geheimplan", status=Campaign.Status.DRAFT)
        draft.coordinators.add(root)
        public.coordinators.add(root)
        shown = LocalEventFactory(campaign=public, title="Meimars Utrecht", city="Utrecht")
        in_draft = LocalEventFactory(campaign=draft, title="Geheimplan Gouda", city="Gouda")
        waiting = LocalEventFactory(
            campaign=public, title="Wachtrij Delft", city="Delft",
            status=LocalEvent.Status.PROPOSED,
        )  # fmt: skip
        private = LocalEventFactory(
            campaign=public, title="Stille tocht Leiden", city="Leiden",
            location_is_private=True, address="Achterom 12", venue="Het plein",
        )  # fmt: skip
        for event in (shown, in_draft, waiting, private):
            event.organizers.add(root)
    return root, public, draft, (shown, in_draft, waiting, private)


def _addresses(public, draft, events) -> list[str]:
    paths = [
        "/api/v1/", "/api/v1/campaigns/", f"/api/v1/campaigns/{public.slug}/",
        f"/api/v1/campaigns/{draft.slug}/", "/api/v1/events/", "/api/v1/events/?near=Utrecht",
        "/api/v1/groups/", "/feeds/events.ics", f"/feeds/campaigns/{public.slug}.ics",
        f"/feeds/campaigns/{draft.slug}.ics", "/feeds/countries/nl.ics", "/feeds/campaigns.rss",
        "/feeds/campaigns.atom", "/sitemap.xml", f"/embed/campaigns/{public.slug}/",
        f"/embed/campaigns/{draft.slug}/",
    ]  # fmt: skip
    for event in events:
        paths += [f"/api/v1/events/{event.pk}/", f"/en/cards/events/{event.pk}.ics"]
    return paths


def _signed(root) -> Client:
    """Every way a request could claim to be the administrator, all at once."""
    basic = base64.b64encode(b"beheer@voorbeeld.nl:Zeer-geheim-wachtwoord-2030").decode()
    client = Client(
        HTTP_AUTHORIZATION=f"Basic {basic}",
        HTTP_X_API_KEY="beheer",
        HTTP_COOKIE="sessionid=forged",
    )
    client.force_login(root)
    return client


def test_a_signed_in_administrator_gets_what_a_visitor_gets_byte_for_byte(world):
    root, public, draft, events = world
    signed, visitor = _signed(root), Client()
    with time_machine.travel(NOW, tick=False):
        for path in _addresses(public, draft, events):
            as_root, as_visitor = signed.get(path), visitor.get(path)
            assert as_root.status_code == as_visitor.status_code, path
            assert as_root.content == as_visitor.content, path
            text = as_root.content.decode()
            assert not any(word in text for word in SECRET_WORDS), path
            if as_root.status_code == 200:
                assert "no-store" not in as_root.get("Cache-Control", ""), path
        # The answers that should be there are: the walk above compared real pages.
        assert signed.get(f"/api/v1/events/{events[0].pk}/").status_code == 200
        assert signed.get(f"/api/v1/campaigns/{draft.slug}/").status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_no_credentials_write_through_the_api(world, method):
    root, public, draft, events = world
    signed = _signed(root)
    signed.get("/en/")  # a CSRF cookie, as a browser would hold
    token = signed.cookies.get("csrftoken")
    headers = {"HTTP_X_CSRFTOKEN": token.value} if token else {}
    before = (
        list(Campaign.objects.values_list("slug", "title", "status")),
        list(LocalEvent.objects.values_list("pk", "title", "status", "address")),
    )
    body = '{"title": "Overgenomen", "status": "approved", "address": "Ergens 1"}'
    for path in (
        "/api/v1/campaigns/", f"/api/v1/campaigns/{draft.slug}/", "/api/v1/events/",
        f"/api/v1/events/{events[2].pk}/", f"/api/v1/events/{events[3].pk}/",
    ):  # fmt: skip
        answer = getattr(signed, method)(path, body, content_type="application/json", **headers)
        assert answer.status_code in {403, 404, 405}, (method, path, answer.status_code)
        assert answer["Content-Type"].startswith("application/json"), path
    after = (
        list(Campaign.objects.values_list("slug", "title", "status")),
        list(LocalEvent.objects.values_list("pk", "title", "status", "address")),
    )
    assert after == before
