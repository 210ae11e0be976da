"""schema.org Event JSON-LD on event and campaign pages, read as a search engine reads it:
expanded with a JSON-LD processor (PyLD, offline) and checked for every property Google's
event guidelines require (name, startDate, location with an address when in a place) and
recommend (description, endDate, eventStatus, eventAttendanceMode, image, offers, organizer)."""

from datetime import timedelta

import pytest

from tests.factories import CampaignFactory, LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.models import LocalEvent
from turnout.signups.models import Signup

from .json_ld import S, expand, one, types, values
from .pages import json_ld_blocks

pytestmark = pytest.mark.django_db
SITE = "https://turnout.example.org"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


def page_event(client, event, language="en") -> tuple[dict, str]:
    html = client.get(f"/{language}/events/{event.pk}/").content.decode()
    blocks = json_ld_blocks(html)
    assert len(blocks) == 1
    [node] = expand(blocks[0])
    assert types(node) == {S + "Event"}
    return node, html


def assert_google_event(node: dict, *, in_place: bool) -> None:
    """Google's required and recommended properties of an Event."""
    assert one(node, "name")
    assert one(node, "startDate")[19:] in ("Z",) or one(node, "startDate")[19] in "+-"
    assert one(node, "endDate")[19] in "+-"
    assert one(node, "description")
    assert one(node, "eventStatus").startswith(S)
    assert one(node, "eventAttendanceMode").startswith(S)
    assert values(node, "image")
    organizer = one(node, "organizer")
    assert types(organizer) == {S + "Organization"}
    assert one(organizer, "name") and one(organizer, "url").startswith(SITE)
    offer = one(node, "offers")
    assert types(offer) == {S + "Offer"}
    assert one(offer, "price") == "0"
    assert one(offer, "priceCurrency") == "EUR"
    assert one(offer, "availability") in (S + "InStock", S + "SoldOut")
    assert one(offer, "url").startswith("http")
    assert one(offer, "validFrom")
    locations = values(node, "location")
    assert locations
    if in_place:
        place = next(p for p in locations if S + "Place" in types(p))
        address = one(place, "address")
        assert types(address) == {S + "PostalAddress"}
        assert one(address, "addressLocality")
        assert one(address, "addressCountry")


def test_an_event_page_carries_a_complete_event(client):
    event = LocalEventFactory(
        title="Climate march", description="We walk *together*.", venue="Museumplein",
        address="Museumplein 1", latitude=52.358, longitude=4.881,
    )  # fmt: skip
    node, _html = page_event(client, event, "nl")
    assert_google_event(node, in_place=True)
    assert one(node, "startDate") == "2030-05-13T13:00:00+02:00"  # the event's own zone
    assert one(node, "endDate") == "2030-05-13T15:00:00+02:00"
    assert one(node, "eventStatus") == S + "EventScheduled"
    assert one(node, "eventAttendanceMode") == S + "OfflineEventAttendanceMode"
    assert one(node, "description") == "We walk together."
    assert one(node, "url") == f"{SITE}/nl/events/{event.pk}/"
    assert values(node, "image")[0].startswith(f"{SITE}/nl/cards/events/{event.pk}.png")
    place = one(node, "location")
    assert one(place, "name") == "Museumplein"
    assert one(one(place, "address"), "streetAddress") == "Museumplein 1"
    assert one(one(place, "address"), "addressCountry") == "NL"
    geo = one(place, "geo")
    assert one(geo, "latitude") == 52.358
    assert one(one(node, "offers"), "availability") == S + "InStock"


def test_a_cancelled_event_says_so(client):
    event = LocalEventFactory(status=LocalEvent.Status.CANCELLED, description="Off.")
    node, _html = page_event(client, event)
    assert one(node, "eventStatus") == S + "EventCancelled"
    assert_google_event(node, in_place=True)


def test_an_online_event_is_a_virtual_location_without_the_meeting_link(client):
    event = LocalEventFactory(
        attendance_mode=LocalEvent.AttendanceMode.ONLINE, city="", country="",
        meeting_url="https://meet.example.org/secret-room", description="A call.",
    )  # fmt: skip
    node, html = page_event(client, event)
    assert_google_event(node, in_place=False)
    assert one(node, "eventAttendanceMode") == S + "OnlineEventAttendanceMode"
    location = one(node, "location")
    assert types(location) == {S + "VirtualLocation"}
    assert one(location, "url") == f"{SITE}/en/events/{event.pk}/"
    assert "secret-room" not in html


