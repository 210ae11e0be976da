"""The group's calendar feed: one master VEVENT per series with its RRULE, EXDATEs for
cancelled dates and overrides for moved ones, read back by icalendar and recurring_ical_events
to exactly the dates the site has."""

from datetime import date, datetime, timedelta

import pytest
import recurring_ical_events
import time_machine
from django.urls import reverse
from icalendar import Calendar

from tests.factories import LocalEventFactory
from tests.signups.factories import SignupFactory
from turnout.campaigns.calendar import build_calendar
from turnout.campaigns.models import LocalEvent
from turnout.meetups.services import cancel_occurrence, edit_occurrence, split_series
from turnout.signups.invites import invite_ics

from .conftest import AMSTERDAM, NOW, make_series

pytestmark = pytest.mark.django_db


def feed(client, group) -> Calendar:
    with time_machine.travel(NOW, tick=False):
        response = client.get(reverse("api:feed_group", kwargs={"slug": group.slug}))
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def expanded(calendar: Calendar, until: date) -> list[tuple[str, str, str]]:
    found = recurring_ical_events.of(calendar).between(date(2030, 1, 1), until)
    return sorted(
        (
            f"{e['DTSTART'].dt.astimezone(AMSTERDAM):%m-%d %H:%M}",
            str(e["UID"]),
            str(e.get("LOCATION", "")),
        )
        for e in found
    )


def test_a_series_is_one_master_with_its_rule_and_expands_to_the_sites_dates(client, group, lead):
    series = make_series(group, lead)
    LocalEventFactory(campaign=None, group=group, title="One-off picnic")
    dates = list(series.occurrences.order_by("recurrence_id"))
    cancel_occurrence(occurrence=dates[1], now=NOW)
    moved = datetime(2030, 4, 3, 20, 0, tzinfo=AMSTERDAM)
    edit_occurrence(
        occurrence=dates[2],
        values={"starts_at": moved, "ends_at": moved + timedelta(hours=1), "venue": "Park"},
        now=NOW,
    )
    calendar = feed(client, group)
    vevents = calendar.walk("VEVENT")
    masters = [e for e in vevents if "RRULE" in e]
    assert len(masters) == 1
    [master] = masters
    assert str(master["UID"]) == f"{series.uid}@turnout-series"
    assert master["RRULE"].to_ical() == b"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"
    assert master["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert {tz["TZID"] for tz in calendar.walk("VTIMEZONE")} == {"Europe/Amsterdam"}
    # The picnic, the master and one override: not one VEVENT per date.
    assert sorted(str(e["SUMMARY"]) for e in vevents) == [
        "One-off picnic",
        "Open meeting",
        "Open meeting",
    ]
    site_dates = [
        f"{e.local_starts_at:%m-%d %H:%M}"
        for e in LocalEvent.objects.filter(series_occurrence__series=series).exclude(
            status="cancelled"
        )
    ]
    found = expanded(calendar, date(2030, 5, 20))
    series_dates = [when for when, uid, _place in found if uid.endswith("@turnout-series")]
    assert series_dates == sorted(site_dates) == [
        "03-05 19:00", "04-03 20:00", "04-16 19:00", "04-30 19:00", "05-14 19:00",
    ]  # fmt: skip
    assert (
        "04-03 20:00",
        f"{series.uid}@turnout-series",
        "Park, Oudegracht 1, Utrecht, Netherlands",
    ) in found
    # Calendar apps go on past the site's horizon: the rule has no end.
    later = [when for when, uid, _ in expanded(calendar, date(2030, 7, 1)) if "series" in uid]
    assert later[-2:] == ["06-11 19:00", "06-25 19:00"]
    # The feed does not change between two requests (same ETag source), UIDs stable.
    again = feed(client, group)
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(e["UID"]) for e in vevents]


def test_this_and_following_gives_two_masters_that_do_not_overlap(client, group, lead):
    series = make_series(group, lead)
    third = series.occurrences.order_by("recurrence_id")[2]
    new = split_series(occurrence=third, values={"venue": "Town hall"}, created_by=lead, now=NOW)
    calendar = feed(client, group)
    masters = {str(e["UID"]) for e in calendar.walk("VEVENT") if "RRULE" in e}
    assert masters == {f"{series.uid}@turnout-series", f"{new.uid}@turnout-series"}
    found = expanded(calendar, date(2030, 5, 20))
    assert [(when, place.split(",")[0]) for when, _uid, place in found] == [
        ("03-05 19:00", "Library"), ("03-19 19:00", "Library"), ("04-02 19:00", "Town hall"),
        ("04-16 19:00", "Town hall"), ("04-30 19:00", "Town hall"), ("05-14 19:00", "Town hall"),
    ]  # fmt: skip


def test_a_participants_invite_is_one_date_with_that_dates_stable_uid(group, lead):
    series = make_series(group, lead)
    event = series.occurrences.order_by("recurrence_id")[1].event
    signup = SignupFactory(event=event)
    [vevent] = Calendar.from_ical(invite_ics(signup, now=NOW, method="REQUEST")).walk("VEVENT")
    assert str(vevent["UID"]) == f"{event.uid}@turnout" and "RRULE" not in vevent
    assert build_calendar([event], now=NOW).walk("VEVENT")[0]["UID"] == vevent["UID"]
