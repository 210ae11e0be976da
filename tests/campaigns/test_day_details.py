"""The day's rules (campaigns.day_details): what the public sees of a private place, where its
dot lands, which safety values an event inherits, and what is known of its accessibility."""

import pytest

from tests.factories import CampaignFactory, LocalEventFactory
from turnout.campaigns.day_details import (
    accessibility,
    apply_day_details,
    effective_safety,
    exact_location,
    fields_only_participants_see,
    private_place,
    public_coordinates,
    public_place,
    with_accessibility,
)
from turnout.campaigns.models import AuthorityNotice, LocalEvent, SafetyDefaults
from turnout.places.gazetteer import resolve_city

pytestmark = pytest.mark.django_db

EXACT = (52.35791, 4.88123)  # a spot on Museumplein, not Amsterdam's centre


def private_event(**fields) -> LocalEvent:
    values = {
        "venue": "Museumplein", "address": "Museumplein 10", "city": "Amsterdam",
        "country": "NL", "latitude": EXACT[0], "longitude": EXACT[1],
        "location_is_private": True, "meeting_point": "Achter de blauwe container",
        "private_instructions": "Neem **water** mee.",
    }  # fmt: skip
    values.update(fields)
    return LocalEventFactory(**values)


def test_the_public_sees_only_the_area_of_a_private_place():
    event = private_event()
    place = public_place(event, "nl")
    assert (place.venue, place.city, place.country) == ("Museumplein", "Amsterdam", "Nederland")
    assert place.address == place.meeting_point == ""
    assert place.is_private
    assert place.location == "Museumplein, Amsterdam, Nederland"


def test_an_open_place_shows_its_address_and_meeting_point_to_everyone():
    event = private_event(location_is_private=False)
    place = public_place(event, "en")
    assert place.address == "Museumplein 10"
    assert place.meeting_point == "Achter de blauwe container"
    assert not place.is_private
    assert place.location == "Museumplein, Museumplein 10, Amsterdam, Netherlands"


def test_participants_get_the_exact_place_and_instructions():
    event = private_event()
    private = private_place(event)
    assert private.address == "Museumplein 10"
    assert private.meeting_point == "Achter de blauwe container"
    assert private.instructions == "Neem **water** mee."
    assert exact_location(event, "en") == "Museumplein, Museumplein 10, Amsterdam, Netherlands"


def test_an_online_event_has_no_place_to_keep():
    event = LocalEventFactory(
        attendance_mode=LocalEvent.AttendanceMode.ONLINE, city="", country="",
        location_is_private=True, meeting_url="https://meet.example/x",
    )  # fmt: skip
    assert public_place(event).location == "Online"
    assert not public_place(event).is_private
    assert public_coordinates(event) is None


def test_a_private_place_is_shown_at_its_citys_centre():
    event = private_event()
    amsterdam = resolve_city("Amsterdam", country="NL")
    assert public_coordinates(event) == (amsterdam.latitude, amsterdam.longitude)
    assert public_coordinates(event) != EXACT


def test_a_private_place_in_a_town_the_gazetteer_lacks_is_rounded_to_about_a_kilometre():
    event = private_event(city="Nergenshuizen-aan-Zee")
    assert public_coordinates(event) == (52.36, 4.88)


def test_an_open_place_keeps_its_exact_coordinates():
    assert public_coordinates(private_event(location_is_private=False)) == EXACT
    unplaced = private_event(city="Nergenshuizen-aan-Zee", latitude=None, longitude=None)
    assert public_coordinates(unplaced) is None


def test_changes_of_a_private_place_are_news_only_for_participants():
    assert fields_only_participants_see(private_event()) >= {"address", "meeting_point"}
    open_fields = fields_only_participants_see(private_event(location_is_private=False))
    assert "meeting_point" not in open_fields
    assert "private_instructions" in open_fields


# -- safety inheritance -----------------------------------------------------------------------

SECRETARIAT = "+31 20 555 0199"


@pytest.mark.parametrize(
    ("event_line", "default_country", "event_country", "with_campaign", "expected"),
    [
        ("+31 6 1111 2222", "NL", "NL", True, "+31 6 1111 2222"),  # the event's own wins
        ("", "NL", "NL", True, SECRETARIAT),  # the country's default
        ("", "BE", "NL", True, ""),  # another country's default is not ours
        ("  ", "NL", "NL", True, SECRETARIAT),  # blank counts as empty
        ("", "NL", "NL", False, ""),  # a standalone event has no campaign defaults
    ],
)
def test_safety_values_come_from_the_event_then_the_campaigns_country_default(
    event_line, default_country, event_country, with_campaign, expected
):
    campaign = CampaignFactory()
    SafetyDefaults.objects.create(
        campaign=campaign, country=default_country, legal_support_line=SECRETARIAT
    )
    event = LocalEventFactory(
        campaign=campaign if with_campaign else None,
        country=event_country,
        city="Amsterdam" if event_country == "NL" else "Brussels",
        legal_support_line=event_line,
    )
    assert effective_safety(event).legal_support_line == expected


