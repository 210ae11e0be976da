"""The attacker's sixth round against the ids a visitor sends outside a form's fields: the city
remembered for the home page (in a POST and in the cookie it becomes) and the campaign of a
coordinator's alert choice. Digits past what Python reads (4300), past what a row id can be,
or digits of another script are each "no such thing", never a server error."""

import pytest
import time_machine
from django.test import Client

from tests.security.world import NOW, build_world
from turnout.alerts.models import AlertPreference
from turnout.geo.cookies import CITY_COOKIE

pytestmark = pytest.mark.django_db

HOSTILE_IDS = [
    "9" * 5000,  # more digits than int() reads: ValueError
    "9" * 25,  # more than a 64-bit id: OverflowError on SQLite
    "²",  # a superscript two: isdigit() says yes, int() says no
    "\u0663",  # an Arabic-Indic three, which int() reads as 3
    "-1",
    "0",
]


@pytest.mark.parametrize("city", HOSTILE_IDS)
def test_a_hostile_city_id_is_an_unknown_city(city):
    response = Client().post("/en/events/my-city/", {"city": city, "next": "/en/"})
    assert response.status_code == 404
    assert CITY_COOKIE not in response.cookies


@pytest.mark.parametrize("city", [text for text in HOSTILE_IDS if text.isascii()])
def test_a_hostile_city_cookie_leaves_the_pages_without_a_chosen_city(city):
    """The cookie is the visitor's to write: a script on a sibling site or a hand-edit puts
    anything in it, and every page that shows the chosen city reads it."""
    with time_machine.travel(NOW, tick=False):
        build_world()
        visitor = Client()
        visitor.cookies[CITY_COOKIE] = city
        answers = [visitor.get(path) for path in ("/en/", "/en/events/")]
    assert [response.status_code for response in answers] == [200, 200]


@pytest.mark.parametrize("campaign", HOSTILE_IDS)
def test_a_hostile_campaign_id_in_an_alert_choice_is_not_found(campaign):
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        coordinator = Client()
        coordinator.force_login(world.coordinator)
        response = coordinator.post(
            "/en/alerts/",
            {"kind": "proposals", "campaign": campaign, "proposals-1-frequency": "daily"},
        )
    assert response.status_code == 404
    assert not AlertPreference.objects.filter(user=world.coordinator, frequency="daily").exists()


def test_the_coordinators_own_campaign_id_still_saves_the_choice():
    with time_machine.travel(NOW, tick=False):
        world = build_world()
        coordinator = Client()
        coordinator.force_login(world.coordinator)
        response = coordinator.post(
            "/en/alerts/",
            {
                "kind": "proposals",
                "campaign": str(world.campaign.pk),
                f"proposals-{world.campaign.pk}-frequency": "daily",
            },
        )
    assert response.status_code == 302
    assert AlertPreference.objects.filter(
        user=world.coordinator, kind="proposals", campaign=world.campaign, frequency="daily"
    ).exists()
