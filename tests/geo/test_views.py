"""The events index, "near me", units, the remembered city and the campaign page's map."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.models import LocalEvent
from turnout.geo.cookies import CITY_COOKIE

pytestmark = pytest.mark.django_db
LONDON = 2643743


@pytest.fixture(autouse=True)
def first_of_may_2030():
    with time_machine.travel(datetime(2030, 5, 1, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def may(db):
    campaign = CampaignFactory(slug="may", title="May action", starts_on=date(2030, 5, 13))
    for city, country, zone, lat, lon in [
        ("London", "GB", "Europe/London", 51.5074, -0.1278),
        ("Oxford", "GB", "Europe/London", 51.752, -1.2577),
        ("Den Haag", "NL", "Europe/Amsterdam", 52.0705, 4.3007),
        ("Berlin", "DE", "Europe/Berlin", 52.52, 13.405),
    ]:
        LocalEventFactory(
            campaign=campaign, city=city, country=country, timezone=zone,
            latitude=lat, longitude=lon,
        )  # fmt: skip
    past = CampaignFactory(slug="old", title="Old action", starts_on=date(2029, 5, 13))
    LocalEventFactory(campaign=past, city="Oslo", country="NO", timezone="Europe/Oslo")
    LocalEventFactory(campaign=campaign, city="Hidden", country="FR", status="proposed")
    return campaign


def page(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content[:2000]
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_index_lists_upcoming_events_soonest_first_with_a_map(client, may, language):
    text = page(client, f"/{language}/events/")
    assert f'<html lang="{language}">' in text
    for city in ("Oxford", "Berlin"):
        assert city in text
    assert "Oslo" not in text  # past
    assert "Hidden" not in text  # a proposal
    assert 'href="/geo/world.svg"' in text
    assert text.count("<circle") == 3  # London and Oxford overlap: one dot with a count
    assert ("Den Haag" if language == "nl" else "The Hague") in text
    assert ("Londen" if language == "nl" else "London") in text


def test_past_events_are_reachable_latest_first(client, may):
    text = page(client, "/en/events/?when=past")
    assert "Past events" in text
    assert "Oslo" in text
    assert "Berlin" not in text


def test_index_filters_by_country_and_campaign_and_links_their_feeds(client, may):
    text = page(client, "/en/events/?country=GB")
    assert "Oxford" in text and "Berlin" not in text
    assert "/feeds/countries/gb.ics" in text
    assert "Subscribe to events in United Kingdom" in text
    text = page(client, "/en/events/?campaign=may")
    assert "/feeds/campaigns/may.ics" in text
    assert "webcal://127.0.0.1:8000/feeds/events.ics" in text


def test_near_a_city_named_in_dutch_sorts_by_distance_in_km(client, may):
    text = page(client, "/nl/events/?near=Londen&radius=100")
    assert "Londen, Verenigd Koninkrijk" in text
    assert text.index("0 km") < text.index("Oxford") < text.index("83 km")
    assert "Berlin" not in text.split('id="events-list"')[1]


def test_many_events_near_a_city_come_in_pages(client, may):
    for n in range(1, 33):  # north of London, 1 km apart: with London, 33 within 50 km
        LocalEventFactory(
            campaign=may, city=f"Village {n}", country="GB", timezone="Europe/London",
            latitude=51.5074 + n / 111.2, longitude=-0.1278,
        )  # fmt: skip
    first = page(client, "/en/events/?near=London&radius=50").split('id="events-list"')[1]
    assert first.count('class="event-distance"') == 30
    assert "Page 1 of 2" in first
    assert 'href="?near=London&amp;radius=50&amp;page=2" rel="next"' in first
    second = page(client, "/en/events/?near=London&radius=50&page=2").split('id="events-list"')[1]
    assert second.count('class="event-distance"') == 3
    assert "Village 32" in second and "Village 29" not in second


def test_american_english_browsers_get_miles(client, may):
    text = page(client, "/en/events/?near=London&radius=60", HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert "51 mi" in text  # Oxford is 83 km away
    assert "Events within 60 mi of London, United Kingdom" in text


def test_british_browsers_get_kilometres_and_anyone_can_choose(client, may):
    assert "83 km" in page(client, "/en/events/?near=London", HTTP_ACCEPT_LANGUAGE="en-GB,en")
    assert "51 mi" in page(client, "/en/events/?near=London&units=mi&radius=60")


def test_unknown_place_is_explained_in_the_visitors_language(client, may):
    text = page(client, "/nl/events/?near=Xyzzyville")
    assert "We konden geen plaats" in text
    text = page(client, "/en/events/?near=Xyzzyville")
    assert "We could not find a place called “Xyzzyville”" in text


def test_coordinates_from_the_browser_are_a_search_origin(client, may):
    text = page(client, "/en/events/?near=51.75,-1.26&radius=25")
    assert "your location" in text
    assert "Oxford" in text.split('id="events-list"')[1]
    assert "London" not in text.split('id="events-list"')[1]


def test_radius_outside_the_choices_becomes_the_next_one_offered(client, may):
    text = page(client, "/en/events/?near=London&radius=5000")
    assert "Select a valid choice" not in text
    assert "Events within 2,500 km of London" in text


def test_the_home_page_remembers_a_city_only_after_the_visitor_asks(client, may):
    home = page(client, "/en/")
    assert "Find an event near you" in home
    assert CITY_COOKIE not in client.cookies
    response = client.post("/en/events/my-city/", {"city": LONDON, "next": "/en/"})
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert client.cookies[CITY_COOKIE].value == str(LONDON)
    assert client.cookies[CITY_COOKIE]["samesite"] == "Lax"
    home = page(client, "/nl/")
    assert "In de buurt van Londen" in home
    assert "Protest in London" in home
    response = client.post("/en/events/my-city/", {"action": "forget", "next": "/en/"})
    assert client.cookies[CITY_COOKIE].value == ""
    assert "Find an event near you" in page(client, "/en/")


def test_choosing_a_city_never_redirects_elsewhere(client, may):
    response = client.post("/en/events/my-city/", {"city": LONDON, "next": "https://evil.example/"})
    assert response["Location"] == "/en/"
    assert client.post("/en/events/my-city/", {"city": "nonsense"}).status_code == 404
    assert client.get("/en/events/my-city/").status_code == 405


def test_home_links_the_all_events_feed_and_index(client, may):
    text = page(client, "/en/")
    assert "webcal://127.0.0.1:8000/feeds/events.ics" in text
    assert 'href="/en/events/"' in text


@pytest.mark.parametrize("language", ["en", "nl"])
def test_campaign_page_shows_its_map_list_feed_and_embed_snippet(client, may, language):
    text = page(client, f"/{language}/campaigns/may/")
    assert text.count("<circle") == 3  # London and Oxford overlap: one dot with a count
    assert 'class="world-map-places"' in text
    assert "/feeds/campaigns/may.ics" in text
    assert f"/embed/campaigns/may/?lang={language}" in text
    assert "&lt;iframe" in text  # the snippet, shown as text to copy


def test_no_tile_server_is_named_unless_configured(client, may, settings):
    assert "tile-map" not in page(client, "/en/events/")
    settings.TURNOUT_MAP_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    text = page(client, "/en/events/")
    assert "loads map images from tiles.example.org" in text
    assert "<img" not in text  # nothing loads before the visitor clicks


def test_base_map_is_cacheable_svg(client):
    response = client.get("/geo/world.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert "max-age=86400" in response["Cache-Control"]
    again = client.get("/geo/world.svg", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_event_and_row_show_city_in_the_pages_language(client, may):
    event = LocalEvent.objects.get(city="London")
    assert "Londen, Verenigd Koninkrijk" in page(client, f"/nl/events/{event.pk}/")
    assert "London, United Kingdom" in page(client, f"/en/events/{event.pk}/")


def test_events_get_coordinates_from_the_gazetteer_when_saved_without():
    event = LocalEventFactory(city="Parijs", country="FR", timezone="Europe/Paris")
    assert event.latitude == pytest.approx(48.85, abs=0.05)
    typed = LocalEventFactory(city="Utrecht", country="NL", latitude=1.0, longitude=2.0)
    assert (typed.latitude, typed.longitude) == (1.0, 2.0)  # never overwritten
    unknown = LocalEventFactory(city="Nowhere Town", country="NL")
    assert unknown.latitude is None


@pytest.fixture
def admin_client(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def admin_event_form(campaign, **overrides):
    data = {
        "campaign": campaign.pk, "title": "Protest", "status": "approved", "description": "",
        "city": "Den Haag", "country": "", "venue": "", "address": "", "latitude": "",
        "longitude": "", "timezone": "", "starts_at_0": "2030-05-13", "starts_at_1": "14:00",
        "ends_at_0": "2030-05-13", "ends_at_1": "16:00", "signup_url": "", "capacity": "",
    }  # fmt: skip
    data.update(overrides)
    return data


def test_admin_fills_country_coordinates_and_time_zone_from_the_city(admin_client, may):
    response = admin_client.post("/admin/campaigns/localevent/add/", admin_event_form(may))
    assert response.status_code == 302, response.content.decode()[:3000]
    event = LocalEvent.objects.get(title="Protest")
    assert (event.country, event.timezone) == ("NL", "Europe/Amsterdam")
    assert event.latitude == pytest.approx(52.08, abs=0.05)
    # 14:00 typed is 14:00 in The Hague, whose zone was found before the time was read.
    assert event.local_starts_at.hour == 14
    assert event.starts_at == datetime(2030, 5, 13, 14, tzinfo=ZoneInfo("Europe/Amsterdam"))


def test_admin_moves_coordinates_when_the_city_changes(admin_client, may):
    admin_client.post("/admin/campaigns/localevent/add/", admin_event_form(may))
    event = LocalEvent.objects.get(title="Protest")
    data = admin_event_form(
        may, city="Rotterdam", country="NL", timezone="Europe/Amsterdam",
        latitude=str(event.latitude), longitude=str(event.longitude),
    )  # fmt: skip
    response = admin_client.post(f"/admin/campaigns/localevent/{event.pk}/change/", data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.latitude == pytest.approx(51.92, abs=0.05)


def test_admin_asks_for_the_time_zone_when_the_city_is_unknown(admin_client, may):
    response = admin_client.post(
        "/admin/campaigns/localevent/add/",
        admin_event_form(may, city="Xyzzyville", country="NL"),
    )
    assert response.status_code == 200
    assert "We could not find “Xyzzyville” to set its time zone" in response.content.decode()
    assert not LocalEvent.objects.filter(title="Protest").exists()


def test_admin_city_field_offers_suggestions(admin_client, may):
    text = admin_client.get("/admin/campaigns/localevent/add/").content.decode()
    assert 'list="id_city-suggestions"' in text
    assert 'data-suggest-url="/api/v1/cities/"' in text
    assert "places/city-suggestions.js" in text
