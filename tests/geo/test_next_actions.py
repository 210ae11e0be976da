"""Next actions near an event: which events are offered, in which order, worded how."""

from datetime import UTC, date, datetime

import pytest

from tests.factories import CampaignFactory, LocalEventFactory
from tests.groups.factories import LocalGroupFactory
from turnout.campaigns.models import Campaign, LocalEvent
from turnout.geo.next_actions import next_actions_near

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 5, 14, 9, 0, tzinfo=UTC)  # the morning after the action day
AMSTERDAM = (52.3676, 4.9041)
ONLINE = LocalEvent.AttendanceMode.ONLINE


def at(day: date, hour: int = 14) -> datetime:
    return datetime.combine(day, datetime.min.time().replace(hour=hour), tzinfo=UTC)


@pytest.fixture
def world():
    """A campaign day just past in Amsterdam and what comes after it, near and far."""
    ours = CampaignFactory(slug="ours", starts_on=date(2030, 5, 13))
    other = CampaignFactory(slug="other", starts_on=date(2030, 6, 1))
    draft = CampaignFactory(slug="draft", status=Campaign.Status.DRAFT)
    group = LocalGroupFactory(city="Amsterdam", name="Group Amsterdam")

    def event(title, campaign=ours, coords=AMSTERDAM, starts=date(2030, 6, 20), **extra):
        latitude, longitude = coords if coords else (None, None)
        return LocalEventFactory(
            title=title,
            campaign=campaign,
            latitude=latitude,
            longitude=longitude,
            starts_at=starts if isinstance(starts, datetime) else at(starts),
            **extra,
        )

    events = {
        "with group": event("Amsterdam day", starts=date(2030, 5, 13), group=group),
        "without group": event("Amsterdam vigil", starts=date(2030, 5, 13)),
        "online": event(
            "Call of the day",
            coords=None,
            city="",
            country="",
            attendance_mode=ONLINE,
            starts=date(2030, 5, 13),
        ),
        "berlin": event(
            "Berlin day",
            coords=(52.52, 13.405),
            city="Berlin",
            country="DE",
            timezone="Europe/Berlin",
            starts=date(2030, 5, 13),
        ),
        "no coordinates": event(
            "Utrecht day", coords=None, city="Utrecht", starts=date(2030, 5, 13)
        ),
    }
    event("Group meet-up", group=group, starts=date(2030, 6, 20))
    event("Utrecht June", coords=(52.0907, 5.1214), city="Utrecht", starts=date(2030, 6, 10))
    event(
        "Rotterdam June",
        campaign=other,
        coords=(51.9244, 4.4777),
        city="Rotterdam",
        starts=date(2030, 6, 5),
    )
    event(
        "Haarlem cancelled",
        coords=(52.3874, 4.6462),
        city="Haarlem",
        status=LocalEvent.Status.CANCELLED,
    )
    event("Zaandam draft campaign", campaign=draft, coords=(52.4420, 4.8292), city="Zaandam")
    event(
        "Almere proposed",
        coords=(52.3508, 5.2647),
        city="Almere",
        status=LocalEvent.Status.PROPOSED,
    )
    event("Amsterdam already on", starts=datetime(2030, 5, 14, 8, 0, tzinfo=UTC))
    event("Amsterdam past", starts=date(2030, 5, 1))
    event(
        "Berlin June",
        coords=(52.52, 13.405),
        city="Berlin",
        country="DE",
        timezone="Europe/Berlin",
        starts=date(2030, 6, 2),
    )
    event(
        "Online June",
        coords=None,
        city="",
        country="",
        attendance_mode=ONLINE,
        starts=date(2030, 6, 3),
    )
    event(
        "Online July",
        coords=None,
        city="",
        country="",
        attendance_mode=ONLINE,
        starts=date(2030, 7, 1),
    )
    event(
        "Online other campaign",
        campaign=other,
        coords=None,
        city="",
        country="",
        attendance_mode=ONLINE,
        starts=date(2030, 6, 2),
    )
    # The gazetteer places every known city: this one is as if it had not been found.
    LocalEvent.objects.filter(pk=events["no coordinates"].pk).update(
        latitude=None, longitude=None, public_latitude=None, public_longitude=None
    )
    events["no coordinates"].refresh_from_db()
    return events


