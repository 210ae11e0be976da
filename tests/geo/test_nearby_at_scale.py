"""Nearby search ranked by the database: the same events, in the same order, as Python ranks.

The database orders by a haversine written in SQL and reads the box by latitude band
(`campaigns.models.LatitudeBand`); these tests hold it to the exact ranking done in Python
(`distance.haversine_km`, nearest to the metre, then soonest, then oldest), on random events
anywhere, including across the antimeridian, around the poles and on band edges.
"""

import math
from datetime import UTC, datetime, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from turnout.campaigns.models import LocalEvent
from turnout.geo import distance_sql, selectors
from turnout.geo.distance import haversine_km, km_from_half_chord_squared
from turnout.geo.selectors import Origin, listed_events, nearby_events, next_event_near

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, tzinfo=UTC)

# Subnormal latitudes (under 2.2e-308) are left out: the database takes a stored one under
# 1e-100 for the equator (PostgreSQL's RADIANS refuses the least of them), which Python's
# ranking does not; such latitudes and longitudes are tested on their own below.
latitudes = st.floats(min_value=-90, max_value=90, allow_nan=False, allow_subnormal=False)
longitudes = st.floats(min_value=-180, max_value=180, allow_nan=False)
# Places that test the edges: the antimeridian, both poles, the equator, band edges (x.0, x.5).
edges = st.sampled_from(
    [(-16.7, 179.95), (-16.7, -179.95), (89.9, 0.0), (-89.9, 120.0), (0.0, 0.0), (52.0, 4.5),
     (51.5, -0.1), (-33.5, 151.0)]
)  # fmt: skip


@st.composite
def places(draw):
    """Somewhere near an edge (often several events at one spot), or anywhere at all."""
    if draw(st.booleans()):
        latitude, longitude = draw(edges)
        shift = draw(st.sampled_from([0.0, 0.0, 0.01, -0.3, 0.5, 1.2]))
        latitude = max(-90.0, min(90.0, latitude + shift))
        longitude = longitude + draw(st.sampled_from([0.0, 0.04, -0.04, 0.7]))
        longitude = (longitude + 180) % 360 - 180
        return latitude, longitude
    return draw(latitudes), draw(longitudes)


events_strategy = st.lists(
    st.tuples(places(), st.integers(min_value=0, max_value=4)), min_size=0, max_size=40
)
radii = st.sampled_from([5, 10, 25, 50, 100, 250, 1000, 2500])


def seed(rows) -> list[LocalEvent]:
    return LocalEvent.objects.bulk_create(
        LocalEvent(
            title=f"Event {n}", city="Somewhere", country="FJ", timezone="UTC",
            latitude=latitude, longitude=longitude,
            public_latitude=latitude, public_longitude=longitude,  # as save() sets them
            # Few distinct start times, so events at one place must be put soonest first.
            starts_at=NOW + timedelta(days=3 + day), ends_at=NOW + timedelta(days=3 + day, hours=2),
            status=LocalEvent.Status.APPROVED, campaign=None,
        )
        for n, ((latitude, longitude), day) in enumerate(rows)
    )  # fmt: skip


def ranked_in_python(events: list[LocalEvent], origin: Origin, radius_km: float) -> list[int]:
    """What the search used to do: every candidate measured and sorted in Python."""
    measured = [
        (haversine_km(origin.latitude, origin.longitude, e.latitude, e.longitude), e)
        for e in events
    ]
    within = [(distance, e) for distance, e in measured if distance <= radius_km]
    within.sort(key=lambda pair: (round(pair[0], 3), pair[1].starts_at, pair[1].pk))
    return [e.pk for _, e in within]


def search(origin: Origin, radius_km: float):
    return nearby_events(listed_events(now=NOW), origin=origin, radius_km=radius_km)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=events_strategy, origin=places(), radius_km=radii, page_size=st.integers(1, 7))
@example(rows=[((52.0, 4.9), 0), ((51.99999, 4.9), 1), ((52.5, 4.9), 0)], origin=(52.0, 4.9),
         radius_km=100, page_size=2)  # fmt: skip
@example(rows=[((89.7, -170.0), 0), ((89.7, 10.0), 1)], origin=(89.6, 10.0),
         radius_km=100, page_size=1)  # fmt: skip
@example(rows=[((-16.5, -179.98), 0), ((-16.85, 179.97), 0)], origin=(-16.7, 179.9),
         radius_km=100, page_size=1)  # fmt: skip
