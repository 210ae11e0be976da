"""The events index beyond its radius, in English and Dutch: the radius box shows the radius
used, a search that finds nothing shows the nearest events and "Host one here", promoted
events are marked; the home banner; and the proposal form filled in from the link."""

import re
from datetime import UTC, date, datetime

import pytest
import time_machine
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.geo.cookies import CITY_COOKIE

pytestmark = pytest.mark.django_db
ZURICH = 2657896


@pytest.fixture(autouse=True)
def first_of_may_2030():
    with time_machine.travel(datetime(2030, 5, 1, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def europe(db):
    campaign = CampaignFactory(
        slug="may", title="May action", starts_on=date(2030, 5, 13), is_open_for_proposals=True
    )
    for city, country, zone, lat, lon in [
        ("Basel", "CH", "Europe/Zurich", 47.5596, 7.5886),
        ("Milano", "IT", "Europe/Rome", 45.4642, 9.19),
        ("Berlin", "DE", "Europe/Berlin", 52.52, 13.405),
    ]:
        LocalEventFactory(
            campaign=campaign, city=city, country=country, timezone=zone,
            latitude=lat, longitude=lon,
        )  # fmt: skip
    LocalEventFactory(
        campaign=campaign, city="Paris", country="FR", timezone="Europe/Paris",
        latitude=48.8566, longitude=2.3522, title="National march", promotion_radius_km=500,
    )  # fmt: skip
    return campaign


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:2000]
    return response.content.decode()


def selected_radius(text: str) -> str:
    select = re.search(r'<select name="radius"[^>]*>(.*?)</select>', text, re.S)
    assert select, "no radius box"
    chosen = re.findall(r'<option value="(\d+)"[^>]*selected', select[1])
    assert len(chosen) == 1, chosen
    return chosen[0]


def events_list(text: str) -> str:
    return text.split('id="events-list"')[1].split('id="events-online"')[0]


@pytest.mark.parametrize(
    ("language", "nothing", "nearest", "host", "promoted"),
    [
        (
            "en", "Nothing within 25 km of Zürich, Switzerland yet.", "The nearest events:",
            "Host one here", "Further away: promoted for people within 500 km",
        ),
        (
            "nl", "Nog niets binnen 25 km van Zürich, Zwitserland.",
            "De dichtstbijzijnde evenementen:",
            "Organiseer er hier een", "Verder weg: gepromoot voor iedereen binnen 500 km",
        ),
    ],
)  # fmt: skip
def test_nothing_near_zurich_shows_the_nearest_events_and_offers_hosting(
    client, europe, language, nothing, nearest, host, promoted
):
    text = page(client, f"/{language}/events/?near=Zurich&radius=25")
    found = events_list(text)
    assert nothing in found and nearest in found
    basel, milan = ("Bazel", "Milaan") if language == "nl" else ("Basel", "Milan, Italy")
    assert found.index(basel) < found.index("75 km") < found.index(milan)
    assert "217 km" in found and "Berlin" in found
    # The national march in Paris (489 km) reaches Zurich: marked, and not listed twice.
    assert promoted in found and found.count("National march") == 1
    assert "489 km" in found
    assert host in found
    assert f'href="/{language}/campaigns/may/organize/?city=Z%C3%BCrich&amp;country=CH"' in found
    assert selected_radius(text) == "25"


def test_the_radius_box_shows_the_radius_used(client, europe):
    # The home page's search sends no radius: the default is used and shown.
    text = page(client, "/en/events/?near=Zurich")
    assert selected_radius(text) == "100"
    assert "Events within 100 km of Zürich" in text
    # Searching again from that box keeps the radius.
    text = page(client, "/en/events/?near=Zurich&radius=100&units=km")
    assert selected_radius(text) == "100"
    # A radius the box does not offer: the next larger one, shown and used.
    text = page(client, "/en/events/?near=Zurich&radius=30")
    assert selected_radius(text) == "50"
    assert "Events within 50 km of Zürich" in text
    text = page(client, "/nl/events/?near=Zurich&radius=99999")
    assert selected_radius(text) == "2500"
    assert "Select a valid choice" not in text
    text = page(client, "/en/events/?near=Zurich&radius=%3Cb%3E")
    assert selected_radius(text) == "100"
    text = page(client, "/en/events/?near=Zurich", HTTP_ACCEPT_LANGUAGE="en-US")
    assert selected_radius(text) == "60"  # miles


def test_a_promoted_event_follows_the_near_ones_when_some_are_near(client, europe):
    found = events_list(page(client, "/en/events/?near=Basel&radius=100"))
    assert "Nothing within" not in found and "Host one here" not in found
    assert found.index("Basel") < found.index("National march")
    assert "Further away: promoted for people within 500 km" in found


def test_a_promoted_event_beyond_its_radius_is_not_shown(client, europe):
    found = events_list(page(client, "/en/events/?near=Berlin&radius=100"))
    assert "National march" not in found  # Paris is 878 km from Berlin


def test_without_an_open_campaign_the_coordination_link_is_offered(client, europe):
    europe.is_open_for_proposals = False
    europe.coordination_url = "https://chat.example.org/may"
    europe.save()
    found = events_list(page(client, "/nl/events/?near=Zurich&radius=25"))
    assert "Organiseer er hier een" not in found
    assert 'href="https://chat.example.org/may"' in found
    assert "Coördinatie van May action" in found


def test_the_home_banner_shows_promoted_events_and_links_the_radius_it_says(client, europe):
    client.post("/en/events/my-city/", {"city": ZURICH, "next": "/en/"})
    home = page(client, "/en/")
    assert "Basel" in home  # 74 km away: the next event near Zurich
    assert "National march" in home and "promoted for people within 500 km" in home
    assert "radius=100&amp;units=km" in home
    home = page(client, "/nl/")
    assert "Verder weg: gepromoot voor iedereen binnen 500 km" in home


def test_the_home_search_sends_the_radius_it_uses(client, europe):
    client.cookies.pop(CITY_COOKIE, None)
    home = page(client, "/en/")
    assert '<input type="hidden" name="radius" value="100">' in home


@pytest.mark.parametrize(
    ("query", "language", "filled"),
    [
        ("city=Zurich&country=CH", "en", "Zürich, Switzerland"),
        ("city=Zurich&country=CH", "nl", "Zürich, Zwitserland"),
        ("city=Zurich", "en", "Zürich, Switzerland"),
        ("city=Zurich&country=ZZ", "en", "Zürich, Switzerland"),  # an unknown country: ignored
        ("city=Zurich&country=%3Cscript%3E", "en", "Zürich, Switzerland"),
        ("city=Zurich&country=FR", "en", None),  # no Zurich in France
        ("city=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "en", None),  # only known places
        ("city=" + "Zurich" * 60, "en", None),  # very long
        ("city=Xyzzyville&country=CH", "en", None),
        ("", "en", None),
    ],
)
def test_the_proposal_form_takes_the_city_from_the_link(client, europe, query, language, filled):
    text = page(client, f"/{language}/campaigns/may/organize/?{query}")
    field = re.search(r'<input type="text" name="city"[^>]*>', text)
    assert field
    if filled:
        assert f'value="{filled}"' in field[0]
    else:
        assert "value=" not in field[0]
    assert "<script>alert" not in text


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(city=st.text(max_size=300), country=st.text(max_size=5))
def test_any_link_opens_the_proposal_form(client, europe, city, country):
    response = client.get("/en/campaigns/may/organize/", {"city": city, "country": country})
    assert response.status_code == 200


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(near=st.sampled_from(["Zurich", "Basel", "0,0"]), radius=st.text(max_size=20))
def test_any_radius_gives_a_page_with_the_radius_used(client, europe, near, radius):
    response = client.get("/en/events/", {"near": near, "radius": radius})
    assert response.status_code == 200
    assert selected_radius(response.content.decode()) in {
        "10", "25", "50", "100", "250", "500", "1000", "2500",
    }  # fmt: skip


def test_an_administrator_sets_the_promotion_radius(client, europe):
    from tests.factories import UserFactory
    from turnout.campaigns.models import LocalEvent

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    paris = LocalEvent.objects.get(city="Paris")
    form = client.get(f"/admin/campaigns/localevent/{paris.pk}/change/").content.decode()
    assert 'name="promotion_radius_km" value="500"' in form
    text = page(client, "/admin/campaigns/localevent/add/", HTTP_ACCEPT_LANGUAGE="nl")
    assert "Promotiestraal (km)" in text
    data = {
        "campaign": europe.pk, "title": "Big march", "status": "approved", "description": "",
        "attendance_mode": "in_person", "meeting_url": "",
        "city": "Rotterdam", "country": "NL", "venue": "", "address": "", "latitude": "",
        "longitude": "", "timezone": "Europe/Amsterdam", "starts_at_0": "2030-05-13",
        "starts_at_1": "14:00", "ends_at_0": "2030-05-13", "ends_at_1": "16:00",
        "signup_url": "", "capacity": "", "promotion_radius_km": "25000",
    }  # fmt: skip
    response = client.post("/admin/campaigns/localevent/add/", data)
    assert response.status_code == 200  # beyond the largest promotion radius
    assert not LocalEvent.objects.filter(title="Big march").exists()
    response = client.post(
        "/admin/campaigns/localevent/add/", {**data, "promotion_radius_km": "800"}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert LocalEvent.objects.get(title="Big march").promotion_radius_km == 800


@pytest.mark.parametrize(
    ("typed", "saved"),
    [("500", 500), ("20000", 20000), ("", None), ("20001", None), ("0", None), ("abc", None)],
)
def test_a_coordinator_promotes_an_event_without_telling_participants(client, europe, typed, saved):
    # Organizers see the field and cannot change it (tests/organizing/test_promotion_radius.py).
    from tests.factories import UserFactory
    from turnout.campaigns.models import LocalEvent
    from turnout.campaigns.signals import event_rescheduled

    coordinator = UserFactory()
    berlin = LocalEvent.objects.get(city="Berlin")
    LocalEvent.objects.filter(pk=berlin.pk).update(venue="Alexanderplatz")
    berlin.campaign.coordinators.add(coordinator)
    client.force_login(coordinator)
    form = page(client, f"/nl/dashboard/events/{berlin.pk}/edit/")
    assert "Verder promoten (km, optioneel)" in form
    heard = []
    event_rescheduled.connect(lambda **kwargs: heard.append(kwargs), weak=False, dispatch_uid="p")
    try:
        response = client.post(
            f"/en/dashboard/events/{berlin.pk}/edit/",
            {
                "title": berlin.title, "city": "Berlin", "venue": "Alexanderplatz",
                "day": "2030-05-13", "starts": "13:00", "ends": "15:00",
                "signup_method": "native", "promotion_radius_km": typed,
            },
        )  # fmt: skip
    finally:
        event_rescheduled.disconnect(dispatch_uid="p")
    berlin.refresh_from_db()
    if typed in ("500", "20000", ""):
        assert response.status_code == 302, response.content.decode()[:3000]
    else:
        assert response.status_code == 200  # refused, with a message beside the field
        assert 'id="id_promotion_radius_km_error"' in response.content.decode() or (
            "errorlist" in response.content.decode()
        )
    assert berlin.promotion_radius_km == saved
    assert heard == []


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_filled_in_city_is_one_the_proposal_form_accepts(europe, language):
    from django.http import QueryDict
    from django.utils import translation

    from turnout.campaigns.proposals.forms import ProposalForm, initial_place

    with translation.override(language):
        city = initial_place(QueryDict("city=Z%C3%BCrich&country=CH"))["city"]
        form = ProposalForm({"city": city}, campaign=europe)
        form.is_valid()
        assert "city" not in form.errors
        assert form.place is not None and form.place["country"] == "CH"
