"""Great-circle distance and the bounding box: correct across the antimeridian and at the poles."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from turnout.geo.distance import KM_PER_MILE, Units, bounding_box, haversine_km


def test_known_distances():
    # London to Paris is 344 km along the great circle; Amsterdam to Utrecht 35 km.
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1)
    assert haversine_km(52.3676, 4.9041, 52.0907, 5.1214) == pytest.approx(34.5, abs=1)
    assert haversine_km(10, 20, 10, 20) == 0


def test_distance_across_the_antimeridian_is_short():
    # Two points 1° of longitude apart on either side of 180° at the equator: 111 km.
    assert haversine_km(0, 179.5, 0, -179.5) == pytest.approx(111.2, abs=0.5)


def test_units_convert_both_ways():
    assert Units.MILES.from_km(KM_PER_MILE * 10) == pytest.approx(10)
    assert Units.MILES.to_km(10) == pytest.approx(16.09344)
    assert Units.KILOMETRES.from_km(42) == 42


def test_box_near_the_antimeridian_splits_into_two_longitude_ranges():
    box = bounding_box(-17.7, 178.4, 200)  # Suva, Fiji
    assert len(box.longitude_ranges) == 2
    assert box.contains(-17.7, -179.8)  # 190 km east, across the line
    assert box.contains(-17.7, 177.5)
    assert not box.contains(-17.7, 0)


def test_box_around_a_pole_spans_every_longitude():
    box = bounding_box(89.5, 0, 100)  # the pole is 56 km away
    assert box.longitude_ranges == ((-180.0, 180.0),)
    assert box.max_latitude == 90
    assert box.contains(89.6, 179)


def test_box_at_high_latitude_is_wider_than_the_naive_estimate():
    # At 80° N, 100 km spans about 5.2° of longitude, not 100 / 111 = 0.9°.
    box = bounding_box(80, 10, 100)
    ((low, high),) = box.longitude_ranges
    assert high - 10 > 5


@settings(max_examples=200, deadline=None)
@given(
    latitude=st.floats(-89.9, 89.9),
    longitude=st.floats(-180, 180),
    radius=st.floats(25, 500),
    bearing=st.floats(0, 2 * math.pi),
    fraction=st.floats(0, 0.999),
)
def test_every_point_within_the_radius_lies_inside_the_box(
    latitude, longitude, radius, bearing, fraction
):
    # Walk `fraction * radius` from the centre in any direction (the direct geodesic problem on
    # the sphere); the box must contain where we arrive.
    distance = fraction * radius / 6371.0088
    phi1, lam1 = math.radians(latitude), math.radians(longitude)
    phi2 = math.asin(
        math.sin(phi1) * math.cos(distance)
        + math.cos(phi1) * math.sin(distance) * math.cos(bearing)
    )
    lam2 = lam1 + math.atan2(
        math.sin(bearing) * math.sin(distance) * math.cos(phi1),
        math.cos(distance) - math.sin(phi1) * math.sin(phi2),
    )
    arrived_lat = math.degrees(phi2)
    arrived_lon = (math.degrees(lam2) + 540) % 360 - 180
    box = bounding_box(latitude, longitude, radius)
    assert box.contains(arrived_lat, arrived_lon)
    assert haversine_km(latitude, longitude, arrived_lat, arrived_lon) <= radius + 1e-6
