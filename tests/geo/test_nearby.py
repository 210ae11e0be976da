"""Nearby search: database prefilter, exact distance, ordering, and the edges of the map."""

from datetime import UTC, datetime

import pytest

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.models import LocalEvent
from turnout.geo.selectors import (
    Origin,
    UnknownPlace,
    listed_events,
    nearby_events,
    next_event_near,
    parse_origin,
)

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, tzinfo=UTC)


def place(city, country, latitude, longitude, **extra):
    return LocalEventFactory(
        city=city, country=country, latitude=latitude, longitude=longitude, **extra
    )


def near(latitude, longitude, radius_km):
    origin = Origin(latitude=latitude, longitude=longitude)
    return nearby_events(listed_events(now=NOW), origin=origin, radius_km=radius_km)


def test_events_come_nearest_first_within_the_radius_only():
    utrecht = place("Utrecht", "NL", 52.0907, 5.1214)
    rotterdam = place("Rotterdam", "NL", 51.9244, 4.4777)
    place("Berlin", "DE", 52.52, 13.405)
    found = near(52.3676, 4.9041, 100)  # from Amsterdam
    assert [item.event for item in found] == [utrecht, rotterdam]
    assert found[0].distance_km == pytest.approx(34.5, abs=1)


def test_an_event_just_outside_the_radius_is_left_out_though_inside_the_box():
    # 0.9° north of the equator is 100.1 km: inside the 100 km box's corner logic, not the circle.
    place("North", "EC", 0.9, 0.0)
    place("Corner", "EC", 0.7, 0.7)  # in the box's corner, 110 km away
    assert list(near(0, 0, 100)) == []
    assert [item.event.city for item in near(0, 0, 111)] == ["North", "Corner"]


def test_search_finds_events_across_the_antimeridian():
    taveuni = place("Taveuni", "FJ", -16.85, 179.97)
    rabi = place("Rabi", "FJ", -16.5, -179.98)  # east of the line
    place("Nadi", "FJ", -17.8, 177.42)  # 290 km away
    found = near(-16.7, 179.9, 100)
    assert {item.event for item in found} == {taveuni, rabi}


def test_search_near_the_north_pole_finds_events_on_the_far_side():
    far_side = place("Camp", "GL", 89.7, -170.0)  # 78 km away across the pole
    found = near(89.6, 10.0, 100)
    assert [item.event for item in found] == [far_side]


def test_search_near_the_south_pole():
    station = place("Station", "AQ", -89.99, 139.27)
    assert [item.event for item in near(-89.5, -40.0, 100)] == [station]


def test_events_without_coordinates_are_not_guessed_at():
    event = LocalEventFactory(city="Nowhere Town", country="FR")
    assert event.latitude is None
    assert list(near(48.85, 2.35, 500)) == []


def test_past_cancelled_and_unpublished_events_are_not_offered():
    place("Utrecht", "NL", 52.09, 5.12, status=LocalEvent.Status.CANCELLED)
    place("Utrecht", "NL", 52.09, 5.12, status=LocalEvent.Status.PROPOSED)
    place("Utrecht", "NL", 52.09, 5.12, campaign=CampaignFactory(status="draft"))
    past = CampaignFactory(starts_on=datetime(2029, 5, 13).date())
    place("Utrecht", "NL", 52.09, 5.12, campaign=past)
    assert list(near(52.37, 4.90, 100)) == []


def test_next_event_near_is_the_soonest_within_the_radius():
    later = CampaignFactory(starts_on=datetime(2030, 6, 1).date())
    place("Amsterdam", "NL", 52.37, 4.90, campaign=later)
    soon = place("Utrecht", "NL", 52.09, 5.12)  # 13 May 2030
    origin = Origin(latitude=52.37, longitude=4.90)
    assert next_event_near(origin=origin, now=NOW).event == soon
    assert next_event_near(origin=Origin(latitude=0, longitude=0), now=NOW) is None


def test_events_at_one_place_come_soonest_first():
    later = CampaignFactory(starts_on=datetime(2030, 6, 1).date())
    june = place("Utrecht", "NL", 52.09, 5.12, campaign=later)
    may = place("Utrecht", "NL", 52.09, 5.12)  # 13 May 2030
    farther = place("Rotterdam", "NL", 51.92, 4.48)
    assert [item.event for item in near(52.37, 4.90, 100)] == [may, june, farther]


def test_next_event_near_offers_the_nearest_of_those_starting_together():
    place("Rotterdam", "NL", 51.92, 4.48)
    utrecht = place("Utrecht", "NL", 52.09, 5.12)
    place("Haarlem", "NL", 52.38, 4.64, starts_at=utrecht.starts_at, ends_at=utrecht.ends_at)
    origin = Origin(latitude=52.09, longitude=5.0)  # just west of Utrecht
    found = next_event_near(origin=origin, now=NOW)
    assert found.event == utrecht
    assert found.distance_km == pytest.approx(8.2, abs=0.5)


@pytest.mark.parametrize(
    ("text", "latitude"),
    [("Londen", 51.5), ("Parijs", 48.86), ("52.37,4.90", 52.37), (" -33.9 , 151.2 ", -33.9)],
)
def test_origin_is_a_city_in_any_language_or_coordinates(text, latitude):
    assert parse_origin(text).latitude == pytest.approx(latitude, abs=0.05)


@pytest.mark.parametrize("text", ["Xyzzyville", "91,0", "0,181"])
def test_unknown_places_and_impossible_coordinates_are_refused(text):
    with pytest.raises(UnknownPlace):
        parse_origin(text)


def ring_of_events(count: int) -> list[LocalEvent]:
    """`count` events at growing distances north of (52, 5), 1 km apart."""
    return [place(f"Place {n}", "NL", 52 + n / 111.2, 5.0) for n in range(1, count + 1)]


def test_a_page_of_nearby_events_loads_only_that_page(django_assert_max_num_queries):
    events = ring_of_events(12)
    found = near(52.0, 5.0, 100)
    assert len(found) == 12
    with django_assert_max_num_queries(1):
        second_page = found[5:10]
    assert [item.event for item in second_page] == events[5:10]
    assert [round(item.distance_km) for item in second_page] == [6, 7, 8, 9, 10]
    with django_assert_max_num_queries(1):
        assert [item.event for item in found] == events
    assert found[-1].event == events[-1]


def test_an_event_deleted_after_ranking_is_left_out_of_its_page():
    events = ring_of_events(3)
    found = near(52.0, 5.0, 100)
    events[1].delete()
    assert [item.event for item in found[0:3]] == [events[0], events[2]]
