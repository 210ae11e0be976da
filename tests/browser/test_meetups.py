"""On a phone, in Dutch: a group's lead makes "every second Tuesday at 19:00" and sees the dates;
the group page lists them."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.sessions import fits_the_screen, sign_in
from tests.factories import UserFactory
from tests.groups.factories import LocalGroupFactory
from turnout.meetups.models import MeetupSeries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lead_makes_every_second_tuesday_in_dutch_on_a_phone(
    live_server, page, screenshot, assert_accessible
):
    lea = UserFactory(email="lea@example.org", name="Lea", language="nl")
    group = LocalGroupFactory(city="Utrecht", slug="utrecht", name="Groep Utrecht")
    group.leads.add(lea)
    today = timezone.localdate()
    next_tuesday = today + timedelta(days=(1 - today.weekday()) % 7 or 7)
    sign_in(page, live_server, lea)

    page.goto(f"{live_server.url}/nl/groups/utrecht/")
    page.get_by_role("link", name="Terugkerende bijeenkomsten").click()
    page.get_by_role("link", name="Nieuwe terugkerende bijeenkomst").click()
    page.get_by_label("Titel").wait_for()  # the new page, not the one being left (a CI race)
    assert fits_the_screen(page)
    assert_accessible()
    page.get_by_label("Titel").fill("Open avond")
    page.get_by_label("Eerste datum").fill(next_tuesday.isoformat())
    page.get_by_label("Begintijd").fill("19:00")
    page.get_by_label("Om de hoeveel weken of maanden").fill("2")
    page.get_by_role("checkbox", name="dinsdag").check()
    page.locator("#id_venue").fill("Bibliotheek")
    screenshot("form-nl")
    page.get_by_role("button", name="Opslaan").click()

    page.get_by_role("heading", name="Open avond").wait_for()
    expect(page.get_by_text("Om de 2 weken op dinsdag")).to_be_visible()
    dates = page.locator(".meetup-dates > li")
    assert dates.count() == 6
    assert dates.first.get_by_text("19:00").count() == 1
    assert "dinsdag" in dates.nth(1).inner_text()
    assert fits_the_screen(page)
    assert_accessible()
    screenshot("series-nl")
    series = MeetupSeries.objects.get()
    assert series.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU" and series.dtstart == next_tuesday
    starts = [o.event.local_starts_at for o in series.occurrences.select_related("event")]
    assert [s.date() for s in starts] == [next_tuesday + timedelta(weeks=2 * i) for i in range(6)]
    assert {s.strftime("%H:%M") for s in starts} == {"19:00"}

    page.goto(f"{live_server.url}/nl/groups/utrecht/")
    assert page.locator("#upcoming-heading + ul > li").count() == 6
