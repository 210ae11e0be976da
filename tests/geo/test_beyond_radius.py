"""Beyond a nearby search's radius: the nearest events when nothing is near, events promoted
far (a national march), the offer to host one, and the radius a search uses."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.geo.beyond_radius import (
    beyond_radius,
    host_offers,
    nearest_city,
    nearest_events,
    promoted_events_near,
)
from turnout.geo.distance import Units
from turnout.geo.radii import (
    DEFAULT_RADIUS,
    MAX_RADIUS_KM,
    MIN_RADIUS_KM,
    RADIUS_CHOICES,
    allowed_radius,
    radius_km,
)
from turnout.geo.selectors import Origin, listed_events, parse_origin

pytestmark = pytest.mark.django_db
NOW = datetime(2030, 5, 1, tzinfo=UTC)
TODAY = NOW.date()
ZURICH = Origin(latitude=47.3769, longitude=8.5417)
PAST = {
    "starts_at": datetime(2030, 4, 1, 12, tzinfo=UTC),
    "ends_at": datetime(2030, 4, 1, 14, tzinfo=UTC),
}

# Distances from Zurich: Basel 74 km, Munich 242 km, Milan 218 km, Paris 488 km, Berlin 671 km,
# Amsterdam 613 km, Madrid 1247 km.
PLACES = {
    "Basel": ("CH", 47.5596, 7.5886),
    "Munich": ("DE", 48.1351, 11.582),
    "Milan": ("IT", 45.4642, 9.19),
    "Paris": ("FR", 48.8566, 2.3522),
    "Berlin": ("DE", 52.52, 13.405),
    "Amsterdam": ("NL", 52.3676, 4.9041),
    "Madrid": ("ES", 40.4168, -3.7038),
}


def event(city, **extra):
    country, latitude, longitude = PLACES[city]
    return LocalEventFactory(
        city=city, country=country, latitude=latitude, longitude=longitude, **extra
    )


def upcoming():
    return listed_events(now=NOW)


@pytest.mark.parametrize(
    ("requested", "units", "used"),
    [
        (None, Units.KILOMETRES, 100),  # the home page's search gives none: the default
        ("", Units.KILOMETRES, 100),
        ("nonsense", Units.KILOMETRES, 100),
        ("nan", Units.KILOMETRES, 100),
        ("25", Units.KILOMETRES, 25),  # a choice is kept
        ("2500", Units.KILOMETRES, 2500),
        ("30", Units.KILOMETRES, 50),  # between choices: the next larger, never narrower
        ("75.5", Units.KILOMETRES, 100),
        ("0", Units.KILOMETRES, 10),
        ("-40", Units.KILOMETRES, 10),
        ("5000", Units.KILOMETRES, 2500),  # beyond the largest: the largest
        ("1" * 400, Units.KILOMETRES, 2500),
        ("inf", Units.KILOMETRES, 2500),
        (None, Units.MILES, 60),
        ("100", Units.MILES, 150),
        ("20", Units.MILES, 30),
    ],
)
def test_the_radius_used_is_always_one_the_box_offers(requested, units, used):
    assert allowed_radius(requested, units) == used
    assert used in RADIUS_CHOICES[units]


def test_every_offered_radius_lies_within_the_bounds_of_a_search():
    for units, choices in RADIUS_CHOICES.items():
        assert DEFAULT_RADIUS[units] in choices
        assert list(choices) == sorted(choices)
        for choice in choices:
            assert MIN_RADIUS_KM <= radius_km(choice, units) <= MAX_RADIUS_KM
    assert max(RADIUS_CHOICES[Units.KILOMETRES]) > 500  # the old limit was too narrow


@given(st.one_of(st.none(), st.text(max_size=30), st.integers(), st.floats()))
def test_any_requested_radius_gives_an_offered_one(requested):
    for units in Units:
        assert allowed_radius(requested, units) in RADIUS_CHOICES[units]


def test_nothing_near_zurich_gives_the_nearest_events_with_their_distances():
    for city in ("Madrid", "Paris", "Munich", "Basel", "Berlin", "Amsterdam", "Milan"):
        event(city)
    found = nearest_events(upcoming(), origin=ZURICH, beyond_km=25, limit=5)
    assert [item.event.city for item in found] == ["Basel", "Milan", "Munich", "Paris", "Amsterdam"]
    assert [round(item.distance_km) for item in found] == [74, 218, 242, 488, 613]
    assert not any(item.promoted for item in found)


def test_the_nearest_events_are_found_however_far_and_never_hidden_ones():
    event("Madrid")
    event("Berlin", status=LocalEvent.Status.CANCELLED)
    event("Paris", **PAST)
    event("Basel", status=LocalEvent.Status.PROPOSED)  # not yet approved
    draft = CampaignFactory(status=Campaign.Status.DRAFT)
    event("Munich", campaign=draft)
    event("Milan", attendance_mode=LocalEvent.AttendanceMode.ONLINE)
    found = nearest_events(upcoming(), origin=ZURICH, beyond_km=25)
    assert [(item.event.city, round(item.distance_km)) for item in found] == [("Madrid", 1247)]


def test_no_event_anywhere_gives_no_nearest_events():
    assert nearest_events(upcoming(), origin=ZURICH, beyond_km=25) == []


@pytest.mark.parametrize(
    ("city", "promotion_radius_km", "searched_km", "shown"),
    [
        ("Paris", 500, 25, True),  # 488 km away, promoted within 500 km
        ("Paris", 400, 25, False),  # beyond its promotion radius
        ("Paris", 20000, 25, True),  # a worldwide promotion
        ("Paris", 500, 500, False),  # within the search itself: a near event, not a promoted one
        ("Basel", 1000, 25, True),
        ("Madrid", 1000, 100, False),
    ],
)
def test_an_event_is_promoted_to_everyone_within_its_promotion_radius(
    city, promotion_radius_km, searched_km, shown
):
    promoted = event(city, promotion_radius_km=promotion_radius_km)
    event("Berlin")  # not promoted at all
    found = promoted_events_near(upcoming(), origin=ZURICH, radius_km=searched_km)
    assert [item.event for item in found] == ([promoted] if shown else [])
    assert all(item.promoted for item in found)


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": LocalEvent.Status.CANCELLED},
        {"status": LocalEvent.Status.PROPOSED},
        PAST,
        {"attendance_mode": LocalEvent.AttendanceMode.ONLINE},
    ],
)
def test_a_hidden_event_is_never_promoted(hidden):
    event("Paris", promotion_radius_km=1000, **hidden)
    assert promoted_events_near(upcoming(), origin=ZURICH, radius_km=25) == []


def test_a_draft_campaigns_event_is_never_promoted():
    event("Paris", promotion_radius_km=1000, campaign=CampaignFactory(status="draft"))
    assert promoted_events_near(upcoming(), origin=ZURICH, radius_km=25) == []


def test_promoted_events_come_nearest_first_and_apart_from_the_nearest_ones():
    paris = event("Paris", promotion_radius_km=800)
    amsterdam = event("Amsterdam", promotion_radius_km=800)
    event("Basel")
    campaign = CampaignFactory(is_open_for_proposals=True, ends_on=date(2030, 6, 1))
    beyond = beyond_radius(
        upcoming(), origin=ZURICH, radius_km=25, found_near=0, campaign=None, past=False,
        today=TODAY,
    )  # fmt: skip
    assert [item.event for item in beyond.promoted] == [paris, amsterdam]
    assert [item.event.city for item in beyond.nearest] == ["Basel"]  # not shown twice
    assert [offer.campaign for offer in beyond.host_offers] == [campaign]


def test_a_search_that_found_events_offers_no_fallback_but_keeps_promoted_ones():
    paris = event("Paris", promotion_radius_km=800)
    beyond = beyond_radius(
        upcoming(), origin=ZURICH, radius_km=100, found_near=3, campaign=None, past=False,
        today=TODAY,
    )  # fmt: skip
    assert [item.event for item in beyond.promoted] == [paris]
    assert beyond.nearest == [] and beyond.host_offers == [] and beyond.contacts == []


def test_host_offers_link_each_open_campaign_with_the_city_filled_in():
    open_one = CampaignFactory(slug="open", is_open_for_proposals=True, starts_on=date(2030, 5, 10))
    CampaignFactory(slug="closed", is_open_for_proposals=False)
    CampaignFactory(slug="over", is_open_for_proposals=True, starts_on=date(2030, 4, 1))
    CampaignFactory(slug="draft", is_open_for_proposals=True, status=Campaign.Status.DRAFT)
    origin = parse_origin("Zürich")
    offers = host_offers(origin=origin, today=TODAY)
    assert [offer.campaign for offer in offers] == [open_one]
    assert offers[0].url == "/en/campaigns/open/organize/?city=Z%C3%BCrich&country=CH"


def test_a_browsers_position_is_offered_with_the_nearest_city():
    CampaignFactory(slug="open", is_open_for_proposals=True)
    offers = host_offers(origin=Origin(latitude=47.38, longitude=8.55), today=TODAY)
    assert offers[0].url.endswith("?city=Z%C3%BCrich&country=CH")
    assert nearest_city(Origin(latitude=0.0, longitude=-30.0)) is None  # mid-Atlantic
    offers = host_offers(origin=Origin(latitude=0.0, longitude=-30.0), today=TODAY)
    assert offers[0].url == "/en/campaigns/open/organize/"


def test_without_an_open_campaign_the_coordination_links_are_offered():
    CampaignFactory(slug="talk", coordination_url="https://chat.example.org/join")
    CampaignFactory(slug="silent")
    CampaignFactory(
        slug="old", coordination_url="https://old.example.org", starts_on=date(2029, 1, 1)
    )
    beyond = beyond_radius(
        upcoming(), origin=ZURICH, radius_km=25, found_near=0, campaign=None, past=False,
        today=TODAY,
    )  # fmt: skip
    assert beyond.host_offers == []
    assert [campaign.slug for campaign in beyond.contacts] == ["talk"]


def test_past_searches_show_the_nearest_past_events_but_offer_no_hosting():
    event("Paris", **PAST)
    CampaignFactory(is_open_for_proposals=True)
    beyond = beyond_radius(
        listed_events(now=NOW, past=True), origin=ZURICH, radius_km=25, found_near=0,
        campaign=None, past=True, today=TODAY,
    )  # fmt: skip
    assert [item.event.city for item in beyond.nearest] == ["Paris"]
    assert beyond.host_offers == [] and beyond.promoted == []
