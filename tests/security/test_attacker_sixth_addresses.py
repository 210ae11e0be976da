"""The attacker's sixth round against the site's addresses: what a cache or a Referer keeps of an
address holding a token, and every address with another event's, photo's or series' id in it
tried by someone who organizes and coordinates elsewhere."""

import re
from datetime import date

import pytest
import time_machine
from django.test import Client
from django.urls import resolve

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.groups.factories import LocalGroupFactory
from tests.meetups.conftest import make_series
from tests.security.test_attacker_fifth_sweep import _everything
from tests.security.world import NOW, build_world
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.signups.services.privacy import privacy_token

pytestmark = pytest.mark.django_db

# Policies under which a browser sends no path (so no token) to another site.
NO_PATH_ELSEWHERE = {"same-origin", "no-referrer", "strict-origin", "origin"}
# What a page could say to widen the header's policy for itself or for one link.
WIDER_REFERRER = re.compile(
    rb'<meta[^>]+name=["\']?referrer|referrerpolicy=["\']?(unsafe-url|no-referrer-when-downgrade)',
    re.I,
)


def _uncacheable(response) -> bool:
    directives = {d.strip().split("=")[0] for d in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives and "public" not in directives


def test_a_persons_own_pages_are_kept_by_no_cache_and_named_to_no_other_site(client):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        LocalEvent.objects.filter(pk=world.event.pk).update(
            private_instructions="Bel aan bij Qzx7Deur", location_is_private=True
        )
        privacy = f"/en/signups/privacy/{privacy_token(world.signup.email)}/"
        pages = {
            "manage": f"/en/signups/{world.signup.token}/",
            "invite": f"/en/signups/{world.signup.token}/invite.ics",
            "privacy": privacy,
            "my data": privacy + "my-data.json",
        }
        answers = {name: client.get(path) for name, path in pages.items()}
    for name, response in answers.items():
        assert response.status_code == 200, name
        assert world.signup.email.encode() in response.content or b"Qzx7Deur" in (
            response.content
        ), name  # the person's own data: what a cache must not keep
        assert _uncacheable(response), (name, response.get("Cache-Control"))
        assert response.get("Referrer-Policy") in NO_PATH_ELSEWHERE, name
        assert not WIDER_REFERRER.search(response.content), name


def test_every_address_holding_a_token_is_uncacheable_whatever_it_answers():
    """Known, unknown, expired or the wrong method: a cache keyed on the address would keep
    whichever answer it saw, for whoever holds the address next."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        visitor = Client(raise_request_exception=False)
        tried = []
        for name, path in sorted(world.paths.items()):
            if "token" not in resolve(path.split("?")[0]).kwargs:
                continue
            for method in ("get", "post", "head"):
                response = getattr(visitor, method)(path)
                assert _uncacheable(response), (name, method, response.status_code)
            tried.append(name)
    assert len(tried) >= 15, tried


def test_a_public_page_keeps_its_own_caching():
    """The rule is the token's: public feeds and cards stay cacheable by shared caches."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        visitor = Client()
        answers = [
            visitor.get("/feeds/events.ics"),
            visitor.get(f"/en/cards/events/{world.event.pk}.png"),
            visitor.get(f"/api/v1/events/{world.event.pk}/"),
        ]
    for response in answers:
        assert "public" in response.get("Cache-Control", ""), response.get("Cache-Control")


# -- every id of the world, unchanged, from someone in charge elsewhere ------------------------


def test_one_in_charge_elsewhere_reads_and_changes_nothing_by_the_worlds_own_ids():
    """An organizer, coordinator and group lead of other things, signed in, visits and posts
    to every address of the world exactly as it is: the photo's describe, review and delete
    pages, the press review, the meet-up series and dates, the attendee, referrer, answer and
    role pages, the covers, the door. None answers with the world's people or changes a row."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        world.signup.name = "Zoë Qzx7Verborgen"
        world.signup.phone = "+31687654321"
        world.signup.save()
        LocalEvent.objects.filter(pk=world.event.pk).update(
            starts_at=NOW.replace(hour=11), ends_at=NOW.replace(hour=15)
        )  # the doors are open: the check-in pages would act
        outsider = UserFactory(email="elders@voorbeeld.nl")
        june = CampaignFactory(slug="june", starts_on=date(2030, 6, 13))
        june.coordinators.add(outsider)
        own = LocalEventFactory(campaign=june, title="Fietsdemo Arnhem")
        own.organizers.add(outsider)
        SignupFactory(event=own, name="Henk Eigen")
        arnhem = LocalGroupFactory(slug="arnhem", parent=world.group.parent)
        arnhem.leads.add(outsider)
        make_series(arnhem, outsider, now=NOW, dtstart=date(2030, 5, 9))
        client = Client(raise_request_exception=False)
        client.force_login(outsider)
        data = {
            "decision": "approve", "action": "delete", "alt_text": "Overgenomen",
            "caption": "Overgenomen", "faces": "none", "name": "Overgenomen",
            "custom_name": "Overgenomen", "capacity": "9", "briefing": "Overgenomen",
            "signup": world.signup.pk, "attended": [world.signup.pk], "q": "Qzx7",
            "code": "x", "subject": "Hallo", "body": "Hallo allemaal",
            "day": "2030-06-01", "start_time": "19:00", "duration_minutes": "60",
        }  # fmt: skip
        before = _everything()
        # Addresses anyone may use (public pages and forms, a person's own token links) are
        # left to the other sweeps: here only what needs a role.
        public = {"signups:sign_up", "proposals:propose", "press:submit_campaign",
                  "press:submit_event", "content:consent", "set_language", "geo:choose_city",
                  "accounts:sign_in", "accounts:sign_in_code", "accounts:sign_in_password",
                  "accounts:sign_out", "accounts:roles", "accounts:role_revoke",
                  "signups:privacy_request", "alerts:settings"}  # fmt: skip
        for name, path in sorted(world.paths.items()):
            if name in public or "token" in resolve(path.split("?")[0]).kwargs:
                continue
            for method in ("get", "post"):
                response = getattr(client, method)(path, data)
                assert response.status_code < 500, (name, method)
                body = b"".join(response) if response.streaming else response.content
                for secret in (world.signup.email, "Qzx7Verborgen", "687654321"):
                    assert secret.encode() not in body, (name, method)
        after = _everything()
    assert [label for label in before if before[label] != after[label]] == []


def test_every_answer_for_someone_signed_in_is_uncacheable():
    """Dashboards, attendee lists, exports and the door hold people's names and addresses: a
    shared cache (a company proxy, a misconfigured CDN) or a library computer's browser keeps
    none of what was made for the person signed in."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        insider = Client(raise_request_exception=False)
        insider.force_login(world.coordinator)
        tried = []
        for name, path in sorted(world.paths.items()):
            response = insider.get(path)
            if response.status_code != 200 or "Cookie" not in response.get("Vary", ""):
                continue  # not made for the person: it read no session (the API, feeds)
            assert _uncacheable(response), (name, response.get("Cache-Control"))
            tried.append(name)
    people = [name for name in tried if "attendee" in name or "door" in name or "export" in name]
    assert "dashboard:event_organizers" in tried and len(people) >= 3, tried
    assert len(tried) >= 20, tried


def test_a_public_page_for_a_visitor_keeps_its_caching_and_varies_by_nothing_new():
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        response = Client().get(f"/api/v1/events/{world.event.pk}/")
    assert "public" in response["Cache-Control"] and "no-store" not in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