def test_each_safety_field_is_inherited_on_its_own():
    campaign = CampaignFactory()
    SafetyDefaults.objects.create(
        campaign=campaign, country="NL", authority_notice=AuthorityNotice.NOTIFIED,
        legal_support_line=SECRETARIAT, police_liaison="Landelijk team",
        if_separated="Ga naar het Leidseplein.",
    )  # fmt: skip
    event = LocalEventFactory(
        campaign=campaign, authority_notice=AuthorityNotice.PERMITTED, police_liaison="Ans"
    )
    safety = effective_safety(event)
    assert safety.authority_notice == AuthorityNotice.PERMITTED
    assert str(safety.authority_notice_label) == "Permitted by the authorities"
    assert safety.legal_support_line == SECRETARIAT
    assert safety.police_liaison == "Ans"
    assert safety.if_separated == "Ga naar het Leidseplein."
    assert safety


def test_no_safety_information_is_empty():
    assert not effective_safety(LocalEventFactory())


# -- accessibility ----------------------------------------------------------------------------


def test_accessibility_lists_only_what_the_organizer_said_yes_or_no():
    event = LocalEventFactory(step_free_access=True, quiet_space=False, accessibility_note=" x ")
    known = accessibility(event)
    assert [(f.field, f.available) for f in known.facts] == [
        ("step_free_access", True), ("quiet_space", False),
    ]  # fmt: skip
    assert known.note == "x"
    assert not accessibility(LocalEventFactory())


def test_filtering_keeps_events_that_said_yes_to_every_feature():
    both = LocalEventFactory(step_free_access=True, seating=True)
    LocalEventFactory(step_free_access=True, seating=False)
    LocalEventFactory(step_free_access=None, seating=True)
    found = with_accessibility(LocalEvent.objects.all(), ["step_free_access", "seating"])
    assert list(found) == [both]
    assert with_accessibility(LocalEvent.objects.all(), []).count() == 3
    with pytest.raises(ValueError, match="address"):
        with_accessibility(LocalEvent.objects.all(), ["address"])


def test_applying_day_details_names_what_changed():
    event = LocalEventFactory(meeting_point="A")
    changed = apply_day_details(event, {"meeting_point": "B", "seating": None, "title": "x"})
    assert changed == {"meeting_point"}
    assert event.meeting_point == "B"
    assert event.title != "x"  # not a field of the day


def test_readers_show_the_stored_public_coordinates_without_asking_the_gazetteer(monkeypatch):
    """Pages, feeds, the map and the API read the copy save() keeps: one rule, applied once."""
    from django.utils import timezone

    from turnout.campaigns import day_details
    from turnout.campaigns.calendar import build_vevent
    from turnout.geo.worldmap import build_world_map
    from turnout.sharing.card_map import campaign_dots

    event = private_event()
    amsterdam = resolve_city("Amsterdam", country="NL")
    stored = (event.public_latitude, event.public_longitude)
    assert stored == (amsterdam.latitude, amsterdam.longitude)

    def no_lookup(*args, **kwargs):
        raise AssertionError("the public coordinates were worked out again")

    monkeypatch.setattr(day_details, "resolve_city", no_lookup)
    loaded = LocalEvent.objects.get(pk=event.pk)
    assert day_details.shown_coordinates(loaded) == stored
    vevent = build_vevent(loaded, now=timezone.now(), language="en")
    assert tuple(vevent.decoded("geo")) == stored
    assert len(build_world_map([loaded], language="en").places) == 1
    assert campaign_dots(event.campaign) == ((round(stored[0], 2), round(stored[1], 2)),)


def test_a_row_loaded_without_the_stored_copy_works_it_out():
    event = private_event()
    partial = LocalEvent.objects.only("city", "country", "latitude", "longitude").get(pk=event.pk)
    from turnout.campaigns.day_details import shown_coordinates

    assert shown_coordinates(partial) == (event.public_latitude, event.public_longitude)
    unsaved = LocalEvent(city="Amsterdam", country="NL", latitude=EXACT[0], longitude=EXACT[1])
    assert shown_coordinates(unsaved) == EXACT