def test_the_database_ranks_as_python_does(monkeypatch, rows, origin, radius_km, page_size):
    # A small count-with-keys window, so pages come both from those keys and from the ranking.
    monkeypatch.setattr(selectors, "RANKED_WITH_COUNT", 3)
    with transaction.atomic():
        events = seed(rows)
        start = Origin(latitude=origin[0], longitude=origin[1])
        expected = ranked_in_python(events, start, radius_km)

        found = search(start, radius_km)
        assert len(found) == len(expected)
        pages = [
            [item.event.pk for item in found[offset : offset + page_size]]
            for offset in range(0, len(expected) + page_size, page_size)
        ]
        assert [pk for page in pages for pk in page] == expected
        assert [item.event.pk for item in search(start, radius_km)] == expected  # no count
        for item in found[0:page_size]:
            assert item.distance_km == haversine_km(
                start.latitude, start.longitude, item.event.latitude, item.event.longitude
            )
        transaction.set_rollback(True)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=events_strategy, origin=places(), radius_km=radii)
def test_the_next_event_near_is_the_soonest_then_nearest(rows, origin, radius_km):
    with transaction.atomic():
        events = seed(rows)
        start = Origin(latitude=origin[0], longitude=origin[1])
        measured = [
            (e.starts_at, haversine_km(start.latitude, start.longitude, e.latitude, e.longitude),
             e.pk)
            for e in events
        ]  # fmt: skip
        within = sorted(m for m in measured if m[1] <= radius_km)
        found = next_event_near(origin=start, now=NOW, radius_km=radius_km)
        if not within:
            assert found is None
        else:
            assert found is not None and found.event.pk == within[0][2]
        transaction.set_rollback(True)


def test_a_search_is_one_query_for_its_count_and_first_keys_and_one_for_its_page(
    django_assert_num_queries,
):
    seed([((52.0 + n / 200, 5.0), n % 3) for n in range(30)])
    found = search(Origin(latitude=52.0, longitude=5.0), 100)
    with django_assert_num_queries(1):
        assert len(found) == 30
    with django_assert_num_queries(1):
        first = found[0:10]
    with django_assert_num_queries(1):
        second = found[10:20]
    assert [item.event.latitude for item in first + second] == sorted(
        item.event.latitude for item in first + second
    )


def test_a_page_beyond_the_keys_ranked_with_the_count_is_ranked_by_the_database(monkeypatch):
    monkeypatch.setattr(selectors, "RANKED_WITH_COUNT", 5)
    events = seed([((-33.9 + n / 100, 151.2), 0) for n in range(12)])
    found = search(Origin(latitude=-33.9, longitude=151.2), 50)
    assert len(found) == 12
    assert [item.event for item in found[8:12]] == events[8:12]
    assert found[-1].event == events[-1]
    with pytest.raises(IndexError):
        found[12]


def test_private_places_are_ranked_but_their_distance_is_not_shown_exactly(client):
    private = seed([((51.5074, -0.1278), 0)])[0]
    private.location_is_private = True
    private.save()
    response = client.get("/api/v1/events/", {"near": "51.5,-0.12"})
    (shown,) = response.json()["results"]
    assert shown["distance_km"] == round(shown["distance_km"])  # whole kilometres only
    assert "51.5074" not in response.content.decode()


@settings(max_examples=300)
@given(radius_km=st.floats(0, 25000, allow_nan=False))
def test_the_bound_on_the_haversines_a_is_the_radius_to_the_last_bit(radius_km):
    bound = distance_sql.max_half_chord_squared(radius_km)
    if bound == math.inf:  # the radius reaches around the sphere
        assert km_from_half_chord_squared(1.0) <= radius_km
        return
    assert km_from_half_chord_squared(bound) <= radius_km
    assert km_from_half_chord_squared(math.nextafter(bound, 2.0)) > radius_km


def test_events_at_one_spot_beyond_the_keys_ranked_with_the_count_come_soonest_first(
    monkeypatch,
):
    monkeypatch.setattr(selectors, "RANKED_WITH_COUNT", 2)
    events = seed([((40.4168, -3.7038), n % 4) for n in range(8)])
    found = search(Origin(latitude=40.4, longitude=-3.7), 25)
    assert len(found) == 8
    expected = sorted(events, key=lambda event: (event.starts_at, event.pk))
    assert [item.event for item in found[0:3]] == expected[0:3]


@pytest.mark.parametrize(
    "origin, place",
    [
        ((1e-200, 0.0), (0.0, 0.0)),
        ((0.0, 1e-200), (0.0, 0.0)),
        ((90.0, 1e-120), (90.0, 0.0)),
        ((0.0, 1e-320), (0.0, 0.0)),
        ((0.0, 0.0), (0.0, -1e-320)),
        ((0.0, 0.0), (5e-324, 0.0)),  # the least subnormal latitude, stored as typed
        ((0.0, 1e-5), (-3e-322, 1e-5)),
    ],
)
def test_places_a_hair_apart_are_found_not_an_underflow(origin, place):
    # PostgreSQL refuses a product of non-zero floats that rounds to zero; a browser may send
    # "0.000…001,0" as its position.
    (event,) = seed([(place, 0)])
    start = Origin(latitude=origin[0], longitude=origin[1])
    found = search(start, 5)
    assert len(found) == 1 and found[0].event == event
    assert found[0].distance_km < 1e-6
    assert next_event_near(origin=start, now=NOW, radius_km=5).event == event