def test_a_moved_event_is_rescheduled_with_its_earlier_start(client):
    event = LocalEventFactory(description="Moved.")
    first_start = event.starts_at
    event.title = "A new title only"
    event.save()
    node, _html = page_event(client, event)
    assert one(node, "eventStatus") == S + "EventScheduled"
    event.starts_at += timedelta(days=7)
    event.ends_at += timedelta(days=7)
    event.save()
    node, _html = page_event(client, event)
    assert one(node, "eventStatus") == S + "EventRescheduled"
    assert values(node, "previousStartDate") == ["2030-05-13T13:00:00+02:00"]
    assert one(node, "startDate") == "2030-05-20T13:00:00+02:00"
    assert_google_event(node, in_place=True)
    # Moved back: the one start it has is no longer an earlier one.
    event.starts_at, event.ends_at = first_start, first_start + timedelta(hours=2)
    event.save()
    node, _html = page_event(client, event)
    assert values(node, "previousStartDate") == ["2030-05-20T13:00:00+02:00"]
    cancelled = LocalEventFactory(status=LocalEvent.Status.CANCELLED, description="Off.")
    cancelled.starts_at += timedelta(hours=1)
    cancelled.save()
    node, _html = page_event(client, cancelled)
    assert one(node, "eventStatus") == S + "EventCancelled"  # cancelled says more than moved


def test_a_mixed_event_has_a_place_and_a_virtual_location(client):
    event = LocalEventFactory(
        attendance_mode=LocalEvent.AttendanceMode.MIXED, description="Both.",
        meeting_url="https://meet.example.org/secret-room",
    )  # fmt: skip
    node, html = page_event(client, event)
    assert_google_event(node, in_place=True)
    assert one(node, "eventAttendanceMode") == S + "MixedEventAttendanceMode"
    kinds = {next(iter(types(p))) for p in values(node, "location")}
    assert kinds == {S + "Place", S + "VirtualLocation"}
    assert "secret-room" not in html


def test_a_private_place_is_only_its_area(client):
    event = LocalEventFactory(
        venue="Museumplein", address="Van Baerlestraat 31", meeting_point="Blauwe container",
        latitude=52.35791, longitude=4.88123, location_is_private=True, description="Private.",
    )  # fmt: skip
    html = client.get(f"/en/events/{event.pk}/").content.decode()
    [block] = json_ld_blocks(html)
    text = str(block)
    for secret in ("Van Baerlestraat", "Blauwe container", "52.357", "4.881"):
        assert secret not in text
    [node] = expand(block)
    place = one(node, "location")
    assert values(one(place, "address"), "streetAddress") == []
    assert values(place, "geo") == []
    assert one(one(place, "address"), "addressLocality") == "Amsterdam"


def test_a_full_event_is_sold_out(client):
    event = LocalEventFactory(capacity=1, description="Small.")
    SignupFactory(event=event, state=Signup.State.CONFIRMED)
    node, _html = page_event(client, event)
    assert one(one(node, "offers"), "availability") == S + "SoldOut"


def test_a_script_end_tag_in_a_title_stays_text(client):
    title = "</script><script>alert(1)</script> & <!-- \u2028"
    event = LocalEventFactory(title=title[:200], description="</script>")
    node, html = page_event(client, event)
    assert "<script>alert(1)" not in html
    assert one(node, "name") == title.strip()
    assert one(node, "description") == "</script>"


def test_a_campaign_page_carries_the_window_with_its_events(client):
    campaign = CampaignFactory(slug="klimaat", title="Climate day", summary="Everywhere.")
    amsterdam = LocalEventFactory(campaign=campaign, city="Amsterdam")
    athens = LocalEventFactory(
        campaign=campaign, city="Αθήνα", country="GR", timezone="Europe/Athens"
    )
    LocalEventFactory(campaign=campaign, status=LocalEvent.Status.PROPOSED, city="Hidden")
    html = client.get("/en/campaigns/klimaat/").content.decode()
    [block] = json_ld_blocks(html)
    [node] = expand(block)
    assert types(node) == {S + "Event"}
    assert_google_event_minimal = (
        one(node, "name"),
        one(node, "startDate"),
        values(node, "location"),
    )
    assert all(assert_google_event_minimal)
    assert one(node, "startDate") == "2030-05-13T13:00:00+03:00"  # Athens starts first
    # Each event by reference to the Event its own page carries.
    sub_ids = set(values(node, "subEvent"))
    assert sub_ids == {
        f"{SITE}/en/events/{amsterdam.pk}/#event", f"{SITE}/en/events/{athens.pk}/#event",
    }  # fmt: skip
    [own] = expand(json_ld_blocks(client.get(f"/en/events/{athens.pk}/").content.decode())[0])
    assert own["@id"] in sub_ids
    assert "Hidden" not in html.split("application/ld+json")[1].split("</script>")[0]
    localities = {one(one(p, "address"), "addressLocality") for p in values(node, "location")}
    assert localities == {"Amsterdam", "Αθήνα"}
