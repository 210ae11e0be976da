"""A search `near` a place writes its events out by hand: byte for byte what DRF writes."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CampaignFactory, LocalEventFactory
from tests.groups.factories import LocalGroupFactory
from tests.meetups.conftest import make_series
from turnout.api.serializers import EventSerializer, NearbyEventSerializer

pytestmark = pytest.mark.django_db


@pytest.fixture
def every_kind_of_event(may, organizer):
    """Events near Utrecht that use every field: campaign or none, group, series, private
    places (a city the gazetteer knows and one it does not), online, promoted, accessibility."""
    group = LocalGroupFactory(city="Utrecht", slug="utrecht")
    make_series(group, organizer, now=datetime(2030, 5, 1, tzinfo=UTC))  # dates near Utrecht
    common = {"country": "NL", "timezone": "Europe/Amsterdam"}
    LocalEventFactory(
        campaign=may, city="Utrecht", latitude=52.0907, longitude=5.1214, group=group,
        venue="Neude", address="Neude 1", meeting_point="By the post office",
        step_free_access=True, seating=False, accessibility_note="Ramp at the side",
        signup_url="https://lu.ma/abc", promotion_radius_km=300, **common,
    )  # fmt: skip
    LocalEventFactory(
        campaign=None, city="Amersfoort", latitude=52.1561, longitude=5.3878,
        location_is_private=True, address="Secret 1", meeting_point="Back door", **common,
    )  # fmt: skip
    LocalEventFactory(
        campaign=None, city="Nergenshuizen", latitude=52.0123456, longitude=5.0987654,
        location_is_private=True, address="Secret 2", **common,
    )  # fmt: skip
    LocalEventFactory(
        campaign=may, city="", attendance_mode="online", meeting_url="https://meet.example/x",
        latitude=None, longitude=None, **common,
    )  # fmt: skip
    LocalEventFactory(
        campaign=CampaignFactory(slug="archived-one", status="archived"), city="Groningen",
        latitude=53.2194, longitude=6.5665, promotion_radius_km=400, status="tba",
        description="Line one\nLine “two” – ünïcode", quiet_space=None, sign_language=True,
        **common,
    )  # fmt: skip
    LocalEventFactory(
        campaign=None, city="Utrecht", latitude=52.09, longitude=5.12, status="completed",
        starts_at=datetime(2030, 4, 2, 18, tzinfo=UTC),
        ends_at=datetime(2030, 4, 2, 20, tzinfo=UTC),
        **common,
    )  # fmt: skip


@pytest.mark.parametrize(
    "query",
    [
        "near=Utrecht",
        "near=Utrecht&lang=nl&page_size=3&page=2",
        "near=52.09,5.12&radius_km=5",
        "near=Utrecht&past=true",
        "near=Reykjavik&radius_km=5",  # nothing near: the nearest events, however far
        "near=Brussels&radius_km=50&lang=nl",  # promoted as far as Brussels, nothing near
    ],
)
def test_the_hand_written_list_is_byte_for_byte_drf(
    client, monkeypatch, every_kind_of_event, query
):
    url = f"/api/v1/events/?{query}"
    by_hand = client.get(url)
    drf = EventSerializer.to_representation
    monkeypatch.setattr(NearbyEventSerializer, "to_representation", drf)
    by_drf = client.get(url)
    assert by_hand.status_code == by_drf.status_code == 200
    assert by_hand.content == by_drf.content
    data = by_hand.json()
    assert data["results"] or data["nearest"]


def test_every_kind_of_event_is_compared(client, every_kind_of_event):
    data = client.get("/api/v1/events/?near=Utrecht&radius_km=200&page_size=50").json()
    results = data["results"]
    assert data["online"] and data["online"][0]["is_online"] is True
    assert {event["location_is_private"] for event in results} == {True, False}
    assert any(event["series"] for event in results) and any(event["group"] for event in results)
    assert {event["campaign"] for event in results} >= {None, "may", "archived-one"}
    near_paris = client.get("/api/v1/events/?near=Brussels&radius_km=50").json()
    assert [event["promoted"] for event in near_paris["promoted"]] == [True, True]


def test_the_hand_written_list_has_every_field_the_serializer_declares(every_kind_of_event):
    from turnout.campaigns.models import LocalEvent

    event = LocalEvent.objects.exclude(city="").first()
    assert list(NearbyEventSerializer(event).data) == list(EventSerializer.Meta.fields)


def test_the_columns_loaded_are_all_the_list_reads(client, every_kind_of_event):
    # A column left out of NearbyEventSerializer.COLUMNS would cost a query per event.
    with CaptureQueriesContext(connection) as queries:
        data = client.get("/api/v1/events/?near=Utrecht&radius_km=200&page_size=50").json()
    assert len(data["results"]) >= 8 and data["online"]
    assert len(queries) <= 5, [query["sql"] for query in queries]
