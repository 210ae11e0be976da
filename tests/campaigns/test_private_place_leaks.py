"""A private event's exact place, instructions and safety block appear on no public surface:
its page, the campaign page, the events index and its map data, the calendar feeds, the API,
the embeddable widget and the sitemap. The response bodies are searched for each secret."""

import json

import icalendar
import pytest
from django.test import override_settings

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.models import AuthorityNotice, SafetyDefaults
from turnout.places.gazetteer import resolve_city

pytestmark = pytest.mark.django_db

ADDRESS = "Van Baerlestraat 31"
POINT = "Achter de blauwe container"
INSTRUCTIONS = "Wachtwoord bij de ingang: zonnebloem"
LEGAL_LINE = "+31 20 555 0199"
POLICE = "Ans de Vries"
SEPARATED = "Ga naar het Leidseplein"
LATITUDE, LONGITUDE = 52.35791, 4.88123
SECRETS = (ADDRESS, POINT, "zonnebloem", LEGAL_LINE, POLICE, SEPARATED, "52.357", "4.881")


@pytest.fixture
def event():
    campaign = CampaignFactory(slug="klimaat", title="Klimaatdag")
    SafetyDefaults.objects.create(
        campaign=campaign, country="NL", legal_support_line=LEGAL_LINE, if_separated=SEPARATED,
        authority_notice=AuthorityNotice.PERMITTED,
    )  # fmt: skip
    return LocalEventFactory(
        campaign=campaign, title="Klimaatmars", venue="Museumplein", address=ADDRESS,
        city="Amsterdam", country="NL", latitude=LATITUDE, longitude=LONGITUDE,
        location_is_private=True, meeting_point=POINT, private_instructions=INSTRUCTIONS,
        police_liaison=POLICE, step_free_access=True,
    )  # fmt: skip


def body(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response).decode() if response.streaming else response.content.decode()


def assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


PUBLIC_PAGES = [
    "/{lang}/events/{pk}/",
    "/{lang}/campaigns/klimaat/",
    "/{lang}/events/",
    "/{lang}/events/?near=Amsterdam",
    "/feeds/events.ics",
    "/feeds/campaigns/klimaat.ics",
    "/feeds/countries/nl.ics",
    "/api/v1/events/",
    "/api/v1/events/{pk}/",
    "/api/v1/events/?near=Amsterdam",
    "/api/v1/events/?near=52.36,4.88",
    "/embed/campaigns/klimaat/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("url", PUBLIC_PAGES)
@override_settings(TURNOUT_MAP_TILES_URL="https://tiles.example/{z}/{x}/{y}.png")
def test_no_public_surface_shows_the_exact_place(client, event, url, language):
    assert_no_secret(body(client, url.format(pk=event.pk, lang=language)))


def test_the_event_page_shows_the_area_and_says_the_point_is_shared_later(client, event):
    page = body(client, f"/en/events/{event.pk}/")
    assert "Museumplein" in page and "Amsterdam" in page
    assert "Exact meeting point shared with confirmed participants" in page
    page = body(client, f"/nl/events/{event.pk}/")
    assert "Het precieze verzamelpunt krijgen alleen bevestigde deelnemers" in page


def test_the_feed_gives_the_area_and_the_citys_centre(client, event):
    calendar = icalendar.Calendar.from_ical(body(client, "/feeds/events.ics"))
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["LOCATION"]) == "Museumplein, Amsterdam, Netherlands"
    amsterdam = resolve_city("Amsterdam", country="NL")
    assert (vevent["GEO"].latitude, vevent["GEO"].longitude) == pytest.approx(
        (amsterdam.latitude, amsterdam.longitude)
    )


def test_the_api_says_the_place_is_private_and_gives_the_citys_centre(client, event):
    data = json.loads(body(client, f"/api/v1/events/{event.pk}/"))
    amsterdam = resolve_city("Amsterdam", country="NL")
    assert data["location_is_private"] is True
    assert data["address"] == data["meeting_point"] == ""
    assert (data["latitude"], data["longitude"]) == (amsterdam.latitude, amsterdam.longitude)
    assert data["step_free_access"] is True and data["seating"] is None
    nearby = json.loads(body(client, "/api/v1/events/?near=52.36,4.88"))
    assert nearby["results"][0]["distance_km"] == round(nearby["results"][0]["distance_km"])


@override_settings(TURNOUT_MAP_TILES_URL="https://tiles.example/{z}/{x}/{y}.png")
def test_the_maps_data_puts_a_private_event_at_its_citys_centre(client, event):
    page = body(client, "/en/events/")
    points = json.loads(
        page.split('id="events-map-points" type="application/json">')[1].split("<")[0]
    )
    amsterdam = resolve_city("Amsterdam", country="NL")
    assert [(p["lat"], p["lon"]) for p in points] == [(amsterdam.latitude, amsterdam.longitude)]


def test_an_open_event_shows_its_address_and_meeting_point(client, event):
    event.location_is_private = False
    event.save()
    page = body(client, f"/en/events/{event.pk}/")
    assert ADDRESS in page and POINT in page
    assert "Exact meeting point" not in page
    # Instructions and safety stay with participants either way.
    for secret in ("zonnebloem", LEGAL_LINE, POLICE, SEPARATED):
        assert secret not in page
    data = json.loads(body(client, f"/api/v1/events/{event.pk}/"))
    assert data["address"] == ADDRESS and data["meeting_point"] == POINT
    assert (data["latitude"], data["longitude"]) == (LATITUDE, LONGITUDE)


def test_the_event_page_says_what_is_known_of_accessibility_in_both_languages(client, event):
    event.seating = False
    event.accessibility_note = "Hellingbaan aan de zijkant."
    event.save()
    page = body(client, f"/en/events/{event.pk}/")
    assert "Step-free access: yes" in page and "Seating: no" in page
    assert "Quiet space" not in page  # not known: not said
    assert "Hellingbaan aan de zijkant." in page
    page = body(client, f"/nl/events/{event.pk}/")
    assert "Drempelvrije toegang: ja" in page and "Zitplaatsen: nee" in page
