"""The read-only JSON API: filters, near, pagination, caching, and never a person's data."""

import json

import pytest

from tests.factories import LocalEventFactory
from turnout.campaigns.models import LocalEvent

pytestmark = pytest.mark.django_db


def get(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, response.content[:1000]
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_campaigns_list_published_ones_with_their_reach(client, may):
    data = get(client, "/api/v1/campaigns/")
    assert data["count"] == 1
    campaign = data["results"][0]
    assert campaign["slug"] == "may"
    assert (campaign["cities"], campaign["countries"]) == (3, 2)
    assert campaign["calendar_url"].endswith("/feeds/campaigns/may.ics")
    assert get(client, "/api/v1/campaigns/may/")["title"] == "May action"
    get(client, "/api/v1/campaigns/secret-draft/", status=404)


def test_events_are_upcoming_soonest_first_in_local_time(client, may):
    data = get(client, "/api/v1/events/")
    cities = [event["city"] for event in data["results"]]
    assert set(cities) == {"London", "Oxford", "Den Haag", "Berlin"}
    london = next(e for e in data["results"] if e["city"] == "London")
    assert london["starts_at"] == "2030-05-13T13:00:00+01:00"
    assert london["timezone"] == "Europe/London"
    assert london["campaign"] == "may"
    assert london["distance_km"] is None
    berlin = next(e for e in data["results"] if e["city"] == "Berlin")
    assert berlin["status"] == "cancelled"


def test_events_near_a_dutch_city_name_within_a_radius(client, may):
    data = get(client, "/api/v1/events/?near=Londen&radius_km=100")
    assert [e["city"] for e in data["results"]] == ["London", "Oxford"]
    assert data["results"][1]["distance_km"] == pytest.approx(82.7, abs=0.5)
    data = get(client, "/api/v1/events/?near=51.75,-1.26&radius_km=25")
    assert [e["city"] for e in data["results"]] == ["Oxford"]


def test_events_near_a_place_come_in_pages_with_their_distances(client, may):
    for n in range(1, 8):  # north of London, 1 km apart
        LocalEventFactory(
            campaign=may, city=f"Village {n}", country="GB", timezone="Europe/London",
            latitude=51.5074 + n / 111.2, longitude=-0.1278,
        )  # fmt: skip
    data = get(client, "/api/v1/events/?near=51.5074,-0.1278&radius_km=25&page_size=3&page=2")
    assert data["count"] == 8  # London and seven villages; Oxford is 83 km away
    assert [e["city"] for e in data["results"]] == ["Village 3", "Village 4", "Village 5"]
    assert [round(e["distance_km"]) for e in data["results"]] == [3, 4, 5]
    assert "page=3" in data["next"] and "page_size=3" in data["next"]


def test_events_filter_by_country_campaign_and_dates(client, may):
    assert {e["city"] for e in get(client, "/api/v1/events/?country=gb")["results"]} == {
        "London", "Oxford"
    }  # fmt: skip
    assert get(client, "/api/v1/events/?campaign=may")["count"] == 4
    assert get(client, "/api/v1/events/?starts_after=2030-05-14")["count"] == 0
    assert (
        get(client, "/api/v1/events/?starts_after=2030-05-13&starts_before=2030-05-13")["count"]
        == 4
    )
    assert get(client, "/api/v1/events/?past=true")["count"] == 0


def test_names_come_in_the_language_asked(client, may):
    data = get(client, "/api/v1/events/?country=GB&lang=nl")
    assert {e["city_name"] for e in data["results"]} == {"Londen", "Oxford"}
    assert {e["country_name"] for e in data["results"]} == {"Verenigd Koninkrijk"}


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("near=Xyzzyville", "near", "No place called “Xyzzyville” is known"),
        ("near=London&radius_km=5000", "radius_km", "less than or equal to 2500"),
        ("near=London&radius_km=2", "radius_km", "greater than or equal to 5"),
        ("country=Netherlands", "country", "does not match"),
        ("campaign=nope", "campaign", "No published campaign has the slug “nope”"),
        ("campaign=secret-draft", "campaign", "No published campaign"),
        ("starts_after=2030-05-14&starts_before=2030-05-01", "starts_before", "before"),
        ("starts_after=yesterday", "starts_after", "wrong format"),
        ("lang=xx", "lang", "not a valid choice"),
    ],
)
def test_invalid_filters_answer_400_with_a_message(client, may, query, field, message):
    data = get(client, f"/api/v1/events/?{query}", status=400)
    assert message in json.dumps(data[field], ensure_ascii=False)