@pytest.mark.parametrize(
    ("at_event", "limit", "expected"),
    [
        # The group's next meet-up first, then nearest first, any public campaign.
        ("with group", 3, ["Group meet-up", "Utrecht June", "Rotterdam June"]),
        ("with group", 1, ["Group meet-up"]),
        ("with group", 10, ["Group meet-up", "Utrecht June", "Rotterdam June"]),
        # Without a group the meet-up is just the nearest event (same place, 0 km).
        ("without group", 2, ["Group meet-up", "Utrecht June"]),
        # Online: the campaign's other calls, soonest first; never another campaign's.
        ("online", 3, ["Online June", "Online July"]),
        # Far from everything else: only what lies within 100 km.
        ("berlin", 3, ["Berlin June"]),
        # Not on the map: the same city stands in for "near".
        ("no coordinates", 3, ["Utrecht June"]),
    ],
)
def test_offered_actions(world, at_event, limit, expected):
    actions = next_actions_near(world[at_event], now=NOW, language="en", limit=limit)
    assert [action.title for action in actions] == expected


def test_the_group_meetup_is_marked_and_others_are_not(world):
    actions = next_actions_near(world["with group"], now=NOW, language="en")
    assert [a.is_group_meetup for a in actions] == [True, False, False]
    plain = next_actions_near(world["without group"], now=NOW, language="en")
    assert not any(a.is_group_meetup for a in plain)


def test_each_action_reads_in_the_language_with_distance_and_local_time(world):
    meetup, utrecht, rotterdam = next_actions_near(world["with group"], now=NOW, language="nl")
    assert meetup.distance_km == pytest.approx(0, abs=0.01)
    assert utrecht.distance_km == pytest.approx(34.5, abs=1)
    assert utrecht.distance == "34 km"
    assert rotterdam.distance_km == pytest.approx(57, abs=2)
    assert utrecht.url.endswith(f"/nl/events/{utrecht.event.pk}/")
    assert utrecht.url.startswith("http")
    assert utrecht.day == "maandag 10 juni 2030"
    assert utrecht.time.startswith("16:00")  # 14:00 UTC is 16:00 in Amsterdam in summer
    assert utrecht.place == "Utrecht"


def test_online_actions_have_no_distance_and_say_online(world):
    first = next_actions_near(world["online"], now=NOW, language="nl")[0]
    assert first.distance_km is None
    assert first.distance == ""
    assert first.place == "Online"


def test_a_city_name_reads_in_the_language(world):
    LocalEventFactory(
        title="Den Haag",
        city="The Hague",
        latitude=52.0705,
        longitude=4.3007,
        starts_at=at(date(2030, 6, 1)),
        campaign=world["without group"].campaign,
    )
    actions = next_actions_near(world["without group"], now=NOW, language="nl", limit=10)
    assert "Den Haag" in [a.place for a in actions]


def test_nothing_to_offer_is_an_empty_list():
    lonely = LocalEventFactory(latitude=-54.8, longitude=-68.3, city="Ushuaia", country="AR")
    assert next_actions_near(lonely, now=NOW) == []


def test_distances_to_or_from_a_private_place_are_whole_kilometres(world):
    utrecht = LocalEvent.objects.get(title="Utrecht June")
    utrecht.location_is_private = True
    utrecht.save(update_fields=["location_is_private"])
    actions = next_actions_near(world["with group"], now=NOW, language="en")
    by_title = {action.title: action for action in actions}
    assert by_title["Utrecht June"].distance_km == 34.0
    assert by_title["Rotterdam June"].distance_km != round(by_title["Rotterdam June"].distance_km)
    origin = world["with group"]
    origin.location_is_private = True
    origin.save(update_fields=["location_is_private"])
    for action in next_actions_near(origin, now=NOW, language="en"):
        assert action.distance_km == round(action.distance_km)
