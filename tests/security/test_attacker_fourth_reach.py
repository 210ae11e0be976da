"""The attacker's fourth sweep, continued: another event's people reached by mixing one's own
event with someone else's ids, and a forged Host carried into an answer."""

import pytest
import time_machine
from django.test import Client

from tests.factories import CampaignFactory, LocalEventFactory, UserFactory
from tests.security.world import NOW, build_world
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.media.models import Photo
from turnout.roles.models import EventRole, RoleAssignment
from turnout.signups.models import Signup

pytestmark = pytest.mark.django_db

# -- another event's people through one's own event --------------------------------------------


def _state(world) -> tuple:
    """Everything of the world's event an outsider could change or read."""
    return (
        sorted(map(str, Signup.objects.filter(event=world.event).values_list())),
        sorted(map(str, LocalEvent.objects.filter(pk=world.event.pk).values_list())),
        sorted(map(str, EventRole.objects.filter(event=world.event).values_list())),
        sorted(map(str, RoleAssignment.objects.values_list())),
        sorted(map(str, Photo.objects.values_list())),
        sorted(world.event.organizers.values_list("pk", flat=True)),
    )


def test_an_organizer_and_coordinator_elsewhere_reaches_nobody_here_by_mixing_ids():
    """Every address of the site with the outsider's own event or campaign in it, and the
    world's ids (its signup, role, assignment, photo) everywhere else, read and posted to."""
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        world.signup.name = "Zoë Verborgen"
        world.signup.phone = "+31612345678"
        world.signup.save()
        outsider = UserFactory(email="buitenstaander@example.org")
        june = CampaignFactory(slug="june")
        june.coordinators.add(outsider)
        own = LocalEventFactory(campaign=june, title="Sitzblockade Köln")
        own.organizers.add(outsider)
        SignupFactory(event=own, name="Ingrid Schmidt")
        client = Client(raise_request_exception=False)
        client.force_login(outsider)
        before = _state(world)
        tried = 0
        for name, path in world.paths.items():
            mixed = (
                path.replace(f"/{world.event.pk}/", f"/{own.pk}/")
                .replace(f"/{world.event.pk}.", f"/{own.pk}.")
                .replace("/may/", "/june/")
                .replace("/may.", "/june.")
            )
            if mixed == path:
                continue
            data = {
                "signup": world.signup.pk,
                "signups": [world.signup.pk],
                "attended": [world.signup.pk],
                "people": [world.signup.pk],
                "q": "Zo",
                "code": "x",
            }
            for method in ("get", "post"):
                tried += 1
                response = getattr(client, method)(mixed, data=data)
                assert response.status_code < 500, (name, method, mixed)
                body = b"" if response.streaming else response.content
                for secret in (world.signup.email, "Verborgen", "612345678"):
                    assert secret.encode() not in body, (name, method, mixed)
                assert _state(world) == before, (name, method, mixed)
    assert tried > 40


# -- a forged Host -----------------------------------------------------------------------------


def test_no_page_names_a_forged_host(settings):
    """Behind a proxy that passes on any Host (ALLOWED_HOSTS = *), no answer may carry it: a
    shared cache would serve its links (a calendar subscription, the sitemap, the site's
    name on the password page) to everyone."""
    settings.ALLOWED_HOSTS = ["*"]
    settings.SITE_URL = "https://turnout.example"
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        client = Client(raise_request_exception=False)
        for name, path in world.paths.items():
            response = client.get(path, HTTP_HOST="evil.example")
            body = b"" if response.streaming else response.content
            assert b"evil.example" not in body, name
            assert "evil.example" not in response.get("Location", ""), name
        sitemap = client.get("/sitemap.xml", HTTP_HOST="evil.example").content.decode()
        home = client.get("/nl/", HTTP_HOST="evil.example").content.decode()
    assert "<loc>https://turnout.example/en/campaigns/may/</loc>" in sitemap
    assert 'href="webcal://turnout.example/feeds/events.ics?lang=nl"' in home
