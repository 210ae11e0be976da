"""The attacker's eleventh round at what the site hands to anyone, which already holds: an
event kept private (its address, meeting point, instructions, call link, exact coordinates)
read from every address of the site by a visitor and by someone signed in who has no part in
it; and the public API and feeds asked for pages, sizes, formats, places and numbers that no
person would ask for (negative, huge, NaN, infinite, out of the globe)."""

import json
import math

import pytest
import time_machine
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import UserFactory
from tests.security.world import NOW, build_world
from turnout.campaigns.models import LocalEvent

pytestmark = pytest.mark.django_db

SECRET = "Qv8x"  # in every private field, so one search finds any of them
LATITUDE, LONGITUDE = 52.0934567, 5.1187654  # a courtyard in Utrecht, exact to the metre


def _private_world():
    world = build_world()
    event = LocalEvent.objects.get(pk=world.event.pk)
    event.location_is_private = True
    event.address = f"Achter de Dom 1, {SECRET}"
    event.meeting_point = f"By the {SECRET} gate"
    event.private_instructions = f"Bring the banner, ask for {SECRET}"
    event.meeting_url = f"https://meet.example.org/{SECRET.lower()}-call"
    event.attendance_mode = LocalEvent.AttendanceMode.MIXED
    event.latitude, event.longitude = LATITUDE, LONGITUDE
    event.save()
    return world


def _body(response) -> str:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    return data.decode(errors="replace")


def _leaks(text: str) -> list[str]:
    found = [mark for mark in (SECRET, SECRET.lower()) if mark in text]
    found += [digits for digits in ("52.093456", "5.118765") if digits in text]
    return found


def _own_addresses(world) -> set[str]:
    """The confirmed participant's own pages, which rightly show the private details."""
    token = world.signup.token
    return {path for path in world.paths.values() if token in path}


EXTRA_PUBLIC = [
    "/api/v1/events/?near=52.09,5.11",
    "/api/v1/events/?near=Utrecht&radius_km=5",
    "/api/v1/events/?near=Amsterdam",
    "/en/events/?near=Utrecht",
    "/feeds/countries/NL.ics",
]


@pytest.mark.parametrize("who", ["visitor", "stranger"])
def test_no_address_shows_a_private_events_details_to_someone_without_a_place(who):
    with time_machine.travel(NOW, tick=False):
        world = _private_world()
        client = Client()
        if who == "stranger":
            client.force_login(UserFactory(email="nieuwsgierig@example.nl"))
        leaks = {}
        for path in sorted(set(world.paths.values()) - _own_addresses(world)) + EXTRA_PUBLIC:
            response = client.get(path)
            if found := _leaks(_body(response)):
                leaks[path] = found
    assert leaks == {}


HOSTILE_QUERIES = [
    "page=0", "page=-1", "page=99999999999999999999999", "page=1e3", "page=NaN",
    "page_size=0", "page_size=-5", "page_size=999999999999999999999", "page_size=nan",
    "format=api", "format=xml", "format=html", "callback=alert",
    "near=1e308,1e308", "near=91,181", "near=-90.0000001,0", "near=inf,inf", "near=-inf,0",
    "near=52.1", "near=52.1,5.1,3", "near=0x34,0x5", "near=%E2%80%AE52,5",
    "near=52.1,5.1&radius_km=1e308", "near=52.1,5.1&radius_km=-1",
    "near=52.1,5.1&radius_km=nan", "near=52.1,5.1&radius_km=99999999999999999999",
    "starts_after=9999-12-31", "starts_after=0001-01-01", "starts_before=0000-00-00",
    "starts_after=2030-05-13&starts_before=2030-05-01", "country=%00", "country=NLD",
    "campaign=../../etc", "group=%F0%9F%98%80", "lang=../../etc", "lang=nl%00",
    "past=maybe", "step_free_access=2",
]  # fmt: skip


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_event_queries_get_a_json_answer_with_finite_numbers(query):
    with time_machine.travel(NOW, tick=False):
        build_world()
        response = Client().get(f"/api/v1/events/?{query}")
    assert response.status_code in (200, 400, 404), response.status_code
    assert response["Content-Type"].startswith("application/json")
    # Strict JSON: no NaN or Infinity a parser in another language would refuse.
    data = json.loads(response.content, parse_constant=lambda name: pytest.fail(name))
    if response.status_code == 200:
        assert len(data["results"]) <= 200
        for event in data["results"]:
            for key in ("latitude", "longitude", "distance_km"):
                assert event.get(key) is None or math.isfinite(event[key])


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/cities/?q=ut&limit=100000", "/api/v1/cities/?q=ut&limit=-1",
        "/api/v1/cities/?q=" + "a" * 5000, "/api/v1/cities/?q=%00", "/api/v1/cities/?q=ut&near=zzz",
        "/api/v1/campaigns/?page=-1", "/api/v1/groups/?page_size=-1",
        "/api/v1/events/99999999999999999999999/", "/api/v1/events/-1/",
        "/feeds/countries/%00.ics", "/feeds/countries/NLNLNL.ics", "/feeds/campaigns.rss?page=-1",
        "/sitemap.xml?p=0", "/sitemap.xml?p=-1", "/sitemap.xml?p=99999999999999999999",
        "/sitemap.xml?p=nan",
    ],
)  # fmt: skip
def test_hostile_sizes_and_pages_elsewhere_are_answered_without_a_server_error(path):
    with time_machine.travel(NOW, tick=False):
        build_world()
        response = Client().get(path)
    assert response.status_code in (200, 400, 404), (path, response.status_code)


@settings(max_examples=40, deadline=None)
@given(
    latitude=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers()),
    longitude=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers()),
    radius=st.one_of(st.integers(), st.text(max_size=8)),
)
def test_any_place_and_radius_is_a_json_answer(latitude, longitude, radius):
    response = Client().get(
        "/api/v1/events/", {"near": f"{latitude},{longitude}", "radius_km": radius}
    )
    assert response.status_code in (200, 400)
    json.loads(response.content, parse_constant=lambda name: pytest.fail(name))