def test_pages_of_results(client, may):
    data = get(client, "/api/v1/events/?page_size=2")
    assert data["count"] == 4 and len(data["results"]) == 2
    assert "page=2" in data["next"]
    second = get(client, "/api/v1/events/?page_size=2&page=2")
    assert second["next"] is None and len(second["results"]) == 2
    get(client, "/api/v1/events/?page=9", status=404)


def test_answers_carry_etag_and_cache_control_and_revalidate(client, may):
    response = client.get("/api/v1/events/")
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert client.get("/api/v1/events/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    LocalEvent.objects.filter(city="Oxford").update(venue="Broad Street")
    assert client.get("/api/v1/events/", HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200


def test_unpublished_events_are_not_found(client, may):
    hidden = LocalEvent.objects.get(city="Hidden")
    get(client, f"/api/v1/events/{hidden.pk}/", status=404)
    get(client, "/api/v1/events/99999999999999999999/", status=404)
    shown = LocalEvent.objects.get(city="Oxford")
    assert get(client, f"/api/v1/events/{shown.pk}/")["city"] == "Oxford"


def test_no_personal_data_ever_appears(client, may, organizer):
    urls = [
        "/api/v1/campaigns/", "/api/v1/campaigns/may/", "/api/v1/events/",
        f"/api/v1/events/{LocalEvent.objects.get(city='Oxford').pk}/", "/api/v1/groups/",
        "/api/v1/events/?near=London",
    ]  # fmt: skip
    for url in urls:
        body = client.get(url).content.decode()
        assert organizer.email not in body and "Orla" not in body, url
        assert "organizers" not in body and "coordinators" not in body and "@" not in body, url


def test_groups_are_listed_without_email_channels(client, may):
    groups = pytest.importorskip("turnout.groups.models")
    national = groups.Group.objects.create(
        kind="national", name="PauseAI NL", slug="pauseai-nl", country="NL"
    )
    national.channels.create(kind="discord", address="https://discord.gg/abc")
    national.channels.create(kind="email", address="lead.person@example.org")
    data = get(client, "/api/v1/groups/")
    assert data["results"][0]["slug"] == "pauseai-nl"
    assert data["results"][0]["channels"] == [
        {"kind": "discord", "address": "https://discord.gg/abc", "label": ""}
    ]
    assert "lead.person" not in json.dumps(data)
    assert get(client, "/api/v1/groups/pauseai-nl/")["name"] == "PauseAI NL"
    LocalEvent.objects.filter(city="Den Haag").update(group=national)
    assert [e["city"] for e in get(client, "/api/v1/events/?group=pauseai-nl")["results"]] == [
        "Den Haag"
    ]


def test_city_suggestions_in_the_language_asked(client):
    data = get(client, "/api/v1/cities/?q=Londen&lang=nl")
    assert data["results"][0]["label"] == "Londen, Verenigd Koninkrijk"
    assert data["results"][0]["timezone"] == "Europe/London"
    assert get(client, "/api/v1/cities/?q=Lon&country=CA&limit=1")["results"][0]["country"] == "CA"
    get(client, "/api/v1/cities/", status=400)
    get(client, "/api/v1/cities/?q=x&limit=99", status=400)


def test_the_api_root_lists_its_endpoints(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    endpoints = response.json()["endpoints"]
    assert set(endpoints) == {"campaigns", "events", "groups", "cities", "schema"}
    for name, endpoint in endpoints.items():
        path = endpoint["url"].removeprefix("http://testserver")
        query = {"q": "Utr"} if name == "cities" else {}
        assert client.get(path, query).status_code == 200
