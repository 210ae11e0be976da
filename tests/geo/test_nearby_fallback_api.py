"""The API's nearby search beyond its radius: `promoted` and `nearest` beside `results`,
described in the OpenAPI schema."""

from datetime import UTC, date, datetime

import pytest
import time_machine

from tests.factories import CampaignFactory, LocalEventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def first_of_may_2030():
    with time_machine.travel(datetime(2030, 5, 1, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def europe(db):
    campaign = CampaignFactory(slug="may", starts_on=date(2030, 5, 13))
    for city, country, zone, lat, lon, promotion in [
        ("Basel", "CH", "Europe/Zurich", 47.5596, 7.5886, None),
        ("Berlin", "DE", "Europe/Berlin", 52.52, 13.405, None),
        ("Paris", "FR", "Europe/Paris", 48.8566, 2.3522, 500),
    ]:
        LocalEventFactory(
            campaign=campaign, city=city, country=country, timezone=zone,
            latitude=lat, longitude=lon, promotion_radius_km=promotion,
        )  # fmt: skip
    return campaign


def test_nothing_within_the_radius_gives_the_nearest_and_the_promoted_events(client, europe):
    data = client.get("/api/v1/events/", {"near": "Zurich", "radius_km": 25}).json()
    assert data["count"] == 0 and data["results"] == []
    assert [(e["city"], round(e["distance_km"])) for e in data["nearest"]] == [
        ("Basel", 75),
        ("Berlin", 670),
    ]
    assert not any(e["promoted"] for e in data["nearest"])
    [paris] = data["promoted"]
    assert paris["city"] == "Paris" and paris["promoted"] is True
    assert paris["promotion_radius_km"] == 500 and round(paris["distance_km"]) == 489


def test_events_within_the_radius_come_without_a_fallback(client, europe):
    data = client.get("/api/v1/events/", {"near": "Basel", "radius_km": 100}).json()
    assert [e["city"] for e in data["results"]] == ["Basel"]
    assert data["results"][0]["promoted"] is False
    assert data["nearest"] == []
    assert [e["city"] for e in data["promoted"]] == ["Paris"]


def test_the_default_radius_is_the_sites_and_wider_ones_are_allowed(client, europe):
    data = client.get("/api/v1/events/", {"near": "Zurich"}).json()
    assert [e["city"] for e in data["results"]] == ["Basel"]  # 75 km: within the default 100
    data = client.get("/api/v1/events/", {"near": "Zurich", "radius_km": 1000}).json()
    assert [e["city"] for e in data["results"]] == ["Basel", "Paris", "Berlin"]
    assert data["promoted"] == []  # Paris is within the search itself
    assert client.get("/api/v1/events/", {"near": "Zurich", "radius_km": 2501}).status_code == 400


def test_without_near_there_are_no_lists_beside_the_results(client, europe):
    data = client.get("/api/v1/events/").json()
    assert "nearest" not in data and "promoted" not in data
    assert all(e["promoted"] is False for e in data["results"])


def test_the_schema_describes_the_lists_beside_the_results(client):
    schema = client.get("/api/openapi.json").json()
    ok = schema["paths"]["/api/v1/events/"]["get"]["responses"]["200"]["content"]
    page = ok["application/json"]["schema"]
    if "$ref" in page:
        page = schema["components"]["schemas"][page["$ref"].rsplit("/", 1)[1]]
    for key in ("online", "promoted", "nearest"):
        assert page["properties"][key]["type"] == "array"
    event = schema["components"]["schemas"]["Event"]["properties"]
    assert event["promoted"]["type"] == "boolean"
    assert "promotion_radius_km" in event
