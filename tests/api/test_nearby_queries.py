"""A search `near` a place costs the same few queries however many events it finds."""

import pytest

from tests.factories import LocalEventFactory

pytestmark = pytest.mark.django_db


def near_london(client, events: int, django_assert_max_num_queries, may):
    for n in range(events):  # in a ring around London, a few kilometres out
        LocalEventFactory(
            campaign=may, city=f"Ort {n}", country="GB", timezone="Europe/London",
            latitude=51.5074 + (n % 7) / 100, longitude=-0.1278 + (n % 5) / 100,
        )  # fmt: skip
    with django_assert_max_num_queries(5) as queries:
        response = client.get("/api/v1/events/?near=London&radius_km=50&page_size=20")
    assert response.status_code == 200
    return response.json(), len(queries)


def test_a_search_near_london_takes_as_many_queries_for_3_events_as_for_40(
    client, django_assert_max_num_queries, may
):
    few, few_queries = near_london(client, 2, django_assert_max_num_queries, may)
    many, many_queries = near_london(client, 38, django_assert_max_num_queries, may)
    assert few["count"] == 3  # London and two more; Oxford is beyond 50 km
    assert many["count"] == 41
    assert len(many["results"]) == 20
    assert many_queries == few_queries
    distances = [event["distance_km"] for event in many["results"]]
    assert distances == sorted(distances)
